// language-codes.ts: the two-letter language codes (ISO 639-1, as BCP 47 language subtags) CLDR
// names, from the generating Node's Intl, pinned to its CLDR version as country-names.ts is. The
// proxy-country rule reads "en-US" or "pt_BR" as a language tag (its country is the second part) only
// when the first part is a language: "US-CA" is a subdivision of the United States, not Canada.
import { fail, header } from "./spec.mjs";
import { pinnedToOtherCldr } from "./country-names.mjs";

export const LANGUAGE_CODES_FILE = "src/generated/language-codes.ts";

export function languageCodesTs() {
  const kept = pinnedToOtherCldr(LANGUAGE_CODES_FILE);
  if (kept !== undefined) return kept;
  let names;
  try {
    names = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
  } catch {
    fail("this Node has no Intl.DisplayNames (no full ICU); generate the language codes with an official Node build");
  }
  const codes = [];
  const letters = "abcdefghijklmnopqrstuvwxyz";
  for (const a of letters) {
    for (const b of letters) {
      const name = names.of(a + b);
      if (name !== undefined && name !== a + b) codes.push(a + b);
    }
  }
  const lines = [
    header("Intl.DisplayNames (language codes)").trimEnd(),
    `// CLDR ${process.versions.cldr ?? "unknown"}: a Node with another CLDR keeps this table; delete the file and regenerate to update it.`,
    "",
    "/** Two-letter language codes (ISO 639-1, deprecated ones such as \"iw\" included), lower case. */",
    "export const languageCodes: ReadonlySet<string> = new Set([",
  ];
  for (let at = 0; at < codes.length; at += 16) lines.push(`  ${codes.slice(at, at + 16).map((code) => JSON.stringify(code)).join(", ")},`);
  lines.push("]);", "");
  return lines.join("\n");
}

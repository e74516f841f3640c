// country-names.ts: the English name of every ISO 3166-1 alpha-2 region code, from the generating Node's
// Intl (CLDR), so that linting never calls Intl.DisplayNames (costly per call, and absent or partial
// where Node or a browser has no full ICU). The table is pinned to the CLDR version in its header: a
// Node with another CLDR keeps the committed table (names would churn with every Node upgrade); to move
// to a newer CLDR, delete src/generated/country-names.ts and run `pnpm generate`.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fail, header, packageRoot } from "./spec.mjs";

export const COUNTRY_NAMES_FILE = "src/generated/country-names.ts";

function fromIntl() {
  let names;
  try {
    names = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  } catch {
    fail("this Node has no Intl.DisplayNames (no full ICU); generate the country names with an official Node build");
  }
  const table = {};
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      const name = names.of(code);
      // The same filter the lookup applied at run time: no name, the code echoed back, or CLDR's "ZZ".
      if (name !== undefined && name !== code && name !== "Unknown Region") table[code.toLowerCase()] = name;
    }
  }
  return table;
}

/**
 * The committed text of a table generated from Intl, when it was made with another CLDR than this
 * Node's: such a table is kept as it is (see the top of this file). Undefined: generate it anew.
 */
export function pinnedToOtherCldr(relativePath) {
  const cldr = process.versions.cldr ?? "unknown";
  const file = join(packageRoot, relativePath);
  if (!existsSync(file)) return undefined;
  const committed = readFileSync(file, "utf8");
  const pinned = /^\/\/ CLDR ([^\s:]+)/m.exec(committed)?.[1];
  return pinned !== undefined && pinned !== cldr ? committed : undefined;
}

export function countryNamesTs() {
  const cldr = process.versions.cldr ?? "unknown";
  const kept = pinnedToOtherCldr(COUNTRY_NAMES_FILE);
  if (kept !== undefined) return kept;
  const table = fromIntl();
  const lines = [
    header("Intl.DisplayNames (region names in English)").trimEnd(),
    `// CLDR ${cldr}: a Node with another CLDR keeps this table; delete the file and regenerate to update it.`,
    "",
    "/** English names of ISO 3166-1 alpha-2 region codes, keyed by the lowercase code. */",
    "export const countryNames: Readonly<Record<string, string>> = {",
  ];
  for (const [code, name] of Object.entries(table)) lines.push(`  ${code}: ${JSON.stringify(name)},`);
  lines.push("};", "");
  return lines.join("\n");
}

// country-alpha3.ts: the ISO 3166-1 alpha-2 code of every alpha-3 code ("ukr" -> "ua"), from the
// i18n-iso-countries package (a devDependency pinned exactly, so the table changes only when the pin
// does). People write the alpha-3 code where the API takes alpha-2; proxy-country recognises it
// instead of guessing the nearest two-letter code ("ukr" is not South Korea's "kr").
import { createRequire } from "node:module";
import { fail, header } from "./spec.mjs";

const require = createRequire(import.meta.url);

export function countryAlpha3Ts() {
  const countries = require("i18n-iso-countries");
  const { version } = require("i18n-iso-countries/package.json");
  const table = Object.entries(countries.getAlpha3Codes()).map(([alpha3, alpha2]) => [alpha3.toLowerCase(), alpha2.toLowerCase()]);
  for (const [alpha3, alpha2] of table) {
    if (!/^[a-z]{3}$/.test(alpha3) || !/^[a-z]{2}$/.test(alpha2)) fail(`i18n-iso-countries maps ${JSON.stringify(alpha3)} to ${JSON.stringify(alpha2)}`);
  }
  table.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = [
    header(`i18n-iso-countries ${version} (ISO 3166-1 alpha-3 codes)`).trimEnd(),
    "",
    "/** The alpha-2 code of each ISO 3166-1 alpha-3 code, both lower case. */",
    "export const alpha2ByAlpha3: Readonly<Record<string, string>> = {",
  ];
  for (const [alpha3, alpha2] of table) lines.push(`  ${alpha3}: ${JSON.stringify(alpha2)},`);
  lines.push("};", "");
  return lines.join("\n");
}

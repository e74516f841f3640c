import { alpha2ByAlpha3 } from "./generated/country-alpha3.js";
import { countryNames } from "./generated/country-names.js";

/**
 * English name of an ISO 3166-1 alpha-2 code ("bt": "Bhutan"), or undefined when it is not one.
 * Shared by the proxy-country rule's messages and the editor features (hover, completion). The
 * names are a table generated from CLDR (scripts/generate/country-names.mjs), not Intl.DisplayNames:
 * guessing a country asks for the name of every code a proxy type offers, and each Intl call costs
 * microseconds; the table also gives the same names where the runtime has no full ICU.
 */
export function regionName(code: string): string | undefined {
  // ASCII letters only: "\u212Ar" (a Kelvin sign) lower-cases to "kr" but is no code.
  if (!/^[a-z]{2}$/i.test(code)) return undefined;
  const lower = code.toLowerCase();
  return Object.prototype.hasOwnProperty.call(countryNames, lower) ? countryNames[lower] : undefined;
}

/** Codes by lower-cased English name ("bhutan" -> ["bt"]; "germany" -> ["dd", "de"]), built on first use. */
let codesByName: Map<string, string[]> | undefined;

/**
 * The codes whose English name is `name` in any case, in the table's order. Guessing a country
 * from a name looks it up here once instead of asking for the name of every code a type offers.
 */
export function codesNamed(name: string): readonly string[] {
  if (!codesByName) {
    codesByName = new Map();
    for (const [code, english] of Object.entries(countryNames)) {
      const key = english.toLowerCase();
      const codes = codesByName.get(key);
      if (codes) codes.push(code);
      else codesByName.set(key, [code]);
    }
  }
  return codesByName.get(name.toLowerCase()) ?? [];
}

/** The ISO 3166-1 alpha-2 code of an alpha-3 code in any case ("UKR" -> "ua"), or undefined when it is not one. */
export function alpha2OfAlpha3(code: string): string | undefined {
  // ASCII letters only, as in regionName.
  if (!/^[a-z]{3}$/i.test(code)) return undefined;
  const lower = code.toLowerCase();
  return Object.prototype.hasOwnProperty.call(alpha2ByAlpha3, lower) ? alpha2ByAlpha3[lower] : undefined;
}

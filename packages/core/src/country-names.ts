import { alpha2ByAlpha3 } from "./generated/country-alpha3.js";
import { countryNames } from "./generated/country-names.js";
import { languageCodes } from "./generated/language-codes.js";

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

/**
 * How a code of two parts names a country: "en-US" and "pt_BR" are language tags (a language, then
 * the country), "US-CA" is an ISO 3166-2 subdivision code (a country, then a region of it).
 */
export interface TwoPartReading {
  kind: "language-tag" | "subdivision";
  /** The country's alpha-2 code, lower case. */
  country: string;
}

/**
 * Every way `code` reads as a language tag or a subdivision code: none, one, or two ("DE-BY" is
 * German as spoken in Belarus, or Bavaria). Only a language comes first in a tag, so "US-CA" is not
 * Canada; only a hyphen joins ISO 3166-2 codes; and "pt-BR", written with BCP 47's own letter case,
 * is a tag and nothing else.
 */
export function readTwoPartCode(code: string): TwoPartReading[] {
  const match = /^\s*([a-z]{2,3})([-_])([a-z0-9]{1,3})\s*$/i.exec(code);
  if (!match) return [];
  const [, first = "", separator, second = ""] = match;
  const language = first.toLowerCase();
  const region = second.toLowerCase();
  const readings: TwoPartReading[] = [];
  // A three-letter first part is a language unless it is a country's alpha-3 code ("fil-PH", not "usa-ca").
  const isLanguage = language.length === 2 ? languageCodes.has(language) : alpha2OfAlpha3(language) === undefined;
  if (isLanguage && regionName(region) !== undefined) readings.push({ kind: "language-tag", country: region });
  const tagCase = first === language && second === second.toUpperCase() && second !== region;
  if (separator === "-" && language.length === 2 && regionName(language) !== undefined && !(tagCase && readings.length > 0)) {
    readings.push({ kind: "subdivision", country: language });
  }
  return readings;
}

import { defineRule, type FixProposal, type RuleContext } from "../rule.js";
import { anchorProxyTypes, countryCodesByProxyType, defaultProxyType } from "../generated/countries.js";
import { alpha2OfAlpha3, codesNamed, readTwoPartCode, regionName, type TwoPartReading } from "../country-names.js";
import { guessEnum } from "../schema/enum-guess.js";
import { docOf } from "../schema/property-info.js";
import { editDistance, getAt, isObject, quote } from "./util.js";

const PROXY = "/configuration/session/proxy";
const POINTER = `${PROXY}/country_code`;
/** Codes people write for a country that ISO spells otherwise: the UK's, and the EU's own code for Greece. */
const ALIASES = new Map([["uk", "gb"], ["el", "gr"]]);

/** Beyond this many equally close codes a "did you mean" is a guess, not a help. */
const MAX_GUESSES = 3;

type AnchorType = keyof typeof countryCodesByProxyType;

/** The lists as sets: the check runs on every file with a proxy, and a list has up to 200 codes. */
const OFFERED: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(countryCodesByProxyType).map(([type, codes]) => [type, new Set<string>(codes)]),
);

export default defineRule({
  meta: {
    id: "proxy-country",
    description: "The proxy's country code must be one the proxy's type offers (codes are lowercase ISO 3166-1 alpha-2).",
    defaultSeverity: "error",
    fixable: "safe",
    category: "semantic",
  },
  check(context) {
    const proxy = getAt(context.root, ["configuration", "session", "proxy"]);
    if (!isObject(proxy)) return;
    const code = proxy["country_code"];
    if (typeof code !== "string") return;
    const written = proxy["type"];
    const rawType = written === undefined ? defaultProxyType : written;
    if (typeof rawType !== "string") return;
    // An unknown type is valid-enum's finding; the code is checked for the type it suggests, or,
    // without one, against every Anchor type's list. A custom proxy has no country_code
    // (known-property says so).
    const known = isAnchorType(rawType) || rawType === "custom";
    const meant = known ? rawType : guessEnum(`${PROXY}/type`, rawType, docOf(`${PROXY}/type`)?.enum ?? []).guess;
    if (meant === undefined) {
      reportAgainstEveryType(context, code, rawType);
      return;
    }
    if (!isAnchorType(meant)) return;
    const type: AnchorType = meant;
    if (OFFERED.get(type)!.has(code)) return;
    const offered = countryCodesByProxyType[type] as readonly string[];

    const related = [
      written === undefined
        ? { pointer: PROXY, message: `This proxy has no "type", so it is ${defaultProxyType}.` }
        : known
          ? { pointer: `${PROXY}/type`, message: `The proxy type is ${type} here.` }
          : { pointer: `${PROXY}/type`, message: `The proxy type is ${quote(rawType)} here, which is not a type; read as ${type}, which it most likely means.` },
    ];
    const lower = code.toLowerCase();
    // Only spelling differs: the country meant is certain, so the fix is safe.
    const normalized = lower.trim();
    if (offered.includes(normalized)) {
      const how =
        normalized === lower ? "in lower case" : lower === code ? "without spaces" : "in lower case without spaces";
      context.report({
        pointer: POINTER,
        message: `${quote(code)} must be written ${how}: ${JSON.stringify(normalized)}.`,
        fix: replaceCode(context.source.replaceValue(POINTER, normalized), code, normalized),
      });
      return;
    }

    // The list is the default type's when none is written: say so, or "anchor_proxy" would puzzle.
    const typeText = written === undefined ? `${type} ("type" is not set, so it is ${type})` : known ? type : `${type} (the type ${quote(rawType)}, read as ${type})`;
    // "en-US" names its country as surely as a code, "US-CA" too; "DE-BY" reads both ways.
    const readings = readTwoPartCode(code);
    if (readings.length > 1) {
      reportTwoReadings(context, code, readings, offered, typeText, related);
      return;
    }
    const reading = readings[0];
    // "uk" is the one code people commonly write for a country that ISO spells otherwise; an ISO
    // alpha-3 code ("ukr") names its country as surely. Either way the country meant is certain.
    const alias = ALIASES.get(lower) ?? reading?.country;
    const alpha3 = alias === undefined ? alpha2OfAlpha3(normalized) : undefined;
    const spelt = alias ?? alpha3;
    if (spelt !== undefined && offered.includes(spelt) && reading?.kind === "subdivision") {
      // Certain, yet not a safe fix: the region part is what the user wrote too, and it is dropped.
      const regionPart = code.trim().slice(3);
      context.report({
        pointer: POINTER,
        message: `${quote(code)} is an ISO 3166-2 subdivision code, of ${regionName(spelt) ?? spelt}; country_code takes the country's code alone: ${JSON.stringify(spelt)}. ${type === "anchor_proxy" ? `The region (${JSON.stringify(regionPart)}) goes in "region".` : `Only anchor_proxy proxies take a region (${JSON.stringify(regionPart)} here).`}`,
        related,
        suggestions: [{ ...replaceCode(context.source.replaceValue(POINTER, spelt), code, spelt), safety: "unsafe" }],
      });
      return;
    }
    if (spelt !== undefined && offered.includes(spelt)) {
      const message =
        reading !== undefined
          ? `${quote(code)} is a language tag; the country it names is ${regionName(spelt) ?? spelt}, whose code is ${JSON.stringify(spelt)}.`
          : alias !== undefined
            ? `${quote(code)} is not an ISO country code; use ${JSON.stringify(spelt)} for ${regionName(spelt) ?? spelt}.`
            : `${quote(code)} is the ISO 3166-1 alpha-3 code of ${regionName(spelt) ?? spelt}; this API takes alpha-2 codes: use ${JSON.stringify(spelt)}.`;
      context.report({ pointer: POINTER, message, fix: replaceCode(context.source.replaceValue(POINTER, spelt), code, spelt), related });
      return;
    }
    const lookup = spelt ?? lower;
    const subject =
      reading !== undefined
        ? `${quote(code)} is ${reading.kind === "language-tag" ? "a language tag" : "an ISO 3166-2 subdivision code"}, and its country ${JSON.stringify(reading.country)}${nameSuffix(reading.country)}`
        : alias !== undefined
        ? `${quote(code)} is not an ISO country code, and ${JSON.stringify(alias)}${nameSuffix(alias)}`
        : alpha3 !== undefined
          ? `${quote(code)} is an ISO 3166-1 alpha-3 code, and its alpha-2 code ${JSON.stringify(alpha3)}${nameSuffix(alpha3)}`
          : `${quote(code)}${nameSuffix(lower)}`;
    const caseNote = lower !== code && spelt === undefined ? ` Country codes are written in lower case: ${JSON.stringify(lower)}.` : "";
    const others = anchorProxyTypes
      .filter((other) => other !== type && (countryCodesByProxyType[other as AnchorType] as readonly string[]).includes(lookup))
      .sort();
    if (others.length > 0) {
      const suggestions: FixProposal[] = [];
      if (typeof proxy["type"] === "string") {
        for (const other of others) {
          suggestions.push({
            title: `Change the proxy type to ${JSON.stringify(other)}`,
            safety: "unsafe",
            // The code as that type lists it too ("BT" -> "bt"): otherwise the change leaves an error.
            edits: joinEdits(context.source.replaceValue(`${PROXY}/type`, other), code === lookup ? [] : context.source.replaceValue(POINTER, lookup)),
          });
        }
      }
      context.report({
        pointer: POINTER,
        message: `${subject} is not offered by ${typeText}; it is offered by ${joinTypes(others)}.${caseNote}`,
        related,
        ...(suggestions.length > 0 ? { suggestions } : {}),
      });
      return;
    }

    if (regionName(lookup) !== undefined) {
      context.report({ pointer: POINTER, message: `${subject} is not offered by any Anchor proxy type.${caseNote}`, related });
      return;
    }

    const guesses = guessCodes(code, offered);
    const hint = guesses.length > 0 ? ` Did you mean ${joinGuesses(guesses)}?` : "";
    context.report({
      pointer: POINTER,
      message: `${quote(code)} is not a country code offered by ${typeText}.${hint}`,
      related,
      ...(guesses.length === 1
        ? {
            suggestions: [
              {
                title: `Change to ${JSON.stringify(guesses[0])}`,
                safety: "unsafe" as const,
                edits: context.source.replaceValue(POINTER, guesses[0]),
              },
            ],
          }
        : {}),
    });
  },
});

/** Every Anchor type's codes: what a country code may be when the type written is none of them. */
const ANY_TYPE: readonly string[] = [...new Set(anchorProxyTypes.flatMap((type) => countryCodesByProxyType[type as AnchorType] as readonly string[]))].sort();

/** A code no Anchor type offers, under a type that is none of them (valid-enum reports the type). */
function reportAgainstEveryType(context: RuleContext, code: string, type: string): void {
  if (ANY_TYPE.includes(code)) return;
  const guesses = guessCodes(code, ANY_TYPE);
  context.report({
    pointer: POINTER,
    message: `${quote(code)} is not a country code offered by any Anchor proxy type.${guesses.length > 0 ? ` Did you mean ${joinGuesses(guesses)}?` : ""}`,
    related: [{ pointer: `${PROXY}/type`, message: `The proxy type is ${quote(type)} here, which is not a type.` }],
  });
}

/** A code that reads as a language tag and as a subdivision code: which countries, and those the type offers. */
function reportTwoReadings(
  context: RuleContext,
  code: string,
  readings: readonly TwoPartReading[],
  offered: readonly string[],
  typeText: string,
  related: { pointer: string; message: string }[],
): void {
  const described = readings.map((reading) =>
    reading.kind === "language-tag"
      ? `a language tag, whose country is ${regionName(reading.country) ?? reading.country} (${JSON.stringify(reading.country)})`
      : `an ISO 3166-2 subdivision code of ${regionName(reading.country) ?? reading.country} (${JSON.stringify(reading.country)})`,
  );
  const usable = readings.map((reading) => reading.country).filter((country) => offered.includes(country));
  const offers = usable.length > 0 ? `${typeText} offers ${usable.map((country) => JSON.stringify(country)).join(" and ")}` : `${typeText} offers neither`;
  context.report({
    pointer: POINTER,
    message: `${quote(code)} is not a country code: it reads as ${described.join(", or as ")}; ${offers}.`,
    related,
    ...(usable.length > 0
      ? { suggestions: usable.map((country) => ({ ...replaceCode(context.source.replaceValue(POINTER, country), code, country), safety: "unsafe" as const })) }
      : {}),
  });
}

function joinEdits(...parts: (FixProposal["edits"] | undefined)[]): FixProposal["edits"] {
  if (parts.some((part) => part === undefined)) return undefined;
  return parts.flatMap((part) => part!);
}

function isAnchorType(type: string): type is AnchorType {
  return Object.prototype.hasOwnProperty.call(countryCodesByProxyType, type);
}

function replaceCode(edits: FixProposal["edits"], from: string, to: string): FixProposal {
  return { title: `Change ${quote(from)} to ${JSON.stringify(to)}`, safety: "safe", edits };
}

function nameSuffix(code: string): string {
  const name = regionName(code);
  return name === undefined ? "" : ` (${name})`;
}

/** Codes the user may have meant: by country name ("Germany"), else the closest codes by edit distance. */
function guessCodes(input: string, offered: readonly string[]): string[] {
  const wanted = input.trim().toLowerCase();
  // The first offered code of that name (offered codes are the table's: lowercase, two letters).
  let named = -1;
  for (const code of codesNamed(wanted)) {
    const at = offered.indexOf(code);
    if (at >= 0 && (named < 0 || at < named)) named = at;
  }
  if (named >= 0) return [offered[named]!];
  // Two-letter codes are all within two edits of each other: one edit away is chance, not a typo.
  if (wanted.length <= 2) return [];
  let best = Infinity;
  let closest: string[] = [];
  for (const code of offered) {
    // At least the difference in length apart: such a code is never one edit away.
    if (Math.abs(wanted.length - code.length) > 1) continue;
    const distance = editDistance(wanted, code);
    if (distance < best) {
      best = distance;
      closest = [code];
    } else if (distance === best) {
      closest.push(code);
    }
  }
  if (best > 1 || closest.length > MAX_GUESSES) return [];
  return closest;
}

function joinGuesses(codes: readonly string[]): string {
  const items = codes.map((code) => `${quote(code)}${nameSuffix(code)}`);
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

function joinTypes(types: readonly string[]): string {
  return types.length <= 1 ? types.join("") : `${types.slice(0, -1).join(", ")} and ${types[types.length - 1]}`;
}

/**
 * How an unknown key relates to a key known in its object, for known-property's "did you mean":
 * a spelling variant (certain enough for --fix), a key meaning the opposite, a minute-valued key
 * with a unit, a synonym, or a plain edit-distance guess.
 */
import { SYNONYMS, ON_OFF } from "./synonyms.js";
import { boundedEditDistance, didYouMean } from "../rules/util.js";

/** The keys the spec gives "in minutes". A test holds this list to the property docs. */
export const MINUTE_VALUED: ReadonlySet<string> = new Set(["/configuration/session/timeout/max_duration", "/configuration/session/timeout/idle_timeout"]);
const MINUTE_VALUED_PARENTS: ReadonlySet<string> = new Set([...MINUTE_VALUED].map((pattern) => pattern.slice(0, pattern.lastIndexOf("/"))));

export interface Unit {
  /** Written out for messages: "milliseconds". */
  name: string;
  /** A value in this unit is `value * per / of` minutes (integers, so 1800000 ms is exactly 30). */
  per: number;
  of: number;
  /** Spelled out as minutes ("min", "minutes"): the value needs no conversion and the rename is certain. */
  spelledMinutes?: true;
}

const MS: Unit = { name: "milliseconds", per: 1, of: 60000 };
const SECONDS: Unit = { name: "seconds", per: 1, of: 60 };
const MINUTES: Unit = { name: "minutes", per: 1, of: 1, spelledMinutes: true };
const HOURS: Unit = { name: "hours", per: 60, of: 1 };
const UNITS: ReadonlyMap<string, Unit> = new Map([
  ...["ms", "millis", "milli", "millisecond", "milliseconds"].map((word) => [word, MS] as const),
  ...["s", "sec", "secs", "second", "seconds"].map((word) => [word, SECONDS] as const),
  ...["min", "mins", "minute", "minutes"].map((word) => [word, MINUTES] as const),
  // A lone "m" is minutes to most, but months or metres to some: the same value, offered only.
  ["m", { name: "minutes", per: 1, of: 1 }],
  ...["h", "hr", "hrs", "hour", "hours"].map((word) => [word, HOURS] as const),
]);

export type KeyGuess =
  /** `certain`: the key differs only in case and separators, or by one typo: --fix may rename it. */
  | { kind: "spelling"; key: string; certain: boolean }
  | { kind: "opposite"; key: string }
  | { kind: "unit"; key: string; unit: Unit }
  | { kind: "synonym"; key: string };

/** Case, `_`, `-` and spaces removed: `maxDuration`, `Max-Duration` and `max_duration` are one key. */
export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, "");
}

// The schema's keys, normalized once: a file may hold 100,000 unknown keys, each compared with
// every key of its object (the unknown keys themselves are not kept).
const normalizedKnown = new Map<string, string>();
function normalizedOf(known: string): string {
  let normalized = normalizedKnown.get(known);
  if (normalized === undefined) normalizedKnown.set(known, (normalized = normalizeKey(known)));
  return normalized;
}

/** `maxDurationMs` -> ["max", "duration", "ms"]. */
function wordsOf(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[-_\s]+/)
    .filter((word) => word !== "")
    .map((word) => word.toLowerCase());
}

// Longest first: "notx" is "not" + "x" before it is "no" + "tx".
const NEGATIONS = ["disabled", "disable", "dont", "not", "non", "no", "un", "in"];
const ENABLES = ["enabled", "enable"];
const DISABLES = ["disabled", "disable"];

/** Whether one normalized key is the other with a negation (`inactive`, `no_adblock`), or `enable_x` and `disable_x`. */
function opposite(a: string, b: string): boolean {
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  if (longer.endsWith(shorter) && NEGATIONS.includes(longer.slice(0, longer.length - shorter.length))) return true;
  if (!(a.startsWith("enable") || a.startsWith("disable")) || !(b.startsWith("enable") || b.startsWith("disable"))) return false;
  const rest = (key: string, prefixes: readonly string[]) => prefixes.filter((prefix) => key.startsWith(prefix)).map((prefix) => key.slice(prefix.length));
  const crosses = (x: string, y: string) => rest(x, ENABLES).some((left) => left !== "" && rest(y, DISABLES).includes(left));
  return crosses(a, b) || crosses(b, a);
}

/** A known key the unknown one is a spelling variant of: equal once normalized, or one typo away. */
function spellingVariant(key: string, normalized: string, known: readonly string[]): string | undefined {
  const lowered = key.toLowerCase();
  // One typo in a short key ("ip" for "id") is as likely another word: a guess, not certain.
  const oneTypo = (candidate: string) =>
    candidate.length >= 4 && Math.abs(candidate.length - lowered.length) <= 1 && boundedEditDistance(lowered, candidate.toLowerCase(), 1) === 1;
  let match: string | undefined;
  for (const candidate of known) {
    if (normalizedOf(candidate) !== normalized && !oneTypo(candidate)) continue;
    if (match !== undefined) return undefined;
    match = candidate;
  }
  return match;
}

/** A minute-valued key of `known` followed by a unit: `max_duration_ms`, `idleTimeoutSeconds`. */
function withUnit(key: string, normalized: string, parentPattern: string, known: readonly string[]): { key: string; unit: Unit } | undefined {
  if (!MINUTE_VALUED_PARENTS.has(parentPattern)) return undefined;
  for (const candidate of known) {
    if (!MINUTE_VALUED.has(`${parentPattern}/${candidate}`)) continue;
    const base = normalizedOf(candidate);
    if (!normalized.startsWith(base)) continue;
    let suffix = normalized.slice(base.length);
    if (suffix.startsWith("in") && UNITS.has(suffix.slice(2))) suffix = suffix.slice(2);
    const unit = UNITS.get(suffix);
    if (!unit) continue;
    // A lone "s" run on ("idle_timeouts") is a plural more likely than seconds.
    if (suffix === "s" && wordsOf(key).at(-1) !== "s") continue;
    return { key: candidate, unit };
  }
  return undefined;
}

/** The synonyms by their words, normalized: most keys are no synonym at all. */
const SYNONYMS_BY_WORD: ReadonlyMap<string, readonly (typeof SYNONYMS)[number][]> = (() => {
  const byWord = new Map<string, (typeof SYNONYMS)[number][]>();
  for (const synonym of SYNONYMS) for (const word of synonym.words) byWord.set(normalizeKey(word), [...(byWord.get(normalizeKey(word)) ?? []), synonym]);
  return byWord;
})();

function synonymOf(normalized: string, parentPattern: string, known: readonly string[]): string | undefined {
  for (const synonym of SYNONYMS_BY_WORD.get(normalized) ?? []) {
    const applies = synonym.place === ON_OFF ? known.includes("active") : synonym.place === parentPattern;
    if (applies && known.includes(synonym.key)) return synonym.key;
  }
  return undefined;
}

/**
 * The known key an unknown key most likely stands for, and how: first a key it means the opposite
 * of (which no "did you mean" may rename it to), then a minute-valued key with a unit, a spelling
 * variant, a synonym, and last the nearest key by edit distance. `candidates` are the keys it may
 * be renamed to (those not yet set), `known` all keys of the object.
 */
export function guessKey(key: string, parentPattern: string, candidates: readonly string[], known: readonly string[] = candidates): KeyGuess | undefined {
  const normalized = normalizeKey(key);
  const contrary = candidates.find((candidate) => opposite(normalized, normalizedOf(candidate)));
  if (contrary !== undefined) return { kind: "opposite", key: contrary };
  const unit = withUnit(key, normalized, parentPattern, candidates);
  if (unit) return { kind: "unit", ...unit };
  // Uniqueness is judged among all keys of the object: one typo from two keys is a guess.
  const variant = spellingVariant(key, normalized, known);
  if (variant !== undefined && candidates.includes(variant)) return { kind: "spelling", key: variant, certain: true };
  const synonym = synonymOf(normalized, parentPattern, candidates);
  if (synonym !== undefined) return { kind: "synonym", key: synonym };
  const near = didYouMean(key, candidates);
  // A near key with a negation of its own ("disable_adblock" near "disable_dialogs") is no typo of it.
  if (near !== undefined && !NEGATIONS.some((negation) => normalized.startsWith(negation) && known.some((other) => normalizedOf(other) === normalized.slice(negation.length)))) {
    return { kind: "spelling", key: near, certain: false };
  }
  return undefined;
}

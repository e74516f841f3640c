/** Small helpers shared by rules: defensive reads of the request value and message building. */
import { escapeControls } from "../display.js";
import { redactActive } from "../secrets.js";

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const hasOwn = Object.prototype.hasOwnProperty;
const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

/** Own-property read along a path; never walks the prototype chain (keys like `__proto__` are data here). */
export function getAt(root: unknown, path: readonly (string | number)[]): unknown {
  // Every rule reads through this on every file: an indexed loop with one type check per step.
  let current: unknown = root;
  for (let step = 0; step < path.length; step++) {
    if (typeof current !== "object" || current === null) return undefined;
    const segment = path[step]!;
    if (Array.isArray(current)) {
      const index = typeof segment === "number" ? segment : ARRAY_INDEX.test(segment) ? Number(segment) : -1;
      current = index >= 0 ? current[index] : undefined;
    } else if (hasOwn.call(current, segment)) {
      current = (current as Record<string, unknown>)[segment as string];
    } else {
      return undefined;
    }
  }
  return current;
}

export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** RFC 6901 pointer of a path: `["a", 0, "b/c"]` -> `/a/0/b~1c`. */
export function pointerOf(path: readonly (string | number)[]): string {
  let pointer = "";
  for (const segment of path) pointer += "/" + escapePointerSegment(segment);
  return pointer;
}

export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  const segments = pointer.slice(1).split("/");
  // Pointers are parsed on every finding and read; almost none has an escape to undo.
  if (pointer.includes("~")) {
    for (let index = 0; index < segments.length; index++) segments[index] = segments[index]!.replace(/~1/g, "/").replace(/~0/g, "~");
  }
  return segments;
}

const MAX_QUOTED_LENGTH = 60;

/**
 * A value as it should appear in a message: JSON-quoted, credentials masked, controls escaped, and
 * only then shortened (a long credential cut first would no longer match, and its start would show).
 */
export function quote(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  if (typeof value === "number" && !Number.isFinite(value)) text = String(value);
  text = escapeControls(redactActive(text));
  if (text.length > MAX_QUOTED_LENGTH) text = text.slice(0, MAX_QUOTED_LENGTH - 1) + "…";
  return text;
}

/** `"a", "b" or "c"` style list of quoted values, sorted. */
export function quotedList(values: readonly string[], conjunction = "or"): string {
  const quoted = [...values].sort().map((value) => JSON.stringify(value));
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} ${conjunction} ${quoted[quoted.length - 1]}`;
}

export function editDistance(a: string, b: string): number {
  return boundedEditDistance(a, b, Infinity);
}

// Three rows of the distance matrix, reused: a suggestion compares the input with many candidates.
let beforeRow = new Int32Array(32);
let previousRow = new Int32Array(32);
let currentRow = new Int32Array(32);

/**
 * The edit distance of two strings, or `limit + 1` as soon as it is known to exceed `limit`. Two
 * neighbouring characters swapped (`tpye`) count as one edit, as one slip of the fingers (optimal
 * string alignment): as two, a four-letter key's swap was past every threshold.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (previousRow.length <= b.length) {
    beforeRow = new Int32Array(b.length + 1);
    previousRow = new Int32Array(b.length + 1);
    currentRow = new Int32Array(b.length + 1);
  }
  let before = beforeRow;
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const code = a.charCodeAt(i - 1);
    const previousCode = i > 1 ? a.charCodeAt(i - 2) : -1;
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const other = b.charCodeAt(j - 1);
      const cost = code === other ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (j > 1 && code === b.charCodeAt(j - 2) && previousCode === other && code !== other) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    // A row's minimum never decreases further down (a swap reaches back two rows, but at a cost of
    // one, and the row above is at most one more than the one before it): once past the limit, so
    // is the distance.
    if (rowMinimum > limit) return limit + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return previous[b.length]!;
}

/**
 * The candidate the user most likely meant, or undefined when none is close enough.
 * Case differences count as near-misses; the threshold grows with the word, as in most "did you mean" tools.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const lowered = input.toLowerCase();
  const threshold = Math.max(1, Math.floor(Math.max(input.length, 3) / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const candidateLowered = candidate.toLowerCase();
    if (candidateLowered === lowered) return candidate;
    // The distance is at least the difference in length: skip the matrix when that is already too far.
    if (Math.abs(candidate.length - input.length) > threshold) continue;
    // Only a candidate closer than the best so far and within the threshold can be the answer.
    const distance = boundedEditDistance(lowered, candidateLowered, Math.min(bestDistance - 1, threshold));
    if (distance < bestDistance && distance <= threshold) {
      bestDistance = distance;
      best = candidate;
    }
  }
  return best;
}

/** Longer than a day: no browser session the docs describe runs that long. */
const MINUTES_IN_A_DAY = 1440;

/**
 * The unit a timeout in minutes of more than a day was most likely written in: whole minutes in milliseconds
 * (1,800,000 for 30) or in seconds (1,800). Undefined when no unit explains it: a long timeout may
 * be meant, and only these two slips are common enough to warn about. number-range reports it;
 * timeout-order leaves such a timeout alone (one finding for one slip).
 */
export function likelyUnit(value: number): { name: string; minutes: number } | undefined {
  if (value <= MINUTES_IN_A_DAY) return undefined;
  if (value % 60_000 === 0) return { name: "milliseconds", minutes: value / 60_000 };
  if (value % 60 === 0) return { name: "seconds", minutes: value / 60 };
  return undefined;
}

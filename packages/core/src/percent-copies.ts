/**
 * Copies of a credential percent-encoded into other strings of a text (`Pw-Mixed%219` in a tag or a
 * URL's query for the password `Pw-Mixed!9`), which any URL decoder gives back: found by decoding
 * each run of text with a `%XX` and masking the runs with the credential's own forms (`redact`:
 * secrets.ts's redactText, which calls this), not by a form per way of encoding it.
 */
import { MASK } from "./credential-text.js";

const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/g;

/**
 * What ends a run of text a percent-encoded copy is read in: a quote, a backslash, `<`, `>`, a line
 * break or another control character, and a space unless a credential has one (a copy may write it
 * plain; otherwise a sentence with two copies would be masked from the first to the second).
 */
function endsPercentRun(code: number, spaced: boolean): boolean {
  return code < 32 || (code === 32 && !spaced) || code === 34 || code === 39 || code === 92 || code === 60 || code === 62 || (code >= 127 && code <= 160) || code === 0x2028 || code === 0x2029;
}

/** The value of a hex digit's character code, or -1. */
function hexDigit(code: number): number {
  return code >= 48 && code <= 57 ? code - 48 : code >= 65 && code <= 70 ? code - 55 : code >= 97 && code <= 102 ? code - 87 : -1;
}

/** The byte a `%XX` at `index` writes, or -1 when none is written there. */
function escapedByte(run: string, index: number): number {
  if (run.charCodeAt(index) !== 37) return -1;
  const high = hexDigit(run.charCodeAt(index + 1));
  const low = hexDigit(run.charCodeAt(index + 2));
  return high < 0 || low < 0 ? -1 : high * 16 + low;
}

/**
 * The character a UTF-8 sequence of `%XX` escapes at `index` writes, and where the sequence ends; none
 * for a byte that starts no valid sequence (checked here: an exception per bad byte from
 * decodeURIComponent made a run of them 300 times slower to read).
 */
function escapedCharacter(run: string, index: number): { code: number; end: number } | undefined {
  const lead = escapedByte(run, index);
  if (lead <= 0) return undefined;
  if (lead < 0x80) return { code: lead, end: index + 3 };
  const more = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
  if (more === 0) return undefined;
  let code = lead & (0x3f >> more);
  for (let byte = 1; byte <= more; byte++) {
    const next = escapedByte(run, index + 3 * byte);
    if (next < 0x80 || next > 0xbf) return undefined;
    code = (code << 6) | (next & 0x3f);
  }
  const least = more === 1 ? 0x80 : more === 2 ? 0x800 : 0x10000;
  if (code < least || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return undefined;
  return { code, end: index + 3 * (more + 1) };
}

/**
 * A run of text percent-decoded (any case of hex, `encodeURI` or `encodeURIComponent`, mixed with
 * plain characters), in pieces: each a stretch of plain text or one decoded character, with where
 * it starts in the decoded text (`at`) and where it is written in the run. A sequence that is no
 * UTF-8 character, and `%00` (the separator below), stay as written.
 */
interface PercentDecoded {
  decoded: string;
  pieces: { at: number; start: number; end: number; plain: boolean }[];
}

function percentDecoded(run: string): PercentDecoded {
  const chunks: string[] = [];
  const pieces: PercentDecoded["pieces"] = [];
  let at = 0;
  let plainFrom = 0;
  const plainUpTo = (index: number) => {
    if (index <= plainFrom) return;
    chunks.push(run.slice(plainFrom, index));
    pieces.push({ at, start: plainFrom, end: index, plain: true });
    at += index - plainFrom;
  };
  for (let index = run.indexOf("%"); index >= 0 && index < run.length; index = run.indexOf("%", index)) {
    const escaped = escapedCharacter(run, index);
    if (escaped === undefined) {
      index++;
      continue;
    }
    plainUpTo(index);
    const text = String.fromCodePoint(escaped.code);
    chunks.push(text);
    pieces.push({ at, start: index, end: escaped.end, plain: false });
    at += text.length;
    plainFrom = index = escaped.end;
  }
  plainUpTo(run.length);
  return { decoded: chunks.join(""), pieces };
}

/** Where the decoded characters from `start` to `end` are written in the run, whole escapes included. */
function writtenSpan({ pieces }: PercentDecoded, start: number, end: number): { start: number; end: number } {
  let first = 0;
  while (first + 1 < pieces.length && pieces[first + 1]!.at <= start) first++;
  let last = first;
  while (last + 1 < pieces.length && pieces[last + 1]!.at < end) last++;
  const a = pieces[first]!;
  const b = pieces[last]!;
  return { start: a.plain ? a.start + (start - a.at) : a.start, end: b.plain ? b.start + (end - b.at) : b.end };
}

/**
 * Copies of a credential percent-encoded (`Pw-Mixed%219` or `Pw%2dMixed%219` for `Pw-Mixed!9`, in a
 * tag or a URL's query), which no form of it matches. As for copies written with JSON escapes
 * (redactCredentials), each run of text with a `%XX` is decoded and the runs are masked together in
 * one pass (one per run would cost runs times credentials); in a run that masking changes, the part
 * from its first change to its last is masked as written. Linear: a run is found from its `%`, once.
 */
export function withPercentCopiesMasked(text: string, credentials: { readonly values: readonly string[] }, redact: (runs: string) => string): string {
  const runs: { start: number; end: number; decoded: PercentDecoded }[] = [];
  const { values, spaced } = lookup(credentials);
  // Where the last run read ends: an escape inside it is not looked at again.
  let scanned = 0;
  for (const match of text.matchAll(PERCENT_ESCAPE)) {
    if (match.index < scanned) continue;
    let start = match.index;
    while (start > scanned && !endsPercentRun(text.charCodeAt(start - 1), spaced)) start--;
    let end = match.index + 3;
    while (end < text.length && !endsPercentRun(text.charCodeAt(end), spaced)) end++;
    scanned = end;
    const decoded = percentDecoded(text.slice(start, end));
    if (decoded.pieces.some((piece) => !piece.plain)) runs.push({ start, end, decoded });
  }
  if (runs.length === 0) return text;
  // A run that is a whole quoted value equal to a credential (a short one, masked only so) is all masked.
  const whole = (run: (typeof runs)[number]) => text[run.start - 1] === '"' && text[run.end] === '"' && values.has(run.decoded.decoded);
  const joined = runs.map((run) => run.decoded.decoded).join("\u0000");
  const masked = redact(joined).split("\u0000");
  // A credential with a NUL of its own matched across two runs: every run is masked, a mask too many.
  const aligned = masked.length === runs.length;
  const parts: string[] = [];
  let copied = 0;
  for (let index = 0; index < runs.length; index++) {
    const run = runs[index]!;
    const decoded = run.decoded.decoded;
    const after = masked[index]!;
    let start = 0;
    let end = decoded.length;
    if (aligned && !whole(run)) {
      if (after === decoded) continue;
      let prefix = 0;
      while (prefix < decoded.length && prefix < after.length && decoded[prefix] === after[prefix]) prefix++;
      let suffix = 0;
      while (suffix < decoded.length - prefix && suffix < after.length - prefix && decoded[decoded.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
      start = prefix;
      end = Math.max(decoded.length - suffix, prefix + 1);
    }
    const written = writtenSpan(run.decoded, start, end);
    parts.push(text.slice(copied, run.start + written.start), MASK);
    copied = run.start + written.end;
  }
  parts.push(text.slice(copied));
  return parts.join("");
}

const lookups = new WeakMap<object, { values: ReadonlySet<string>; spaced: boolean }>();

/** The credentials' values as a set, and whether one has a space: made once per set of credentials. */
function lookup(credentials: { readonly values: readonly string[] }): { values: ReadonlySet<string>; spaced: boolean } {
  let found = lookups.get(credentials);
  if (!found) lookups.set(credentials, (found = { values: new Set(credentials.values), spaced: credentials.values.some((value) => value.includes(" ")) }));
  return found;
}

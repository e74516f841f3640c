/**
 * A check-as-you-go reading of JSON with comments and trailing commas (what jsonc-parser accepts
 * without an error), by characters: no tokens, no tree. Editor features on multi-megabyte texts use
 * it where jsonc-parser would build a tree or tokenize the whole text, and only while the text is
 * well-formed: where it is not, jsonc-parser's error recovery (skipping tokens to the next comma or
 * closing bracket, at whatever depth) decides the answer, and they ask jsonc-parser.
 */
export interface JsoncVisitor {
  open?(at: number, object: boolean): void;
  /** A container `[open, at + 1)` closed. */
  close?(open: number, at: number, object: boolean): void;
  comma?(at: number): void;
  key?(start: number, end: number): void;
  /** A string, number or literal value `[start, end)`. */
  scalar?(start: number, end: number, string: boolean): void;
}

/** What a container expects next. */
const enum Expect {
  /** A key, or the end (after `{`, or after a comma: a trailing comma is allowed). */
  Key,
  Colon,
  Value,
  /** A value, or the end (after `[` or an array's comma). */
  ValueOrEnd,
  CommaOrEnd,
}

const LITERAL = /^(?:true|false|null|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)$/;

/**
 * Reads `text` from the start, calling `visitor` for each piece. "done": the text is one
 * well-formed value; "stopped": well-formed up to `stop`, where a piece (a string, a comment, a
 * number) or the text reaches it; "broken": not well-formed before that.
 */
export function walkJsonc(text: string, visitor: JsoncVisitor, stop = Number.POSITIVE_INFINITY): "done" | "stopped" | "broken" {
  const stack: { at: number; object: boolean; expect: Expect }[] = [];
  let root = Expect.Value as Expect;
  const end = Math.min(stop, text.length);
  /** A value starts here: false when none may. */
  const value = (): boolean => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (root !== Expect.Value) return false;
      root = Expect.CommaOrEnd;
      return true;
    }
    if (top.expect !== Expect.Value && top.expect !== Expect.ValueOrEnd) return false;
    top.expect = Expect.CommaOrEnd;
    return true;
  };
  for (let at = 0; at < end; at++) {
    const c = text.charCodeAt(at);
    if (c === 32 || c === 10 || c === 13 || c === 9) continue;
    if (c === 34 /* " */) {
      const ends = stringEnd(text, at);
      const after = Math.abs(ends);
      if (after >= stop) return "stopped";
      if (ends < 0) return "broken";
      const top = stack[stack.length - 1];
      if (top?.object && top.expect === Expect.Key) {
        top.expect = Expect.Colon;
        visitor.key?.(at, after);
      } else {
        if (!value()) return "broken";
        visitor.scalar?.(at, after, true);
      }
      at = after - 1;
    } else if (c === 47 /* / */) {
      const next = text.charCodeAt(at + 1);
      let after: number;
      if (next === 47) {
        after = lineEnd(text, at);
      } else if (next === 42) {
        const close = text.indexOf("*/", at + 2);
        after = close < 0 ? text.length : close + 2;
        if (close < 0 && after < stop) return "broken";
      } else {
        return "broken";
      }
      if (after >= stop) return "stopped";
      at = after - 1;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (!value()) return "broken";
      stack.push({ at, object: c === 123, expect: c === 123 ? Expect.Key : Expect.ValueOrEnd });
      visitor.open?.(at, c === 123);
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      const open = stack.pop();
      if (!open || open.object !== (c === 125)) return "broken";
      if (open.expect === Expect.Colon || open.expect === Expect.Value) return "broken";
      visitor.close?.(open.at, at, open.object);
    } else if (c === 44 /* , */) {
      const top = stack[stack.length - 1];
      if (!top || top.expect !== Expect.CommaOrEnd) return "broken";
      top.expect = top.object ? Expect.Key : Expect.ValueOrEnd;
      visitor.comma?.(at);
    } else if (c === 58 /* : */) {
      const top = stack[stack.length - 1];
      if (!top || top.expect !== Expect.Colon) return "broken";
      top.expect = Expect.Value;
    } else {
      // A number or a literal, up to the next delimiter.
      let after = at + 1;
      while (after < text.length && !isDelimiter(text.charCodeAt(after))) after++;
      if (after >= stop) return "stopped";
      if (!isLiteral(text, at, after) || !value()) return "broken";
      visitor.scalar?.(at, after, false);
      at = after - 1;
    }
  }
  if (end < text.length) return "stopped";
  return stack.length === 0 && root === Expect.CommaOrEnd ? "done" : text.length >= stop ? "stopped" : "broken";
}

/**
 * The offset after the string whose quote is at `at`, negated when the string is not closed: like
 * jsonc-parser's scanner, an unclosed string ends at the line break (or the end of the text), and
 * an escaped character is the string's, even a line break.
 */
export function stringEnd(text: string, at: number): number {
  let i = at + 1;
  const quote = text.indexOf('"', i);
  // Up to the first quote (a native search), unless a backslash or a line break comes first.
  if (quote >= 0) {
    for (; i < quote; i++) {
      const c = text.charCodeAt(i);
      if (c === 92 || c === 10 || c === 13) break;
    }
    if (i === quote) return quote + 1;
  }
  const length = text.length;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c === 92) i++;
    else if (c === 10 || c === 13) return -i;
  }
  return -length;
}

/** A number or true, false, null as JSON writes them; plain integers (most numbers) without a regular expression. */
export function isLiteral(text: string, start: number, end: number): boolean {
  let i = text.charCodeAt(start) === 45 /* - */ ? start + 1 : start;
  const first = i;
  while (i < end && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  if (i === end && end > first && (text.charCodeAt(first) !== 48 || end === first + 1)) return true;
  return LITERAL.test(text.slice(start, end));
}

export function isDelimiter(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 44 || c === 58 || c === 123 || c === 125 || c === 91 || c === 93 || c === 34 || c === 47;
}

export function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

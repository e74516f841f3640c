/**
 * The text with every object and array that closes before `offset` emptied (its inside turned to
 * a blank comment, its brackets kept): the same length, the same offsets, the same path to the cursor, but
 * jsonc-parser's getLocation and the member scans no longer tokenize megabytes of `metadata` the
 * cursor is not in. Returns the text itself when it is small, or when brackets do not pair up and
 * emptying could change how jsonc-parser recovers.
 */
export function skeletonBefore(text: string, offset: number, minLength = 64 * 1024): string {
  if (text.length < minLength) return text;
  const spans = closedBefore(text, offset);
  if (!spans || spans.length === 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of spans) {
    // A block comment, not plain spaces: jsonc-parser's scanner builds whitespace tokens one
    // character at a time, but takes a comment in one substring.
    parts.push(text.slice(from, start + 1), `/*${" ".repeat(end - start - 6)}*/`);
    from = end - 1;
  }
  parts.push(text.slice(from));
  return parts.join("");
}

const INTERESTING = /["{}[\]/]/g;

/** Outermost containers that open and close before `offset` and are worth emptying, in order. */
function closedBefore(text: string, offset: number): [number, number][] | undefined {
  const spans: [number, number][] = [];
  const open: number[] = [];
  const lineBreaks = new LineBreaks(text);
  INTERESTING.lastIndex = 0;
  for (;;) {
    const match = INTERESTING.exec(text);
    if (!match || match.index >= offset) break;
    const at = match.index;
    const c = text.charCodeAt(at);
    if (c === 34 /* " */) {
      const end = stringEnd(text, at, lineBreaks);
      // The cursor inside a string: stop here, nothing after it matters.
      if (end >= offset) break;
      INTERESTING.lastIndex = end;
    } else if (c === 47 /* / */) {
      const next = text.charCodeAt(at + 1);
      let end: number;
      if (next === 47) {
        end = lineEnd(text, at);
      } else if (next === 42) {
        const close = text.indexOf("*/", at + 2);
        end = close < 0 ? text.length : close + 2;
      } else {
        continue;
      }
      if (end >= offset) break;
      INTERESTING.lastIndex = end;
    } else if (c === 123 || c === 91) {
      open.push(at);
    } else {
      const start = open.pop();
      if (start === undefined) return undefined;
      // A `{` closed by `]`: jsonc-parser's recovery there depends on what is inside; leave it all.
      if ((text.charCodeAt(start) === 123) !== (c === 125)) return undefined;
      while (spans.length > 0 && spans[spans.length - 1]![0] > start) spans.pop();
      // Room for the comment that replaces the inside: `{/**/}`.
      if (at + 1 - start >= 6) spans.push([start, at + 1]);
    }
  }
  return spans;
}

/**
 * The offset after the string whose quote is at `at`. Like jsonc-parser's scanner, an unclosed
 * string ends at the line break.
 */
function stringEnd(text: string, at: number, lineBreaks: LineBreaks): number {
  let quote = at;
  for (;;) {
    quote = text.indexOf('"', quote + 1);
    if (quote < 0) quote = text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0 || quote === text.length) break;
  }
  const lineBreak = lineBreaks.after(at);
  return lineBreak < quote ? lineBreak : Math.min(quote + 1, text.length);
}

/** The next line break at or after an offset; offsets only grow, so each search resumes the last. */
class LineBreaks {
  private lf = -1;
  private cr = -1;
  constructor(private readonly text: string) {}

  after(from: number): number {
    if (this.lf < from) this.lf = indexOrEnd(this.text, "\n", from);
    if (this.cr < from) this.cr = indexOrEnd(this.text, "\r", from);
    return Math.min(this.lf, this.cr);
  }
}

function indexOrEnd(text: string, search: string, from: number): number {
  const index = text.indexOf(search, from);
  return index < 0 ? text.length : index;
}

function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

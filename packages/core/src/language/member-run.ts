import { SyntaxKind } from "../source/syntax-kind.js";
import { isDelimiter, isLiteral } from "./walk.js";

/** A member of an object as the completion and hover scans report it. */
export interface Member {
  key: string;
  keyOffset: number;
  /** The value's first token: its kind (a jsonc-parser SyntaxKind) and, for a string, its value. */
  valueKind: number | undefined;
  value: string | undefined;
}

/**
 * Reads the plain members of an object by characters, from `from` (just after its `{` or a comma):
 * what jsonc-parser's scanner would report for them, key by key, without a token per piece (100 ms
 * for 300,000 keys with the scanner). Stops at the first member that is not plain (a comment, an
 * escape, anything out of place) and returns where it starts, for the scanner to go on from
 * there; -1 when the object's `}` was reached. Only members named in `keys` are kept, when given.
 */
export function readPlainMembers(text: string, from: number, members: Member[], keys?: ReadonlySet<string>): number {
  let at = from;
  for (;;) {
    const start = at;
    at = skipSpace(text, at);
    // The end (after a trailing comma too, which the scanner passes over the same way).
    if (text.charCodeAt(at) === 125 /* } */) return -1;
    if (text.charCodeAt(at) !== 34) return start;
    const keyEnd = plainStringEnd(text, at);
    if (keyEnd < 0) return start;
    const keyOffset = at;
    at = skipSpace(text, keyEnd);
    if (text.charCodeAt(at) !== 58 /* : */) return start;
    at = skipSpace(text, at + 1);
    const valueStart = at;
    const c = text.charCodeAt(at);
    let valueKind: number;
    let valueEnd: number;
    if (c === 34) {
      valueEnd = plainStringEnd(text, at);
      if (valueEnd < 0) return start;
      valueKind = SyntaxKind.String;
    } else if (c === 123 || c === 91) {
      valueEnd = containerEnd(text, at);
      if (valueEnd < 0) return start;
      valueKind = c === 123 ? SyntaxKind.OpenBrace : SyntaxKind.OpenBracket;
    } else {
      valueEnd = at;
      while (valueEnd < text.length && !isDelimiter(text.charCodeAt(valueEnd))) valueEnd++;
      if (valueEnd === at || !isLiteral(text, at, valueEnd)) return start;
      const word = text.charCodeAt(at);
      valueKind = word === 116 ? SyntaxKind.True : word === 102 ? SyntaxKind.False : word === 110 ? SyntaxKind.Null : SyntaxKind.Number;
    }
    at = skipSpace(text, valueEnd);
    const next = text.charCodeAt(at);
    if (next !== 44 && next !== 125) return start;
    const key = text.slice(keyOffset + 1, keyEnd - 1);
    if (!keys || keys.has(key)) {
      const value = valueKind === SyntaxKind.String ? text.slice(valueStart + 1, valueEnd - 1) : undefined;
      members.push({ key, keyOffset, valueKind, value });
    }
    if (next === 125) return -1;
    at++;
  }
}

/** After a string closed on its line without a backslash, or -1. */
function plainStringEnd(text: string, at: number): number {
  const quote = text.indexOf('"', at + 1);
  if (quote < 0) return -1;
  for (let i = at + 1; i < quote; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 || c === 10 || c === 13) return -1;
  }
  return quote + 1;
}

/** After the container whose bracket is at `at`, when nothing in it needs the scanner's judgement; else -1. */
function containerEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const end = plainStringEnd(text, i);
      if (end < 0) return -1;
      i = end - 1;
    } else if (c === 47) {
      return -1;
    } else if (c === 123 || c === 91) {
      depth++;
    } else if ((c === 125 || c === 93) && --depth === 0) {
      return i + 1;
    }
  }
  return -1;
}

function skipSpace(text: string, at: number): number {
  for (;;) {
    const c = text.charCodeAt(at);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return at;
    at++;
  }
}

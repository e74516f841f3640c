import { createScanner } from "jsonc-parser";
import { SyntaxKind } from "../source/syntax-kind.js";

export type Span = { offset: number; length: number };

const WORD = /[A-Za-z0-9_$.\-+]/;

/** The bare word around the cursor (a partly typed key or literal without quotes). */
export function wordAt(text: string, offset: number): Span & { text: string } {
  let start = offset;
  while (start > 0 && WORD.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && WORD.test(text[end]!)) end++;
  return { offset: start, length: end - start, text: text.slice(start, end) };
}

/** The last character before `offset` that is neither white space nor part of a comment. */
export function previousSignificant(text: string, offset: number): number | undefined {
  let i = offset - 1;
  while (i >= 0) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i--;
    } else if (c === "/" && text[i - 1] === "*") {
      const open = text.lastIndexOf("/*", i - 2);
      if (open < 0) return i;
      i = open - 1;
    } else {
      const lineStart = Math.max(text.lastIndexOf("\n", i), text.lastIndexOf("\r", i)) + 1;
      const comment = lineCommentStart(text, lineStart, i);
      if (comment === undefined) return i;
      i = comment - 1;
    }
  }
  return undefined;
}

/** Where a `//` comment starts on the line between `from` and `to`, outside strings. */
function lineCommentStart(text: string, from: number, to: number): number | undefined {
  let inString = false;
  for (let i = from; i <= to; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === "/" && text[i + 1] === "/") {
      return i;
    }
  }
  return undefined;
}

export function nextSignificant(text: string, offset: number): string | undefined {
  const scanner = createScanner(text, true);
  scanner.setPosition(offset);
  const token = scanner.scan();
  return token === SyntaxKind.EOF ? undefined : text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength());
}

/** Whether another member follows without a separator, so that the inserted one needs a comma. */
export function needsComma(text: string, offset: number): boolean {
  const scanner = createScanner(text, true);
  scanner.setPosition(offset);
  const token = scanner.scan();
  // String, number, true/false/null, `{` or `[`: the start of another member or value.
  return (
    token === SyntaxKind.String ||
    token === SyntaxKind.Number ||
    token === SyntaxKind.Null ||
    token === SyntaxKind.True ||
    token === SyntaxKind.False ||
    token === SyntaxKind.OpenBrace ||
    token === SyntaxKind.OpenBracket
  );
}

/** The comma text inserted before `offset` needs: "" when nothing follows, ", " when no blank does. */
export function commaAt(text: string, offset: number): string {
  if (!needsComma(text, offset)) return "";
  return /\s/.test(text[offset] ?? "") ? "," : ", ";
}

/**
 * The value after `offset` (past blanks and comments) when one is there rather than the next
 * member's key: the span of a literal or string, or "container" for an object or array.
 */
export function valueAfter(text: string, offset: number): Span | "container" | undefined {
  const scanner = createScanner(text, true);
  scanner.setPosition(offset);
  const token = scanner.scan();
  if (token === SyntaxKind.OpenBrace || token === SyntaxKind.OpenBracket) return "container";
  const literal =
    token === SyntaxKind.String ||
    token === SyntaxKind.Number ||
    token === SyntaxKind.Null ||
    token === SyntaxKind.True ||
    token === SyntaxKind.False ||
    // A partly typed or misspelt literal (`tru`).
    token === SyntaxKind.Unknown;
  if (!literal) return undefined;
  const span = { offset: scanner.getTokenOffset(), length: scanner.getTokenLength() };
  return scanner.scan() === SyntaxKind.Colon ? undefined : span;
}

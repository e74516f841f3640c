import { createScanner, parseTree, type Node as JsonNode, type ParseError } from "jsonc-parser";

/**
 * Deeper nesting than this is refused before building a tree: jsonc-parser recurses per level and
 * would overflow the stack on adversarial input; no real config comes near it.
 */
export const MAX_NESTING_DEPTH = 256;

export interface SyntaxProblem {
  kind: "syntax" | "comment" | "trailing-comma" | "too-deep" | "byte-order-mark";
  message: string;
  offset: number;
  length: number;
}

export interface ParsedText {
  /** Undefined when the text has no value at all or is too deeply nested to build. */
  tree: JsonNode | undefined;
  problems: SyntaxProblem[];
}

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot import.
const Token = {
  OpenBrace: 1,
  CloseBrace: 2,
  OpenBracket: 3,
  CloseBracket: 4,
  Comma: 5,
  LineComment: 12,
  BlockComment: 13,
  LineBreak: 14,
  Trivia: 15,
  EOF: 17,
} as const;

const parseErrorMessages: Record<number, string> = {
  1: "Unexpected character",
  2: "Invalid number",
  3: "Expected a property name in double quotes",
  4: "Expected a value",
  5: "Expected ':' after the property name",
  6: "Expected ',' between members",
  7: "Expected '}' to close the object",
  8: "Expected ']' to close the array",
  9: "Expected the end of the file after the value",
  10: "Invalid comment",
  11: "Unterminated block comment",
  12: "Unterminated string",
  13: "Unterminated number",
  14: "Invalid unicode escape sequence",
  15: "Invalid escape character in string",
  16: "Invalid character in string (control characters must be escaped)",
};

/** The character the user sees at an offset, for messages: printable ones quoted, others as U+XXXX. */
function describeCharAt(text: string, offset: number): string {
  if (offset >= text.length) return "the end of the file";
  const code = text.codePointAt(offset)!;
  if (code >= 0x20 && code < 0x7f) return `'${String.fromCodePoint(code)}'`;
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * One pass of jsonc-parser's scanner that finds what strict JSON forbids but JSONC allows (comments,
 * trailing commas) and refuses nesting beyond MAX_NESTING_DEPTH, then the tree itself.
 */
export function parseText(input: string): ParsedText {
  const problems: SyntaxProblem[] = [];
  let text = input;
  if (text.charCodeAt(0) === 0xfeff) {
    problems.push({ kind: "byte-order-mark", message: "The file starts with a byte order mark (U+FEFF), which JSON does not allow.", offset: 0, length: 1 });
    // A space keeps every offset in place while the tree is built.
    text = " " + text.slice(1);
  }
  const scanner = createScanner(text, false);
  let depth = 0;
  let pendingComma: { offset: number } | undefined;
  for (let token = scanner.scan(); token !== Token.EOF; token = scanner.scan()) {
    switch (token) {
      case Token.LineComment:
      case Token.BlockComment:
        problems.push({
          kind: "comment",
          message: "Comments are not allowed in JSON: the API accepts strict JSON only.",
          offset: scanner.getTokenOffset(),
          length: scanner.getTokenLength(),
        });
        continue;
      case Token.LineBreak:
      case Token.Trivia:
        continue;
      case Token.OpenBrace:
      case Token.OpenBracket:
        depth++;
        if (depth > MAX_NESTING_DEPTH) {
          problems.push({
            kind: "too-deep",
            message: `Nesting is deeper than ${MAX_NESTING_DEPTH} levels; a batch-session request never needs that much.`,
            offset: scanner.getTokenOffset(),
            length: 1,
          });
          return { tree: undefined, problems };
        }
        break;
      case Token.CloseBrace:
      case Token.CloseBracket:
        if (pendingComma) {
          problems.push({
            kind: "trailing-comma",
            message: "Trailing commas are not allowed in JSON: the API accepts strict JSON only.",
            offset: pendingComma.offset,
            length: 1,
          });
        }
        depth = Math.max(0, depth - 1);
        break;
    }
    pendingComma = token === Token.Comma ? { offset: scanner.getTokenOffset() } : undefined;
  }

  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  for (const error of errors) {
    const base = parseErrorMessages[error.error] ?? "Invalid JSON";
    const found = error.error === 3 || error.error === 4 || error.error === 1 || error.error >= 5 && error.error <= 9
      ? `; found ${describeCharAt(text, error.offset)}`
      : "";
    problems.push({
      kind: "syntax",
      message: `${base}${found}.`,
      offset: error.offset,
      length: Math.max(error.length, error.offset < text.length ? 1 : 0),
    });
  }
  return { tree, problems };
}

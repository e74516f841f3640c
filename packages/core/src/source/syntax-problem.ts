/** What parsing a text found wrong with it, as the json-syntax and strict-json rules report it. */
export interface SyntaxProblem {
  kind: "syntax" | "comment" | "trailing-comma" | "too-deep" | "byte-order-mark";
  /** jsonc-parser's ParseErrorCode, for syntax errors. */
  code?: number;
  message: string;
  /** The message without the character it quotes from the text, for a spot where a credential is written. */
  withheld?: string;
  offset: number;
  length: number;
  /** For a string broken over lines: its raw line breaks, what a fix writes as `\n`. */
  lineBreaks?: LineBreak[];
}

/** A raw line break inside a string, at its offset in the text. */
export interface LineBreak {
  offset: number;
  /** 2 for CRLF, else 1. */
  length: number;
}

import { createScanner, format as formatJson } from "jsonc-parser";
import type { TextEdit } from "../types.js";
import type { FormatOptions } from "./types.js";
import { MAX_NESTING_DEPTH } from "../source/parse.js";
import { SyntaxKind } from "../source/syntax-kind.js";

/**
 * Whether brackets nest deeper than MAX_NESTING_DEPTH anywhere in the text (strings and comments
 * skipped by the scanner): one pass, no tree.
 */
function tooDeep(text: string): boolean {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBrace || token === SyntaxKind.OpenBracket) {
      if (++depth > MAX_NESTING_DEPTH) return true;
    } else if (token === SyntaxKind.CloseBrace || token === SyntaxKind.CloseBracket) {
      depth--;
    }
  }
  return false;
}

/**
 * Edits that re-indent the document with the editor's settings, keeping comments and the
 * document's own line ending. An unparsable document is formatted as far as the scanner goes.
 * A document nested deeper than lint() builds trees for (MAX_NESTING_DEPTH) gets no edits: its
 * indentation alone grows with the square of the depth (10,000 levels are 100 million spaces).
 */
export function format(text: string, options: FormatOptions): TextEdit[] {
  if (tooDeep(text)) return [];
  const eol = /\r\n/.test(text) ? "\r\n" : "\n";
  const edits = formatJson(text, options.range, {
    tabSize: options.tabSize,
    insertSpaces: options.insertSpaces,
    insertFinalNewline: options.insertFinalNewline ?? false,
    eol,
  });
  return edits.map((edit) => ({ offset: edit.offset, length: edit.length, newText: edit.content }));
}

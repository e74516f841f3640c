import { createScanner, format as formatJson } from "jsonc-parser";
import type { TextEdit } from "../types.js";
import type { FormatOptions } from "./types.js";
import { MAX_NESTING_DEPTH } from "../source/parse.js";
import { SyntaxKind } from "../source/syntax-kind.js";

/** The size of jsonc-parser's cache of indented line breaks (its `maxCachedValues`). */
const JSONC_CACHED_INDENTS = 200;

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
    // A final line break the user wrote stays: LSP's insertFinalNewline adds one where there is none,
    // and false does not ask to remove it (jsonc-parser would).
    insertFinalNewline: options.insertFinalNewline === true || (options.range === undefined && /\n[ \t\r\n]*$/.test(text)),
    eol,
  });
  // jsonc-parser 3.3.1 (still the newest release; 4.0.0-next.2 too) serves a line break and its
  // indentation from a cache of 200 strings, and asks it for the 201st when the indentation is exactly
  // 200 characters (`>` where `>=` is meant): the edit comes without content, even where the text
  // already reads so. Nothing else leaves it out, so the content is that line break (the text's
  // first, as jsonc-parser picks it) and 200 indentation characters.
  const missing = (/\r\n?|\n/.exec(text)?.[0] ?? eol) + (options.insertSpaces ? " " : "\t").repeat(JSONC_CACHED_INDENTS);
  const result: TextEdit[] = [];
  for (const edit of edits) {
    if (edit.content === undefined && text.slice(edit.offset, edit.offset + edit.length) === missing) continue;
    result.push({ offset: edit.offset, length: edit.length, newText: edit.content ?? missing });
  }
  return result;
}

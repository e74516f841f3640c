import { format as formatJson } from "jsonc-parser";
import type { TextEdit } from "../types.js";
import type { FormatOptions } from "./types.js";

/**
 * Edits that re-indent the document with the editor's settings, keeping comments and the
 * document's own line ending. An unparsable document is formatted as far as the scanner goes.
 */
export function format(text: string, options: FormatOptions): TextEdit[] {
  const eol = /\r\n/.test(text) ? "\r\n" : "\n";
  const edits = formatJson(text, options.range, {
    tabSize: options.tabSize,
    insertSpaces: options.insertSpaces,
    insertFinalNewline: options.insertFinalNewline ?? false,
    eol,
  });
  return edits.map((edit) => ({ offset: edit.offset, length: edit.length, newText: edit.content }));
}

import type { TextEdit } from "../types.js";

/** A completion proposal: plain data, converted to the editor's protocol by the caller. */
export interface CompletionItem {
  label: string;
  kind: "property" | "value" | "snippet";
  /** One line shown beside the label (a type, a country name). */
  detail?: string;
  /** Shown beside the label on every row of the list, not only the selected one (a country name). */
  labelDescription?: string;
  /** Markdown. */
  documentation?: string;
  /** Text that replaces `replace`; a snippet (`$1`, `${1|a,b|}`, `$0`) when `insertTextFormat` is "snippet". */
  insertText: string;
  insertTextFormat: "snippet" | "plain";
  /**
   * The span of the document the item replaces: the partially typed word, or inside a string its
   * content typed so far (never the opening quote), or empty at the cursor.
   */
  replace: { offset: number; length: number };
  sortText?: string;
  /**
   * What the editor matches the typed text against, when it is more than the label (a country's
   * code and name). Absent otherwise: Neovim's omnifunc ignores the range of items that have one.
   */
  filterText?: string;
  /** Edits elsewhere, e.g. the comma a new property needs after the previous value. */
  additionalEdits?: TextEdit[];
}

export interface CompletionOptions {
  /** False for editors without snippet support: insert plain text (placeholders resolved to their defaults). */
  snippets?: boolean;
}

/** Hover text (markdown) and the span it is about. */
export interface HoverInfo {
  markdown: string;
  offset: number;
  length: number;
}

export type SymbolKindName = "object" | "array" | "string" | "number" | "boolean" | "null";

/** One node of the outline. Offsets are 0-based UTF-16 offsets into the text. */
export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: SymbolKindName;
  /** The whole property (key and value) or array item. */
  offset: number;
  length: number;
  /** The part to reveal when the symbol is picked (the key). */
  selectionOffset: number;
  selectionLength: number;
  children: DocumentSymbol[];
}

/** A foldable range of lines. Lines are 1-based, as in findings; `endLine` is the last line folded away. */
export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: "comment" | "region";
}

export interface FormatOptions {
  tabSize: number;
  insertSpaces: boolean;
  insertFinalNewline?: boolean;
  /** Format only this span (the edits still keep the document valid around it). */
  range?: { offset: number; length: number };
}

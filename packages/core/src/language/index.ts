/**
 * Editor features for `*.anchor.json` texts, protocol-free: a language server (or a browser
 * editor) converts these plain results to its own types.
 */
export { complete, snippetToPlain } from "./completion.js";
export { hover } from "./hover.js";
export { documentSymbols } from "./symbols.js";
export { foldingRanges } from "./folding.js";
export { format } from "./format.js";
export { setRuleInConfig } from "./config-file.js";
export type { CompletionItem, CompletionOptions, HoverInfo, DocumentSymbol, SymbolKindName, FoldingRange, FormatOptions } from "./types.js";
export { selectionRanges, type SelectionRange } from "./selection.js";

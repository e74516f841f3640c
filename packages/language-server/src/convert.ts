import {
  CompletionItemKind,
  DiagnosticSeverity,
  DiagnosticTag,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Range,
  type SelectionRange,
  type SymbolInformation,
  type TextEdit,
} from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { docsUrl, rules, type Finding, type Fix, type SourceRange, type TextEdit as CoreEdit } from "@anchor-lint/core";
import type * as language from "@anchor-lint/core";

/**
 * What a diagnostic carries for its quick fixes: the rule's fix and its suggestions, as offsets
 * into the document version the diagnostic was computed on.
 */
export interface DiagnosticData {
  version: number;
  fix?: Fix;
  suggestions?: Fix[];
}

/** Core ranges are 1-based lines and columns in UTF-16 code units; LSP's are 0-based in the same units. */
export function toRange(range: SourceRange | undefined): Range {
  if (!range) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return {
    start: { line: range.start.line - 1, character: range.start.column - 1 },
    end: { line: range.end.line - 1, character: range.end.column - 1 },
  };
}

const tagsOf = new Map(
  rules
    .filter((rule) => rule.tags && rule.tags.length > 0)
    .map((rule) => [rule.id, rule.tags!.map((tag) => (tag === "unnecessary" ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated))]),
);

export function toDiagnostic(finding: Finding, uri: string, version: number): Diagnostic {
  const range = toRange(finding.range);
  const diagnostic: Diagnostic = {
    range,
    severity: finding.severity === "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    source: "anchor-lint",
    message: finding.message,
    data: {
      version,
      ...(finding.fix ? { fix: finding.fix } : {}),
      ...(finding.suggestions ? { suggestions: finding.suggestions } : {}),
    } satisfies DiagnosticData,
  };
  const tags = tagsOf.get(finding.ruleId);
  if (tags) diagnostic.tags = tags;
  if (finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri, range: related.range ? toRange(related.range) : range },
      message: related.message,
    }));
  }
  return diagnostic;
}

export function toTextEdits(document: TextDocument, edits: readonly CoreEdit[]): TextEdit[] {
  return edits.map((edit) => ({
    range: { start: document.positionAt(edit.offset), end: document.positionAt(edit.offset + edit.length) },
    newText: edit.newText,
  }));
}

/** One edit that turns `before` into `after`: the span between their common prefix and suffix. */
export function minimalEdit(before: string, after: string): CoreEdit {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { offset: start, length: before.length - start - end, newText: after.slice(start, after.length - end) };
}

const completionKinds = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
} as const;

export function toCompletionItem(document: TextDocument, item: language.CompletionItem, markdown: boolean, labelDetails = false): CompletionItem {
  const range = { start: document.positionAt(item.replace.offset), end: document.positionAt(item.replace.offset + item.replace.length) };
  const result: CompletionItem = {
    label: item.label,
    kind: completionKinds[item.kind],
    textEdit: { range, newText: item.insertText },
    insertTextFormat: item.insertTextFormat === "snippet" ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  if (item.detail !== undefined) result.detail = item.detail;
  if (labelDetails && item.labelDescription !== undefined) result.labelDetails = { description: item.labelDescription };
  if (item.documentation !== undefined) {
    result.documentation = markdown ? { kind: MarkupKind.Markdown, value: item.documentation } : markdownToPlain(item.documentation);
  }
  if (item.sortText !== undefined) result.sortText = item.sortText;
  if (item.filterText !== undefined) result.filterText = item.filterText;
  if (item.additionalEdits) result.additionalTextEdits = toTextEdits(document, item.additionalEdits);
  return result;
}

const symbolKinds = {
  object: SymbolKind.Module,
  array: SymbolKind.Array,
  string: SymbolKind.String,
  number: SymbolKind.Number,
  boolean: SymbolKind.Boolean,
  null: SymbolKind.Null,
} as const;

function span(document: TextDocument, offset: number, length: number): Range {
  return { start: document.positionAt(offset), end: document.positionAt(offset + length) };
}

export function toDocumentSymbols(document: TextDocument, symbols: language.DocumentSymbol[]): DocumentSymbol[] {
  return symbols.map((symbol) => {
    const result: DocumentSymbol = {
      name: symbol.name,
      kind: symbolKinds[symbol.kind],
      range: span(document, symbol.offset, symbol.length),
      selectionRange: span(document, symbol.selectionOffset, symbol.selectionLength),
      children: toDocumentSymbols(document, symbol.children),
    };
    if (symbol.detail !== undefined) result.detail = symbol.detail;
    return result;
  });
}

/** For clients without hierarchical outlines: a flat list naming each symbol's container. */
export function toSymbolInformation(document: TextDocument, symbols: language.DocumentSymbol[], container?: string): SymbolInformation[] {
  return symbols.flatMap((symbol) => {
    const own: SymbolInformation = {
      name: symbol.name,
      kind: symbolKinds[symbol.kind],
      location: { uri: document.uri, range: span(document, symbol.offset, symbol.length) },
    };
    if (container !== undefined) own.containerName = container;
    return [own, ...toSymbolInformation(document, symbol.children, symbol.name)];
  });
}

export function toFoldingRanges(ranges: language.FoldingRange[]): FoldingRange[] {
  return ranges.map((range) => ({
    startLine: range.startLine - 1,
    endLine: range.endLine - 1,
    ...(range.kind ? { kind: range.kind } : {}),
  }));
}

/**
 * Core's markdown as plain text, for clients that ask for it (ALE shows hovers as they come):
 * emphasis and code marks dropped, links written as "text (address)", rules as blank lines.
 */
export function markdownToPlain(markdown: string): string {
  // Code spans hold the file's text (a country code, a proxy type): it is shown as written, so it is
  // taken out before the other rules read `[a](b)` or `**` in it, and put back after.
  const spans: string[] = [];
  let text = "";
  let copied = 0;
  for (const span of codeSpans(markdown)) {
    text += `${markdown.slice(copied, span.start)}\uE000${spans.length}\uE000`;
    spans.push(span.content);
    copied = span.end;
  }
  text += markdown.slice(copied);
  return text
    .replace(/^\s*---\s*$/gm, "")
    .replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, "$1 ($2)")
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/(^|[^\w*])\*([^*\s][^*]*)\*(?!\w)/g, "$1$2")
    .replace(/\n{3,}/g, "\n\n")
    .trim()
    .replace(/\uE000(\d+)\uE000/g, (_placeholder, index: string) => spans[Number(index)]!);
}

/**
 * CommonMark's code spans: a run of backticks up to the next run of the same length, the one space
 * on each side of the content dropped. Linear: each length's runs are walked once, in order.
 */
function codeSpans(markdown: string): { start: number; end: number; content: string }[] {
  const runs = [...markdown.matchAll(/`+/g)].map((match) => ({ at: match.index, length: match[0].length }));
  const byLength = new Map<number, number[]>();
  runs.forEach((run, index) => {
    const same = byLength.get(run.length);
    if (same) same.push(index);
    else byLength.set(run.length, [index]);
  });
  const next = new Map<number, number>();
  const spans: { start: number; end: number; content: string }[] = [];
  for (let index = 0; index < runs.length; ) {
    const open = runs[index]!;
    const same = byLength.get(open.length)!;
    let position = next.get(open.length) ?? 0;
    while (position < same.length && same[position]! <= index) position++;
    next.set(open.length, position);
    // No closing run: the backticks are text.
    if (position === same.length) {
      index++;
      continue;
    }
    const close = runs[same[position]!]!;
    let content = markdown.slice(open.at + open.length, close.at);
    if (content.length >= 2 && content.startsWith(" ") && content.endsWith(" ") && /\S/.test(content)) content = content.slice(1, -1);
    spans.push({ start: open.at, end: close.at + close.length, content });
    index = same[position]! + 1;
  }
  return spans;
}

/** Core's nested spans (innermost first) as LSP's linked selection ranges, one per position. */
export function toSelectionRanges(document: TextDocument, chains: language.SelectionRange[]): SelectionRange[] {
  return chains.map((chain) => {
    let parent: SelectionRange | undefined;
    for (let i = chain.length - 1; i >= 0; i--) {
      const span = chain[i]!;
      parent = { range: { start: document.positionAt(span.offset), end: document.positionAt(span.offset + span.length) }, ...(parent ? { parent } : {}) };
    }
    return parent ?? { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  });
}

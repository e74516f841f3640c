import { feedsBefore, lineFeedsOf } from "../line-feeds.js";

/** The file's line ending: CRLF when it has one, LF otherwise. */
export function eolOf(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

/** The spaces and tabs that start the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  let end = lineStart;
  while (end < offset && (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9)) end++;
  return text.slice(lineStart, end);
}

/** One level of indentation, as the file's first indented line has it (two spaces when none is). */
export function indentUnit(text: string): string {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  if (indent?.startsWith("\t")) return "\t";
  return indent ? " ".repeat(indent.length) : "  ";
}

/**
 * A value's text moved from a line indented `from` to one indented `to`: its first line stays, the
 * others keep their indentation relative to the value's line.
 */
export function reindent(valueText: string, from: string, to: string, eol: string): string {
  if (!valueText.includes("\n")) return valueText;
  return valueText
    .split(/\r?\n/)
    .map((line, index) => {
      if (index === 0) return line;
      const leading = /^[ \t]*/.exec(line)![0].length;
      return to + line.slice(Math.min(from.length, leading));
    })
    .join(eol);
}

/** What an insertion follows of the whole file: its line ending, indentation unit, whether it has line breaks and `{` followed by white space. */
export interface FileStyle {
  eol(): string;
  unit(): string;
  hasLineBreak(): boolean;
  spacedBraces(): boolean;
}

/** The style of a text, each fact looked up once and only when asked. */
export function styleOf(text: string, structure: string): FileStyle {
  let eol: string | undefined;
  let unit: string | undefined;
  let lineBreak: boolean | undefined;
  let spaced: boolean | undefined;
  return {
    eol: () => (eol ??= eolOf(text)),
    unit: () => (unit ??= indentUnit(text)),
    hasLineBreak: () => (lineBreak ??= text.includes("\n")),
    spacedBraces: () => (spaced ??= SPACED_BRACE.test(structure)),
  };
}

const SPACED_BRACE = /\{\s/;
const INDENTED_LINE = /\n([ \t]+)\S/g;

function unitOf(indent: string | undefined): string {
  if (indent?.startsWith("\t")) return "\t";
  return indent ? " ".repeat(indent.length) : "  ";
}

/**
 * A document's line starts and whole-text facts, found once: edits that searched the whole text each
 * (a line start on a minified line, the line ending, the first indented line) made thousands of moves
 * in one file quadratic.
 */
export interface TextFacts {
  /** Where the line holding `offset` starts (after the `\n` before it). */
  lineStart(offset: number): number;
  indentAt(offset: number): string;
  style: FileStyle;
  /**
   * The style of the text once deletions strictly inside an object's braces, `[from, to)`, have made
   * `inner` of its text and `innerStructure` of its structure: the text outside is unchanged, so only
   * `inner` is searched (and the rest of the text after `to` in one rare case).
   */
  styleWith(from: number, to: number, inner: string, innerStructure: string): FileStyle;
}

const factsOfDocuments = new WeakMap<object, TextFacts>();

export function factsOf(doc: { readonly text: string; readonly structure: string }): TextFacts {
  let facts = factsOfDocuments.get(doc);
  if (!facts) factsOfDocuments.set(doc, (facts = computeFacts(doc.text, doc.structure)));
  return facts;
}

function computeFacts(text: string, structure: string): TextFacts {
  let feeds: number[] | undefined;
  const lineFeeds = () => (feeds ??= lineFeedsOf(text));
  let crlf: { first: number; last: number } | undefined;
  const crlfs = () => (crlf ??= { first: text.indexOf("\r\n"), last: text.lastIndexOf("\r\n") });
  let spaced: { first: number; last: number } | undefined;
  const spacedBraces = () => (spaced ??= { first: structure.search(SPACED_BRACE), last: lastSpacedBrace(structure) });
  let indented: { index: number; end: number; indent: string } | null | undefined;
  const firstIndented = () => {
    if (indented === undefined) indented = indentedFrom(text, 0);
    return indented;
  };
  const lineStart = (offset: number) => {
    const before = feedsBefore(lineFeeds(), offset);
    return before === 0 ? 0 : lineFeeds()[before - 1]! + 1;
  };
  return {
    lineStart,
    indentAt(offset) {
      const start = lineStart(offset);
      let end = start;
      while (end < offset && (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9)) end++;
      return text.slice(start, end);
    },
    style: styleOf(text, structure),
    styleWith(from, to, inner, innerStructure) {
      return {
        eol: () => ((crlfs().first >= 0 && crlfs().first + 1 < from) || crlfs().last >= to || inner.includes("\r\n") ? "\r\n" : "\n"),
        hasLineBreak: () => {
          const all = lineFeeds();
          return (all.length > 0 && (all[0]! < from || all[all.length - 1]! >= to)) || inner.includes("\n");
        },
        spacedBraces: () => (spacedBraces().first >= 0 && spacedBraces().first < from) || spacedBraces().last >= to || SPACED_BRACE.test(innerStructure),
        unit: () => {
          const first = firstIndented();
          // Up to and including the object's `{`, nothing changed.
          if (first && first.end <= from + 1) return unitOf(first.indent);
          const within = indentedFrom(inner, 0);
          if (within) return unitOf(within.indent);
          if (!first) return unitOf(undefined);
          return unitOf((first.index >= to ? first : indentedFrom(text, to))?.indent);
        },
      };
    },
  };
}

function indentedFrom(text: string, from: number): { index: number; end: number; indent: string } | null {
  const pattern = new RegExp(INDENTED_LINE.source, "g");
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match ? { index: match.index, end: match.index + match[0].length, indent: match[1]! } : null;
}

function lastSpacedBrace(structure: string): number {
  for (let index = structure.lastIndexOf("{"); index !== -1; index = index === 0 ? -1 : structure.lastIndexOf("{", index - 1)) {
    if (/\s/.test(structure[index + 1] ?? "")) return index;
  }
  return -1;
}

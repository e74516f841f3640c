import { visit } from "jsonc-parser";
import type { LineBreak, SyntaxProblem } from "./syntax-problem.js";

export type { LineBreak } from "./syntax-problem.js";

/** jsonc-parser's ParseErrorCode for a string that ends without its closing quote. */
const UNTERMINATED_STRING = 12;
/** Each string tried is a parse of the whole text: a few per file, never one per token of garbage. */
const MAX_STRINGS_TRIED = 20;
/** How many more errors than before a join may leave while later strings wait for their pass. */
const MAX_EXTRA_ERRORS = 50;
/** Past this size the parser's own "Unterminated string." is reported as it is. */
const MAX_TEXT_TO_JOIN = 4 * 1024 * 1024;
/** Longer strings are not quoted in the message: it would be most of the finding. */
const MAX_QUOTED = 80;


/**
 * The problems of a text in which strings have raw line breaks (`"line one⏎line two"`), with each
 * such string as one problem, and the text's other problems found with those breaks blanked out.
 * The parser reads such a string as unterminated at the break and the next line as bare words and
 * a new string: errors to the end of the string and beyond, for one mistake. A string counts as
 * broken over lines only if its quote closes on a later line and joining it leaves fewer errors,
 * with none inside it; one whose quote never closes stays the parser's "Unterminated string.".
 * Undefined when there is no such string.
 */
export function joinStringLineBreaks(input: string, problems: readonly SyntaxProblem[]): { text: string; strings: SyntaxProblem[] } | undefined {
  if (input.length > MAX_TEXT_TO_JOIN) return undefined;
  const atBreak = (error: { code?: number | undefined; offset: number; length: number }, text: string) => error.code === UNTERMINATED_STRING && isLineBreak(text.charCodeAt(error.offset + error.length));
  let candidates: { offset: number }[] = problems.filter((problem) => atBreak(problem, input));
  let text = input;
  const before = problems.filter((problem) => problem.kind === "syntax").length;
  let errors = before;
  let tried = 0;
  const strings: { offset: number; end: number; breaks: LineBreak[] }[] = [];
  // Pass after pass: a string joined puts the tokens after it back in step, and a second broken
  // string on the same line (`"a": "x⏎y", "b": "z⏎w"`) shows only in the errors of the joined text.
  while (candidates.length > 0 && tried < MAX_STRINGS_TRIED) {
    let joinedTo = -1;
    let left: SyntaxError[] | undefined;
    for (const candidate of candidates) {
      if (tried >= MAX_STRINGS_TRIED) break;
      if (candidate.offset < joinedTo) continue;
      tried++;
      const string = brokenString(text, candidate.offset);
      if (!string) continue;
      const joined = blankLineBreaks(text, string.breaks);
      // None inside it. The count may even grow for now: the tokens after it are in step again, and
      // another broken string there is seen (and joined) only in the next pass.
      const after = syntaxErrors(joined, errors + MAX_EXTRA_ERRORS);
      if (after === undefined || after.some(({ offset }) => offset >= candidate.offset && offset <= string.end)) continue;
      text = joined;
      errors = after.length;
      left = after;
      joinedTo = string.end;
      strings.push({ offset: candidate.offset, end: string.end, breaks: string.breaks });
    }
    if (left === undefined) break;
    candidates = left.filter((error) => atBreak(error, text));
  }
  // All joined, the text must have fewer errors than as written: else the breaks were no strings'.
  if (strings.length === 0 || errors >= before) return undefined;
  return { text, strings: outermost(strings).map((string) => lineBreakProblem(input, string.offset, string.end, string.breaks)) };
}

/**
 * One string per string: a pass out of step with the text may join the end of a string (from a
 * quote escaped in it) before a later pass joins the whole of it; the whole takes the part's breaks.
 */
function outermost(strings: readonly { offset: number; end: number; breaks: LineBreak[] }[]): { offset: number; end: number; breaks: LineBreak[] }[] {
  const sorted = [...strings].sort((a, b) => a.offset - b.offset || b.end - a.end);
  const kept: { offset: number; end: number; breaks: LineBreak[] }[] = [];
  for (const string of sorted) {
    const outer = kept[kept.length - 1];
    if (outer && string.offset <= outer.end) {
      outer.breaks = [...outer.breaks, ...string.breaks].sort((a, b) => a.offset - b.offset);
      outer.end = Math.max(outer.end, string.end);
    } else kept.push({ ...string, breaks: [...string.breaks] });
  }
  return kept;
}

/**
 * The first string that is unterminated for good: no quote follows it anywhere in the text, so
 * what the parser makes of the lines after it (bare words, a missing brace) are echoes of the one
 * missing quote. Undefined when there is none.
 */
export function unterminatedToEnd(text: string, problems: readonly SyntaxProblem[]): SyntaxProblem | undefined {
  return problems.find((problem) => problem.code === UNTERMINATED_STRING && problem.lineBreaks === undefined && text.indexOf('"', problem.offset + problem.length) === -1);
}

/** The text with each break written as spaces: every offset kept, the string whole. */
export function blankLineBreaks(text: string, breaks: readonly LineBreak[]): string {
  let joined = "";
  let copied = 0;
  for (const { offset, length } of breaks) {
    joined += text.slice(copied, offset) + " ".repeat(length);
    copied = offset + length;
  }
  return joined + text.slice(copied);
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/**
 * The string opening at `offset` read across line breaks to its closing quote, when what follows
 * that quote is what follows a string (`,` `:` `}` `]` or the end): else the quote is the next
 * string's opening, and the first one is unterminated for good.
 */
function brokenString(text: string, offset: number): { end: number; breaks: LineBreak[] } | undefined {
  const breaks: LineBreak[] = [];
  let index = offset + 1;
  for (;;) {
    if (index >= text.length) return undefined;
    const code = text.charCodeAt(index);
    if (code === 34 /* " */) break;
    if (code === 92 /* \ */) {
      // A backslash before the break reads as a line continuation (JavaScript's): not guessed at.
      if (isLineBreak(text.charCodeAt(index + 1))) return undefined;
      index += 2;
    } else if (isLineBreak(code)) {
      const length = code === 13 && text.charCodeAt(index + 1) === 10 ? 2 : 1;
      breaks.push({ offset: index, length });
      index += length;
    } else index++;
  }
  if (breaks.length === 0) return undefined;
  const after = /^\s*(.?)/.exec(text.slice(index + 1, index + 1 + 256))?.[1] ?? "";
  if (after !== "" && !",:}]".includes(after)) return undefined;
  return { end: index, breaks };
}

function lineBreakProblem(text: string, offset: number, end: number, breaks: readonly LineBreak[]): SyntaxProblem {
  const [what, each] = breaks.length === 1 ? ["a raw line break", "it"] : ["raw line breaks", "each"];
  const withheld = `This string has ${what}, which JSON strings cannot hold; write ${each} as \\n.`;
  let written = "";
  let copied = offset;
  for (const lineBreak of breaks) {
    written += text.slice(copied, lineBreak.offset) + "\\n";
    copied = lineBreak.offset + lineBreak.length;
  }
  written += text.slice(copied, end + 1);
  const message = written.length <= MAX_QUOTED
    ? `This string has ${what}, which JSON strings cannot hold; write ${each} as \\n: ${written}.`
    : withheld;
  return { kind: "syntax", code: UNTERMINATED_STRING, message, withheld, offset, length: end + 1 - offset, lineBreaks: [...breaks] };
}

interface SyntaxError {
  code: number;
  offset: number;
  length: number;
}

/** A text's syntax errors, or undefined as soon as there are more than `most`. */
function syntaxErrors(text: string, most: number): SyntaxError[] | undefined {
  if (most < 0) return undefined;
  const errors: SyntaxError[] = [];
  let tooMany = false;
  visit(
    text,
    {
      onError: (code, offset, length) => {
        if (errors.length >= most) tooMany = true;
        else errors.push({ code, offset, length });
      },
    },
    { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false },
  );
  return tooMany ? undefined : errors;
}

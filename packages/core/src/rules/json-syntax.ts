import { defineRule } from "../rule.js";
import { MAX_SYNTAX_ERRORS, type SyntaxProblem } from "../source/parse.js";
import { feedsBefore, lineFeedsOf } from "../source/line-feeds.js";
import { syntaxErrorsAfterFirst } from "../source/syntax-echoes.js";
import { blankLineBreaks, unterminatedToEnd, type LineBreak } from "../source/string-line-breaks.js";
import type { FixProposal } from "../rule.js";
import { didYouMean } from "./util.js";
import { writtenCredentialSpans, type Span } from "../secrets.js";

/** Past this many, further syntax errors are mostly echoes of the first ones (binary garbage). */
const MAX_REPORTED = 20;

export default defineRule({
  meta: {
    id: "json-syntax",
    description: "The file must be valid JSON.",
    defaultSeverity: "error",
    fixable: false,
    category: "syntax",
  },
  check(context) {
    const text = context.source.text;
    // A UTF-16 file read as UTF-8 is NULs between the characters: one finding that says so, not a
    // syntax error per character.
    const utf16 = text !== undefined && context.source.syntaxProblems.length > 0 ? utf16Encoding(text) : undefined;
    if (utf16) {
      context.report({
        pointer: "",
        span: { offset: 0, length: Math.min(text!.length, 2) },
        message: `The file is ${utf16}, not UTF-8; JSON files must be UTF-8: save it as UTF-8 (without a byte order mark).`,
      });
      return;
    }
    // Only a text that failed to parse can be empty; trimming every file would copy every file.
    if (text !== undefined && context.source.syntaxProblems.length > 0 && !/\S/.test(text)) {
      context.report({
        pointer: "",
        span: { offset: 0, length: text.length },
        message: 'The file is empty; expected a JSON object such as {"count": 1}.',
      });
      return;
    }
    // jsonc-parser recovers from an error by guessing, and its guesses report more errors: on the same
    // line ("Expected a value" after an unquoted key), or at the brackets that close what the guess
    // opened. The first error of a line is the mistake; after the first one, errors about what is
    // missing at a closing bracket or the end of the file are echoes. Past the first error, the errors
    // are those left once it is repaired, which is what the user will see next.
    let lineFeeds: number[] | undefined;
    let syntaxErrors = 0;
    const shown = (written: readonly SyntaxProblem[]) => {
      const reportedLines = new Set<number>();
      syntaxErrors = 0;
      return written.filter((problem) => {
        if (problem.kind !== "syntax" && problem.kind !== "too-deep") return false;
        syntaxErrors++;
        const line = text === undefined ? problem.offset : feedsBefore((lineFeeds ??= lineFeedsOf(text)), problem.offset);
        if (reportedLines.has(line)) return false;
        if (reportedLines.size > 0 && problem.code !== undefined && ECHO_CODES.has(problem.code) && isClosingOrEnd(text, problem.offset)) return false;
        reportedLines.add(line);
        return true;
      });
    };
    let problems = shown(context.source.syntaxProblems);
    // Only when more than one is left is there anything to tell apart (a cut-off file is one). A
    // string broken over lines is already joined in the problems after it: the repair is tried on
    // the text with it joined, among the other problems.
    const broken = context.source.syntaxProblems.filter((problem) => problem.lineBreaks !== undefined);
    const others = broken.length > 0 ? context.source.syntaxProblems.filter((problem) => problem.lineBreaks === undefined) : context.source.syntaxProblems;
    const repaired = problems.length > 1 && text !== undefined ? syntaxErrorsAfterFirst(broken.length > 0 ? blankLineBreaks(text, broken.flatMap((problem) => problem.lineBreaks!)) : text, others) : undefined;
    if (repaired) problems = shown([...broken, ...repaired].sort((a, b) => a.offset - b.offset));
    const open = text === undefined ? undefined : unterminatedToEnd(text, problems);
    if (open) problems = problems.filter((problem) => problem.offset <= open.offset);
    // A credential the parser could not read as a value (`"password": Hunter2`, in single quotes, broken
    // over a line) is in no parsed value to mask: a message about that spot must not quote it.
    let credentialSpans: readonly Span[] | undefined;
    const nearCredential = (start: number, end: number) =>
      text !== undefined && (credentialSpans ??= writtenCredentialSpans(text)).some((span) => span.offset < Math.max(end, start + 1) && span.offset + span.length > start);
    for (const problem of problems.slice(0, MAX_REPORTED)) {
      const explained = text === undefined ? undefined : explainToken(text, problem.offset);
      const span = explained ? { offset: explained.offset ?? problem.offset, length: explained.length } : { offset: problem.offset, length: problem.length };
      const secret = nearCredential(Math.min(span.offset, problem.offset), Math.max(span.offset + span.length, problem.offset + problem.length));
      context.report({
        pointer: "",
        span,
        message: secret ? (explained?.withheld ?? problem.withheld ?? problem.message) : (explained?.message ?? problem.message),
        // Only offered: while the file has a syntax error --fix applies nothing (docs/fixes.md).
        ...(problem.lineBreaks ? { suggestions: [lineBreaksAsEscapes(problem.lineBreaks)] } : {}),
      });
    }
    if (problems.length > MAX_REPORTED) {
      const last = problems[problems.length - 1]!;
      context.report({
        pointer: "",
        span: { offset: last.offset, length: last.length },
        // Past MAX_SYNTAX_ERRORS the parse keeps no more (memory): the count is then a floor.
        message: `${syntaxErrors >= MAX_SYNTAX_ERRORS ? "At least " : ""}${problems.length - MAX_REPORTED} more syntax errors not shown; is this file JSON at all?`,
      });
    }
  },
});

/** Each raw line break of a string written as the escape `\n`: the same text, one value again. */
function lineBreaksAsEscapes(breaks: readonly LineBreak[]): FixProposal {
  return {
    title: breaks.length === 1 ? "Write the line break as \\n" : "Write the line breaks as \\n",
    safety: "safe",
    edits: breaks.map(({ offset, length }) => ({ offset, length, newText: "\\n" })),
  };
}

/** ValueExpected, CloseBraceExpected, CloseBracketExpected, EndOfFileExpected. */
const ECHO_CODES = new Set([4, 7, 8, 9]);

function isClosingOrEnd(text: string | undefined, offset: number): boolean {
  if (text === undefined) return false;
  const char = text[offset];
  return char === undefined || char === "}" || char === "]";
}

const LITERALS = ["true", "false", "null"];
/**
 * Other languages' null, written as they spell it: Python's `None`, Ruby's, Go's and Lua's `nil`. A
 * lowercase `none` may be a word meant as a string ("none"), so only these spellings count.
 */
const OTHER_NULLS: ReadonlyMap<string, string> = new Map([
  ["None", "Python's None is JSON's null"],
  ["nil", "nil is JSON's null"],
  ["Nil", "nil is JSON's null"],
  ["NIL", "nil is JSON's null"],
]);

interface Explained {
  message: string;
  /** The message without the text it quotes, for a spot where a credential is written. */
  withheld: string;
  length: number;
  offset?: number;
}

const NOT_A_VALUE = "This is not a JSON value; strings need double quotes.";

/**
 * What JavaScript habits look like to a JSON parser, said in the user's terms: an unquoted or
 * single-quoted key, a misspelt literal, NaN or undefined. Undefined when the spot is none of these.
 */
function explainToken(text: string, offset: number): Explained | undefined {
  const zero = leadingZero(text, offset);
  if (zero) return zero;
  if (text[offset] === "'") {
    const end = text.indexOf("'", offset + 1);
    const inner = end > offset ? text.slice(offset + 1, end) : undefined;
    return {
      message: `Strings and property names need double quotes, not single quotes${inner !== undefined && !inner.includes('"') ? `: did you mean "${inner}"?` : "."}`,
      withheld: "Strings and property names need double quotes, not single quotes.",
      length: end > offset ? end - offset + 1 : 1,
    };
  }
  const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(offset, offset + 64))?.[0];
  // A literal where it cannot go is a value too many (`false true`): the parser's words say so.
  if (!word || LITERALS.includes(word)) return undefined;
  const afterWord = text.slice(offset + word.length).trimStart();
  if (afterWord.startsWith(":")) {
    return { message: `Property names need double quotes: did you mean "${word}"?`, withheld: "Property names need double quotes.", length: word.length };
  }
  if (word === "NaN" || word === "Infinity" || word === "undefined") {
    return { message: `${word} is not a JSON value; use a number, null, or leave the property out.`, withheld: NOT_A_VALUE, length: word.length };
  }
  const otherNull = OTHER_NULLS.get(word);
  if (otherNull) return { message: `${word} is not a JSON value; ${otherNull}: did you mean null?`, withheld: NOT_A_VALUE, length: word.length };
  const literal = didYouMean(word, LITERALS);
  if (literal) return { message: `${word} is not a JSON value; did you mean ${literal}?`, withheld: NOT_A_VALUE, length: word.length };
  return { message: `${word} is not a JSON value; strings need double quotes: did you mean "${word}"?`, withheld: NOT_A_VALUE, length: word.length };
}

/**
 * A number written with leading zeros (`01`, `-007.5`): the scanner reads `0` and then stumbles on
 * the next digit, at `offset`. Undefined when the spot is not that.
 */
function leadingZero(text: string, offset: number): (Explained & { offset: number }) | undefined {
  if (!/[0-9]/.test(text[offset] ?? "") || text[offset - 1] !== "0") return undefined;
  let start = offset - 1;
  while (text[start - 1] === "0") start--;
  if (text[start - 1] === "-") start--;
  if (/[0-9.eE+-]/.test(text[start - 1] ?? "")) return undefined;
  const written = /^-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(text.slice(start, start + 64))?.[0];
  if (!written) return undefined;
  const meant = written.replace(/^(-?)0+(?=[0-9])/, "$1");
  return {
    message: `The number ${written} has a leading zero, which JSON does not allow; write ${meant}.`,
    withheld: "This number has a leading zero, which JSON does not allow.",
    offset: start,
    length: written.length,
  };
}

/** UTF-16 read as UTF-8: its byte order mark becomes two U+FFFD, and ASCII text alternates with NULs. */
function utf16Encoding(text: string): string | undefined {
  const bom = text.startsWith("\uFFFD\uFFFD");
  const body = text.slice(bom ? 2 : 0, (bom ? 2 : 0) + 64);
  const pairs = Math.floor(body.length / 2);
  if (pairs === 0) return undefined;
  const printable = (code: number) => code === 9 || code === 10 || code === 13 || (code >= 0x20 && code < 0x7f);
  let little = 0;
  let big = 0;
  for (let index = 0; index + 1 < body.length; index += 2) {
    const first = body.charCodeAt(index);
    const second = body.charCodeAt(index + 1);
    if (second === 0 && printable(first)) little++;
    else if (first === 0 && printable(second)) big++;
  }
  // JSON is mostly ASCII: in UTF-16 nearly every character has its NUL on the same side.
  const order = little >= pairs * 0.75 ? "little-endian" : big >= pairs * 0.75 ? "big-endian" : undefined;
  if (!order) return undefined;
  return `UTF-16 (${order}${bom ? ", with a byte order mark" : ""})`;
}

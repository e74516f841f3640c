import { defineRule } from "../rule.js";
import { didYouMean } from "./util.js";

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
    // missing at a closing bracket or the end of the file are echoes.
    const reportedLines = new Set<number>();
    const problems = context.source.syntaxProblems.filter((problem) => {
      if (problem.kind !== "syntax" && problem.kind !== "too-deep") return false;
      const line = text === undefined ? problem.offset : lineOf(text, problem.offset);
      if (reportedLines.has(line)) return false;
      if (reportedLines.size > 0 && problem.code !== undefined && ECHO_CODES.has(problem.code) && isClosingOrEnd(text, problem.offset)) return false;
      reportedLines.add(line);
      return true;
    });
    for (const problem of problems.slice(0, MAX_REPORTED)) {
      const explained = text === undefined ? undefined : explainToken(text, problem.offset);
      context.report({
        pointer: "",
        span: explained ? { offset: problem.offset, length: explained.length } : { offset: problem.offset, length: problem.length },
        message: explained?.message ?? problem.message,
      });
    }
    if (problems.length > MAX_REPORTED) {
      const last = problems[problems.length - 1]!;
      context.report({
        pointer: "",
        span: { offset: last.offset, length: last.length },
        message: `${problems.length - MAX_REPORTED} more syntax errors not shown; is this file JSON at all?`,
      });
    }
  },
});

/** ValueExpected, CloseBraceExpected, CloseBracketExpected, EndOfFileExpected. */
const ECHO_CODES = new Set([4, 7, 8, 9]);

function isClosingOrEnd(text: string | undefined, offset: number): boolean {
  if (text === undefined) return false;
  const char = text[offset];
  return char === undefined || char === "}" || char === "]";
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let index = text.indexOf("\n"); index !== -1 && index < offset; index = text.indexOf("\n", index + 1)) line++;
  return line;
}

const LITERALS = ["true", "false", "null"];

/**
 * What JavaScript habits look like to a JSON parser, said in the user's terms: an unquoted or
 * single-quoted key, a misspelt literal, NaN or undefined. Undefined when the spot is none of these.
 */
function explainToken(text: string, offset: number): { message: string; length: number } | undefined {
  if (text[offset] === "'") {
    const end = text.indexOf("'", offset + 1);
    const inner = end > offset ? text.slice(offset + 1, end) : undefined;
    return {
      message: `Strings and property names need double quotes, not single quotes${inner !== undefined && !inner.includes('"') ? `: did you mean "${inner}"?` : "."}`,
      length: end > offset ? end - offset + 1 : 1,
    };
  }
  const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(offset, offset + 64))?.[0];
  if (!word) return undefined;
  const afterWord = text.slice(offset + word.length).trimStart();
  if (afterWord.startsWith(":")) {
    return { message: `Property names need double quotes: did you mean "${word}"?`, length: word.length };
  }
  if (word === "NaN" || word === "Infinity" || word === "undefined") {
    return { message: `${word} is not a JSON value; use a number, null, or leave the property out.`, length: word.length };
  }
  const literal = didYouMean(word, LITERALS);
  if (literal) return { message: `${word} is not a JSON value; did you mean ${literal}?`, length: word.length };
  return { message: `${word} is not a JSON value; strings need double quotes: did you mean "${word}"?`, length: word.length };
}

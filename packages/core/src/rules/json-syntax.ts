import { defineRule } from "../rule.js";

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
    // jsonc-parser's recovery often reports two errors at one spot ("Expected ','" then "Expected a
    // property name"); the first says what went wrong, the second only echoes it.
    const seenOffsets = new Set<number>();
    const problems = context.source.syntaxProblems.filter((problem) => {
      if (problem.kind !== "syntax" && problem.kind !== "too-deep") return false;
      if (seenOffsets.has(problem.offset)) return false;
      seenOffsets.add(problem.offset);
      return true;
    });
    for (const problem of problems.slice(0, MAX_REPORTED)) {
      context.report({ pointer: "", span: { offset: problem.offset, length: problem.length }, message: problem.message });
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

import { defineRule } from "../rule.js";
import { layoutEdits } from "../source/edits/effects.js";

export default defineRule({
  meta: {
    id: "strict-json",
    description: "Comments, trailing commas and a byte order mark are not allowed: the API accepts strict JSON only.",
    defaultSeverity: "error",
    fixable: "safe",
    category: "syntax",
  },
  check(context) {
    for (const problem of context.source.syntaxProblems) {
      if (problem.kind === "trailing-comma" || problem.kind === "byte-order-mark") {
        context.report({
          pointer: "",
          span: { offset: problem.offset, length: problem.length },
          message: problem.message,
          fix: { title: problem.kind === "byte-order-mark" ? "Remove the byte order mark" : "Remove the trailing comma", safety: "safe", edits: layoutEdits([{ offset: problem.offset, length: problem.length, newText: "" }]) },
        });
      } else if (problem.kind === "comment") {
        context.report({
          pointer: "",
          span: { offset: problem.offset, length: problem.length },
          message: problem.message,
          // Removing a comment loses what it said: offered, not applied by --fix.
          suggestions: [{ title: "Remove the comment", safety: "unsafe", edits: layoutEdits([{ offset: problem.offset, length: problem.length, newText: "" }]) }],
        });
      }
    }
  },
});

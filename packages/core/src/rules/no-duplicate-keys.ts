import { defineRule } from "../rule.js";
import { propertyName } from "../schema/schema-errors.js";

export default defineRule({
  meta: {
    id: "no-duplicate-keys",
    description: "A key must appear only once in an object: JSON parsers silently keep only the last one.",
    defaultSeverity: "error",
    fixable: "safe",
    category: "syntax",
  },
  check(context) {
    for (const duplicate of context.source.duplicateKeys()) {
      const name = propertyName(duplicate.pointer);
      const kept = duplicate.members[duplicate.members.length - 1]!;
      for (const member of duplicate.members.slice(0, -1)) {
        const key = member.children![0]!;
        const text = context.source.text;
        const keptLine = text ? lineOf(text, kept.offset) : undefined;
        // "the one on line 1 wins", said on line 1 itself, would point nowhere.
        const winner = keptLine === undefined ? "the one below" : keptLine === lineOf(text!, key.offset) ? "the last one on this line" : `the one on line ${keptLine}`;
        context.report({
          pointer: duplicate.pointer,
          span: { offset: key.offset, length: key.length },
          message: `Duplicate key ${JSON.stringify(name)}: this value is ignored, ${winner} wins.`,
          // Dropping the earlier one keeps exactly what the API sees today.
          fix: { title: `Remove the earlier ${JSON.stringify(name)}`, safety: "safe", edits: context.source.removeProperty(duplicate.pointer, member) },
        });
      }
    }
  },
});

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index++) if (text.charCodeAt(index) === 10) line++;
  return line;
}

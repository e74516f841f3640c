import { defineRule } from "../rule.js";
import type { Node as JsonNode } from "jsonc-parser";
import { propertyName } from "../schema/schema-errors.js";

export default defineRule({
  meta: {
    id: "no-duplicate-keys",
    description: "A key must appear only once in an object: JSON parsers silently keep only the last one.",
    defaultSeverity: "error",
    fixable: "safe",
    category: "syntax",
    // Only the last of the duplicates counts.
    tags: ["unnecessary"],
  },
  check(context) {
    // Past a syntax error the tree is jsonc-parser's guess: a stray comma after `"configuration":`
    // lifts the object's keys one level up, where they "repeat" keys written there. Up to the first
    // error the tree is what the user wrote.
    const firstError = context.source.syntaxProblems.find((problem) => problem.kind === "syntax")?.offset ?? Infinity;
    for (const duplicate of context.source.duplicateKeys()) {
      const name = propertyName(duplicate.pointer);
      const kept = duplicate.members[duplicate.members.length - 1]!;
      if (kept.offset + kept.length > firstError) continue;
      for (const member of duplicate.members.slice(0, -1)) {
        const key = member.children![0]!;
        const text = context.source.text;
        const keptLine = context.source.lineOf(kept.offset);
        // "the one on line 1 wins", said on line 1 itself, would point nowhere.
        const winner = keptLine === undefined ? "the one below" : keptLine === context.source.lineOf(key.offset) ? "the last one on this line" : `the one on line ${keptLine}`;
        context.report({
          pointer: duplicate.pointer,
          span: { offset: key.offset, length: key.length },
          message: `Duplicate key ${JSON.stringify(name)}: this value is ignored, ${winner} wins.`,
          // Dropping the earlier one keeps exactly what the API sees today. Unattended only when it
          // repeats the kept value: dropping a different value the user wrote is their choice.
          ...(text !== undefined && sameValue(text, member, kept)
            ? { fix: { title: `Remove the earlier ${JSON.stringify(name)}, which repeats the one that wins`, safety: "safe" as const, edits: context.source.removeProperty(duplicate.pointer, member) } }
            : { suggestions: [{ title: `Remove the earlier ${JSON.stringify(name)} (its value differs from the one that wins)`, safety: "unsafe" as const, edits: context.source.removeProperty(duplicate.pointer, member) }] }),
        });
      }
    }
  },
});

/**
 * Whether two members' values are written the same, but for whitespace. A comment in the removed
 * member, in its value or between its key and value, makes them differ: removing it is a suggestion.
 */
function sameValue(text: string, a: JsonNode, b: JsonNode): boolean {
  const [key, first] = a.children ?? [];
  const second = b.children?.[1];
  if (!key || !first || !second) return false;
  // Only white space, the colon and comments lie between a key and its value.
  if (text.slice(key.offset + key.length, first.offset).includes("/")) return false;
  const canonical = [first, second].map((node) => withoutWhitespace(text.slice(node.offset, node.offset + node.length)));
  return canonical[0] !== undefined && canonical[0] === canonical[1];
}

/** The text without whitespace outside strings; undefined when it holds a comment. */
function withoutWhitespace(text: string): string | undefined {
  let output = "";
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '"') {
      const start = index;
      for (index++; index < text.length && text[index] !== '"'; index++) if (text[index] === "\\") index++;
      output += text.slice(start, index + 1);
    } else if (char === "/") return undefined;
    else if (char !== " " && char !== "\t" && char !== "\n" && char !== "\r") output += char;
  }
  return output;
}

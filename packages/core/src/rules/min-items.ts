import { defineRule } from "../rule.js";
import { displayPath, propertyName } from "../schema/schema-errors.js";

export default defineRule({
  meta: {
    id: "min-items",
    description: "Arrays that need entries must not be empty (the secrets of a 1Password integration with load_mode \"specific\").",
    defaultSeverity: "error",
    fixable: false,
    category: "schema",
  },
  check(context) {
    for (const error of context.schemaErrors()) {
      if (error.keyword !== "minItems") continue;
      const limit = Number(error.params.limit);
      context.report({
        pointer: error.pointer,
        message: `${JSON.stringify(propertyName(error.pointer))} (${displayPath(error.pointer)}) must list at least ${limit} ${limit === 1 ? "item" : "items"}; it is empty.`,
      });
    }
  },
});

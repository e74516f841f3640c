import { defineRule } from "../rule.js";
import { displayPath, patternOf, propertyName } from "../schema/schema-errors.js";
import { getAt, parsePointer } from "./util.js";

const SECRETS_PATTERN = /^\/configuration\/integrations\/\*\/configuration\/secrets$/;

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
      const isSecrets = SECRETS_PATTERN.test(patternOf(context.root, error.pointer));
      const loadMode = getAt(context.root, [...parsePointer(error.pointer).slice(0, -1), "load_mode"]);
      // With load_mode "all" the list is ignored whatever it holds: onepassword-unused-secrets says to drop it.
      // "ALL" is valid-enum's finding, whose fix makes it "all": the list is not a second mistake.
      if (isSecrets && typeof loadMode === "string" && loadMode.trim().toLowerCase() === "all") continue;
      const hint = isSecrets ? ' List at least one reference such as "op://vault/item/field", or set load_mode to "all".' : "";
      context.report({
        pointer: error.pointer,
        message: `${JSON.stringify(propertyName(error.pointer))} (${displayPath(error.pointer)}) must list at least ${limit} ${limit === 1 ? "item" : "items"}; it is empty.${hint}`,
      });
    }
  },
});

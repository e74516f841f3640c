import { defineRule } from "../rule.js";
import { displayPath } from "../schema/schema-errors.js";
import { getAt, parsePointer, quote } from "./util.js";

const EXPECTATIONS: Record<string, string> = {
  uri: 'an absolute URL such as "https://example.com"',
  uuid: 'a UUID such as "550e8400-e29b-41d4-a716-446655440000"',
};

export default defineRule({
  meta: {
    id: "valid-format",
    description: "Strings with a format must match it: initial_url is an absolute URI, extension and integration ids are UUIDs.",
    defaultSeverity: "error",
    fixable: "unsafe",
    category: "schema",
  },
  check(context) {
    for (const error of context.schemaErrors()) {
      if (error.keyword !== "format") continue;
      const format = String(error.params.format);
      const value = getAt(context.root, parsePointer(error.pointer));
      // A bare host is the usual slip: "example.com" meant "https://example.com".
      const withScheme = format === "uri" && typeof value === "string" && /^[\w-]+(\.[\w-]+)+([/:?#].*)?$/.test(value) ? `https://${value}` : undefined;
      context.report({
        pointer: error.pointer,
        message: `${quote(value)} is not a valid ${format.toUpperCase()} in ${displayPath(error.pointer)}; expected ${EXPECTATIONS[format] ?? format}.${withScheme ? ` Did you mean ${JSON.stringify(withScheme)}?` : ""}`,
        suggestions: withScheme ? [{ title: `Replace with ${JSON.stringify(withScheme)}`, safety: "unsafe", edits: context.source.replaceValue(error.pointer, withScheme) }] : undefined,
      });
    }
  },
});

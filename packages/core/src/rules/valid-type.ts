import { defineRule } from "../rule.js";
import { displayPath, propertyName } from "../schema/schema-errors.js";
import { isSecretPointer } from "../secrets.js";
import { getAt, parsePointer, quote } from "./util.js";

const ARTICLES: Record<string, string> = {
  integer: "an integer",
  number: "a number",
  string: "a string",
  boolean: "a boolean (true or false)",
  object: "an object",
  array: "an array",
  null: "null",
};

export function describeJsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a number";
  if (typeof value === "object") return "an object";
  return ARTICLES[typeof value] ?? typeof value;
}

/** The value a string most likely stood for, when the schema wants a number or a boolean. */
function coerce(value: unknown, expected: string): unknown {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  if ((expected === "integer" || expected === "number") && /^-?\d+(\.\d+)?$/.test(trimmed)) {
    const number = Number(trimmed);
    return expected === "integer" && !Number.isInteger(number) ? undefined : number;
  }
  if (expected === "boolean" && (trimmed === "true" || trimmed === "false")) return trimmed === "true";
  return undefined;
}

export default defineRule({
  meta: {
    id: "valid-type",
    description: "Each value must have the JSON type the API expects (integer, string, boolean, object, array).",
    defaultSeverity: "error",
    fixable: "unsafe",
    category: "schema",
  },
  check(context) {
    for (const error of context.schemaErrors()) {
      if (error.keyword !== "type") continue;
      const expected = String(error.params.type);
      const value = getAt(context.root, parsePointer(error.pointer));
      const found = describeJsonType(value);
      const shown = isSecretPointer(error.pointer) || typeof value === "object" ? found : `${found} (${quote(value)})`;
      const subject = error.pointer === "" ? "The request" : JSON.stringify(propertyName(error.pointer));
      const path = displayPath(error.pointer);
      const where = error.pointer === "" || path === propertyName(error.pointer) ? "" : ` (${path})`;
      const expectedText = expected.split(",").map((type) => ARTICLES[type] ?? type).join(" or ");
      const coerced = coerce(value, expected);
      const hint = coerced !== undefined && !isSecretPointer(error.pointer) ? `; did you mean ${JSON.stringify(coerced)} without quotes?` : ".";
      context.report({
        pointer: error.pointer,
        message: `${subject}${where} must be ${expectedText}; found ${shown}${hint}`,
        suggestions:
          coerced !== undefined && !isSecretPointer(error.pointer)
            ? [{ title: `Replace with ${JSON.stringify(coerced)}`, safety: "unsafe", edits: context.source.replaceValue(error.pointer, coerced) }]
            : undefined,
      });
    }
  },
});

import { defineRule } from "../rule.js";
import { displayPath, patternOf, propertyName } from "../schema/schema-errors.js";
import { docOf } from "../schema/property-info.js";
import { isCredentialPointer } from "../secrets.js";
import { withEffect } from "../source/edits/effects.js";
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
  // Not ARTICLES' "(true or false)": the found value is quoted right after, "a boolean (true or false) (true)" reads oddly.
  if (typeof value === "boolean") return "a boolean";
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
      // A fractional count is count-range's, in the API's own words.
      if (error.pointer === "/count" && typeof value === "number") continue;
      const found = describeJsonType(value);
      const shown = isCredentialPointer(error.pointer) || typeof value === "object" ? found : `${found} (${quote(value)})`;
      const segments = parsePointer(error.pointer);
      // An array item has no name of its own: `configuration.integrations[0]` says more than "0".
      const isItem = segments.length > 0 && Array.isArray(getAt(context.root, segments.slice(0, -1)));
      const path = displayPath(error.pointer);
      const subject = error.pointer === "" ? "The request" : isItem ? path : JSON.stringify(propertyName(error.pointer));
      const where = error.pointer === "" || isItem || path === propertyName(error.pointer) ? "" : ` (${path})`;
      const expectedText = expected.split(",").map((type) => ARTICLES[type] ?? type).join(" or ");
      const coerced = coerce(value, expected);
      const pattern = patternOf(context.root, error.pointer);
      // `"headless": true` (or "true") for `"headless": {"active": true}` is the usual slip with the on/off objects.
      const onOff = typeof value === "boolean" ? value : coerce(value, "boolean");
      const wrapped =
        expected === "object" && typeof onOff === "boolean" && docOf(pattern)?.children?.includes("active")
          ? { active: onOff }
          : undefined;
      // `"tags": "nightly"`: one item where a list is expected.
      const listed = expected === "array" && (typeof value === "string" || typeof value === "number") && docOf(`${pattern}/*`)?.type === typeof value ? [value] : undefined;
      const replacement = wrapped ?? listed ?? (isCredentialPointer(error.pointer) ? undefined : coerced);
      const replacementText = wrapped ? `{ "active": ${String(onOff)} }` : listed ? `[${JSON.stringify(value)}]` : JSON.stringify(replacement);
      const hint = wrapped || listed ? `; did you mean ${replacementText}?` : replacement !== undefined ? `; did you mean ${replacementText} without quotes?` : ".";
      context.report({
        pointer: error.pointer,
        message: `${subject}${where} must be ${expectedText}; found ${shown}${hint}`,
        suggestions:
          replacement !== undefined
            ? [
                {
                  title: `Replace with ${replacementText}`,
                  safety: "unsafe",
                  // Still a replacement of this value (the fix engine and a rename chaining it rely on that).
                  edits: withEffect(context.source.replaceValue(error.pointer, replacement)?.map((edit) => ({ ...edit, newText: replacementText })), { kind: "replace", pointer: error.pointer }),
                },
              ]
            : undefined,
      });
    }
  },
});

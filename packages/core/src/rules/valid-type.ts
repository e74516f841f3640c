import { defineRule, type RuleContext } from "../rule.js";
import { applyEdits } from "../fix.js";
import { displayPath, patternOf, propertyName } from "../schema/schema-errors.js";
import { docOf } from "../schema/property-info.js";
import { numberOfUnitString } from "../schema/unit-strings.js";
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

interface Intended {
  value: unknown;
  /** Its JSON text, as the suggestion writes it. */
  text: string;
  hint: string;
  title: string;
  /**
   * A value another rule may still reject (a number out of range, a list whose item is no id):
   * checked before it is suggested.
   */
  checked: boolean;
}

interface Candidate {
  pointer: string;
  message: string;
  intended: Intended | undefined;
}

// "1920x1080", "1920 × 1080", "1920*1080", "1920,1080": a viewport written as a screen size.
const SCREEN_SIZE = /^\s*(\d{1,6})\s*[x×X*,]\s*(\d{1,6})\s*$/;

/** What a value of the wrong type most likely stood for, when it can be said. */
function intendedValue(context: RuleContext, pointer: string, value: unknown, expected: string): Intended | undefined {
  const pattern = patternOf(context.root, pointer);
  const children = docOf(pattern)?.children;
  // `"headless": true` (or "true") for `"headless": {"active": true}` is the usual slip with the on/off objects.
  const onOff = typeof value === "boolean" ? value : coerce(value, "boolean");
  if (expected === "object" && typeof onOff === "boolean" && children?.includes("active")) {
    const text = `{ "active": ${String(onOff)} }`;
    return { value: { active: onOff }, text, hint: `did you mean ${text}`, title: `Replace with ${text}`, checked: false };
  }
  const size = expected === "object" && typeof value === "string" && children?.includes("width") && children.includes("height") ? SCREEN_SIZE.exec(value) : null;
  if (size) {
    const width = Number(size[1]);
    const height = Number(size[2]);
    const text = `{ "width": ${width}, "height": ${height} }`;
    return { value: { width, height }, text, hint: `did you mean ${text}`, title: `Replace with ${text}`, checked: true };
  }
  const itemType = expected === "array" ? docOf(`${pattern}/*`)?.type : undefined;
  // `"tags": "nightly"`: one item where a list is expected; `"extensions": "id1,id2"`: a list written as one string.
  if ((typeof value === "string" || typeof value === "number") && itemType === typeof value) {
    const items = typeof value === "string" && value.includes(",") ? value.split(",").map((item) => item.trim()).filter((item) => item !== "") : [value];
    const text = `[${items.map((item) => JSON.stringify(item)).join(", ")}]`;
    return { value: items, text, hint: `did you mean ${text}`, title: `Replace with ${text}`, checked: true };
  }
  // `"integrations": { ... }`: one item where a list is expected, kept as written (comments included).
  if (itemType === "object" && typeof value === "object" && value !== null && !Array.isArray(value)) {
    const written = context.source.writtenValue(pointer);
    if (written === undefined) return undefined;
    return { value: [value], text: `[${written}]`, hint: "did you mean [{ ... }], a list of one", title: "Put it in a list: [ ... ]", checked: true };
  }
  // "1920px", "2h": the number and its unit, in the unit the key takes.
  const withUnit = expected === "integer" && typeof value === "string" ? numberOfUnitString(pattern, value) : undefined;
  if (withUnit) {
    const text = String(withUnit.value);
    return { value: withUnit.value, text, hint: `did you mean ${text} (${withUnit.read})`, title: `Replace with ${text}`, checked: true };
  }
  const coerced = coerce(value, expected);
  if (coerced === undefined) return undefined;
  const text = JSON.stringify(coerced);
  return { value: coerced, text, hint: `did you mean ${text} without quotes`, title: `Replace with ${text}`, checked: typeof coerced === "number" };
}

/**
 * What another rule would still say at each pointer once its value is written as intended
 * (`"count": "2000"` is out of range without its quotes too, `"extensions": "ublock"` is no id in a
 * list either): such a value is not suggested. One lint of the text with every such replacement
 * made; files without them cost nothing.
 */
function problemsAfter(context: RuleContext, reports: readonly Candidate[]): Map<string, string> {
  const problems = new Map<string, string>();
  const checked = reports.filter((report) => report.intended?.checked);
  const text = context.source.text;
  if (checked.length === 0 || text === undefined || !context.otherFindings) return problems;
  const edits = checked.flatMap(({ pointer, intended }) => (context.source.replaceValue(pointer, intended!.value) ?? []).map((edit) => ({ ...edit, newText: intended!.text })));
  for (const finding of context.otherFindings(applyEdits(text, edits))) {
    if (finding.severity !== "error") continue;
    const owner = checked.find(({ pointer }) => finding.pointer === pointer || finding.pointer.startsWith(pointer + "/"));
    if (owner && !problems.has(owner.pointer)) problems.set(owner.pointer, finding.message);
  }
  return problems;
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
    const reports: Candidate[] = [];
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
      const intended = isCredentialPointer(error.pointer) ? undefined : intendedValue(context, error.pointer, value, expected);
      reports.push({ pointer: error.pointer, message: `${subject}${where} must be ${expectedText}; found ${shown}`, intended });
    }
    const stillWrong = problemsAfter(context, reports);
    for (const { pointer, message, intended } of reports) {
      const problem = stillWrong.get(pointer);
      if (!intended || problem) {
        context.report({ pointer, message: message + (problem && intended ? `; ${intended.text} would still be wrong: ${problem}` : ".") });
        continue;
      }
      context.report({
        pointer,
        message: `${message}; ${intended.hint}?`,
        suggestions: [
          {
            title: intended.title,
            safety: "unsafe",
            // Still a replacement of this value (the fix engine and a rename chaining it rely on that).
            edits: withEffect(context.source.replaceValue(pointer, intended.value)?.map((edit) => ({ ...edit, newText: intended.text })), { kind: "replace", pointer }),
          },
        ],
      });
    }
  },
});

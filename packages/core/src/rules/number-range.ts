import { defineRule, type RuleContext } from "../rule.js";
import { getAt, pointerOf } from "./util.js";

const TIMEOUTS = ["max_duration", "idle_timeout"] as const;
const VIEWPORT_SIDES = ["width", "height"] as const;

export default defineRule({
  meta: {
    id: "number-range",
    description: "Timeouts must be a positive number of minutes or -1 for no limit; viewport sides must be positive.",
    defaultSeverity: "error",
    fixable: false,
    category: "schema",
  },
  check(context) {
    for (const key of TIMEOUTS) {
      const path = ["configuration", "session", "timeout", key];
      const value = getAt(context.root, path);
      if (!isCandidate(value) || (Number.isFinite(value) && (value > 0 || value === -1))) continue;
      const pointer = pointerOf(path);
      context.report({
        pointer,
        message: `"${key}" must be a positive number of minutes or -1 for no limit; found ${found(context, pointer, value)}.`,
      });
    }
    for (const key of VIEWPORT_SIDES) {
      const path = ["configuration", "browser", "viewport", key];
      const value = getAt(context.root, path);
      if (!isCandidate(value) || (Number.isFinite(value) && value > 0)) continue;
      const pointer = pointerOf(path);
      context.report({
        pointer,
        message: `"${key}" must be a positive number of pixels; found ${found(context, pointer, value)}.`,
      });
    }
  },
});

/**
 * Integers, and numbers too large to be finite (1e400: the schema's integer check lets Infinity through).
 * Fractions are valid-type's "integer" finding; reporting them here too would be noise.
 */
function isCandidate(value: unknown): value is number {
  return typeof value === "number" && (Number.isInteger(value) || (!Number.isFinite(value) && !Number.isNaN(value)));
}

function found(context: RuleContext, pointer: string, value: number): string {
  const text = written(context, pointer, value);
  return Number.isFinite(value) ? text : `${text}, which is out of range`;
}

/** The number as written (`-0`, `1e400`), so the message shows what the user sees in the file. */
function written(context: RuleContext, pointer: string, value: number): string {
  const raw = context.source.writtenValue(pointer);
  if (raw !== undefined && raw.length > 0 && raw.length <= 40) return raw;
  return String(value);
}

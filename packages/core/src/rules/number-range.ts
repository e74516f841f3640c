import { defineRule, type RuleContext } from "../rule.js";
import { getAt, likelyUnit, pointerOf } from "./util.js";

const TIMEOUTS = ["max_duration", "idle_timeout"] as const;
const VIEWPORT_SIDES = ["width", "height"] as const;
const TIMEOUT_PATH = ["configuration", "session", "timeout"] as const;
const VIEWPORT_PATH = ["configuration", "browser", "viewport"] as const;

export default defineRule({
  meta: {
    id: "number-range",
    description: "Timeouts must be a number of minutes, or -1 for no limit (a max_duration of 0, or a timeout that reads as seconds or milliseconds, is a warning); viewport sides must be positive.",
    defaultSeverity: "error",
    fixable: false,
    category: "schema",
  },
  check(context) {
    // Each parent is read once: most requests set both timeouts and both sides, or neither.
    const timeout = getAt(context.root, TIMEOUT_PATH);
    for (const key of TIMEOUTS) {
      const value = getAt(timeout, [key]);
      if (!isCandidate(value)) continue;
      const pointer = pointerOf([...TIMEOUT_PATH, key]);
      const unit = Number.isFinite(value) ? likelyUnit(value) : undefined;
      if (unit) {
        context.report({
          pointer,
          severity: "warning",
          message:
            `"${key}" is in minutes: ${written(context, pointer, value)} minutes is ${spoken(value)}. ` +
            `If it is ${unit.name}, that is ${unit.minutes} minute${unit.minutes === 1 ? "" : "s"}: did you mean ${unit.minutes}?`,
          suggestions: [{ title: `Replace with ${unit.minutes} (minutes)`, safety: "unsafe", edits: context.source.replaceValue(pointer, unit.minutes) ?? [] }],
        });
        continue;
      }
      if (Number.isFinite(value) && (value > 0 || value === -1)) continue;
      // Nothing documents 0 (only -1, "no limit"): an idle_timeout of 0 reads as "stop once the last
      // connection closes", a max_duration of 0 as a session that ends as it starts.
      if (value === 0 && Object.is(value, 0)) {
        if (key === "max_duration") {
          context.report({
            pointer,
            severity: "warning",
            message: `"max_duration" of 0 minutes would end each session as soon as it starts (the API documents -1 for no limit and defaults to 20); did you mean -1?`,
            suggestions: [{ title: "Replace with -1 (no limit)", safety: "unsafe", edits: context.source.replaceValue(pointer, -1) ?? [] }],
          });
        }
        continue;
      }
      context.report({
        pointer,
        message: `"${key}" must be a positive number of minutes or -1 for no limit; found ${found(context, pointer, value)}.`,
      });
    }
    const viewport = getAt(context.root, VIEWPORT_PATH);
    for (const key of VIEWPORT_SIDES) {
      const value = getAt(viewport, [key]);
      if (!isCandidate(value) || (Number.isFinite(value) && value > 0)) continue;
      const pointer = pointerOf([...VIEWPORT_PATH, key]);
      context.report({
        pointer,
        message: `"${key}" must be a positive number of pixels; found ${found(context, pointer, value)}.`,
      });
    }
  },
});

/** A number of minutes as a person says it: "30 hours", "12.5 days", "3.4 years". */
function spoken(minutes: number): string {
  const hours = minutes / 60;
  const days = hours / 24;
  const round = (amount: number) => String(Math.round(amount * 10) / 10);
  if (hours < 48) return `${round(hours)} hours`;
  if (days < 365) return `${round(days)} days`;
  return `${round(days / 365.25)} years`;
}

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

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
      // Non-integers (2.5, 1e400) are valid-type's "integer" finding; reporting them here too would be noise.
      if (!Number.isInteger(value)) continue;
      const minutes = value as number;
      if (minutes > 0 || minutes === -1) continue;
      const pointer = pointerOf(path);
      context.report({
        pointer,
        message: `"${key}" must be a positive number of minutes or -1 for no limit; found ${written(context, pointer, minutes)}.`,
      });
    }
    for (const key of VIEWPORT_SIDES) {
      const path = ["configuration", "browser", "viewport", key];
      const value = getAt(context.root, path);
      if (!Number.isInteger(value)) continue;
      const pixels = value as number;
      if (pixels > 0) continue;
      const pointer = pointerOf(path);
      context.report({
        pointer,
        message: `"${key}" must be a positive number of pixels; found ${written(context, pointer, pixels)}.`,
      });
    }
  },
});

/** The number as written (`-0`, `0e5`), so the message shows what the user sees in the file. */
function written(context: RuleContext, pointer: string, value: number): string {
  const text = context.source.text;
  const node = context.source.nodeAt(pointer);
  if (text !== undefined && node !== undefined) {
    const raw = text.slice(node.offset, node.offset + node.length);
    if (raw.length > 0 && raw.length <= 40) return raw;
  }
  return String(value);
}

import { defineRule } from "../rule.js";
import { getAt, isObject } from "./util.js";

/** A positive whole number of minutes; -1 ("no limit"), 0 and wrong types are other rules' business. */
function finiteMinutes(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined;
}

export default defineRule({
  meta: {
    id: "timeout-order",
    description: "The idle timeout is longer than the maximum session duration, so it can never take effect.",
    defaultSeverity: "warning",
    fixable: false,
    category: "semantic",
  },
  check(context) {
    const timeout = getAt(context.root, ["configuration", "session", "timeout"]);
    if (!isObject(timeout)) return;
    // Only written values are compared: defaults (20 and 5) are left out so the rule never argues
    // with a setting the user did not write.
    const idle = finiteMinutes(getAt(timeout, ["idle_timeout"]));
    const max = finiteMinutes(getAt(timeout, ["max_duration"]));
    if (idle === undefined || max === undefined || idle <= max) return;
    context.report({
      pointer: "/configuration/session/timeout/idle_timeout",
      message:
        `idle_timeout (${idle} minutes) is longer than max_duration (${max} minutes): ` +
        `every session ends at ${max} minutes before it could stay idle that long. ` +
        `Lower idle_timeout to at most ${max} or raise max_duration.`,
      related: [
        { pointer: "/configuration/session/timeout/max_duration", message: `sessions end after ${max} minutes` },
      ],
    });
  },
});

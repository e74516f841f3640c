import { defineRule } from "../rule.js";
import { docOf } from "../schema/property-info.js";
import { getAt, isObject, likelyUnit } from "./util.js";

const TIMEOUT = "/configuration/session/timeout";

/** A positive whole number of minutes; -1 ("no limit"), 0 and wrong types are other rules' business. */
function finiteMinutes(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** The spec's documented default (20 minutes): an omitted max_duration is that, not "no limit". */
const DEFAULT_MAX = docOf(`${TIMEOUT}/max_duration`)?.default as number;

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
    // Only a written idle_timeout can be made pointless. A max_duration below the default idle (5)
    // is not reported: sessions then end sooner still, which is what the user asked for.
    const idle = finiteMinutes(getAt(timeout, ["idle_timeout"]));
    if (idle === undefined) return;
    const written = getAt(timeout, ["max_duration"]);
    const max = written === undefined ? DEFAULT_MAX : finiteMinutes(written);
    if (max === undefined || idle <= max) return;
    // A timeout written in seconds or milliseconds is number-range's finding: that is the mistake.
    if (likelyUnit(idle) || likelyUnit(max)) return;
    const unset = written === undefined;
    context.report({
      pointer: `${TIMEOUT}/idle_timeout`,
      message: unset
        ? `idle_timeout (${idle} minutes) is longer than max_duration: max_duration is not set, so it is ${max} minutes, ` +
          `and every session ends at ${max} minutes before it could stay idle that long. ` +
          `Lower idle_timeout to at most ${max} or set max_duration.`
        : `idle_timeout (${idle} minutes) is longer than max_duration (${max} minutes): ` +
          `every session ends at ${max} minutes before it could stay idle that long. ` +
          `Lower idle_timeout to at most ${max} or raise max_duration.`,
      related: [
        unset
          ? { pointer: TIMEOUT, target: "key" as const, message: `max_duration is not set here, so sessions end after ${max} minutes.` }
          : { pointer: `${TIMEOUT}/max_duration`, message: `sessions end after ${max} minutes` },
      ],
    });
  },
});

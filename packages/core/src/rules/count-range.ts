import { defineRule, type RuleContext } from "../rule.js";
import { DEFAULT_MAX_COUNT } from "../config.js";
import { getAt } from "./util.js";

export default defineRule({
  meta: {
    id: "count-range",
    description: "The session count must be a whole number between 1 and the account's limit (1000 by default).",
    defaultSeverity: "error",
    fixable: false,
    category: "semantic",
  },
  check(context) {
    const count = getAt(context.root, ["count"]);
    // A string or a missing count is valid-type's or required-property's finding, not this one.
    if (typeof count !== "number") return;
    const max = context.maxCount;
    const integer = Number.isInteger(count);
    if (integer && count >= 1 && count <= max) return;
    // The API's own sentence comes first so that users can match it with the 400 they saw.
    // 1e400 parses to Infinity: out of range rather than fractional.
    const fractional = !integer && Number.isFinite(count);
    const found = fractional ? `${written(context, count)}, not a whole number` : written(context, count);
    context.report({
      pointer: "/count",
      message: `Session count must be between 1 and ${max} (found ${found}).${count > max ? aboveLimit(max) : ""}`,
    });
  },
});

/**
 * Over the limit, the limit itself may be what is wrong: the API page mentions batches of up to
 * 5,000 while its schema and 400 say 1000, and accounts may differ. Say where the limit comes from.
 */
function aboveLimit(max: number): string {
  return max === DEFAULT_MAX_COUNT
    ? ` The API enforces ${DEFAULT_MAX_COUNT} although its page mentions up to 5,000; if your account allows more, set maxCount in the anchor-lint config.`
    : " The limit is maxCount in the anchor-lint config.";
}

/** The number as the user wrote it: `1e400` parses to Infinity, and quoting "Infinity" would puzzle them. */
function written(context: RuleContext, value: number): string {
  const raw = context.source.writtenValue("/count");
  if (raw !== undefined && raw.length > 0 && raw.length <= 40) return raw;
  return String(value);
}

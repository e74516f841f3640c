import { didYouMean, rules as coreRules, type RuleSetting } from "@anchor-lint/core";
import { UsageError } from "./errors.js";

const SETTINGS: readonly string[] = ["off", "warn", "error"];

/** A value as a caller wrote it: strings quoted, other kinds named. */
export function shownValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || typeof value !== "object") return String(value);
  return Array.isArray(value) ? "an array" : "an object";
}

/**
 * Refuses rule settings and a maxCount laid over every config (the CLI's `--rule` and
 * `--max-count`, the class's `rules` and `maxCount`) before anything is linted. The core would
 * refuse them too, but only at the first lint, as a mistake in a config file no one wrote.
 */
export function checkCliOptions(options: {
  cliRules?: readonly { id: string; setting: RuleSetting }[] | undefined;
  cliRulesSource?: string | undefined;
  cliMaxCount?: number | undefined;
  cliMaxCountSource?: string | undefined;
}): void {
  const known = coreRules.map((rule) => rule.id);
  const rulesSource = options.cliRulesSource ?? "'--rule'";
  for (const { id, setting } of options.cliRules ?? []) {
    if (!known.includes(id)) {
      const hint = didYouMean(id, known);
      throw new UsageError(`unknown rule '${id}' in ${rulesSource}${hint ? ` (did you mean '${hint}'?)` : ""}.`);
    }
    if (!SETTINGS.includes(setting)) {
      const guess = typeof setting === "string" ? didYouMean(setting, [...SETTINGS, "warning"]) : undefined;
      const meant = guess === "warning" ? "warn" : guess;
      throw new UsageError(`rule '${id}' in ${rulesSource} expects "off", "warn" or "error", got ${shownValue(setting)}${meant ? ` (did you mean "${meant}"?)` : ""}.`);
    }
  }
  const maxCount: unknown = options.cliMaxCount;
  if (maxCount !== undefined && !(typeof maxCount === "number" && Number.isInteger(maxCount) && maxCount >= 1)) {
    throw new UsageError(`${options.cliMaxCountSource ?? "option '--max-count'"} expects an integer >= 1, got ${shownValue(maxCount)}.`);
  }
}

import type { LintConfig, RuleSetting } from "./types.js";
import { didYouMean, isObject, quote } from "./rules/util.js";
import { escapePointerSegment } from "./rules/util.js";

/** Default upper bound for `count`: the API answers 400 "Session count must be between 1 and 1000" above it. */
export const DEFAULT_MAX_COUNT = 1000;

export interface ConfigProblem {
  /** Pointer into the config object. */
  pointer: string;
  message: string;
}

/** A config that cannot be used; `problems` lists every mistake, each with its pointer. */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`Invalid anchor-lint config:\n${problems.map((problem) => `  ${problem.pointer || "/"}: ${problem.message}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const SETTINGS: readonly RuleSetting[] = ["off", "warn", "error"];

export interface ResolveConfigOptions {
  /** Rule ids that exist (for "unknown rule" checks). */
  ruleIds: readonly string[];
  /** Top-level keys a caller handles itself (the CLI's `ignores`, `overrides`), accepted without checks. */
  extraKeys?: readonly string[];
}

/** Checks a config written by a user and returns it typed; throws ConfigError listing each mistake. */
export function checkConfig(input: unknown, options: ResolveConfigOptions): LintConfig {
  const problems: ConfigProblem[] = [];
  if (input === undefined || input === null) return {};
  if (!isObject(input)) throw new ConfigError([{ pointer: "", message: `the config must be an object; found ${quote(input)}` }]);
  const knownKeys = ["rules", "maxCount", ...(options.extraKeys ?? [])];
  for (const key of Object.keys(input)) {
    if (!knownKeys.includes(key)) {
      const guess = didYouMean(key, knownKeys);
      problems.push({ pointer: "/" + escapePointerSegment(key), message: `unknown key ${quote(key)}${guess ? ` (did you mean ${quote(guess)}?)` : `; known keys: ${knownKeys.map((k) => quote(k)).join(", ")}`}` });
    }
  }
  const config: LintConfig = {};
  if (input.rules !== undefined) {
    if (!isObject(input.rules)) {
      problems.push({ pointer: "/rules", message: `"rules" must be an object mapping rule ids to "off", "warn" or "error"; found ${quote(input.rules)}` });
    } else {
      const rules: Record<string, RuleSetting> = {};
      for (const [id, setting] of Object.entries(input.rules)) {
        const pointer = "/rules/" + escapePointerSegment(id);
        if (!options.ruleIds.includes(id)) {
          const guess = didYouMean(id, options.ruleIds);
          problems.push({ pointer, message: `unknown rule ${quote(id)}${guess ? ` (did you mean ${quote(guess)}?)` : ""}` });
          continue;
        }
        if (typeof setting !== "string" || !SETTINGS.includes(setting as RuleSetting)) {
          const guess = typeof setting === "string" ? didYouMean(setting, [...SETTINGS, "warning"]) : undefined;
          const meant = guess === "warning" ? "warn" : guess;
          problems.push({ pointer, message: `rule setting must be "off", "warn" or "error"; found ${quote(setting)}${meant ? ` (did you mean ${quote(meant)}?)` : ""}` });
          continue;
        }
        Object.defineProperty(rules, id, { value: setting, enumerable: true, writable: true, configurable: true });
      }
      config.rules = rules;
    }
  }
  if (input.maxCount !== undefined) {
    if (typeof input.maxCount !== "number" || !Number.isInteger(input.maxCount) || input.maxCount < 1) {
      problems.push({ pointer: "/maxCount", message: `"maxCount" must be a positive integer; found ${quote(input.maxCount)}` });
    } else {
      config.maxCount = input.maxCount;
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

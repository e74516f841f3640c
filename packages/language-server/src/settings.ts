import { readFile } from "node:fs/promises";
import { ConfigError, resolveConfig, type LintConfig } from "@anchor-lint/core";
import { CONFIG_FILE, ConfigResolver, parseConfig, type ConfigFileError, type ConfigProblem, type FileConfig } from "@anchor-lint/node";

export const CONFIG_FILE_NAME = CONFIG_FILE;

/** The `anchorLint.*` settings, as the editor sends them (any shape: normalized here). */
export interface Settings {
  enable: boolean;
  rules: Record<string, unknown>;
  maxCount: number | undefined;
  filePattern: string;
}

export const defaultSettings: Settings = { enable: true, rules: {}, maxCount: undefined, filePattern: "**/*.anchor.json" };

/** Accepts `{ anchorLint: {...} }` or the section itself; wrong types fall back to the defaults. */
export function normalizeSettings(raw: unknown): Settings {
  const candidate = isRecord(raw) && isRecord(raw.anchorLint) ? raw.anchorLint : raw;
  const section: Record<string, unknown> = isRecord(candidate) ? candidate : {};
  return {
    enable: typeof section.enable === "boolean" ? section.enable : defaultSettings.enable,
    rules: isRecord(section.rules) ? section.rules : {},
    maxCount: typeof section.maxCount === "number" ? section.maxCount : undefined,
    filePattern: typeof section.filePattern === "string" && section.filePattern.trim() !== "" ? section.filePattern : defaultSettings.filePattern,
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The CLI's own config resolution (from `@anchor-lint/node`), so that the editor shows what CI
 * reports: the nearest config file up to the repository root, its `ignores` and `overrides`.
 * Files open in the editor count with their unsaved text. Results are cached until `invalidate()`
 * (a watched-file event, an edit of an open config file, a settings change).
 */
export class ConfigFiles {
  private resolver: ConfigResolver | undefined;

  /**
   * `openText` returns the text of a file the editor has open; `onProblem` hears of each config
   * file with mistakes once per invalidation (its valid entries still apply).
   */
  constructor(
    private readonly openText: (path: string) => string | undefined,
    private readonly onProblem: (error: ConfigFileError) => void,
  ) {}

  invalidate(): void {
    this.resolver = undefined;
  }

  /** What applies to a document at `path`: lint config, whether `ignores` excludes it, which config file. */
  resolve(path: string): FileConfig {
    this.resolver ??= new ConfigResolver({ cwd: process.cwd(), overlay: this.openText, onProblem: this.onProblem });
    return this.resolver.resolve(path);
  }

  async text(path: string): Promise<string | undefined> {
    const open = this.openText(path);
    if (open !== undefined) return open;
    try {
      return await readFile(path, "utf8");
    } catch {
      return undefined;
    }
  }
}

/** The mistakes of a config file's text (what the CLI would refuse it for). */
export function configProblems(text: string, path: string): readonly ConfigProblem[] {
  return parseConfig(text, path).problems;
}

/**
 * The lint config of a document: what the config file gives it (overrides included), then the
 * editor's settings on top (rules merged per id, `maxCount` replaced). Each setting is checked on its
 * own: a bad one is reported (one line each, named as the user writes it) and left out, and the
 * good ones beside it still apply.
 */
export function mergeConfig(file: LintConfig, settings: Settings): { config: LintConfig; problems: string[] } {
  const problems: string[] = [];
  const accepted = (candidate: LintConfig): boolean => {
    try {
      resolveConfig(candidate);
      return true;
    } catch (error) {
      problems.push(...settingProblems(error));
      return false;
    }
  };
  const rules: Record<string, unknown> = { ...file.rules };
  for (const [id, setting] of Object.entries(settings.rules)) {
    // Defined, not assigned: a rule id "__proto__" must be a key (then an unknown rule), not a prototype.
    const one = Object.defineProperty({}, id, { value: setting, enumerable: true });
    if (accepted({ rules: one })) Object.defineProperty(rules, id, { value: setting, enumerable: true, writable: true, configurable: true });
  }
  const maxCount = settings.maxCount !== undefined && accepted({ maxCount: settings.maxCount }) ? settings.maxCount : file.maxCount;
  const merged = { rules, ...(maxCount !== undefined ? { maxCount } : {}) };
  try {
    return { config: resolveConfig(merged), problems };
  } catch (error) {
    problems.push(...settingProblems(error));
  }
  return { config: file, problems };
}

/** A ConfigError's problems as settings lines: `anchorLint.rules["known-propert"]: unknown rule ...`. */
function settingProblems(error: unknown): string[] {
  if (!(error instanceof ConfigError)) return [`anchorLint settings: ${(error as Error).message}`];
  return error.problems.map((problem) => `${settingName(problem.pointer)}: ${problem.message}`);
}

function settingName(pointer: string): string {
  const [, key, id] = pointer.split("/");
  if (key === "rules" && id !== undefined) return `anchorLint.rules[${JSON.stringify(id.replace(/~1/g, "/").replace(/~0/g, "~"))}]`;
  return key ? `anchorLint.${key}` : "anchorLint";
}

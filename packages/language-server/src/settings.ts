import { readFile } from "node:fs/promises";
import { resolveConfig, type LintConfig } from "@anchor-lint/core";
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
 * editor's settings on top (rules merged per id, `maxCount` replaced). A bad setting is reported
 * and left out, never fatal.
 */
export function mergeConfig(file: LintConfig, settings: Settings): { config: LintConfig; problems: string[] } {
  const problems: string[] = [];
  const merged = {
    rules: { ...file.rules, ...settings.rules },
    ...(settings.maxCount !== undefined ? { maxCount: settings.maxCount } : file.maxCount !== undefined ? { maxCount: file.maxCount } : {}),
  };
  try {
    return { config: resolveConfig(merged), problems };
  } catch (error) {
    problems.push(`anchorLint settings: ${(error as Error).message}`);
  }
  return { config: file, problems };
}

import { readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { resolveConfig, type LintConfig } from "@anchor-lint/core";

export const CONFIG_FILE_NAME = "anchor-lint.config.json";

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

export interface ConfigFile {
  path: string;
  /** `rules` and `maxCount` as written; other keys (the CLI's) are not the server's business. */
  raw: { rules?: unknown; maxCount?: unknown };
  error?: string;
}

/**
 * Finds and reads `anchor-lint.config.json` next to a file and upward, like the CLI. Results are
 * cached until `invalidate()` (a watched-file event, an edit of the open config file).
 */
export class ConfigFiles {
  private readonly lookups = new Map<string, Promise<string | undefined>>();
  private readonly contents = new Map<string, Promise<ConfigFile>>();

  /** `openText` returns the text of the config file when the editor has it open (unsaved edits count). */
  constructor(private readonly openText: (path: string) => string | undefined) {}

  invalidate(): void {
    this.lookups.clear();
    this.contents.clear();
  }

  /** Path of the nearest config file for a document in `directory`, if any. */
  find(directory: string): Promise<string | undefined> {
    let lookup = this.lookups.get(directory);
    if (!lookup) {
      lookup = this.search(directory);
      this.lookups.set(directory, lookup);
    }
    return lookup;
  }

  private async search(directory: string): Promise<string | undefined> {
    const candidate = join(directory, CONFIG_FILE_NAME);
    if (this.openText(candidate) !== undefined) return candidate;
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // not there: look further up
    }
    const parent = dirname(directory);
    return parent === directory ? undefined : this.find(parent);
  }

  read(path: string): Promise<ConfigFile> {
    let content = this.contents.get(path);
    if (!content) {
      content = this.load(path);
      this.contents.set(path, content);
    }
    return content;
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

  private async load(path: string): Promise<ConfigFile> {
    const text = await this.text(path);
    if (text === undefined) return { path, raw: {} };
    let value: unknown;
    try {
      value = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch (error) {
      return { path, raw: {}, error: `${path}: not valid JSON (${(error as Error).message})` };
    }
    if (!isRecord(value)) return { path, raw: {}, error: `${path}: the config must be a JSON object` };
    const raw: ConfigFile["raw"] = {};
    if (value.rules !== undefined) raw.rules = value.rules;
    if (value.maxCount !== undefined) raw.maxCount = value.maxCount;
    try {
      resolveConfig(raw);
      return { path, raw };
    } catch (error) {
      return { path, raw: {}, error: `${path}: ${(error as Error).message}` };
    }
  }
}

/**
 * The lint config of a document: the config file, then the editor's settings on top (rules
 * merged per id, `maxCount` replaced). A bad setting is reported and left out, never fatal.
 */
export function mergeConfig(file: ConfigFile | undefined, settings: Settings): { config: LintConfig; problems: string[] } {
  const problems: string[] = [];
  if (file?.error) problems.push(file.error);
  const fileRules = isRecord(file?.raw.rules) ? file.raw.rules : {};
  const merged = {
    rules: { ...fileRules, ...settings.rules },
    ...(settings.maxCount !== undefined ? { maxCount: settings.maxCount } : file?.raw.maxCount !== undefined ? { maxCount: file.raw.maxCount } : {}),
  };
  try {
    return { config: resolveConfig(merged), problems };
  } catch (error) {
    problems.push(`anchorLint settings: ${(error as Error).message}`);
  }
  try {
    return { config: resolveConfig(file?.raw ?? {}), problems };
  } catch {
    return { config: {}, problems };
  }
}

import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import picomatch from "picomatch";
import { ConfigError as CoreConfigError, jsonSyntaxError, resolveConfig, rules as coreRules, type LintConfig, type RuleSetting } from "@anchor-lint/core";
import { checkCliOptions } from "./cli-options.js";
import { describeFsError, UsageError } from "./errors.js";
import { describeReadFailure, readRegularFile } from "./read.js";
import { displayPath, folderOf, relativePosix } from "./paths.js";

export const CONFIG_FILE = "anchor-lint.config.json";

const OVERRIDE_KEYS = ["files", "rules"];

/** One mistake in a config file: where (a JSON pointer into it, "" for the whole file) and what. */
export interface ConfigProblem {
  pointer: string;
  message: string;
  /** For a file that is not JSON: where its syntax error is, in UTF-16 code units of the text. */
  syntax?: { offset: number; length: number };
}

/** A config file's mistakes, one line each (`file: /pointer: message`); exit code 2. */
export class ConfigFileError extends UsageError {
  /** Absolute path of the config file, when the error is about one file's content. */
  readonly file: string | undefined;
  readonly problems: readonly ConfigProblem[];
  constructor(
    readonly lines: readonly string[],
    details: { file?: string; problems?: readonly ConfigProblem[] } = {},
  ) {
    super(lines[0] ?? "invalid config", lines.slice(1));
    this.file = details.file;
    this.problems = details.problems ?? [];
  }
}

type Matcher = (relativePath: string) => boolean;

export interface LoadedConfig {
  /** Absolute path of the config file. */
  file: string;
  dir: string;
  rules: Record<string, RuleSetting>;
  maxCount: number | undefined;
  ignores: Matcher | undefined;
  overrides: { matches: Matcher; rules: Record<string, RuleSetting> }[];
}

type Problem = ConfigProblem;

function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Runs the core's own check (it owns `rules` and `maxCount`), collecting its problems under `prefix`.
 * Returns what is valid (an editor keeps using the good entries of a file being edited; the CLI
 * refuses the whole file whenever a problem was collected).
 */
function coreCheck(value: unknown, prefix: string, problems: Problem[], extraKeys: readonly string[] = []): LintConfig {
  try {
    return resolveConfig(value, { extraKeys });
  } catch (error) {
    if (!(error instanceof CoreConfigError)) throw error;
    for (const problem of error.problems) problems.push({ pointer: prefix + problem.pointer, message: problem.message });
    if (!isPlainObject(value)) return {};
    const kept: Record<string, unknown> = { ...value };
    const rules: Record<string, unknown> | undefined = isPlainObject(value.rules) ? { ...value.rules } : undefined;
    for (const { pointer } of error.problems) {
      const segments = pointer.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
      if (segments.length === 0) return {};
      if (segments[0] === "rules" && segments.length === 2 && rules) delete rules[segments[1]!];
      else delete kept[segments[0]!];
    }
    if (rules && "rules" in kept) kept.rules = rules;
    try {
      return resolveConfig(kept, { extraKeys });
    } catch {
      return {};
    }
  }
}

function checkGlobs(value: unknown, pointer: string, name: string, problems: Problem[], allowEmpty: boolean): string[] {
  if (!Array.isArray(value) || (!allowEmpty && value.length === 0)) {
    problems.push({ pointer, message: `"${name}" must be ${allowEmpty ? "an" : "a non-empty"} array of glob strings; found ${describe(value)}` });
    return [];
  }
  const out: string[] = [];
  value.forEach((glob, index) => {
    if (typeof glob !== "string" || glob.trim() === "") {
      problems.push({ pointer: `${pointer}/${index}`, message: `a glob must be a non-empty string; found ${describe(glob)}` });
    } else out.push(glob);
  });
  return out;
}

/** Globs are relative to the config's folder; "dir/" means everything below dir, as in .gitignore. */
function matcher(globs: string[]): Matcher {
  const patterns = globs.map((glob) => (glob.endsWith("/") ? `${glob}**` : glob)).map((glob) => glob.replace(/^\.\//, ""));
  return picomatch(patterns, { dot: true });
}

/**
 * A syntax error's place as editors count it: 1-based, lines ended by CRLF, LF or CR, columns in
 * UTF-16 code units. A leading BOM is no column: editors hide it (VS Code leaves it out of the text
 * it holds), so `offset`, counted in the text with its BOM, is one past the column they show on line 1.
 */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(text.charCodeAt(0) === 0xfeff ? 1 : 0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** The problem of a config that is not JSON: jsonc-parser's reason and place, not V8's wording. */
function syntaxProblem(text: string, engineMessage: string): ConfigProblem {
  const error = jsonSyntaxError(text);
  // Unreachable while jsonc-parser is as strict as JSON.parse; V8's words are better than none.
  if (!error) return { pointer: "", message: `invalid JSON: ${engineMessage}` };
  const { line, column } = lineAndColumn(text, error.offset);
  return { pointer: "", message: `invalid JSON at line ${line}, column ${column}: ${error.message}`, syntax: { offset: error.offset, length: error.length } };
}

/**
 * Checks the text of a config file. Never throws: returns every mistake, and the config made of
 * the entries that are valid (nothing at all when the text is not JSON).
 */
export function parseConfig(text: string, file: string): { config: LoadedConfig; problems: ConfigProblem[] } {
  const config: LoadedConfig = { file, dir: dirname(file), rules: Object.create(null), maxCount: undefined, ignores: undefined, overrides: [] };
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { config, problems: [syntaxProblem(text, (error as Error).message)] };
  }
  // The core takes null for "no config" (a caller passing nothing); a file that says null is as
  // wrong as one that says [], and its defaults must not pass for the user's settings.
  if (value === null) return { config, problems: [{ pointer: "", message: "the config must be an object; found null" }] };
  const problems: Problem[] = [];
  const core = coreCheck(value, "", problems, ["$schema", "ignores", "overrides"]);
  config.rules = { ...core.rules };
  config.maxCount = core.maxCount;
  if (isPlainObject(value)) {
    if ("ignores" in value) {
      const globs = checkGlobs(value.ignores, "/ignores", "ignores", problems, true);
      if (globs.length > 0) config.ignores = matcher(globs);
    }
    if ("overrides" in value) {
      if (!Array.isArray(value.overrides)) {
        problems.push({ pointer: "/overrides", message: `"overrides" must be an array of { "files": [...], "rules": {...} }; found ${describe(value.overrides)}` });
      } else {
        value.overrides.forEach((override: unknown, index: number) => {
          const at = `/overrides/${index}`;
          if (!isPlainObject(override)) {
            problems.push({ pointer: at, message: `an override must be an object with "files" and "rules"; found ${describe(override)}` });
            return;
          }
          for (const key of Object.keys(override)) {
            if (!OVERRIDE_KEYS.includes(key)) {
              problems.push({ pointer: `${at}/${escapePointer(key)}`, message: `unknown key "${key}" in an override; known keys: "files", "rules"` });
            }
          }
          if (!("files" in override)) problems.push({ pointer: at, message: `an override needs "files" (globs relative to the config's folder)` });
          if (!("rules" in override)) problems.push({ pointer: at, message: `an override needs "rules"` });
          const files = "files" in override ? checkGlobs(override.files, `${at}/files`, "files", problems, false) : [];
          const rules = "rules" in override ? coreCheck({ rules: override.rules }, at, problems).rules ?? {} : {};
          if (files.length > 0) config.overrides.push({ matches: matcher(files), rules });
        });
      }
    }
  }
  return { config, problems };
}

/** The error for a config file's problems: one line each, `name: /pointer: message`. */
function problemsError(file: string, name: string, problems: readonly ConfigProblem[]): ConfigFileError {
  return new ConfigFileError(
    problems.map((p) => `${name}: ${p.pointer === "" ? "" : `${p.pointer}: `}${p.message}`),
    { file, problems },
  );
}

/**
 * Reads and validates one config file; throws ConfigFileError listing every mistake.
 * `overlay` gives the text of a file when something newer than the disk has it (an editor).
 */
export function loadConfigFile(file: string, cwd: string, overlay?: (path: string) => string | undefined): LoadedConfig {
  const name = displayPath(cwd, file);
  let text = overlay?.(file);
  if (text === undefined) {
    // A regular file only: a named pipe called like the config would block the run.
    const read = readRegularFile(file);
    if (typeof read !== "string") {
      if (read.code === "ENOENT") throw new UsageError(`config file not found: ${name}`);
      throw new UsageError(`cannot read config file ${name}: ${describeReadFailure(read)}`);
    }
    text = read;
  }
  const { config, problems } = parseConfig(text, file);
  if (problems.length > 0) throw problemsError(file, name, problems);
  return config;
}

export interface ResolverOptions {
  /** Folder that relative paths (`configPath`) and the names in messages are relative to. */
  cwd: string;
  /** `-c`: one config for every file, no discovery. */
  configPath?: string | undefined;
  /** `--no-config`: no config file at all. */
  noConfig?: boolean;
  /** `--rule`, laid over every config. */
  cliRules?: { id: string; setting: RuleSetting }[];
  /** Where `cliRules` came from, for messages: `'--rule'` unless said otherwise. */
  cliRulesSource?: string;
  /** `--max-count`, replacing every config's `maxCount`. */
  cliMaxCount?: number | undefined;
  /** Where `cliMaxCount` came from, for messages: `option '--max-count'` unless said otherwise. */
  cliMaxCountSource?: string;
  /**
   * The last folder looked at when searching upward. By default the repository root (the nearest
   * folder holding `.git`), else the file-system root.
   */
  stopAt?: string | undefined;
  /** Text of files that something newer than the disk holds (an editor's unsaved buffers); counts as existing. */
  overlay?: ((path: string) => string | undefined) | undefined;
  /**
   * Called with the problems of a config file that has mistakes; the file's valid entries then
   * apply (nothing of it when it is not JSON). Without it, such a file throws ConfigFileError.
   */
  onProblem?: ((error: ConfigFileError) => void) | undefined;
}

/** What applies to one file. */
export interface FileConfig {
  /** For the core's `lint()`/`fix()`: the config's rules, its matching overrides in order, then `--rule`. */
  config: LintConfig;
  /** Whether the config's `ignores` exclude the file (the CLI does not lint it). */
  ignored: boolean;
  /** Absolute path of the config file that applies, if any. */
  configFile?: string;
}

/** Finds, loads (once each) and merges the configs that apply to each file. */
export class ConfigResolver {
  private readonly explicit: LoadedConfig | undefined;
  private readonly byDir = new Map<string, LoadedConfig | null>();
  private readonly byFile = new Map<string, LoadedConfig>();
  private readonly resolved = new Map<string, LintConfig>();
  private readonly sameForFolder = new Map<string, LintConfig>();

  constructor(private readonly options: ResolverOptions) {
    checkCliOptions(options);
    if (options.configPath !== undefined) {
      this.explicit = this.load(resolve(options.cwd, options.configPath));
    }
  }

  private load(file: string): LoadedConfig {
    const { onProblem } = this.options;
    if (!onProblem) return loadConfigFile(file, this.options.cwd, this.options.overlay);
    let text = this.options.overlay?.(file);
    if (text === undefined) {
      const read = readRegularFile(file);
      if (typeof read !== "string") {
        const message = `cannot read config file: ${describeReadFailure(read)}`;
        onProblem(problemsError(file, displayPath(this.options.cwd, file), [{ pointer: "", message }]));
        return parseConfig("{}", file).config;
      }
      text = read;
    }
    const { config, problems } = parseConfig(text, file);
    if (problems.length > 0) onProblem(problemsError(file, displayPath(this.options.cwd, file), problems));
    return config;
  }

  /** Everything that applies to one file: its lint config, whether it is ignored, and which config file. */
  resolve(file: string): FileConfig {
    const config = this.configFor(file);
    return { config: this.lintConfigFor(file), ignored: this.isIgnored(file), ...(config ? { configFile: config.file } : {}) };
  }

  /** The config file that applies to a file: `-c`, else the nearest one up to the repository root. */
  configFor(file: string): LoadedConfig | null {
    if (this.options.noConfig === true) return null;
    if (this.explicit) return this.explicit;
    return this.lookup(folderOf(file));
  }

  private lookup(dir: string): LoadedConfig | null {
    const cached = this.byDir.get(dir);
    if (cached !== undefined) return cached;
    let found: LoadedConfig | null;
    const candidate = join(dir, CONFIG_FILE);
    if (this.options.overlay?.(candidate) !== undefined || existsSync(candidate)) {
      found = this.byFile.get(candidate) ?? this.load(candidate);
      this.byFile.set(candidate, found);
    } else {
      const parent = dirname(dir);
      // The repository root (a folder holding .git) is the last place looked at, unless told otherwise.
      const last = this.options.stopAt !== undefined ? dir === this.options.stopAt : existsSync(join(dir, ".git"));
      found = parent === dir || last ? null : this.lookup(parent);
    }
    this.byDir.set(dir, found);
    return found;
  }

  /** The core config for a file the command is about to lint, or undefined when `ignores` exclude it. */
  taskConfigFor(file: string): LintConfig | undefined {
    const folder = folderOf(file);
    // Without ignores and overrides, every file of a folder gets the same answer: one lookup per folder.
    const shared = this.sameForFolder.get(folder);
    if (shared) return shared;
    const config = this.configFor(file);
    if (config && (config.ignores !== undefined || config.overrides.length > 0)) {
      if (config.ignores?.(relativePosix(config.dir, file))) return undefined;
      return this.lintConfigFor(file);
    }
    const lintConfig = this.combined(config, []);
    this.sameForFolder.set(folder, lintConfig);
    return lintConfig;
  }

  /** Whether the applicable config's `ignores` exclude the file. */
  isIgnored(file: string): boolean {
    const config = this.configFor(file);
    return config?.ignores !== undefined && config.ignores(relativePosix(config.dir, file));
  }

  /** The core config for one file: config rules, then matching overrides in order, then `--rule`. */
  lintConfigFor(file: string): LintConfig {
    const config = this.configFor(file);
    if (!config || config.overrides.length === 0) return this.combined(config, []);
    const rel = relativePosix(config.dir, file);
    return this.combined(config, config.overrides.filter((override) => override.matches(rel)));
  }

  /** One LintConfig per config file and set of matching overrides, shared by the files they apply to. */
  private combined(config: LoadedConfig | null, matched: LoadedConfig["overrides"]): LintConfig {
    let key = config ? config.file : "";
    for (const override of matched) key += `\u0000${config!.overrides.indexOf(override)}`;
    let lintConfig = this.resolved.get(key);
    if (!lintConfig) {
      const rules: Record<string, RuleSetting> = { ...config?.rules };
      for (const override of matched) Object.assign(rules, override.rules);
      for (const { id, setting } of this.options.cliRules ?? []) rules[id] = setting;
      const maxCount = this.options.cliMaxCount ?? config?.maxCount;
      lintConfig = resolveConfig({ rules, ...(maxCount !== undefined ? { maxCount } : {}) });
      this.resolved.set(key, lintConfig);
    }
    return lintConfig;
  }
}

/**
 * The config that applies to one file, as the `anchor-lint` command resolves it: the nearest
 * `anchor-lint.config.json` from the file's folder upward (stopping at the repository root), or
 * `configPath`, or none with `noConfig`. Throws ConfigFileError when that config has mistakes.
 * To resolve many files, keep one `ConfigResolver` (it reads each config file once).
 */
export function resolveFileConfig(
  filePath: string,
  options: Omit<ResolverOptions, "cwd"> & { cwd?: string } = {},
): FileConfig {
  const cwd = options.cwd ?? process.cwd();
  return new ConfigResolver({ ...options, cwd }).resolve(resolve(cwd, filePath));
}

/** What `--print-config` shows: every rule's effective setting for a file. */
export function effectiveConfig(resolver: ConfigResolver, file: string, cwd: string): object {
  const config = resolver.configFor(file);
  const lintConfig = resolver.lintConfigFor(file);
  const rules: Record<string, RuleSetting> = {};
  for (const rule of coreRules) {
    rules[rule.id] = lintConfig.rules?.[rule.id] ?? (rule.defaultSeverity === "error" ? "error" : "warn");
  }
  return {
    configFile: config ? displayPath(cwd, config.file) : null,
    ignored: resolver.isIgnored(file),
    maxCount: lintConfig.maxCount ?? 1000,
    rules,
  };
}

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { LintConfig, RuleSetting } from "@anchor-lint/core";
import { shownValue } from "./cli-options.js";
import { ConfigResolver, effectiveConfig } from "./config.js";
import { UsageError } from "./errors.js";
import { discover } from "./files.js";
import { lintFile, lintText as lintOneText, lintTextAs, writeFix, type LintJobOptions, type LintTask } from "./lint-file.js";
import { comparePaths, displayPath } from "./paths.js";
import type { FileResult } from "./results.js";

/** The task each result of `lintFiles` came from: what `outputFixes` needs to lint a file again. */
const taskOf = new WeakMap<FileResult, LintTask>();

export interface AnchorLintOptions {
  /** What patterns, `configFile` and the results' `path` are relative to. Default: `process.cwd()`. */
  cwd?: string;
  /** One config file for every file (the CLI's `-c`), instead of the nearest `anchor-lint.config.json`. */
  configFile?: string;
  /** No config file at all (the CLI's `--no-config`). */
  noConfig?: boolean;
  /** Rule settings laid over every config file (the CLI's `--rule`). */
  rules?: Record<string, RuleSetting>;
  /** Replaces every config file's `maxCount` (the CLI's `--max-count`). */
  maxCount?: number;
  /** Compute the safe fixes: a changed file's result carries `output`; `outputFixes` writes it. */
  fix?: boolean;
  /** Keep each text with a fixable finding in its result's `source` (to turn fixes into ranges of the original). */
  keepSource?: boolean;
  /** As ESLint's: false lets a folder or glob without files, or a missing path, yield nothing instead of throwing. */
  errorOnUnmatchedPattern?: boolean;
}

/**
 * Lints files as the `anchor-lint` command does (same files, same config resolution, same results),
 * for build tools, scripts and editors. Modelled on ESLint's `ESLint` class:
 *
 * ```js
 * const linter = new AnchorLint({ fix: true });
 * const results = await linter.lintFiles(["jobs/"]);
 * await AnchorLint.outputFixes(results);
 * ```
 *
 * The constructor throws `UsageError` for an option the CLI would refuse too (an unknown rule id, a
 * setting other than "off", "warn" or "error", a `maxCount` that is not an integer >= 1, `noConfig`
 * with `configFile`) or a `configFile` that cannot be read, and `ConfigFileError` for one with mistakes.
 */
export class AnchorLint {
  private readonly cwd: string;
  private readonly resolver: ConfigResolver;
  private readonly job: LintJobOptions;
  private readonly errorOnUnmatchedPattern: boolean;
  private readonly configFile: string | undefined;

  constructor(options: AnchorLintOptions = {}) {
    this.cwd = resolve(options.cwd ?? process.cwd());
    // Refused as the CLI refuses `--no-config -c`: one of the two would be silently ignored.
    if (options.noConfig === true && options.configFile !== undefined) {
      throw new UsageError("options 'configFile' and 'noConfig' cannot be used together.");
    }
    const rules: unknown = options.rules ?? {};
    if (typeof rules !== "object" || rules === null || Array.isArray(rules)) {
      throw new UsageError(`the 'rules' option expects an object mapping rule ids to "off", "warn" or "error", got ${shownValue(rules)}.`);
    }
    this.resolver = new ConfigResolver({
      cwd: this.cwd,
      configPath: options.configFile,
      noConfig: options.noConfig ?? false,
      cliRules: Object.entries(rules as Record<string, RuleSetting>).map(([id, setting]) => ({ id, setting })),
      // A library user passed no flag: name the option they did pass.
      cliRulesSource: "the 'rules' option",
      cliMaxCount: options.maxCount,
      cliMaxCountSource: "the 'maxCount' option",
    });
    this.job = { fix: options.fix ? "dry-run" : "none", keepSource: options.keepSource ?? false };
    this.errorOnUnmatchedPattern = options.errorOnUnmatchedPattern ?? true;
    this.configFile = options.configFile;
  }

  /**
   * Lints files, folders (searched for `*.anchor.json`, honouring `.gitignore`) and globs; no
   * pattern means the working folder. Files the config's `ignores` exclude are left out, and so are
   * config files (`anchor-lint.config.json`, `configFile`) a folder or glob meets. Results
   * are sorted by `path`. A path that does not exist, a folder or glob without files or whose every
   * file is ignored (these three unless `errorOnUnmatchedPattern` is false) and a folder that cannot
   * be read are results with `fatal` saying why and `pathProblem: true`, and the other paths are
   * still linted, as the command lints them (it prints those problems on stderr and exits 2); a file
   * that cannot be read is a result with `fatal` alone (the command reports it and exits 1).
   * `UsageError` when no path gave a file.
   */
  async lintFiles(patterns: string | readonly string[] = []): Promise<FileResult[]> {
    // Loaded before any file is looked at: on Node 20, once a named pipe has been looked at, the first
    // import of a package linked from node_modules can resolve it without following the link, and
    // tinyglobby then cannot find its own dependencies ("Cannot find package 'fdir'"). The CLI
    // bundles it, so only this class needs it loaded up front.
    await import("tinyglobby");
    const { files, problems } = await discover(typeof patterns === "string" ? [patterns] : patterns, this.cwd, {
      errorOnUnmatchedPattern: this.errorOnUnmatchedPattern,
      isIgnored: (file) => this.resolver.isIgnored(file),
      configFile: this.configFile,
    });
    const tasks: LintTask[] = [];
    for (const file of files) {
      const config = this.resolver.taskConfigFor(file);
      if (config) tasks.push({ filePath: file, path: displayPath(this.cwd, file), config });
    }
    const results = tasks.map((task) => {
      const result = lintFile(task, this.job);
      taskOf.set(result, task);
      return result;
    });
    for (const problem of problems) results.push({ filePath: resolve(this.cwd, problem.path), path: problem.path, findings: [], fatal: problem.message, pathProblem: true });
    return results.sort((a, b) => comparePaths(a.path, b.path));
  }

  /**
   * Lints a text as if it were the file at `filePath`: that file's config applies. Without
   * `filePath`, the config that applies in `cwd` (as for the CLI's `--stdin` without
   * `--stdin-filename`), and the result's `filePath` and `path` are `<text>`. An empty array when
   * the config's `ignores` exclude that file.
   */
  async lintText(text: string, options: { filePath?: string } = {}): Promise<FileResult[]> {
    const result = lintTextAs(text, options.filePath, this.resolver, this.cwd, this.job);
    return result ? [result] : [];
  }

  /** Whether the config that applies to `filePath` ignores it. */
  async isPathIgnored(filePath: string): Promise<boolean> {
    return this.resolver.isIgnored(resolve(this.cwd, filePath));
  }

  /** The core config `lint()` and `fix()` get for `filePath`: its config file's rules, matching overrides, then `rules`. */
  async calculateConfigForFile(filePath: string): Promise<LintConfig> {
    return this.resolver.lintConfigFor(resolve(this.cwd, filePath));
  }

  /** What `anchor-lint --print-config` shows for `filePath`: the config file, whether ignored, every rule's setting. */
  async printConfigForFile(filePath: string): Promise<object> {
    return effectiveConfig(this.resolver, resolve(this.cwd, filePath), this.cwd);
  }

  /**
   * Writes the fixed text of every result that has one, each file replaced atomically (temporary
   * file, flush, rename; the mode is kept). A file that cannot be written is left as it was and
   * its result says why in `fatal`, with the findings of the file as it is on disk, as the command
   * reports it; the others are still written.
   */
  static async outputFixes(results: readonly FileResult[]): Promise<void> {
    for (const result of results) {
      if (result.output === undefined || result.filePath === "<text>") continue;
      const task = taskOf.get(result);
      // A failed write reports the file as it is on disk, read again and linted with its config.
      writeFix(result, task ? () => lintOneText(readFileSync(task.filePath, "utf8"), task, { fix: "none", keepSource: result.source !== undefined }) : undefined);
    }
  }

  /** The results with their warnings left out (the CLI's `--quiet`). */
  static getErrorResults(results: readonly FileResult[]): FileResult[] {
    return results.map((result) => ({ ...result, findings: result.findings.filter((finding) => finding.severity === "error") }));
  }
}

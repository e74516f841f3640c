import { statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { resolve } from "node:path";
import { escapeControls, escapeJsonControls, rules } from "@anchor-lint/core";
import pkg from "../package.json" with { type: "json" };
import { HELP, parseCliArgs, type CliOptions } from "./args.js";
import { comparePaths, ConfigFileError, ConfigResolver, countAll, discover, displayPath, effectiveConfig, lintTextAs, repoRootOf, type FileResult, type PathProblem } from "@anchor-lint/node";
import { describeFsError, EXIT_LINT, EXIT_OK, EXIT_USAGE, UsageError } from "./errors.js";
import { makeFolders, prepareOutputFile } from "./output-file.js";
import { shouldColor } from "./formatters/color.js";
import { shownPath } from "./formatters/display.js";
import { formatters } from "./formatters/index.js";
import { init } from "./init.js";
import { lintTasks, PARALLEL_THRESHOLD, threadsFor, WorkerPool, type LintJobOptions, type LintTask } from "./lint-files.js";

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTTY: boolean;
  readStdin: () => Promise<string>;
  /** This bundle's URL, to start worker threads; undefined to stay in one thread. */
  workerUrl: URL | undefined;
  /** How loading with V8's code cache went (launcher.ts), for --debug. */
  codeCache?: string;
}

function listRules(format: string): string {
  if (format === "json") {
    return `${JSON.stringify(rules.map(({ id, description, defaultSeverity, fixable, category, docsUrl }) => ({ id, description, defaultSeverity, fixable, category, docsUrl })))}\n`;
  }
  const idWidth = Math.max(...rules.map((rule) => rule.id.length));
  const rows = rules.map((rule) => `${rule.id.padEnd(idWidth)}  ${rule.defaultSeverity.padEnd(7)}  ${(rule.fixable || "-").padEnd(7)}  ${rule.description}`);
  return `${"rule".padEnd(idWidth)}  default  fixes    description\n${rows.join("\n")}\n`;
}

/**
 * Workers besides this thread: --concurrency minus one; for auto, one less than the cores, or none
 * when a worker cannot pay for its own start-up and JIT warm-up: with two cores or fewer (measured on
 * 2 cores at load 1.3, 10,000 files: 559 ms in one thread, 672 ms in two) and when the machine is
 * already saturated (at load 3: 1.03 s in one thread, 1.42 s in two).
 */
const MIN_CORES_FOR_WORKERS = 3;

function workerCount(concurrency: number): number {
  if (concurrency > 0) return concurrency - 1;
  const cores = availableParallelism();
  if (cores < MIN_CORES_FOR_WORKERS) return 0;
  return (loadavg()[0] ?? 0) >= cores ? 0 : cores - 1;
}

/** A walk of a few hundred files ends before this; a longer one is worth starting workers early. */
const EARLY_WORKERS_AFTER_MS = 15;

/** Only folders and globs can bring enough files for workers to pay off; named files never do. */
function mayNeedWorkers(options: CliOptions, cwd: string): boolean {
  if (workerCount(options.concurrency) < 1) return false;
  const paths = options.paths.length > 0 ? options.paths : ["."];
  if (options.concurrency > 0) return true;
  if (paths.length >= PARALLEL_THRESHOLD) return true;
  return paths.some((path) => {
    try {
      return statSync(resolve(cwd, path)).isDirectory();
    } catch {
      return true; // a glob
    }
  });
}

/**
 * One line for stderr. What it quotes (paths, keys, a character of a broken config) may come from
 * files, so it is escaped whole: a newline in it is shown as `\u000a`, never starts a line of its own.
 */
function safeLine(text: string): string {
  return shownPath(text);
}

/** A stack for --debug: the message escaped as one line (it may quote a file), then V8's frames. */
function safeStack(error: Error): string {
  const stack = error.stack ?? "";
  const at = error.message === "" ? -1 : stack.indexOf(error.message);
  if (at < 0) return stack.split("\n").map(safeLine).join("\n");
  const end = at + error.message.length;
  return [safeLine(stack.slice(0, end)), ...stack.slice(end).split("\n").slice(1).map(safeLine)].join("\n");
}

/** ESLint's warning for a file named on the command line that the config's `ignores` skip. */
function warnIgnored(io: Io, path: string): void {
  io.stderr(`anchor-lint: warning: ${shownPath(path)}: File ignored because of a matching ignore pattern (the config's "ignores").\n`);
}

/** Runs the command; returns the exit code. Never throws. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let debug = argv.includes("--debug");
  const started = performance.now();
  const log = (text: string) => {
    if (debug) io.stderr(`anchor-lint: debug: ${escapeControls(text)} (${(performance.now() - started).toFixed(1)} ms)\n`);
  };
  try {
    const options = parseCliArgs(argv);
    debug = options.debug;
    if (io.codeCache !== undefined) log(`code cache: ${io.codeCache}`);
    return await runWith(options, io, log);
  } catch (error) {
    if (error instanceof ConfigFileError) {
      io.stderr(error.lines.map((line) => `${safeLine(line)}\n`).join(""));
    } else if (error instanceof UsageError) {
      io.stderr(`anchor-lint: ${safeLine(error.message)}\n`);
      for (const line of error.details) io.stderr(`${safeLine(line)}\n`);
    } else {
      io.stderr(`anchor-lint: internal error: ${safeLine((error as Error)?.message ?? String(error))}${debug ? "" : " (run with --debug for details)"}\n`);
    }
    if (debug && error instanceof Error && error.stack) io.stderr(`${safeStack(error)}\n`);
    return EXIT_USAGE;
  }
}

async function runWith(options: CliOptions, io: Io, log: (text: string) => void): Promise<number> {
  const { cwd } = io;
  if (options.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout(`${pkg.version}\n`);
    return EXIT_OK;
  }
  if (options.listRules) {
    io.stdout(listRules(options.format));
    return EXIT_OK;
  }
  if (options.init) {
    const folder = resolve(cwd, options.paths[0] ?? ".");
    makeFolders(folder, options.paths[0] ?? ".");
    const { lines, wrote } = init(folder, cwd);
    if (wrote === 0) throw new UsageError(`${lines.map((line) => line.replace(/ already exists; left unchanged\.$/, "")).join(" and ")} already exist; --init never overwrites a file.`);
    io.stdout(lines.map((line) => `${line}\n`).join(""));
    return EXIT_OK;
  }
  // The report's folder is made (or found unwritable) before any linting: a long run must not end
  // in an error that could have been told at once.
  const outputTarget = options.outputFile === undefined ? undefined : prepareOutputFile(resolve(cwd, options.outputFile), options.outputFile);

  const resolver = new ConfigResolver({
    cwd,
    configPath: options.config,
    noConfig: options.noConfig,
    cliRules: options.rules,
    cliMaxCount: options.maxCount,
  });

  if (options.printConfig !== undefined) {
    io.stdout(`${escapeJsonControls(JSON.stringify(effectiveConfig(resolver, resolve(cwd, options.printConfig), cwd), null, 2))}\n`);
    return EXIT_OK;
  }

  const jobOptions: LintJobOptions = {
    fix: options.fix ? "write" : options.fixDryRun ? "dry-run" : "none",
    keepSource: options.format === "json",
  };
  let results: FileResult[];
  // Paths given that could not be searched (reported as they are found).
  let pathProblems = 0;
  if (options.stdin) {
    const text = await io.readStdin();
    log("read stdin");
    // The Node API's lintText, so that the command and a script piping the same text cannot differ.
    const result = lintTextAs(text, options.stdinFilename, resolver, cwd, jobOptions);
    // As ESLint, a warning only for a text given a name: the user asked for that file.
    if (!result && options.stdinFilename !== undefined) warnIgnored(io, displayPath(cwd, resolve(cwd, options.stdinFilename)));
    results = result ? [result] : [];
  } else {
    // A walk still running after a moment is finding many files: start the workers then, so that
    // loading the bundle in them overlaps with the rest of the walk. Small runs never pay for them.
    if (options.concurrency === 0 && workerCount(0) === 0 && availableParallelism() > 1) {
      log(`load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores (workers need ${MIN_CORES_FOR_WORKERS} cores and spare capacity): one thread`);
    }
    let pool: WorkerPool | undefined;
    const startPool = () => {
      pool = new WorkerPool(io.workerUrl!, workerCount(options.concurrency));
      log(`started ${pool.size} worker threads`);
    };
    const timer = io.workerUrl && mayNeedWorkers(options, cwd) ? setTimeout(startPool, EARLY_WORKERS_AFTER_MS) : undefined;
    let files: string[];
    let explicit: Set<string>;
    log("finding files");
    try {
      let problems: PathProblem[];
      ({ files, explicit, problems } = await discover(options.paths, cwd, { errorOnUnmatchedPattern: options.errorOnUnmatchedPattern, isIgnored: (file) => resolver.isIgnored(file), configFile: options.config }));
      // Each path's own problem, in words; the other paths are linted, and the run exits 2.
      for (const problem of problems) io.stderr(`anchor-lint: ${safeLine(problem.message)}\n`);
      pathProblems = problems.length;
    } catch (error) {
      pool?.close();
      throw error;
    } finally {
      clearTimeout(timer);
    }
    log(`found ${files.length} files`);
    // Sorting the absolute paths first (a plain string sort, far cheaper than a comparator) leaves
    // files below the working folder in display order already, so the sort below has nothing to do.
    files.sort();
    const tasks: LintTask[] = [];
    for (const file of files) {
      const config = resolver.taskConfigFor(file);
      if (config) tasks.push({ filePath: file, path: displayPath(cwd, file), config });
      else if (explicit.has(file)) warnIgnored(io, displayPath(cwd, file));
    }
    tasks.sort((a, b) => comparePaths(a.path, b.path));
    log(`resolved configs; ${tasks.length} files to lint`);
    if (!pool && io.workerUrl && workerCount(options.concurrency) > 0 && threadsFor(tasks.length, options.concurrency) > 1) startPool();
    // Where lint workers never pay off (two cores), a reader thread takes the reads off this one.
    const readerUrl = io.workerUrl && options.concurrency === 0 && availableParallelism() > 1 ? new URL("reader.cjs", io.workerUrl) : undefined;
    results = await lintTasks(tasks, jobOptions, options.concurrency, pool, log, readerUrl);
    log("linted");
  }

  const totals = countAll(results);
  if (options.quiet) {
    results = results.map((result) => ({ ...result, findings: result.findings.filter((finding) => finding.severity === "error") }));
  }
  const color = options.outputFile === undefined && shouldColor(options.color, io.env, io.stdoutIsTTY);
  const repositoryRoot = repoRootOf(cwd);
  let output = formatters[options.format](results, { color, version: pkg.version, rules, cwd, ...(repositoryRoot !== null ? { repositoryRoot } : {}) });
  if (output !== "" && !output.endsWith("\n")) output += "\n";
  log(`formatted ${options.format}`);
  if (outputTarget !== undefined) {
    try {
      writeFileSync(outputTarget, output);
    } catch (error) {
      throw new UsageError(`cannot write output file ${options.outputFile}: ${describeFsError(error)}`);
    }
  } else if (output !== "") {
    io.stdout(output);
  }

  if (pathProblems > 0) return EXIT_USAGE;
  if (totals.errorCount > 0) return EXIT_LINT;
  if (options.maxWarnings >= 0 && totals.warningCount > options.maxWarnings) {
    io.stderr(`anchor-lint found too many warnings (maximum: ${options.maxWarnings}).\n`);
    return EXIT_LINT;
  }
  return EXIT_OK;
}

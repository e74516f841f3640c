import { readdir, readdirSync, statSync } from "node:fs";
import { hasUnreadableName, NOT_UTF8_REASON, readRegularFile, unreadablePart, UnreadableNames } from "./read.js";
import { basename, dirname, join, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import { describeFsError, UsageError } from "./errors.js";
import { CONFIG_FILE } from "./config.js";
import { folderOf, relativePosix } from "./paths.js";

const SUFFIX = ".anchor.json";
const SKIPPED_FOLDERS = new Set(["node_modules", ".git"]);
const ALWAYS_SKIPPED = ["**/node_modules/**", "**/.git/**"];

/**
 * Every `*.anchor.json` below `root`: files, and folders so named (reported as unreadable rather
 * than silently passed over). Symbolic links are not followed, as git does not: no file twice, no
 * loops. Unreadable folders are skipped. A plain synchronous walk: on 10,000 files it takes a
 * quarter of tinyglobby's time, which matches every path against a glob (tinyglobby still expands
 * the globs given on the command line).
 */
function walk(root: string, gitignores: Gitignores, folders: FolderProblems): { found: string[]; gitignored: number } {
  const found: string[] = [];
  // Counted so that a folder whose every file .gitignore excludes can be told from an empty one.
  let gitignored = 0;
  const pending = [root];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    // As git: nothing inside an excluded folder is looked at, so a deeper "!" cannot bring it back.
    if (gitignores.folderIgnored(dir)) {
      gitignored++;
      continue;
    }
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      const failure = error as NodeJS.ErrnoException;
      // A folder that cannot be read is reported: its configs would go unchecked without a word.
      // (Gone since its parent was listed: nothing was there to check; but a name that is not
      // UTF-8 also looks gone, and is there.)
      if (failure.code !== "ENOENT") folders.report(dir, describeFsError(failure));
      else if (folders.hasUnreadableName(dir)) folders.report(dir, NOT_UTF8_REASON);
      continue;
    }
    // Paths by concatenation: `dir` is already absolute and normalised, and join() would normalise it again.
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    const layers = gitignores.layersFor(dir);
    for (const entry of entries) {
      const name = entry.name;
      if (entry.isSymbolicLink()) continue;
      const path = prefix + name;
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(name)) continue;
        pending.push(path);
      }
      if (!name.endsWith(SUFFIX)) continue;
      if (layers.length === 0 || !ignoredBy(layers, path)) found.push(path);
      else gitignored++;
    }
  }
  return { found, gitignored };
}

/**
 * The folders of one discover() that could not be read, each reported once however many paths
 * (walks and globs) meet it, and the byte listings behind the check for names that are not UTF-8.
 */
class FolderProblems {
  private readonly reported = new Set<string>();
  private readonly names = new UnreadableNames();

  constructor(
    private readonly cwd: string,
    private readonly problems: PathProblem[],
  ) {}

  /** `dir` absolute and normalised. */
  report(dir: string, reason: string): void {
    if (this.reported.has(dir)) return;
    this.reported.add(dir);
    const shown = relativePosix(this.cwd, dir) || ".";
    this.problems.push({ path: shown, message: `Cannot read folder ${shown}: ${reason}` });
  }

  hasUnreadableName(path: string): boolean {
    return hasUnreadableName(path, this.names);
  }

  unreadablePart(path: string): string | undefined {
    return unreadablePart(path, this.names);
  }
}

/** A folder a glob entered but could not list, and why in words. */
interface UnlistedFolder {
  dir: string;
  reason: string;
}

/**
 * fs.readdir for the glob's walker (fdir), which passes over a folder it cannot list without a word:
 * the files of a folder it may not read (permission denied), or whose name is not valid UTF-8 (so it
 * cannot be listed by name), would go unchecked while the run passed. Such folders are collected in
 * `unlisted`, as a walk reports them; only a failed listing of a name with U+FFFD costs more. Gone
 * (ENOENT), or a file where the glob expected a folder (ENOTDIR, the glob's fixed start), means
 * nothing was there to check, as for a walk.
 */
function watchingReaddir(folders: FolderProblems, unlisted: UnlistedFolder[]): typeof readdir {
  const watching = (path: string, options: { withFileTypes: true }, callback: (error: NodeJS.ErrnoException | null, entries: unknown) => void) =>
    readdir(path, options, (error, entries) => {
      if (error?.code === "ENOENT") {
        if (folders.hasUnreadableName(path)) unlisted.push({ dir: resolve(path), reason: NOT_UTF8_REASON });
      } else if (error && error.code !== "ENOTDIR") unlisted.push({ dir: resolve(path), reason: describeFsError(error) });
      callback(error, entries);
    });
  return watching as unknown as typeof readdir;
}

/** A path given, or a folder met on the way, that could not be searched; `message` says why in words. */
export interface PathProblem {
  /** As given, or relative to the working folder for a folder met on the way. */
  path: string;
  message: string;
}

export interface Discovered {
  /** Absolute paths, deduplicated. */
  files: string[];
  /** Files named on the command line: linted whatever their names, .gitignore does not apply. */
  explicit: Set<string>;
  /** Paths given that could not be searched, and folders that could not be read; the others were. */
  problems: PathProblem[];
}

interface GitignoreLayer {
  dir: string;
  ig: Ignore;
}

/**
 * .gitignore files that apply to a folder, from the repository root down (deeper ones win), and
 * the folders they exclude: git does not look inside an excluded folder, so no pattern in it or
 * below it re-includes a file there.
 */
class Gitignores {
  private readonly chains = new Map<string, GitignoreLayer[]>();
  private readonly tops = new Set<string>();
  private readonly excluded = new Map<string, boolean>();

  constructor(private readonly cwd: string) {}

  /** The .gitignore files that apply to the files of a folder, outermost first. */
  layersFor(dir: string): GitignoreLayer[] {
    const cached = this.chains.get(dir);
    if (cached) return cached;
    const parent = dirname(dir);
    const isTop = parent === dir || pathExists(join(dir, ".git")) || (!insideRepo(dir) && dir === this.cwd);
    if (isTop) this.tops.add(dir);
    const base = isTop ? [] : this.layersFor(parent);
    let chain = base;
    // A regular file only: a named pipe called .gitignore would block the walk.
    const read = readRegularFile(join(dir, ".gitignore"));
    const text = typeof read === "string" ? read : undefined;
    if (text !== undefined) chain = [...base, { dir, ig: ignore().add(text) }];
    this.chains.set(dir, chain);
    return chain;
  }

  /** Whether a folder, or one above it below the repository root, is excluded. */
  folderIgnored(dir: string): boolean {
    let known = this.excluded.get(dir);
    if (known === undefined) {
      this.layersFor(dir);
      const parent = dirname(dir);
      if (this.tops.has(dir) || parent === dir) known = false;
      else {
        const layers = this.layersFor(parent);
        known = this.folderIgnored(parent) || (layers.length > 0 && ignoredBy(layers, dir, true));
      }
      this.excluded.set(dir, known);
    }
    return known;
  }

  ignores(file: string): boolean {
    const folder = folderOf(file);
    return this.folderIgnored(folder) || ignoredBy(this.layersFor(folder), file);
  }
}

function ignoredBy(layers: readonly GitignoreLayer[], file: string, folder = false): boolean {
  let ignored = false;
  for (const layer of layers) {
    // A trailing slash is how the patterns that only match folders ("build/") know it is one.
    const result = layer.ig.test(relativePosix(layer.dir, file) + (folder ? "/" : ""));
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

const existence = new Map<string, boolean>();
function pathExists(path: string): boolean {
  let known = existence.get(path);
  if (known === undefined) {
    try {
      statSync(path);
      known = true;
    } catch {
      known = false;
    }
    existence.set(path, known);
  }
  return known;
}

function insideRepo(dir: string): boolean {
  for (let current = dir; ; ) {
    if (pathExists(join(current, ".git"))) return true;
    const parent = dirname(current);
    if (parent === current) return false;
    current = parent;
  }
}

export interface DiscoverOptions {
  /**
   * A folder or glob that yields no file, or a path that does not exist, is a usage error (exit 2), as
   * in ESLint: a CI step pointed at the wrong folder must not pass having checked nothing. False for
   * `--no-error-on-unmatched-pattern`. So is one whose every file is ignored, by .gitignore or by
   * `isIgnored`, as ESLint's "All files matched by ... are ignored": the step checked nothing.
   */
  errorOnUnmatchedPattern?: boolean;
  /**
   * The config's `ignores` (`ConfigResolver.isIgnored`): files it excludes are left out of `files`
   * unless named on the command line, where the caller warns about them as ESLint does.
   */
  isIgnored?: (file: string) => boolean;
  /**
   * The config file given instead of the nearest one (the CLI's `-c`), relative to `cwd`. Like every
   * `anchor-lint.config.json`, a folder or glob that meets it leaves it out: it is not a request.
   */
  configFile?: string | undefined;
}

/** ESLint's words, so that CI users recognise them. */
function unmatched(pattern: string, hint: readonly string[] = []): UsageError {
  return new UsageError(`No files matching the pattern "${pattern}" were found.`, hint);
}

/** Why every file a folder or glob gave was left out, for the "all ignored" problem. */
function allIgnored(pattern: string, byGitignore: boolean, byConfig: boolean): UsageError {
  const by = byGitignore && byConfig ? `.gitignore and the config's "ignores"` : byGitignore ? ".gitignore" : `the config's "ignores"`;
  return new UsageError(`All files matched by "${pattern}" are ignored (by ${by}).`, [
    byConfig ? "  anchor-lint --print-config <file> shows which config file applies to a file and whether it ignores it." : "  A file named on the command line is linted even if .gitignore lists it.",
    "  To let a folder or glob lint nothing, use --no-error-on-unmatched-pattern.",
  ]);
}

const CONFIG_HINT = [
  `  Config files (${CONFIG_FILE}, the one given with -c) are not requests: a folder or glob leaves them out. Name one to lint it anyway.`,
];

const FOLDER_HINT = [
  '  A folder is searched for *.anchor.json files; name other JSON files on the command line, or quote a glob ("jobs/**/*.json").',
  "  To let a folder hold none, use --no-error-on-unmatched-pattern.",
];

/**
 * Expands the command-line paths: files as given, directories walked for `*.anchor.json`, globs
 * matched. A path that does not exist, cannot be read, or is a folder or glob without a file (or
 * whose every file is ignored) is a problem (in `problems`, in words) and the other paths are still
 * searched, as are the folders below one that cannot be read; UsageError only when there are
 * problems and no file at all.
 */
export async function discover(patterns: readonly string[], cwd: string, options: DiscoverOptions = {}): Promise<Discovered> {
  const errorOnUnmatched = options.errorOnUnmatchedPattern ?? true;
  const explicit = new Set<string>();
  const found = new Set<string>();
  const gitignores = new Gitignores(cwd);
  // Each path's own problem is collected and the other paths are still searched.
  const problems: PathProblem[] = [];
  const folders = new FolderProblems(cwd, problems);
  let firstError: { error: UsageError; problem: PathProblem } | undefined;
  const problem = (pattern: string, error: UsageError) => {
    const entry = { path: pattern, message: error.message };
    firstError ??= { error, problem: entry };
    problems.push(entry);
  };
  const { isIgnored } = options;
  // A config the run reads (or would read, by its name) would only get bogus findings as a request:
  // it has no "count", and its keys are unknown to the request schema.
  const configFile = options.configFile === undefined ? undefined : resolve(cwd, options.configFile);
  const isConfig = (file: string) => file === configFile || basename(file) === CONFIG_FILE;
  // Adds a folder's or glob's files that the config does not ignore; returns how many it has.
  // A file also named on the command line counts: it is linted (or warned about) as named.
  const keep = (files: readonly string[]): number => {
    let kept = 0;
    for (const file of files) {
      if (explicit.has(file)) kept++;
      else if (isIgnored === undefined || !isIgnored(file)) {
        found.add(file);
        kept++;
      }
    }
    return kept;
  };
  for (const pattern of patterns.length > 0 ? patterns : ["."]) {
    const absolute = resolve(cwd, pattern);
    let stats: ReturnType<typeof statSync> | undefined;
    let statError: NodeJS.ErrnoException | undefined;
    try {
      stats = statSync(absolute);
    } catch (error) {
      stats = undefined;
      statError = error as NodeJS.ErrnoException;
    }
    if (stats && !stats.isDirectory()) {
      explicit.add(absolute);
      continue;
    }
    if (stats) {
      // The walk has applied the .gitignore files already.
      const walked = walk(absolute, gitignores, folders);
      // The walk takes *.anchor.json only, so of the configs only a `-c` file so named can be among them.
      const requests = configFile === undefined ? walked.found : walked.found.filter((file) => explicit.has(file) || !isConfig(file));
      const kept = keep(requests);
      if (!errorOnUnmatched || kept > 0) continue;
      if (requests.length === 0 && walked.gitignored === 0) problem(pattern, unmatched(pattern, requests.length < walked.found.length ? CONFIG_HINT : FOLDER_HINT));
      else problem(pattern, allIgnored(pattern, walked.gitignored > 0, requests.length > 0));
      continue;
    }
    // Loaded only for a glob: its file walker looks for an optional copy of picomatch when it loads,
    // which costs every other run a few milliseconds.
    const { glob, isDynamicPattern } = await import("tinyglobby");
    if (!isDynamicPattern(pattern)) {
      const unreadable = statError?.code === "ENOENT" ? folders.unreadablePart(absolute) : undefined;
      const missing = statError?.code === "ENOENT" && unreadable === undefined;
      if (!errorOnUnmatched && missing) continue;
      if (missing) problem(pattern, new UsageError(`No such file or directory: ${pattern}`));
      else if (unreadable === absolute) problem(pattern, new UsageError(`Cannot read ${pattern}: ${NOT_UTF8_REASON}`));
      else if (unreadable !== undefined) problem(pattern, new UsageError(`Cannot read ${pattern}: the name of its folder ${relativePosix(cwd, unreadable)} is not valid UTF-8, so it cannot be opened by name`));
      else problem(pattern, new UsageError(`Cannot read ${pattern}: ${describeFsError(statError)}`));
      continue;
    }
    // Folders the glob would have entered but could not, reported as a walk reports them.
    const unlisted: UnlistedFolder[] = [];
    const matches = await glob(pattern, { cwd, absolute: true, dot: true, ignore: ALWAYS_SKIPPED, expandDirectories: false, followSymbolicLinks: false, fs: { readdir: watchingReaddir(folders, unlisted) } });
    // Sorted: fdir lists folders in parallel, so the order they fail in varies from run to run.
    for (const { dir, reason } of unlisted.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0))) folders.report(dir, reason);
    if (matches.length === 0) {
      if (errorOnUnmatched) problem(pattern, unmatched(pattern));
      continue;
    }
    const matched: string[] = [];
    let gitignored = 0;
    let configs = 0;
    for (const match of matches) {
      const file = match.endsWith("/") ? match.slice(0, -1) : match;
      if (explicit.has(file)) matched.push(file);
      else if (isConfig(file)) configs++;
      else if (gitignores.ignores(file)) gitignored++;
      else matched.push(file);
    }
    // A glob that met only configs matched no request at all.
    if (matched.length === 0 && gitignored === 0) {
      if (errorOnUnmatched) problem(pattern, unmatched(pattern, CONFIG_HINT));
      continue;
    }
    if (keep(matched) === 0 && errorOnUnmatched) problem(pattern, allIgnored(pattern, gitignored > 0, matched.length > 0));
  }
  for (const file of explicit) found.add(file);
  // Nothing to lint at all: the first usage error (with its hint) leads, every other problem follows
  // it, those of folders a walk could not read (collected before it) too.
  if (found.size === 0 && firstError) {
    const { error, problem: first } = firstError;
    throw new UsageError(error.message, [...error.details, ...problems.filter((other) => other !== first).map((other) => `anchor-lint: ${other.message}`)]);
  }
  return { files: [...found], explicit, problems };
}

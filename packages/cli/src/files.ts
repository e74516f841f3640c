import { readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import ignore, { type Ignore } from "ignore";
import { glob, isDynamicPattern } from "tinyglobby";
import { UsageError } from "./errors.js";
import { relativePosix } from "./paths.js";

const WALK_PATTERN = "**/*.anchor.json";
const ALWAYS_SKIPPED = ["**/node_modules/**", "**/.git/**"];

export interface Discovered {
  /** Absolute paths, deduplicated. */
  files: string[];
  /** Files named on the command line: linted whatever their names, .gitignore does not apply. */
  explicit: Set<string>;
}

interface GitignoreLayer {
  dir: string;
  ig: Ignore;
}

/** .gitignore files that apply to a folder, from the repository root down (deeper ones win). */
class Gitignores {
  private readonly chains = new Map<string, GitignoreLayer[]>();

  constructor(private readonly cwd: string) {}

  private chain(dir: string): GitignoreLayer[] {
    const cached = this.chains.get(dir);
    if (cached) return cached;
    const parent = dirname(dir);
    const isTop = parent === dir || pathExists(join(dir, ".git")) || (!insideRepo(dir) && dir === this.cwd);
    const base = isTop ? [] : this.chain(parent);
    let chain = base;
    let text: string | undefined;
    try {
      text = readFileSync(join(dir, ".gitignore"), "utf8");
    } catch {
      text = undefined;
    }
    if (text !== undefined) chain = [...base, { dir, ig: ignore().add(text) }];
    this.chains.set(dir, chain);
    return chain;
  }

  ignores(file: string): boolean {
    let ignored = false;
    for (const layer of this.chain(dirname(file))) {
      const result = layer.ig.test(relativePosix(layer.dir, file));
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }
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

/**
 * Expands the command-line paths: files as given, directories walked for `*.anchor.json`, globs
 * matched. Throws UsageError for a path that does not exist or a glob that matches nothing.
 */
export async function discover(patterns: readonly string[], cwd: string): Promise<Discovered> {
  const explicit = new Set<string>();
  const found = new Set<string>();
  const gitignores = new Gitignores(cwd);
  for (const pattern of patterns.length > 0 ? patterns : ["."]) {
    const absolute = resolve(cwd, pattern);
    let stats: ReturnType<typeof statSync> | undefined;
    try {
      stats = statSync(absolute);
    } catch {
      stats = undefined;
    }
    if (stats && !stats.isDirectory()) {
      explicit.add(absolute);
      continue;
    }
    let matches: string[];
    if (stats) {
      // onlyFiles false: a folder named x.anchor.json is reported as unreadable, not silently passed over.
      // Links are not followed, as git does not: no file twice, no loops.
      matches = await glob(WALK_PATTERN, { cwd: absolute, absolute: true, dot: true, onlyFiles: false, ignore: ALWAYS_SKIPPED, expandDirectories: false, followSymbolicLinks: false });
    } else if (isDynamicPattern(pattern)) {
      matches = await glob(pattern, { cwd, absolute: true, dot: true, ignore: ALWAYS_SKIPPED, expandDirectories: false, followSymbolicLinks: false });
      if (matches.length === 0) throw new UsageError(`No files matching the pattern '${pattern}' were found.`);
    } else {
      throw new UsageError(`No such file or directory: ${pattern}`);
    }
    for (const match of matches) {
      const file = match.endsWith("/") ? match.slice(0, -1) : match;
      if (!explicit.has(file) && !gitignores.ignores(file)) found.add(file);
    }
  }
  for (const file of explicit) found.add(file);
  return { files: [...found], explicit };
}

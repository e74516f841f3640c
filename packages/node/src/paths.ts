import { existsSync } from "node:fs";
import { dirname, relative, sep } from "node:path";

/** `relative(dir, file)` with forward slashes; skips path.relative's normalising for files below dir. */
export function relativePosix(dir: string, file: string): string {
  const rel = file.length > dir.length + 1 && file.startsWith(dir) && file[dir.length] === sep ? file.slice(dir.length + 1) : relative(dir, file);
  return sep === "/" ? rel : rel.split(sep).join("/");
}

/** Path relative to `cwd` with forward slashes: what every report prints and what output is sorted by. */
export function displayPath(cwd: string, absolute: string): string {
  return relativePosix(cwd, absolute);
}

/**
 * The folder of an absolute, normalised file path: path.dirname's answer, found with one native
 * search (dirname walks the characters in JavaScript, and runs for every linted file).
 */
export function folderOf(file: string): string {
  const at = file.lastIndexOf(sep);
  // The root's own separator ("/x", "C:\\x") stays: leave those to dirname.
  if (at <= 0 || file.charCodeAt(at - 1) === 58 /* : */) return dirname(file);
  return file.slice(0, at);
}

/** Plain code-unit order, so output is the same whatever the locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const repoRoots = new Map<string, string | null>();

/** The nearest folder at or above `dir` holding `.git` (a folder, or a file in worktrees), or null. */
export function repoRootOf(dir: string): string | null {
  const cached = repoRoots.get(dir);
  if (cached !== undefined) return cached;
  let result: string | null;
  if (existsSync(`${dir}${sep}.git`)) result = dir;
  else {
    const parent = dirname(dir);
    result = parent === dir ? null : repoRootOf(parent);
  }
  repoRoots.set(dir, result);
  return result;
}

/** Folders from `dir` upward to `stop` (inclusive), or to the file-system root when `stop` is null. */
export function ancestors(dir: string, stop: string | null): string[] {
  const out: string[] = [];
  let current = dir;
  for (;;) {
    out.push(current);
    if (current === stop) break;
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return out;
}

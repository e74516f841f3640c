import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { discover } from "../src/files.js";

let root: string;
function write(path: string, text = "{}") {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
async function found(patterns: string[], cwd = root) {
  const { files } = await discover(patterns, cwd);
  return files.map((file) => relative(root, file)).sort();
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "anchor-lint-files-"));
  mkdirSync(join(root, ".git"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("discover", () => {
  it("walks folders for *.anchor.json, skipping node_modules and .git, including dot folders", () => {
    write("a.anchor.json");
    write("deep/er/b.anchor.json");
    write(".github/c.anchor.json");
    write("other.json");
    write("node_modules/pkg/d.anchor.json");
    write(".git/e.anchor.json");
    return expect(found([])).resolves.toEqual([".github/c.anchor.json", "a.anchor.json", "deep/er/b.anchor.json"]);
  });

  it("honours .gitignore files up to the repository root, deeper ones winning", async () => {
    write(".gitignore", "build/\n*.tmp.anchor.json\n");
    write("build/a.anchor.json");
    write("x.tmp.anchor.json");
    write("sub/.gitignore", "!keep.tmp.anchor.json\nlocal/\n");
    write("sub/keep.tmp.anchor.json");
    write("sub/local/b.anchor.json");
    write("sub/c.anchor.json");
    expect(await found([])).toEqual(["sub/c.anchor.json", "sub/keep.tmp.anchor.json"]);
    // Walking a sub-folder still applies the .gitignore files above it.
    expect(await found(["sub"])).toEqual(["sub/c.anchor.json", "sub/keep.tmp.anchor.json"]);
  });

  it("looks inside no folder .gitignore excludes, as git: a deeper ! cannot re-include a file there", async () => {
    write(".gitignore", "skip/\nall/*\n!all/kept/\n");
    write("skip/.gitignore", "!c.anchor.json\n");
    write("skip/c.anchor.json");
    write("skip/deeper/d.anchor.json");
    write("all/e.anchor.json");
    write("all/kept/f.anchor.json");
    write("keep/b.anchor.json");
    expect(await found([])).toEqual(["all/kept/f.anchor.json", "keep/b.anchor.json"]);
    expect(await found(["**/*.anchor.json"])).toEqual(["all/kept/f.anchor.json", "keep/b.anchor.json"]);
    // A folder named on the command line that git excludes: everything in it is ignored, and said so.
    await expect(discover(["skip"], root)).rejects.toThrow('All files matched by "skip" are ignored (by .gitignore).');
  });

  it("lints files named explicitly whatever their names, even if gitignored", async () => {
    write(".gitignore", "*.json\n");
    write("request.json");
    expect(await found(["request.json"])).toEqual(["request.json"]);
  });

  it("expands globs and deduplicates", async () => {
    write("jobs/a.json");
    write("jobs/b.anchor.json");
    write("jobs/c.txt");
    expect(await found(["jobs/*.json", "jobs/b.anchor.json", "jobs"])).toEqual(["jobs/a.json", "jobs/b.anchor.json"]);
  });

  it("reports a folder named like a config, so it can be shown as unreadable", async () => {
    mkdirSync(join(root, "odd.anchor.json"));
    write("odd.anchor.json/inner.anchor.json");
    expect(await found([])).toEqual(["odd.anchor.json", "odd.anchor.json/inner.anchor.json"]);
  });

  it("does not follow symbolic links while walking (no duplicates, no loops), but lints a named link", async () => {
    write("a/x.anchor.json");
    symlinkSync("..", join(root, "a/up"));
    symlinkSync("a", join(root, "b"));
    symlinkSync("a/x.anchor.json", join(root, "link.anchor.json"));
    expect(await found([])).toEqual(["a/x.anchor.json"]);
    expect(await found(["link.anchor.json"])).toEqual(["link.anchor.json"]);
  });

  it("fails, as ESLint does, on a folder without *.anchor.json files, unless told not to", async () => {
    write("jobs/batch.json");
    mkdirSync(join(root, "empty"));
    await expect(discover(["jobs"], root)).rejects.toThrow('No files matching the pattern "jobs" were found.');
    await expect(discover(["empty"], root)).rejects.toThrow('No files matching the pattern "empty" were found.');
    const lenient = { errorOnUnmatchedPattern: false };
    expect((await discover(["jobs", "empty", "*.yaml", "missing"], root, lenient)).files).toEqual([]);
    // A folder with one config passes, and so does a named file of any name.
    write("jobs/one.anchor.json");
    expect((await discover(["jobs", "jobs/batch.json"], root)).files.map((file) => relative(root, file)).sort()).toEqual(["jobs/batch.json", "jobs/one.anchor.json"]);
  });

  it("says why a path cannot be read, in words rather than errno codes", async () => {
    write("file.anchor.json");
    symlinkSync("loop-b", join(root, "loop-a"));
    symlinkSync("loop-a", join(root, "loop-b"));
    await expect(discover(["file.anchor.json/inner"], root)).rejects.toThrow("Cannot read file.anchor.json/inner: a part of the path is a file, not a directory");
    await expect(discover(["loop-a"], root)).rejects.toThrow("Cannot read loop-a: too many symbolic links (a link that points to itself?)");
  });

  it("fails clearly on a missing path or a glob without matches", async () => {
    await expect(discover(["missing"], root)).rejects.toThrow("No such file or directory: missing");
    await expect(discover(["*.yaml"], root)).rejects.toThrow('No files matching the pattern "*.yaml" were found.');
  });
});

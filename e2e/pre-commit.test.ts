// The hooks of .pre-commit-hooks.yaml, run by the real pre-commit (`pre-commit try-repo`, which clones
// this checkout with its uncommitted changes) in a project that has anchor-lint installed.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, requireProgram } from "./harness/tools.js";

const cli = path.join(repoRoot, "packages/cli/dist/anchor-lint.js");
const fixable = '{ "count": 1, "configuration": { "session": { "proxy": { "active": true, "type": "anchor_residential", "country_code": "US" } } } }\n';
let scratch: string;
let project: string;

beforeAll(() => {
  requireProgram("pre-commit");
  scratch = mkdtempSync(path.join(tmpdir(), "anchor-lint-pre-commit-"));
  project = path.join(scratch, "project");
  mkdirSync(path.join(project, "node_modules/.bin"), { recursive: true });
  execFileSync("git", ["init", "-q"], { cwd: project });
  writeFileSync(path.join(project, ".gitignore"), "node_modules/\n");
  writeFileSync(path.join(project, "broken.anchor.json"), '{\n  "count": 2500\n}\n');
  writeFileSync(path.join(project, "clean.anchor.json"), '{ "count": 2 }\n');
  writeFileSync(path.join(project, "fixable.anchor.json"), fixable);
  writeFileSync(path.join(project, "other.json"), '{ "count": 2500 }\n');
  symlinkSync(cli, path.join(project, "node_modules/.bin/anchor-lint"));
  execFileSync("git", ["add", "."], { cwd: project });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function tryRepo(hook: string, ...files: string[]) {
  const selection = files.length ? ["--files", ...files] : ["--all-files"];
  const run = spawnSync("pre-commit", ["try-repo", repoRoot, hook, ...selection], {
    cwd: project,
    encoding: "utf8",
    env: { ...process.env, PRE_COMMIT_HOME: path.join(scratch, "pre-commit-home"), NO_COLOR: "1", PRE_COMMIT_COLOR: "never" },
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe("the pre-commit hooks (.pre-commit-hooks.yaml)", () => {
  it("anchor-lint fails on the broken *.anchor.json files, passes the others, and leaves other JSON alone", () => {
    const run = tryRepo("anchor-lint");
    expect(run.output).toMatch(/anchor-lint\.+Failed/);
    expect(run.output).toContain("broken.anchor.json\n  2:12  error  Session count must be between 1 and 1000 (found 2500). The API enforces 1000 although its page mentions up to 5,000; if your account allows more, set maxCount in the anchor-lint config.  count-range");
    expect(run.output).toContain('fixable.anchor.json\n  1:120  error  "US" must be written in lower case: "us".  proxy-country');
    expect(run.output).not.toContain("other.json");
    expect(run.output).not.toContain("clean.anchor.json");
    expect(run.status).toBe(1);
    expect(tryRepo("anchor-lint", "clean.anchor.json")).toMatchObject({ status: 0, output: expect.stringMatching(/anchor-lint\.+Passed/) });
  });

  it("anchor-lint-fix rewrites what it can fix, so pre-commit reports the change, and passes next time", () => {
    const first = tryRepo("anchor-lint-fix", "fixable.anchor.json");
    expect(first.output).toMatch(/anchor-lint --fix\.+Failed/);
    expect(first.output).toContain("files were modified by this hook");
    expect(first.status).toBe(1);
    expect(readFileSync(path.join(project, "fixable.anchor.json"), "utf8")).toBe(fixable.replace('"US"', '"us"'));
    execFileSync("git", ["add", "fixable.anchor.json"], { cwd: project });
    expect(tryRepo("anchor-lint-fix", "fixable.anchor.json")).toMatchObject({ status: 0, output: expect.stringMatching(/anchor-lint --fix\.+Passed/) });
  });
});

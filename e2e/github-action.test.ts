// action.yml's steps, run here with a simulated runner environment (GITHUB_* variables, $GITHUB_OUTPUT,
// `if:` conditions) against a project that has anchor-lint installed, as `npm ci` would leave it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "./harness/actions.js";
import { repoRoot } from "./harness/tools.js";

const actionFile = path.join(repoRoot, "action.yml");
const cli = path.join(repoRoot, "packages/cli/dist/anchor-lint.js");
let project: string;

beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), "anchor-lint-action-project-"));
  execFileSync("git", ["init", "-q"], { cwd: project });
  mkdirSync(path.join(project, "jobs"));
  writeFileSync(path.join(project, "jobs/broken.anchor.json"), '{\n  "count": 2500\n}\n');
  writeFileSync(path.join(project, "jobs/clean.anchor.json"), '{ "count": 2 }\n');
  writeFileSync(path.join(project, "jobs/warning.anchor.json"), '{ "count": 1, "configuration": { "browser": { "disable_web_security": { "active": true } } } }\n');
  mkdirSync(path.join(project, "node_modules/.bin"), { recursive: true });
  symlinkSync(cli, path.join(project, "node_modules/.bin/anchor-lint"));
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

const outcomes = (run: ReturnType<typeof runAction>) => run.steps.map((step) => step.outcome);

describe("the GitHub Action (action.yml)", () => {
  it("passes on clean files and writes no annotation", () => {
    const run = runAction(actionFile, project, { paths: "jobs/clean.anchor.json" });
    expect(run.steps[0]!.stdout).toBe("");
    expect(outcomes(run)).toEqual(["success", "skipped", "skipped"]);
    expect(run.failed).toBe(false);
    expect(run.outputs["exit-code"]).toBe("0");
  });

  it("annotates findings (format github, the default) and fails the job with exit code 1", () => {
    const run = runAction(actionFile, project, { paths: "jobs/broken.anchor.json jobs/clean.anchor.json" });
    expect(run.steps[0]!.stdout).toContain("::error file=jobs/broken.anchor.json,line=2,col=12,endLine=2,endColumn=16,title=count-range::Session count must be between 1 and 1000 (found 2500). The API enforces 1000 although its page mentions up to 5,000; if your account allows more, set maxCount in the anchor-lint config.");
    expect(outcomes(run)).toEqual(["success", "skipped", "failure"]);
    expect(run.steps[2]!.status).toBe(1);
    expect(run.outputs["exit-code"]).toBe("1");
  });

  it("run in a working-directory, still annotates with paths from the repository root", () => {
    const run = runAction(actionFile, project, { "working-directory": "jobs", paths: "broken.anchor.json" });
    expect(run.steps[0]!.stdout).toContain("::error file=jobs/broken.anchor.json,line=2,col=12,");
    expect(run.failed).toBe(true);
  });

  it("fails on warnings beyond max-warnings", () => {
    const within = runAction(actionFile, project, { paths: "jobs/warning.anchor.json" });
    expect(within.failed).toBe(false);
    expect(within.steps[0]!.stdout).toContain("::warning file=jobs/warning.anchor.json");
    const beyond = runAction(actionFile, project, { paths: "jobs/warning.anchor.json", "max-warnings": "0" });
    expect(beyond.failed).toBe(true);
    expect(beyond.outputs["exit-code"]).toBe("1");
  });

  it("with format sarif, writes the report, hands it to upload-sarif even when there are findings, then fails", () => {
    const run = runAction(actionFile, project, { paths: "jobs", format: "sarif", category: "configs" });
    expect(outcomes(run)).toEqual(["success", "success", "failure"]);
    const upload = run.steps[1]!;
    expect(upload.uses).toBe("github/codeql-action/upload-sarif@v3");
    expect(upload.with).toEqual({ sarif_file: path.join(project, "anchor-lint.sarif"), category: "configs" });
    const sarif = JSON.parse(readFileSync(upload.with!.sarif_file!, "utf8"));
    expect(sarif.version).toBe("2.1.0");
    const results = sarif.runs[0].results.map((r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => [
      r.ruleId,
      r.locations[0]!.physicalLocation.artifactLocation.uri,
    ]);
    expect(results).toEqual([
      ["count-range", "jobs/broken.anchor.json"],
      ["no-disable-web-security", "jobs/warning.anchor.json"],
    ]);
    expect(run.outputs["sarif-file"]).toBe(path.join(project, "anchor-lint.sarif"));
  });

  it("with upload-sarif false, writes the report and skips the upload", () => {
    const run = runAction(actionFile, project, { paths: "jobs/clean.anchor.json", format: "sarif", "sarif-file": "out/report.sarif", "upload-sarif": "false" });
    expect(outcomes(run)).toEqual(["success", "skipped", "skipped"]);
    expect(JSON.parse(readFileSync(path.join(project, "out/report.sarif"), "utf8")).runs[0].results).toEqual([]);
    expect(run.outputs["sarif-file"]).toBe(path.join(project, "out/report.sarif"));
  });

  it("fails at the lint step on a usage problem (exit 2), with the CLI's message in the log", () => {
    const run = runAction(actionFile, project, { paths: "jobs/missing.anchor.json" });
    expect(outcomes(run)).toEqual(["failure", "skipped", "skipped"]);
    expect(run.steps[0]!.status).toBe(2);
    expect(run.steps[0]!.stderr).toMatch(/missing\.anchor\.json/);
    expect(run.outputs["exit-code"]).toBe("2");
  });

  it("without anchor-lint in the project, runs the registry's @anchor-lint/cli at the Action's version", () => {
    const bare = mkdtempSync(path.join(tmpdir(), "anchor-lint-action-bare-"));
    try {
      // A stand-in npx that records how it was called (the registry has no release to fetch here).
      const bin = path.join(bare, "bin");
      mkdirSync(bin);
      writeFileSync(path.join(bin, "npx"), '#!/bin/sh\nprintf "%s\\n" "$@" > "$NPX_CALLED"\n', { mode: 0o755 });
      const called = path.join(bare, "npx-called");
      const run = runAction(actionFile, bare, { paths: "jobs/" }, { PATH: `${bin}:${process.env.PATH}`, NPX_CALLED: called });
      const version = JSON.parse(readFileSync(path.join(repoRoot, "packages/cli/package.json"), "utf8")).version;
      expect(readFileSync(called, "utf8").split("\n").filter(Boolean)).toEqual(["--yes", `@anchor-lint/cli@${version}`, "--format", "github", "--", "jobs/"]);
      expect(run.failed).toBe(false);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it("takes quoted globs and a quoted folder with a space, as the paths input says, and lints what they match", () => {
    mkdirSync(path.join(project, "team jobs"), { recursive: true });
    writeFileSync(path.join(project, "team jobs/spaced.anchor.json"), '{ "count": 0 }\n');
    try {
      const run = runAction(actionFile, project, { paths: `"jobs/**/broken*.anchor.json" 'team jobs/'\njobs/clean.anchor.json` });
      expect(run.steps[0]!.stderr).toBe("");
      expect(run.steps[0]!.stdout).toContain("::error file=jobs/broken.anchor.json,line=2,col=12,");
      expect(run.steps[0]!.stdout).toContain("::error file=team jobs/spaced.anchor.json,");
      expect(run.outputs["exit-code"]).toBe("1");
      // A backslash is part of the path (a Windows one, or a name that holds one), never an escape dropped.
      writeFileSync(path.join(project, "back\\slash.anchor.json"), '{ "count": 0 }\n');
      const backslash = runAction(actionFile, project, { paths: "back\\slash.anchor.json 'team jobs/'" });
      expect(backslash.steps[0]!.stderr).toBe("");
      expect(backslash.steps[0]!.stdout).toContain("::error file=back\\slash.anchor.json,");
      rmSync(path.join(project, "back\\slash.anchor.json"));
      const unmatched = runAction(actionFile, project, { paths: '"jobs/**/*.anchor.json' });
      expect(unmatched.steps[0]!.stderr).toContain("the paths input has an unmatched quote");
      expect(unmatched.outputs["exit-code"]).toBe("2");
    } finally {
      rmSync(path.join(project, "team jobs"), { recursive: true, force: true });
    }
  });

  it("passes inputs as data, never as shell code", () => {
    const run = runAction(actionFile, project, { paths: 'jobs/clean.anchor.json $(touch${IFS}pwned) "`touch pwned2`"' });
    expect(existsSync(path.join(project, "pwned"))).toBe(false);
    expect(existsSync(path.join(project, "pwned2"))).toBe(false);
    expect(run.outputs["exit-code"]).toBe("2");
  });
});

import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AnchorLint, ConfigFileError, countAll, UsageError } from "@anchor-lint/node";
import { lint } from "@anchor-lint/core";

let root: string;
function write(path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

const typo = '{ "count": 1, "configuration": { "browser": { "headles": { "active": true } } } }\n';
const twoThousand = '{ "count": 2000 }\n';

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "anchor-lint-node-"));
  mkdirSync(join(root, ".git"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("AnchorLint.lintFiles", () => {
  it("finds *.anchor.json under a folder, skips .gitignore'd and ignored files, and sorts by path", async () => {
    write("b.anchor.json", twoThousand);
    write("a/c.anchor.json", typo);
    write("build/d.anchor.json", twoThousand);
    write("old/e.anchor.json", twoThousand);
    write("notes.json", twoThousand);
    write(".gitignore", "build/\n");
    write("anchor-lint.config.json", JSON.stringify({ ignores: ["old/"] }));
    const results = await new AnchorLint({ cwd: root }).lintFiles();
    expect(results.map((r) => r.path)).toEqual(["a/c.anchor.json", "b.anchor.json"]);
    expect(results.map((r) => r.filePath)).toEqual([join(root, "a/c.anchor.json"), join(root, "b.anchor.json")]);
    expect(results[1]!.findings.map((f) => f.ruleId)).toEqual(["count-range"]);
    expect(countAll(results)).toMatchObject({ errorCount: 1, warningCount: 1 });
  });

  it("gives a folder whose every file the config ignores a fatal result, as the command exits 2 for it", async () => {
    write("anchor-lint.config.json", JSON.stringify({ ignores: ["old/"] }));
    write("old/e.anchor.json", twoThousand);
    write("b.anchor.json", twoThousand);
    const results = await new AnchorLint({ cwd: root }).lintFiles(["old", "b.anchor.json"]);
    expect(results.map((r) => [r.path, r.fatal])).toEqual([
      ["b.anchor.json", undefined],
      ["old", 'All files matched by "old" are ignored (by the config\'s "ignores").'],
    ]);
    await expect(new AnchorLint({ cwd: root, errorOnUnmatchedPattern: false }).lintFiles("old")).resolves.toEqual([]);
  });

  it("marks the results of paths that gave no file, not those of files that cannot be read", async () => {
    write("a.anchor.json", twoThousand);
    expect(spawnSync("mkfifo", [join(root, "pipe.anchor.json")]).status).toBe(0);
    const results = await new AnchorLint({ cwd: root }).lintFiles(["missing.anchor.json", "a.anchor.json", "pipe.anchor.json"]);
    expect(results.map((r) => [r.path, r.fatal, r.pathProblem])).toEqual([
      ["a.anchor.json", undefined, undefined],
      ["missing.anchor.json", "No such file or directory: missing.anchor.json", true],
      ["pipe.anchor.json", "Cannot read file: not a regular file (a named pipe)", undefined],
    ]);
  });

  it.skipIf(process.platform !== "linux")("gives a folder that several paths cannot read one result", async () => {
    write("ok/b.anchor.json", twoThousand);
    // Linux takes any bytes in a name; Node cannot open this one under the string it gives.
    mkdirSync(Buffer.concat([Buffer.from(`${root}/x`), Buffer.from([0xff])]));
    const results = await new AnchorLint({ cwd: root }).lintFiles([".", "**/*.anchor.json"]);
    expect(results.map((r) => [r.path, r.fatal, r.pathProblem])).toEqual([
      ["ok/b.anchor.json", undefined, undefined],
      ["x\ufffd", "Cannot read folder x\ufffd: its name is not valid UTF-8, so it cannot be opened by name", true],
    ]);
  });

  it("a named pipe before a missing path, in a plain Node process: both reported, no crash", () => {
    // On Node 20 a named pipe opened before the first import of tinyglobby broke that import
    // ("Cannot find package 'fdir'"); vitest's own module loader does not show it, so this runs
    // the built package the way a script does.
    write("a.anchor.json", twoThousand);
    expect(spawnSync("mkfifo", [join(root, "pipe.anchor.json")]).status).toBe(0);
    const entry = new URL("../dist/index.js", import.meta.url).href;
    const script = `const { AnchorLint } = await import(${JSON.stringify(entry)});
      const results = await new AnchorLint({ cwd: ${JSON.stringify(root)} }).lintFiles(["pipe.anchor.json", "missing.anchor.json", "*.json"]);
      console.log(JSON.stringify(results.map((r) => [r.path, r.fatal ?? null])));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 30_000 });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual([
      ["a.anchor.json", null],
      ["missing.anchor.json", "No such file or directory: missing.anchor.json"],
      ["pipe.anchor.json", "Cannot read file: not a regular file (a named pipe)"],
    ]);
  });

  // chmod 000 does not stop root: as root, the script runs without the capabilities that let root
  // read anything (util-linux's setpriv drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH).
  const asRoot = process.getuid?.() === 0;
  const hasSetpriv = spawnSync("setpriv", ["--version"]).status === 0;
  it.skipIf(asRoot && !hasSetpriv)("a folder a glob cannot read (permission denied) is a result, in a plain Node process (skipped as root without setpriv)", () => {
    write("configs/ok/a.anchor.json", twoThousand);
    write("configs/locked/b.anchor.json", twoThousand);
    chmodSync(root, 0o755);
    for (const path of ["configs", "configs/ok"]) chmodSync(join(root, path), 0o755);
    for (const path of ["configs/ok/a.anchor.json", "configs/locked/b.anchor.json"]) chmodSync(join(root, path), 0o644);
    chmodSync(join(root, "configs/locked"), 0o000);
    const entry = new URL("../dist/index.js", import.meta.url).href;
    const script = `const { AnchorLint } = await import(${JSON.stringify(entry)});
      const results = await new AnchorLint({ cwd: ${JSON.stringify(root)} }).lintFiles(["configs/**/*.anchor.json"]);
      console.log(JSON.stringify(results.map((r) => [r.path, r.fatal ?? null, r.pathProblem ?? null])));`;
    const node = [process.execPath, "--input-type=module", "-e", script];
    const [program, ...args] = asRoot ? ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", ...node] : node;
    try {
      const run = spawnSync(program!, args, { encoding: "utf8", timeout: 30_000 });
      expect(run.stderr).toBe("");
      expect(JSON.parse(run.stdout)).toEqual([
        ["configs/locked", "Cannot read folder configs/locked: permission denied", true],
        ["configs/ok/a.anchor.json", null, null],
      ]);
    } finally {
      chmodSync(join(root, "configs/locked"), 0o755);
    }
  });

  it("applies the nearest config with its overrides, then the rules given to the constructor", async () => {
    write("anchor-lint.config.json", JSON.stringify({ maxCount: 5000, overrides: [{ files: ["strict/**"], rules: { "known-property": "error" } }] }));
    write("strict/a.anchor.json", typo);
    write("loose/b.anchor.json", twoThousand);
    const results = await new AnchorLint({ cwd: root }).lintFiles(["strict", "loose"]);
    expect(results.map((r) => [r.path, r.findings.map((f) => `${f.ruleId}:${f.severity}`)])).toEqual([
      ["loose/b.anchor.json", []],
      ["strict/a.anchor.json", ["known-property:error"]],
    ]);
    const overridden = await new AnchorLint({ cwd: root, rules: { "known-property": "off" }, maxCount: 1000 }).lintFiles(["strict", "loose"]);
    expect(overridden.map((r) => r.findings.map((f) => f.ruleId))).toEqual([["count-range"], []]);
  });

  it("takes one config file for every file, or none", async () => {
    write("anchor-lint.config.json", JSON.stringify({ rules: { "count-range": "off" } }));
    write("ci/strict.json", JSON.stringify({ rules: { "count-range": "warn" } }));
    write("a.anchor.json", twoThousand);
    expect((await new AnchorLint({ cwd: root }).lintFiles())[0]!.findings).toEqual([]);
    expect((await new AnchorLint({ cwd: root, configFile: "ci/strict.json" }).lintFiles())[0]!.findings.map((f) => f.severity)).toEqual(["warning"]);
    expect((await new AnchorLint({ cwd: root, noConfig: true }).lintFiles())[0]!.findings.map((f) => f.severity)).toEqual(["error"]);
  });

  it("leaves the config files out of a glob, the -c one included, and lints one named", async () => {
    write("ci/anchor-lint.config.json", JSON.stringify({ rules: {} }));
    write("ci/strict.json", JSON.stringify({ rules: { "count-range": "warn" } }));
    write("ci/job.json", twoThousand);
    const results = await new AnchorLint({ cwd: root, configFile: "ci/strict.json" }).lintFiles(["ci/*.json", "ci/anchor-lint.config.json"]);
    expect(results.map((r) => [r.path, r.findings.map((f) => f.ruleId)])).toEqual([
      ["ci/anchor-lint.config.json", ["required-property", "known-property"]],
      ["ci/job.json", ["count-range"]],
    ]);
  });

  it("refuses a missing path, an unknown rule and a config file with mistakes, saying which", async () => {
    await expect(new AnchorLint({ cwd: root }).lintFiles("missing.anchor.json")).rejects.toThrow(new UsageError("No such file or directory: missing.anchor.json"));
    expect(() => new AnchorLint({ cwd: root, rules: { "proxy-contry": "off" } })).toThrow("unknown rule 'proxy-contry' in the 'rules' option (did you mean 'proxy-country'?).");
    write("anchor-lint.config.json", JSON.stringify({ rules: { "count-rang": "off" } }));
    write("a.anchor.json", twoThousand);
    const failure = await new AnchorLint({ cwd: root }).lintFiles().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigFileError);
    expect((failure as ConfigFileError).problems).toEqual([{ pointer: "/rules/count-rang", message: 'unknown rule "count-rang" (did you mean "count-range"?)' }]);
  });

  it("refuses at construction the option values the command refuses, as UsageError", () => {
    const refusal = (options: ConstructorParameters<typeof AnchorLint>[0]) => {
      try {
        new AnchorLint({ cwd: root, ...options });
      } catch (error) {
        return error instanceof UsageError ? error.message : error;
      }
      return "accepted";
    };
    expect(refusal({ rules: { "known-property": "bogus" as "off" } })).toBe(`rule 'known-property' in the 'rules' option expects "off", "warn" or "error", got "bogus".`);
    expect(refusal({ rules: { "known-property": "warning" as "warn" } })).toBe(`rule 'known-property' in the 'rules' option expects "off", "warn" or "error", got "warning" (did you mean "warn"?).`);
    expect(refusal({ rules: "off" as never })).toBe(`the 'rules' option expects an object mapping rule ids to "off", "warn" or "error", got "off".`);
    expect(refusal({ maxCount: -1 })).toBe("the 'maxCount' option expects an integer >= 1, got -1.");
    expect(refusal({ maxCount: 1.5 })).toBe("the 'maxCount' option expects an integer >= 1, got 1.5.");
    write("ci/strict.json", JSON.stringify({ maxCount: 5000 }));
    expect(refusal({ noConfig: true, configFile: "ci/strict.json" })).toBe("options 'configFile' and 'noConfig' cannot be used together.");
    expect(refusal({ noConfig: false, configFile: "ci/strict.json", maxCount: 1 })).toBe("accepted");
  });
});

describe("fixing", () => {
  it("computes fixes without writing, and outputFixes writes them", async () => {
    write("a.anchor.json", typo);
    const linter = new AnchorLint({ cwd: root, fix: true });
    const results = await linter.lintFiles();
    const fixed = typo.replace('"headles"', '"headless"');
    expect(results[0]!.output).toBe(fixed);
    expect(results[0]!.findings).toEqual([]);
    expect(readFileSync(join(root, "a.anchor.json"), "utf8")).toBe(typo);
    await AnchorLint.outputFixes(results);
    expect(readFileSync(join(root, "a.anchor.json"), "utf8")).toBe(fixed);
    expect(lint(fixed)).toEqual([]);
    // Fixing the fixed file changes nothing.
    expect((await linter.lintFiles())[0]!.output).toBeUndefined();
  });

  it("leaves a result without output, and a text without a file, alone", async () => {
    write("a.anchor.json", twoThousand);
    const linter = new AnchorLint({ cwd: root, fix: true });
    await AnchorLint.outputFixes([...(await linter.lintFiles()), ...(await linter.lintText(typo))]);
    expect(readFileSync(join(root, "a.anchor.json"), "utf8")).toBe(twoThousand);
  });
});

describe("AnchorLint.lintText and config queries", () => {
  it("counts line 1's columns without a byte order mark, as editors do, in findings and related places", async () => {
    const linter = new AnchorLint({ cwd: root, noConfig: true });
    const text = '{"count": 1, "configuration": {"session": {"proxy": {"type": "anchor_proxy", "active": true, "country_code": "zz"}}}}';
    const columns = async (input: string) =>
      (await linter.lintText(input))[0]!.findings.filter((f) => f.ruleId === "proxy-country").map((f) => [f.range!.start.column, f.range!.end.column, f.related?.[0]?.range?.start.column]);
    const plain = await columns(text);
    expect(plain[0]![0]).toBe(text.indexOf('"zz"') + 1);
    expect(plain[0]![2]).toBe(text.indexOf('"anchor_proxy"') + 1);
    expect(await columns(`\uFEFF${text}`)).toEqual(plain);
  });

  it("lints a text as the file it names, with that file's config, and nothing for an ignored one", async () => {
    write("anchor-lint.config.json", JSON.stringify({ ignores: ["drafts/"], rules: { "known-property": "error" } }));
    const linter = new AnchorLint({ cwd: root });
    const [result] = await linter.lintText(typo, { filePath: "jobs/a.anchor.json" });
    expect(result).toMatchObject({ filePath: join(root, "jobs/a.anchor.json"), path: "jobs/a.anchor.json" });
    expect(result!.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(["known-property:error"]);
    expect(await linter.lintText(typo, { filePath: "drafts/a.anchor.json" })).toEqual([]);
    expect(await linter.isPathIgnored("drafts/a.anchor.json")).toBe(true);
    expect(await linter.isPathIgnored("jobs/a.anchor.json")).toBe(false);
    // Without a path, the working folder's config applies (here: known-property as an error).
    expect((await linter.lintText(typo))[0]).toMatchObject({ filePath: "<text>", path: "<text>", findings: [expect.objectContaining({ ruleId: "known-property", severity: "error" })] });
  });

  it("tells the config of a file, as lint() takes it and as --print-config shows it", async () => {
    write("anchor-lint.config.json", JSON.stringify({ maxCount: 50, overrides: [{ files: ["ci/**"], rules: { "count-range": "warn" } }] }));
    const linter = new AnchorLint({ cwd: root });
    expect(await linter.calculateConfigForFile("ci/a.anchor.json")).toEqual({ maxCount: 50, rules: { "count-range": "warn" } });
    const shown = (await linter.printConfigForFile("ci/a.anchor.json")) as { configFile: string; rules: Record<string, string> };
    expect(shown.configFile).toBe("anchor-lint.config.json");
    expect(shown.rules["count-range"]).toBe("warn");
  });

  it("keeps only errors with getErrorResults", async () => {
    write("a.anchor.json", '{ "count": 2000, "configuration": { "browser": { "headles": { "active": true } } } }');
    const [result] = AnchorLint.getErrorResults(await new AnchorLint({ cwd: root }).lintFiles());
    expect(result!.findings.map((f) => f.ruleId)).toEqual(["count-range"]);
  });
});

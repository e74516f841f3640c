import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rules } from "@anchor-lint/core";
import { AnchorLint } from "@anchor-lint/node";
import pkg from "../package.json" with { type: "json" };
import { run, type Io } from "../src/main.js";

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), "anchor-lint-run-"));
  mkdirSync(join(cwd, ".git"));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

async function cli(argv: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv; tty?: boolean } = {}) {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    cwd,
    env: options.env ?? {},
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdoutIsTTY: options.tty ?? false,
    readStdin: async () => options.stdin ?? "",
    workerUrl: undefined,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

describe("run", () => {
  it("refuses --print-config with more paths than its file (exit 2), instead of dropping them", async () => {
    const result = await cli(["--print-config", "a.anchor.json", "jobs/"]);
    expect(result).toEqual({ code: 2, stdout: "", stderr: expect.stringContaining("option '--print-config' takes exactly one file, and no other paths.") });
  });

  it("prints the version and the help", async () => {
    expect(await cli(["--version"])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
    const help = await cli(["-h"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: anchor-lint \[options\] \[paths\.\.\.\]/);
  });

  it("lists every rule, as a table or as JSON", async () => {
    const table = await cli(["--list-rules"]);
    expect(table.code).toBe(0);
    for (const rule of rules) expect(table.stdout).toContain(rule.id);
    const listed = JSON.parse((await cli(["--list-rules", "-f", "json"])).stdout);
    expect(listed.map((rule: { id: string }) => rule.id)).toEqual(rules.map((rule) => rule.id));
    expect(listed[0]).toEqual(expect.objectContaining({ id: rules[0]!.id, defaultSeverity: rules[0]!.defaultSeverity, docsUrl: rules[0]!.docsUrl }));
  });

  it("colours stylish output on a terminal unless NO_COLOR is set, never in an output file", async () => {
    writeFileSync(join(cwd, "a.anchor.json"), '{ "count": 0 }');
    expect((await cli([], { tty: true })).stdout).toContain("\u001b[31m");
    expect((await cli([], { tty: true, env: { NO_COLOR: "1" } })).stdout).not.toContain("\u001b[");
    expect((await cli([], { tty: false, env: { FORCE_COLOR: "1" } })).stdout).toContain("\u001b[");
    await cli(["-o", "report.txt", "--color"]);
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(join(cwd, "report.txt"), "utf8")).not.toContain("\u001b[");
  });

  it("reports an unreadable file and still lints the others", async () => {
    if (process.getuid?.() === 0) return; // root reads anything; the folder case covers it in the scenarios
    writeFileSync(join(cwd, "locked.anchor.json"), "{}");
    chmodSync(join(cwd, "locked.anchor.json"), 0o000);
    writeFileSync(join(cwd, "b.anchor.json"), '{ "count": 0 }');
    const result = await cli(["-f", "compact"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      "b.anchor.json:1:12: error Session count must be between 1 and 1000 (found 0). [count-range]\nlocked.anchor.json:0:0: error Cannot read file: permission denied\n",
    );
  });

  it("reports a missing path and an unmatched glob on stderr with exit 2, linting the rest, as the Node API's pathProblem results say", async () => {
    writeFileSync(join(cwd, "a.anchor.json"), '{ "count": 0 }');
    const patterns = ["a.anchor.json", "missing.anchor.json", "nothing/**/*.json"];
    const result = await cli(["-f", "compact", ...patterns]);
    const results = await new AnchorLint({ cwd }).lintFiles(patterns);
    const problems = results.filter((entry) => entry.pathProblem);
    expect(problems.map((entry) => entry.fatal)).toEqual(["No such file or directory: missing.anchor.json", 'No files matching the pattern "nothing/**/*.json" were found.']);
    expect(result).toEqual({
      code: 2,
      stdout: results.filter((entry) => !entry.pathProblem).map((entry) => `${entry.path}:1:12: error ${entry.findings[0]!.message} [count-range]\n`).join(""),
      stderr: problems.map((entry) => `anchor-lint: ${entry.fatal}\n`).join(""),
    });
  });

  it("never shows a stack trace without --debug, and shows one with it", async () => {
    const plain = await cli(["-c", "missing.json"]);
    expect(plain).toEqual({ code: 2, stdout: "", stderr: "anchor-lint: config file not found: missing.json\n" });
    const debug = await cli(["-c", "missing.json", "--debug"]);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/at .*config/);
  });

  it("keeps custom proxy credentials out of every format", async () => {
    writeFileSync(
      join(cwd, "secret.anchor.json"),
      JSON.stringify({ count: 1, configuration: { session: { proxy: { active: true, type: "custom", server: "http://proxy.example:8080", username: "alice-user-x9", password: "hunter2-secret-x9" } } } }),
    );
    for (const format of ["stylish", "json", "sarif", "github", "junit", "compact"]) {
      const result = await cli(["-f", format, "--debug"]);
      expect(result.stdout + result.stderr, format).not.toMatch(/hunter2-secret-x9|alice-user-x9/);
      expect(result.stdout, format).toContain("no-plaintext-proxy-credentials");
    }
    // --fix-dry-run prints the fixed file: its credentials are masked there too (the fix renames a key).
    writeFileSync(
      join(cwd, "secret.anchor.json"),
      JSON.stringify({ count: 1, configuration: { session: { recordng: { active: true }, proxy: { active: true, type: "custom", server: "http://proxy.example:8080", username: "alice-user-x9", password: "hunter2-secret-x9" } } } }, null, 2),
    );
    const dryRun = await cli(["-f", "json", "--fix-dry-run"]);
    const output = JSON.parse(dryRun.stdout).find((file: { output?: string }) => file.output !== undefined)?.output as string;
    expect(output).toContain('"recording"');
    expect(output).toContain('"password": "****"');
    expect(dryRun.stdout).not.toMatch(/hunter2-secret-x9|alice-user-x9/);
  });

  it("--init writes a valid starter config and an example that lints clean", async () => {
    expect((await cli(["--init"])).code).toBe(0);
    expect(await cli([])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("--init DIR points $schema at the schema an editor finds from DIR: the installed CLI's, else where installing puts it", async () => {
    const schemaOf = (folder: string) => JSON.parse(readFileSync(join(cwd, folder, "anchor-lint.config.json"), "utf8")).$schema as string;
    writeFileSync(join(cwd, "package.json"), "{}");
    // Not installed yet: the project's node_modules, seen from the config's folder.
    expect((await cli(["--init", "configs/team-a"])).code).toBe(0);
    expect(schemaOf("configs/team-a")).toBe("../../node_modules/@anchor-lint/cli/schema/anchor-lint.config.schema.json");
    // Installed: the reference resolves, from each folder's config, to the installed schema file.
    const installed = join(cwd, "node_modules", "@anchor-lint", "cli", "schema");
    mkdirSync(installed, { recursive: true });
    writeFileSync(join(installed, "anchor-lint.config.schema.json"), "{}");
    for (const folder of [".", "deep/er/still"]) {
      expect((await cli(["--init", folder])).code).toBe(0);
      expect(existsSync(resolve(join(cwd, folder), schemaOf(folder))), folder).toBe(true);
    }
    expect(schemaOf(".")).toBe("./node_modules/@anchor-lint/cli/schema/anchor-lint.config.schema.json");
  });
});

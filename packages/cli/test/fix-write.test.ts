import { spawnSync, execFileSync } from "node:child_process";
import { lstatSync } from "node:fs";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../dist/anchor-lint.js", import.meta.url));

// A file --fix changes: two misplaced keys, and enough text that a small file-size limit cuts it.
const original =
  JSON.stringify({ count: 1, configuration: { session: { max_duration: 60, idle_timeout: 5 } }, metadata: Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`note${i}`, "x".repeat(30)])) }, null, 2) + "\n";

let work: string;
beforeAll(() => {
  execFileSync(process.execPath, [fileURLToPath(new URL("../build.mjs", import.meta.url))], { stdio: "inherit" });
});
beforeEach(() => {
  work = realpathSync(mkdtempSync(join(tmpdir(), "anchor-lint-write-")));
  mkdirSync(join(work, ".git"));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[], shellPrefix?: string) {
  const command = shellPrefix ? spawnSync("bash", ["-c", `${shellPrefix}; exec "$0" "$@"`, process.execPath, cli, ...args], { cwd: work, encoding: "utf8", env: { PATH: process.env.PATH, NO_COLOR: "1" } }) : spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: "utf8", env: { PATH: process.env.PATH, NO_COLOR: "1" } });
  return { status: command.status, stdout: command.stdout, stderr: command.stderr };
}

const others = () => readdirSync(work).filter((name) => name !== ".git" && name !== "a.anchor.json");

describe("--fix writes atomically", () => {
  it("keeps the file's mode", () => {
    writeFileSync(join(work, "a.anchor.json"), original);
    chmodSync(join(work, "a.anchor.json"), 0o640);
    expect(run(["--fix", "a.anchor.json"]).status).toBe(0);
    expect(readFileSync(join(work, "a.anchor.json"), "utf8")).toContain('"timeout": {');
    expect(statSync(join(work, "a.anchor.json")).mode & 0o777).toBe(0o640);
    expect(others()).toEqual([]);
  });

  it("replaces a symbolic link's target, and the link stays a link", () => {
    writeFileSync(join(work, "real.json"), original);
    symlinkSync("real.json", join(work, "a.anchor.json"));
    expect(run(["--fix", "a.anchor.json"]).status).toBe(0);
    expect(lstatSync(join(work, "a.anchor.json")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(work, "real.json"), "utf8")).toContain('"timeout": {');
  });

  it("a write cut short by the system (file size limit) leaves the original byte-identical and says so in words", () => {
    writeFileSync(join(work, "a.anchor.json"), original);
    // 4 KB is less than the fixed text: the write of the temporary file fails with EFBIG.
    const result = run(["--fix", "-f", "compact", "a.anchor.json"], "trap '' XFSZ; ulimit -f 4");
    expect(readFileSync(join(work, "a.anchor.json"), "utf8")).toBe(original);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("a.anchor.json:0:0: error Cannot write the fixes: the file would be larger than allowed. The file is unchanged; the findings below are those of the file as it is.");
    expect(result.stdout).not.toMatch(/EFBIG|ENOSPC/);
    // The findings are those of the file on disk: the misplaced keys are still reported.
    expect(result.stdout).toContain('"max_duration" does not belong in configuration.session');
    expect(others()).toEqual([]);
  });

  it("a read-only file is left alone, and the report shows the findings of the file as it is", () => {
    writeFileSync(join(work, "a.anchor.json"), original);
    chmodSync(join(work, "a.anchor.json"), 0o444);
    const result = run(["--fix", "-f", "compact", "a.anchor.json"]);
    expect(readFileSync(join(work, "a.anchor.json"), "utf8")).toBe(original);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("Cannot write the fixes: the file is read-only. The file is unchanged");
    expect(result.stdout).toContain('"idle_timeout" does not belong in configuration.session');
  });
});

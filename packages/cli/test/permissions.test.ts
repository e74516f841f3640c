import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

// chmod 000 does not stop root, and CI containers (this repo's too) often run the tests as root:
// then the built command runs as root without the capabilities that let root read anything
// (util-linux's setpriv drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH), so that "permission
// denied" really happens while the checkout, wherever it is, stays readable.
const command = new URL("../dist/anchor-lint.js", import.meta.url).pathname;
const DEADLINE_MS = 20_000;
const asRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync("setpriv", ["--version"]).status === 0;
const prefix = asRoot ? ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", process.execPath] : [process.execPath];

let cwd: string;
function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const [program, ...rest] = prefix as [string, ...string[]];
  const result = spawnSync(program, [...rest, command, "--format", "compact", ...args], { cwd, encoding: "utf8", timeout: DEADLINE_MS, stdio: ["ignore", "pipe", "pipe"] });
  expect(result.signal, `anchor-lint ${args.join(" ")} did not finish within ${DEADLINE_MS} ms`).toBeNull();
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function folder(path: string): void {
  mkdirSync(join(cwd, path), { recursive: true });
  chmodSync(join(cwd, path), 0o755);
}
function file(path: string, text: string): void {
  writeFileSync(join(cwd, path), text);
  chmodSync(join(cwd, path), 0o644);
}

const okFinding = "configs/ok/a.anchor.json:1:11: error Session count must be between 1 and 1000 (found 0). [count-range]\n";
const denied = "anchor-lint: Cannot read folder configs/locked: permission denied\n";

describe.skipIf(asRoot && !hasSetpriv)("a folder that cannot be read (skipped when run as root without setpriv: root reads a folder chmod 000)", () => {
  beforeAll(() => {
    const run = spawnSync(prefix[0]!, [...prefix.slice(1), command, "--version"], { encoding: "utf8", cwd: tmpdir() });
    expect(run.status, `the built command ${command} must be readable by the user the test runs it as: ${run.stderr}`).toBe(0);
  });
  beforeEach(() => {
    cwd = mkdtempSync(join(tmpdir(), "anchor-lint-permissions-"));
    chmodSync(cwd, 0o755);
    folder(".git");
    folder("configs/ok");
    folder("configs/locked");
    file("configs/ok/a.anchor.json", '{"count": 0}\n');
    file("configs/locked/b.anchor.json", '{"count": 0}\n');
    chmodSync(join(cwd, "configs/locked"), 0o000);
  });
  afterEach(() => {
    chmodSync(join(cwd, "configs/locked"), 0o755);
    rmSync(cwd, { recursive: true, force: true });
  });

  it("is reported by a glob as by a walk (a CI run cannot pass without checking its files); the others are linted; exit 2", () => {
    const walk = cli(["configs"]);
    expect(walk).toEqual({ code: 2, stdout: okFinding, stderr: denied });
    expect(cli(["configs/**/*.anchor.json"])).toEqual(walk);
    expect(cli(["configs/*/*.anchor.json"])).toEqual(walk);
    // Only a folder the glob enters: "configs/o*/" never lists configs/locked.
    expect(cli(["configs/o*/*.anchor.json"])).toEqual({ code: 1, stdout: okFinding, stderr: "" });
  });

  it("a file in it, given by name, is reported as unreadable, not as missing; the other file is linted; exit 2", () => {
    expect(cli(["configs/locked/b.anchor.json", "configs/ok/a.anchor.json"])).toEqual({
      code: 2,
      stdout: okFinding,
      stderr: "anchor-lint: Cannot read configs/locked/b.anchor.json: permission denied\n",
    });
  });

  it("is reported once however many globs meet it", () => {
    expect(cli(["configs/**/*.anchor.json", "configs/*/*.anchor.json", "configs/{ok,locked}/*.anchor.json"])).toEqual({ code: 2, stdout: okFinding, stderr: denied });
  });
});

import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { READ_AHEAD_THRESHOLD } from "../src/lint-files.js";

// The built command in a child process with a deadline: a read that blocks for good (a named pipe,
// /dev/zero) makes the test fail after the deadline instead of hanging the suite.
const command = new URL("../dist/anchor-lint.js", import.meta.url).pathname;
const DEADLINE_MS = 20_000;

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), "anchor-lint-special-"));
  mkdirSync(join(cwd, ".git"));
  writeFileSync(join(cwd, "a.anchor.json"), '{"count": 0}\n');
});
afterEach(() => {
  chmodSync(cwd, 0o755);
  rmSync(cwd, { recursive: true, force: true });
});

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [command, "--format", "compact", ...args], { cwd, encoding: "utf8", timeout: DEADLINE_MS, stdio: ["ignore", "pipe", "pipe"] });
  expect(result.signal, `anchor-lint ${args.join(" ")} did not finish within ${DEADLINE_MS} ms`).toBeNull();
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function mkfifo(path: string): void {
  const made = spawnSync("mkfifo", [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
}

const countRange = "a.anchor.json:1:11: error Session count must be between 1 and 1000 (found 0). [count-range]\n";

describe("only regular files are read", () => {
  it("a named pipe called x.anchor.json in a folder is reported and the rest is linted", () => {
    mkfifo(join(cwd, "x.anchor.json"));
    expect(cli(["."])).toEqual({ code: 1, stdout: countRange + "x.anchor.json:0:0: error Cannot read file: not a regular file (a named pipe)\n", stderr: "" });
  });

  it("a named pipe given by name, and /dev/zero, are reported, not read", () => {
    mkfifo(join(cwd, "x.anchor.json"));
    expect(cli(["x.anchor.json", "a.anchor.json"]).stdout).toBe(countRange + "x.anchor.json:0:0: error Cannot read file: not a regular file (a named pipe)\n");
    const zero = cli(["/dev/zero", "a.anchor.json"]);
    expect(zero.code).toBe(1);
    expect(zero.stdout).toContain("/dev/zero:0:0: error Cannot read file: not a regular file (a device)\n");
    expect(zero.stdout).toContain(countRange);
  });

  it(`a named pipe on the reader thread's path (${READ_AHEAD_THRESHOLD} files and more) is reported`, () => {
    mkdirSync(join(cwd, "many"));
    for (let index = 0; index < READ_AHEAD_THRESHOLD; index++) writeFileSync(join(cwd, "many", `job-${String(index).padStart(4, "0")}.anchor.json`), '{"count": 1}');
    // Last in order: the reader thread, not the main one, gets to it.
    mkfifo(join(cwd, "many", "zz.anchor.json"));
    const result = cli(["many"]);
    expect(result.stdout).toBe("many/zz.anchor.json:0:0: error Cannot read file: not a regular file (a named pipe)\n");
    expect(result.code).toBe(1);
  });

  it("a named pipe called like the config file is reported as a config problem", () => {
    mkfifo(join(cwd, "anchor-lint.config.json"));
    const result = cli(["a.anchor.json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("not a regular file (a named pipe)");
  });
});

describe("each path's own problem, in words, and the other paths still linted", () => {
  it("a link loop, a missing path and a glob without matches; exit code 2", () => {
    symlinkSync("l2", join(cwd, "l1"));
    symlinkSync("l1", join(cwd, "l2"));
    expect(cli(["l1", "nope.anchor.json", "*.yaml", "a.anchor.json"])).toEqual({
      code: 2,
      stdout: countRange,
      stderr:
        "anchor-lint: Cannot read l1: too many symbolic links (a link that points to itself?)\n" +
        "anchor-lint: No such file or directory: nope.anchor.json\n" +
        'anchor-lint: No files matching the pattern "*.yaml" were found.\n',
    });
  });
  // An unreadable folder or file: permissions.test.ts (run as an unprivileged user when the suite runs as root).
});

describe("--init and symbolic links", () => {
  it("leaves a dangling link and a link loop alone, as it does an existing file, and writes the other file", () => {
    mkdirSync(join(cwd, "dangling"));
    symlinkSync("nowhere.json", join(cwd, "dangling", "example.anchor.json"));
    expect(cli(["--init", "dangling"])).toEqual({
      code: 0,
      stdout: "Wrote dangling/anchor-lint.config.json.\ndangling/example.anchor.json already exists; left unchanged.\n",
      stderr: "",
    });
    // Not written through the link either.
    expect(existsSync(join(cwd, "dangling", "nowhere.json"))).toBe(false);
    expect(readlinkSync(join(cwd, "dangling", "example.anchor.json"))).toBe("nowhere.json");

    mkdirSync(join(cwd, "loop"));
    symlinkSync("anchor-lint.config.json", join(cwd, "loop", "anchor-lint.config.json"));
    expect(cli(["--init", "loop"])).toEqual({
      code: 0,
      stdout: "loop/anchor-lint.config.json already exists; left unchanged.\nWrote loop/example.anchor.json.\n",
      stderr: "",
    });
  });

  it("refuses, writing nothing, when both names are taken by links", () => {
    mkdirSync(join(cwd, "both"));
    symlinkSync("nowhere.json", join(cwd, "both", "example.anchor.json"));
    symlinkSync("anchor-lint.config.json", join(cwd, "both", "anchor-lint.config.json"));
    expect(cli(["--init", "both"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "anchor-lint: both/anchor-lint.config.json and both/example.anchor.json already exist; --init never overwrites a file.\n",
    });
    expect(readdirSync(join(cwd, "both")).sort()).toEqual(["anchor-lint.config.json", "example.anchor.json"]);
  });
});

// Linux file systems take any bytes in a name; Node decodes them as UTF-8 (U+FFFD for a bad byte)
// and cannot open the file under the string it gives. Such names are reported, never skipped.
describe.skipIf(process.platform !== "linux")("names that are not valid UTF-8", () => {
  const named = (...parts: (string | number)[]) => Buffer.concat(parts.map((part) => (typeof part === "number" ? Buffer.from([part]) : Buffer.from(part))));
  const reason = "its name is not valid UTF-8, so it cannot be opened by name";

  it("a file found in a folder is reported as such, not as missing", () => {
    writeFileSync(named(cwd, "/bad", 0xff, "name.anchor.json"), '{"count": 0}\n');
    expect(cli(["."])).toEqual({ code: 1, stdout: `${countRange}bad\ufffdname.anchor.json:0:0: error Cannot read file: ${reason}\n`, stderr: "" });
  });

  it("a folder met on the way is reported, and its files are not silently skipped", () => {
    mkdirSync(named(cwd, "/dir", 0xfe));
    writeFileSync(named(cwd, "/dir", 0xfe, "/b.anchor.json"), '{"count": 0}\n');
    expect(cli(["."])).toEqual({ code: 2, stdout: countRange, stderr: `anchor-lint: Cannot read folder dir\ufffd: ${reason}\n` });
  });

  it("a file named on the command line is reported as unreadable, not as missing", () => {
    writeFileSync(named(cwd, "/bad", 0xff, "name.anchor.json"), '{"count": 0}\n');
    expect(cli(["bad\ufffdname.anchor.json", "a.anchor.json"])).toEqual({ code: 2, stdout: countRange, stderr: `anchor-lint: Cannot read bad\ufffdname.anchor.json: ${reason}\n` });
    // A name really missing is still told as missing.
    expect(cli(["gone\ufffd.anchor.json", "a.anchor.json"]).stderr).toBe("anchor-lint: No such file or directory: gone\ufffd.anchor.json\n");
  });

  it("a folder that holds only such a folder: its problem is told with the usage error, not lost", () => {
    mkdirSync(join(cwd, "w"));
    mkdirSync(named(cwd, "/w/dir", 0xfe));
    expect(cli(["w"])).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        'anchor-lint: No files matching the pattern "w" were found.',
        '  A folder is searched for *.anchor.json files; name other JSON files on the command line, or quote a glob ("jobs/**/*.json").',
        "  To let a folder hold none, use --no-error-on-unmatched-pattern.",
        `anchor-lint: Cannot read folder w/dir\ufffd: ${reason}`,
        "",
      ].join("\n"),
    });
  });

  it("a folder a glob would enter is reported as in a walk, and its files are not silently skipped", () => {
    mkdirSync(named(cwd, "/dir", 0xfe));
    writeFileSync(named(cwd, "/dir", 0xfe, "/b.anchor.json"), '{"count": 0}\n');
    // Only the folders the glob enters are reported: "other/**/*.json" never lists dir\ufffd.
    mkdirSync(join(cwd, "other"));
    writeFileSync(join(cwd, "other", "c.anchor.json"), '{"count": 1}\n');
    expect(cli(["**/*.json"])).toEqual({ code: 2, stdout: countRange, stderr: `anchor-lint: Cannot read folder dir\ufffd: ${reason}\n` });
    expect(cli(["d*/*.json"])).toEqual({ code: 2, stdout: "", stderr: `anchor-lint: No files matching the pattern "d*/*.json" were found.\nanchor-lint: Cannot read folder dir\ufffd: ${reason}\n` });
    expect(cli(["other/**/*.json"])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("a folder met by several paths is reported once", () => {
    mkdirSync(named(cwd, "/x", 0xff));
    mkdirSync(join(cwd, "ok"));
    writeFileSync(join(cwd, "ok", "b.anchor.json"), '{"count": 1}\n');
    const folder = `anchor-lint: Cannot read folder x\ufffd: ${reason}\n`;
    expect(cli([".", "**/*.anchor.json", "x*/*.anchor.json"])).toEqual({ code: 2, stdout: countRange, stderr: `${folder}anchor-lint: No files matching the pattern "x*/*.anchor.json" were found.\n` });
    expect(cli([".", "."])).toEqual({ code: 2, stdout: countRange, stderr: folder });
  });

  it("thousands of such folders in one folder are each reported, by a walk and by a glob", () => {
    // Each used to list their parent folder again: 4,000 took 25 s, past the deadline.
    const count = 4000;
    const expected: string[] = [];
    for (let i = 0; i < count; i++) {
      mkdirSync(named(cwd, "/bad", 0xff, String(i)));
      writeFileSync(named(cwd, "/bad", 0xff, `${i}/b.anchor.json`), '{"count": 1}\n');
      expected.push(`anchor-lint: Cannot read folder bad\ufffd${i}: ${reason}`);
    }
    expected.sort();
    for (const args of [["."], ["**/*.anchor.json"]]) {
      const run = cli(args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe(countRange);
      expect(run.stderr.trimEnd().split("\n").sort()).toEqual(expected);
    }
  });

  it("thousands of such files in one folder are each reported as unreadable", () => {
    // Each read listed the folder again to tell the name from a file gone: 4,000 took 14 s, and
    // twice as many four times that, past the deadline.
    const count = 8000;
    for (let i = 0; i < count; i++) writeFileSync(named(cwd, "/bad", 0xff, `${i}.anchor.json`), '{"count": 1}\n');
    const run = cli(["-f", "compact", "."]);
    expect(run.code).toBe(1);
    expect(run.stdout.split("\n").filter((line) => line.includes(`Cannot read file: ${reason}`))).toHaveLength(count);
  });

  it("a file named on the command line inside such a folder is reported as unreadable, not as missing", () => {
    mkdirSync(named(cwd, "/dir", 0xfe));
    writeFileSync(named(cwd, "/dir", 0xfe, "/b.anchor.json"), '{"count": 0}\n');
    expect(cli(["dir\ufffd/b.anchor.json", "a.anchor.json"])).toEqual({
      code: 2,
      stdout: countRange,
      stderr: "anchor-lint: Cannot read dir\ufffd/b.anchor.json: the name of its folder dir\ufffd is not valid UTF-8, so it cannot be opened by name\n",
    });
    // A folder whose name holds a real U+FFFD opens; a file missing in it is missing.
    mkdirSync(join(cwd, "real\ufffd"));
    expect(cli(["real\ufffd/gone.anchor.json", "a.anchor.json"]).stderr).toBe("anchor-lint: No such file or directory: real\ufffd/gone.anchor.json\n");
  });
});

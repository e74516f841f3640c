// Where the report cannot go: standard output that refuses writes, and output files in places that
// cannot hold one. Each must end with a message and exit code 2, never a silent pass or a hang.
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeFsError } from "../src/errors.js";

const cli = fileURLToPath(new URL("../dist/anchor-lint.js", import.meta.url));
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "anchor-lint-output-"));
  writeFileSync(join(dir, "clean.anchor.json"), '{ "count": 1 }\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a report that cannot be written", () => {
  it.runIf(existsSync("/dev/full"))("to a full standard output (`-f json > /dev/full`) exits 2 with a message", () => {
    const full = openSync("/dev/full", "w");
    try {
      const run = spawnSync(process.execPath, [cli, "-f", "json", "clean.anchor.json"], { cwd: dir, stdio: ["ignore", full, "pipe"], encoding: "utf8" });
      expect(run.stderr).toBe("anchor-lint: cannot write the report to standard output: no space left on the device\n");
      expect(run.status).toBe(2);
    } finally {
      closeSync(full);
    }
  });

  it("to a reader that stops early (`| head -c 20`): no message, and the exit code is still the lint's", () => {
    const broken = mkdtempSync(join(tmpdir(), "anchor-lint-epipe-"));
    try {
      // Enough findings that the report outgrows the pipe, so the reader is gone mid-write.
      for (let index = 0; index < 2000; index++) writeFileSync(join(broken, `f${index}.anchor.json`), '{ "count": 0 }\n');
      for (const format of ["json", "stylish"]) {
        const run = spawnSync("bash", ["-o", "pipefail", "-c", `"${process.execPath}" "${cli}" -f ${format} . | head -c 20 > /dev/null`], { cwd: broken, encoding: "utf8" });
        expect(run.stderr, format).toBe("");
        expect(run.status, format).toBe(1);
      }
      const clean = spawnSync("bash", ["-o", "pipefail", "-c", `"${process.execPath}" "${cli}" clean.anchor.json | head -c 1 > /dev/null`], { cwd: dir, encoding: "utf8" });
      expect(clean.status).toBe(0);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it("with standard error read by one that stops early (`2>&1 | head -n 1`): the exit code is still the run's", () => {
    // 3,000 missing paths: standard error outgrows the pipe, so its reader is gone mid-write.
    const missing = Array.from({ length: 3000 }, (_, index) => `missing-${index}.anchor.json`).join(" ");
    const run = spawnSync("bash", ["-o", "pipefail", "-c", `"${process.execPath}" "${cli}" clean.anchor.json ${missing} 2>&1 | head -n 1 > /dev/null`], { cwd: dir, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(2);
  });

  it("to a file under /proc fails at once, before linting, with a message", () => {
    const started = Date.now();
    const run = spawnSync(process.execPath, [cli, "-o", "/proc/nope/x", "clean.anchor.json"], { cwd: dir, encoding: "utf8", timeout: 10_000 });
    expect(run.stderr).toBe("anchor-lint: cannot write output file /proc/nope/x: no such file or directory\n");
    expect(run.status).toBe(2);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("to a folder, or below a file, says which", () => {
    const intoFolder = spawnSync(process.execPath, [cli, "-o", ".", "clean.anchor.json"], { cwd: dir, encoding: "utf8" });
    expect({ status: intoFolder.status, stderr: intoFolder.stderr }).toEqual({ status: 2, stderr: "anchor-lint: cannot write output file .: it is a directory\n" });
    const belowFile = spawnSync(process.execPath, [cli, "-o", "clean.anchor.json/report.txt", "clean.anchor.json"], { cwd: dir, encoding: "utf8" });
    expect(belowFile.stderr).toBe("anchor-lint: cannot write output file clean.anchor.json/report.txt: a part of the path is a file, not a directory\n");
    expect(belowFile.status).toBe(2);
  });
});

describe("file-system errors in messages", () => {
  it.each([
    ["EISDIR", "it is a directory"],
    ["ENOTDIR", "a part of the path is a file, not a directory"],
    ["ELOOP", "too many symbolic links (a link that points to itself?)"],
    ["ENOSPC", "no space left on the device"],
  ])("%s is said in words", (code, words) => {
    const error = Object.assign(new Error(`${code}: something, open '/abs/path'`), { code });
    expect(describeFsError(error)).toBe(words);
  });

  it("an unknown code keeps Node's words without the code and the path", () => {
    const error = Object.assign(new Error("EXDEV: cross-device link not permitted, rename '/a' -> '/b'"), { code: "EXDEV" });
    expect(describeFsError(error)).toBe("cross-device link not permitted");
  });
});

import * as fs from "node:fs";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, lstatSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomicSync } from "@anchor-lint/node";
import { WriteFailure, type WriteFs } from "../src/write.js";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "anchor-lint-write-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("writeFileAtomicSync", () => {
  it("replaces the contents, keeps the mode and leaves no temporary file", () => {
    const file = join(root, "a.anchor.json");
    writeFileSync(file, "old");
    chmodSync(file, 0o640);
    writeFileAtomicSync(file, '{ "café": "☕" }\n');
    expect(readFileSync(file, "utf8")).toBe('{ "café": "☕" }\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(root)).toEqual(["a.anchor.json"]);
  });

  it("creates a file that does not exist", () => {
    writeFileAtomicSync(join(root, "new.json"), "{}");
    expect(readFileSync(join(root, "new.json"), "utf8")).toBe("{}");
  });

  it("writes through a symbolic link, which stays a link", () => {
    const target = join(root, "real.anchor.json");
    const link = join(root, "link.anchor.json");
    writeFileSync(target, "old");
    symlinkSync(target, link);
    writeFileAtomicSync(link, "new");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toBe("new");
  });

  it("refuses a read-only file, as a plain write would, and leaves it and the folder as they were", () => {
    // Root may write anything, but a file without a write permission bit is read-only on purpose.
    const file = join(root, "locked.anchor.json");
    writeFileSync(file, "old");
    chmodSync(file, 0o444);
    expect(() => writeFileAtomicSync(file, "new")).toThrow(expect.objectContaining({ code: "EACCES" }));
    expect(readFileSync(file, "utf8")).toBe("old");
    expect(readdirSync(root)).toEqual(["locked.anchor.json"]);
  });

  it("fails in a folder that does not exist, leaving nothing behind", () => {
    expect(() => writeFileAtomicSync(join(root, "missing", "a.json"), "x")).toThrow(expect.objectContaining({ code: "ENOENT" }));
    expect(readdirSync(root)).toEqual([]);
  });
});

const original = JSON.stringify({ count: 1, metadata: Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`note${i}`, "x".repeat(30)])) }, null, 2) + "\n";

describe("writeFileAtomicSync when the system fails", () => {
  const failing = (call: keyof WriteFs, code: string): WriteFs => ({
    ...fs,
    [call]: () => {
      throw Object.assign(new Error(`${code}: simulated, write '/somewhere'`), { code });
    },
  });

  it.each([
    ["writeSync", "ENOSPC", "no space left on the disk"],
    ["fsyncSync", "EIO", "the disk reported an input/output error"],
    ["renameSync", "EXDEV", "the system refused the write (EXDEV)"],
    ["openSync", "EMFILE", "too many files are open"],
  ] as const)("a failing %s (%s) leaves the original byte-identical, no temporary file, a reason in words", (call, code, reason) => {
    const path = join(root, "a.anchor.json");
    writeFileSync(path, original);
    let thrown: unknown;
    try {
      writeFileAtomicSync(path, "{}", failing(call, code));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WriteFailure);
    expect((thrown as Error).message).toBe(reason);
    expect(readFileSync(path, "utf8")).toBe(original);
    expect(readdirSync(root).filter((name) => name !== "a.anchor.json")).toEqual([]);
  });

  it("a short write is continued until everything is written", () => {
    const path = join(root, "a.anchor.json");
    writeFileSync(path, original);
    const dribbling: WriteFs = { ...fs, writeSync: ((fd: number, data: Buffer, offset: number) => fs.writeSync(fd, data, offset, 1)) as WriteFs["writeSync"] };
    writeFileAtomicSync(path, "{ \"count\": 2 }\n", dribbling);
    expect(readFileSync(path, "utf8")).toBe('{ "count": 2 }\n');
  });

  it("a concurrent reader sees the old file or the new one, never a part", async () => {
    const path = join(root, "a.anchor.json");
    const versions = [original, original.replace(/x/g, "y") + " ".repeat(5000)];
    writeFileSync(path, versions[0]!);
    // The reader runs in its own thread, reading as fast as it can while this one writes.
    const reader = new Worker(
      `const { readFileSync } = require("node:fs"); const { parentPort, workerData } = require("node:worker_threads");
       let stop = false; parentPort.on("message", () => (stop = true));
       const seen = new Map(); let reads = 0;
       const loop = () => { for (let i = 0; i < 50; i++) { const text = readFileSync(workerData.path, "utf8"); reads++; const key = workerData.versions.indexOf(text); seen.set(key, (seen.get(key) ?? 0) + 1); }
         if (stop) parentPort.postMessage({ reads, seen: [...seen] }); else setImmediate(loop); };
       loop();`,
      { eval: true, workerData: { path, versions } },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (let round = 0; round < 100; round++) writeFileAtomicSync(path, versions[(round + 1) % 2]!);
    const report = await new Promise<{ reads: number; seen: [number, number][] }>((resolve) => {
      reader.once("message", resolve);
      reader.postMessage("stop");
    });
    await reader.terminate();
    expect(report.reads).toBeGreaterThan(0);
    // -1: a text that is neither version (a partial file).
    expect(new Map(report.seen).get(-1)).toBeUndefined();
  });
});

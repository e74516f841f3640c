import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, lstatSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomicSync } from "@anchor-lint/node";

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
    if (process.getuid?.() === 0) return; // root writes anything
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

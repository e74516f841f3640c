import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigFileError, ConfigResolver, resolveFileConfig } from "@anchor-lint/node";

// The config resolution editors and tools use to agree with the command, through the package's front door: its contract, here.

let root: string;
function write(path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "anchor-lint-config-lib-"));
  mkdirSync(join(root, ".git"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("resolveFileConfig", () => {
  it("gives a file its nearest config with the matching overrides, whether it is ignored, and which file applied", () => {
    write("anchor-lint.config.json", JSON.stringify({ maxCount: 50, rules: { "known-property": "off" }, ignores: ["old/"], overrides: [{ files: ["ci/**"], rules: { "count-range": "warn" } }] }));
    expect(resolveFileConfig(join(root, "ci/a.anchor.json"))).toEqual({
      config: { maxCount: 50, rules: { "known-property": "off", "count-range": "warn" } },
      ignored: false,
      configFile: join(root, "anchor-lint.config.json"),
    });
    expect(resolveFileConfig("old/b.anchor.json", { cwd: root }).ignored).toBe(true);
    expect(resolveFileConfig(join(root, "a.anchor.json"), { noConfig: true })).toEqual({ config: { rules: {} }, ignored: false });
  });

  it("stops at the repository root, or at stopAt", () => {
    write("anchor-lint.config.json", JSON.stringify({ rules: { "known-property": "off" } }));
    write("sub/.git/HEAD", "");
    expect(resolveFileConfig(join(root, "sub/a.anchor.json")).configFile).toBeUndefined();
    rmSync(join(root, "sub/.git"), { recursive: true });
    expect(resolveFileConfig(join(root, "sub/a.anchor.json")).configFile).toBe(join(root, "anchor-lint.config.json"));
    expect(resolveFileConfig(join(root, "sub/a.anchor.json"), { stopAt: join(root, "sub") }).configFile).toBeUndefined();
  });

  it("throws ConfigFileError with the file and each problem's pointer", () => {
    write("anchor-lint.config.json", JSON.stringify({ rules: { "proxy-contry": "off" } }));
    let caught: unknown;
    try {
      resolveFileConfig(join(root, "a.anchor.json"));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigFileError);
    expect((caught as ConfigFileError).file).toBe(join(root, "anchor-lint.config.json"));
    expect((caught as ConfigFileError).problems).toEqual([{ pointer: "/rules/proxy-contry", message: 'unknown rule "proxy-contry" (did you mean "proxy-country"?)' }]);
  });
});

describe("ConfigResolver for editors", () => {
  it("reports a config with mistakes to onProblem once and keeps its valid entries", () => {
    write("anchor-lint.config.json", JSON.stringify({ maxCount: "many", rules: { "known-property": "off", "proxy-contry": "off" }, overrides: [{ files: ["x/**"], rules: { "count-range": "warn" }, when: 1 }] }));
    const reported: ConfigFileError[] = [];
    const resolver = new ConfigResolver({ cwd: root, onProblem: (error) => reported.push(error) });
    expect(resolver.resolve(join(root, "x/a.anchor.json")).config).toEqual({ rules: { "known-property": "off", "count-range": "warn" } });
    resolver.resolve(join(root, "b.anchor.json"));
    expect(reported).toHaveLength(1);
    expect(reported[0]!.problems.map((p) => p.pointer)).toEqual(["/rules/proxy-contry", "/maxCount", "/overrides/0/when"]);
  });

  it("reads unsaved text from the overlay, even for a config file not yet on disk", () => {
    const overlay = (path: string) => (path === join(root, "anchor-lint.config.json") ? '{ "ignores": ["*.draft.anchor.json"] }' : undefined);
    const resolver = new ConfigResolver({ cwd: root, overlay });
    expect(resolver.resolve(join(root, "a.draft.anchor.json")).ignored).toBe(true);
  });
});

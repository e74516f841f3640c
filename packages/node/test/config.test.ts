import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rules } from "@anchor-lint/core";
import { ConfigFileError, ConfigResolver, effectiveConfig, loadConfigFile } from "../src/config.js";
import { UsageError } from "../src/errors.js";

let root: string;
function write(path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
function resolver(extra: Partial<ConstructorParameters<typeof ConfigResolver>[0]> = {}) {
  return new ConfigResolver({ cwd: root, configPath: undefined, noConfig: false, cliRules: [], cliMaxCount: undefined, ...extra });
}
function problems(text: string): readonly string[] {
  write("anchor-lint.config.json", text);
  try {
    loadConfigFile(join(root, "anchor-lint.config.json"), root);
  } catch (error) {
    if (error instanceof ConfigFileError) return error.lines;
    throw error;
  }
  return [];
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "anchor-lint-config-"));
  mkdirSync(join(root, ".git"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("config validation", () => {
  it("accepts a full config", () => {
    expect(problems(JSON.stringify({ $schema: "x", rules: { "known-property": "off" }, maxCount: 5000, ignores: ["tmp/"], overrides: [{ files: ["a/**"], rules: { "strict-json": "warn" } }] }))).toEqual([]);
  });

  it("names the file and the pointer of every mistake", () => {
    expect(
      problems(JSON.stringify({ rules: { "proxy-contry": "warn", "strict-json": "warning" }, maxCont: 1, maxCount: 0, ignores: "tmp", overrides: [{ files: [], rules: { nope: "off" }, when: 1 }, 3] })),
    ).toEqual([
      'anchor-lint.config.json: /maxCont: unknown key "maxCont" (did you mean "maxCount"?)',
      'anchor-lint.config.json: /rules/proxy-contry: unknown rule "proxy-contry" (did you mean "proxy-country"?)',
      'anchor-lint.config.json: /rules/strict-json: rule setting must be "off", "warn" or "error"; found "warning" (did you mean "warn"?)',
      'anchor-lint.config.json: /maxCount: "maxCount" must be a positive integer; found 0',
      'anchor-lint.config.json: /ignores: "ignores" must be an array of glob strings; found string "tmp"',
      'anchor-lint.config.json: /overrides/0/when: unknown key "when" in an override; known keys: "files", "rules"',
      'anchor-lint.config.json: /overrides/0/files: "files" must be a non-empty array of glob strings; found an array',
      'anchor-lint.config.json: /overrides/0/rules/nope: unknown rule "nope"',
      'anchor-lint.config.json: /overrides/1: an override must be an object with "files" and "rules"; found number 3',
    ]);
  });

  it("says where JSON is broken, in its own words whatever V8's are (Node 20 gives no position for a bad token)", () => {
    expect(problems('{\n  "rules": {},\n}')).toEqual(["anchor-lint.config.json: invalid JSON at line 2, column 14: Trailing commas are not allowed in JSON."]);
    expect(problems('{\r\n  "rules": { "count-range": of }\r\n}')).toEqual(["anchor-lint.config.json: invalid JSON at line 2, column 29: Unexpected character; found 'o'."]);
    // A BOM is no column: editors do not show it, and count from the character after it.
    expect(problems('\ufeff{"rules": {} // strict\n}')).toEqual(["anchor-lint.config.json: invalid JSON at line 1, column 14: Comments are not allowed in JSON."]);
    expect(problems('\ufeff{"rules": {}\n  // strict\n}')).toEqual(["anchor-lint.config.json: invalid JSON at line 2, column 3: Comments are not allowed in JSON."]);
    expect(problems("")).toEqual(["anchor-lint.config.json: invalid JSON at line 1, column 1: Expected a value; found the end of the file."]);
  });

  it("rejects a config that is not an object", () => {
    expect(problems("[]")[0]).toMatch(/^anchor-lint\.config\.json: the config must be an object/);
  });
});

describe("config discovery and merging", () => {
  it("uses the nearest config above a file, stopping at the repository root", () => {
    write("anchor-lint.config.json", JSON.stringify({ rules: { "known-property": "off" } }));
    write("team/anchor-lint.config.json", JSON.stringify({ maxCount: 5000 }));
    const r = resolver();
    expect(r.configFor(join(root, "team/deep/x.anchor.json"))?.file).toBe(join(root, "team/anchor-lint.config.json"));
    expect(r.configFor(join(root, "other/x.anchor.json"))?.file).toBe(join(root, "anchor-lint.config.json"));
    // Nearest only, no cascading: the team config does not inherit the root's rules.
    expect(r.lintConfigFor(join(root, "team/x.anchor.json"))).toEqual({ rules: {}, maxCount: 5000 });
  });

  it("does not look above the repository root", () => {
    const repo = join(root, "repo");
    mkdirSync(join(repo, ".git"), { recursive: true });
    write("anchor-lint.config.json", JSON.stringify({ maxCount: 7 }));
    expect(resolver().configFor(join(repo, "x.anchor.json"))).toBeNull();
  });

  it("applies overrides in order, then --rule and --max-count", () => {
    write("anchor-lint.config.json", JSON.stringify({
      rules: { "known-property": "error", "strict-json": "warn" },
      overrides: [{ files: ["legacy/**"], rules: { "known-property": "off" } }, { files: ["legacy/keep.anchor.json"], rules: { "known-property": "warn" } }],
    }));
    const r = resolver();
    expect(r.lintConfigFor(join(root, "a.anchor.json")).rules).toEqual({ "known-property": "error", "strict-json": "warn" });
    expect(r.lintConfigFor(join(root, "legacy/x/b.anchor.json")).rules).toEqual({ "known-property": "off", "strict-json": "warn" });
    expect(r.lintConfigFor(join(root, "legacy/keep.anchor.json")).rules).toEqual({ "known-property": "warn", "strict-json": "warn" });
    const cli = resolver({ cliRules: [{ id: "strict-json", setting: "off" }], cliMaxCount: 9 });
    expect(cli.lintConfigFor(join(root, "legacy/x.anchor.json"))).toEqual({ rules: { "known-property": "off", "strict-json": "off" }, maxCount: 9 });
  });

  it("matches ignores relative to the config's folder", () => {
    write("team/anchor-lint.config.json", JSON.stringify({ ignores: ["fixtures/", "*.draft.anchor.json"] }));
    const r = resolver();
    expect(r.isIgnored(join(root, "team/fixtures/deep/a.anchor.json"))).toBe(true);
    expect(r.isIgnored(join(root, "team/x.draft.anchor.json"))).toBe(true);
    expect(r.isIgnored(join(root, "team/sub/x.draft.anchor.json"))).toBe(false);
    expect(r.isIgnored(join(root, "fixtures/a.anchor.json"))).toBe(false);
  });

  it("uses only -c when given, and nothing with --no-config", () => {
    write("anchor-lint.config.json", JSON.stringify({ maxCount: 1 }));
    write("ci/strict.json", JSON.stringify({ maxCount: 2 }));
    expect(resolver({ configPath: "ci/strict.json" }).lintConfigFor(join(root, "a.anchor.json")).maxCount).toBe(2);
    expect(resolver({ noConfig: true }).lintConfigFor(join(root, "a.anchor.json"))).toEqual({ rules: {} });
    expect(() => resolver({ configPath: "missing.json" })).toThrow("config file not found: missing.json");
  });

  it("rejects an unknown --rule id with a suggestion", () => {
    expect(() => resolver({ cliRules: [{ id: "proxy-contry", setting: "off" }] })).toThrow("unknown rule 'proxy-contry' in '--rule' (did you mean 'proxy-country'?).");
  });

  it("rejects a rule setting or a maxCount the core would refuse at the first lint, naming the option", () => {
    expect(() => resolver({ cliRules: [{ id: "count-range", setting: "of" as "off" }] })).toThrow(new UsageError(`rule 'count-range' in '--rule' expects "off", "warn" or "error", got "of" (did you mean "off"?).`));
    expect(() => resolver({ cliMaxCount: 0 })).toThrow(new UsageError("option '--max-count' expects an integer >= 1, got 0."));
  });

  it("suggests for a mistyped rule id in --rule what it suggests for the same id in a config file", () => {
    const hintOf = (message: string) => /did you mean '([^']+)'|did you mean "([^"]+)"/.exec(message)?.slice(1).find(Boolean);
    for (const typo of ["pr", "cnt", "CoUnT-RaNgE", "strictjson", "known-prop", "timeout-ordre", "nodup-keys"]) {
      let fromFlag = "";
      try {
        resolver({ cliRules: [{ id: typo, setting: "off" }] });
      } catch (error) {
        fromFlag = (error as Error).message;
      }
      write("anchor-lint.config.json", JSON.stringify({ rules: { [typo]: "off" } }));
      let fromFile = "";
      try {
        resolver().lintConfigFor(join(root, "a.anchor.json"));
      } catch (error) {
        fromFile = (error as ConfigFileError).problems.map((problem) => problem.message).join("; ");
      }
      expect(fromFlag, typo).toContain(`'${typo}'`);
      expect(fromFile, typo).toContain(`"${typo}"`);
      expect(hintOf(fromFlag), typo).toBe(hintOf(fromFile));
    }
  });

  it("prints every rule's effective setting", () => {
    write("anchor-lint.config.json", JSON.stringify({ rules: { "known-property": "off" } }));
    const shown = effectiveConfig(resolver(), join(root, "a.anchor.json"), root) as { configFile: string; rules: Record<string, string>; maxCount: number };
    expect(shown.configFile).toBe("anchor-lint.config.json");
    expect(shown.maxCount).toBe(1000);
    expect(Object.keys(shown.rules)).toEqual(rules.map((rule) => rule.id));
    expect(shown.rules["known-property"]).toBe("off");
    expect(shown.rules["count-range"]).toBe("error");
  });
});

import { describe, expect, it } from "vitest";
import { globMatcher } from "../src/glob.js";
import { mergeConfig, normalizeSettings } from "../src/settings.js";

describe("globMatcher", () => {
  it("matches the default pattern anywhere", () => {
    const matches = globMatcher("**/*.anchor.json");
    expect(matches("/home/me/jobs/batch.anchor.json")).toBe(true);
    expect(matches("batch.anchor.json")).toBe(true);
    expect(matches("/home/me/jobs/batch.json")).toBe(false);
    expect(matches("/home/me/jobs/batch.anchor.json.bak")).toBe(false);
  });

  it("matches a pattern without a slash against the file name", () => {
    expect(globMatcher("*.anchor.json")("/a/b/c.anchor.json")).toBe(true);
    expect(globMatcher("batch-?.json")("/a/batch-1.json")).toBe(true);
    expect(globMatcher("batch-?.json")("/a/batch-12.json")).toBe(false);
  });

  it("supports braces, classes and folder patterns", () => {
    expect(globMatcher("**/*.{anchor,batch}.json")("/x/a.batch.json")).toBe(true);
    expect(globMatcher("**/jobs/[ab]*.json")("/x/jobs/b1.json")).toBe(true);
    expect(globMatcher("**/jobs/[ab]*.json")("/x/jobs/c1.json")).toBe(false);
    expect(globMatcher("jobs/*.json")("jobs/a.json")).toBe(true);
    expect(globMatcher("jobs/*.json")("jobs/deep/a.json")).toBe(false);
  });

  it("treats regular-expression characters literally", () => {
    expect(globMatcher("**/a+b(1).json")("/x/a+b(1).json")).toBe(true);
    expect(globMatcher("**/a+b(1).json")("/x/aab1.json")).toBe(false);
  });
});

describe("settings", () => {
  it("accepts the section or a wrapper, and ignores wrong types", () => {
    expect(normalizeSettings({ anchorLint: { enable: false } }).enable).toBe(false);
    expect(normalizeSettings({ maxCount: 5000, filePattern: "*.json" })).toMatchObject({ maxCount: 5000, filePattern: "*.json" });
    expect(normalizeSettings({ enable: "no", rules: [], maxCount: "9", filePattern: "" })).toEqual({
      enable: true,
      rules: {},
      maxCount: undefined,
      filePattern: "**/*.anchor.json",
    });
    expect(normalizeSettings(null).enable).toBe(true);
  });

  it("lays settings over the config file, rule by rule", () => {
    const file = { maxCount: 5000, rules: { "known-property": "off", "strict-json": "off" } } as const;
    const { config, problems } = mergeConfig(file, normalizeSettings({ rules: { "known-property": "error" } }));
    expect(problems).toEqual([]);
    expect(config).toEqual({ maxCount: 5000, rules: { "known-property": "error", "strict-json": "off" } });
    expect(mergeConfig(file, normalizeSettings({ maxCount: 10 })).config.maxCount).toBe(10);
  });

  it("reports a bad setting and keeps the good ones beside it", () => {
    const file = { rules: { "strict-json": "off" } } as const;
    const { config, problems } = mergeConfig(
      file,
      normalizeSettings({ rules: { "known-propert": "off", "valid-enum": "warn", "proxy-country": "warning" }, maxCount: -3 }),
    );
    // The good setting applies; the file's rule stays; the bad ones are left out.
    expect(config).toEqual({ rules: { "strict-json": "off", "valid-enum": "warn" } });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe('anchorLint.rules["known-propert"]: unknown rule "known-propert" (did you mean "known-property"?)');
    expect(problems[1]).toContain('anchorLint.rules["proxy-country"]: ');
    expect(problems[1]).toContain('(did you mean "warn"?)');
    expect(problems[2]).toContain("anchorLint.maxCount: ");
    // One line each: the editor shows them as they are, with no escaped line break.
    for (const problem of problems) expect(problem).not.toMatch(/\n|\\u000a/);
  });

  it("keeps the file's maxCount when the setting's is bad, and a __proto__ rule id is only an unknown rule", () => {
    const rules = JSON.parse('{"__proto__": "off", "known-property": "error"}');
    const { config, problems } = mergeConfig({ maxCount: 50 }, normalizeSettings({ rules, maxCount: 0 }));
    expect(config).toEqual({ maxCount: 50, rules: { "known-property": "error" } });
    expect(Object.getPrototypeOf(config.rules)).toBe(Object.prototype);
    expect(problems.map((p) => p.split(":")[0])).toEqual(['anchorLint.rules["__proto__"]', "anchorLint.maxCount"]);
  });
});

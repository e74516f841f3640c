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

  it("reports a bad setting and falls back to the file alone", () => {
    const file = { rules: { "strict-json": "off" } } as const;
    const { config, problems } = mergeConfig(file, normalizeSettings({ rules: { "known-propert": "off" } }));
    expect(config).toEqual({ rules: { "strict-json": "off" } });
    expect(problems[0]).toContain('"known-propert"');
    expect(problems[0]).toContain("known-property");
  });
});

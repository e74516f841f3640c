import { describe, expect, it } from "vitest";
import { fix, format, lint, MAX_FINDINGS_PER_RULE, preflight } from "@anchor-lint/core";

const internal = (text: string) => lint(text).filter((finding) => finding.message.startsWith("Internal error"));

describe("inputs found by stress tests (issue 13)", () => {
  it("a valid 10 MB initial_url is valid, and an invalid one is a valid-format finding, not six internal errors", () => {
    const url = "https://example.com/" + "a/b?".repeat(2_621_440);
    const text = (value: string) => JSON.stringify({ count: 1, configuration: { session: { initial_url: value } } });
    expect(lint(text(url))).toEqual([]);
    const findings = lint(text(url + " "));
    expect(findings.map((finding) => finding.ruleId)).toEqual(["valid-format"]);
    expect(() => preflight({ count: 1, configuration: { session: { initial_url: url } } })).not.toThrow();
  });

  it("a 20 MB metadata string full of escapes is checked for duplicate keys without overflowing", () => {
    const value = '\\u0001\\"\\\\'.repeat(2_097_152);
    expect(internal(`{"count": 1, "metadata": {"k": "${value}"}}`)).toEqual([]);
    const duplicated = lint(`{"count": 1, "metadata": {"k": "${value}", "k": "${value}"}}`);
    expect(duplicated.map((finding) => `${finding.ruleId} ${finding.range!.start.column}`)).toEqual(["no-duplicate-keys 27"]);
  });

  it("a misplaced key under a duplicated object keeps its finding (the fix that cannot be built is left out)", () => {
    const text = '{"count":1,"configuration":{"session":{"proxy":1},"session":{"server":"x"}}}';
    expect(lint(text).map((finding) => `${finding.ruleId}: ${finding.message}`)).toEqual([
      'no-duplicate-keys: Duplicate key "session": this value is ignored, the last one on this line wins.',
      'known-property: "server" does not belong in configuration.session; it belongs under configuration.session.proxy.',
    ]);
  });
});

describe("findings per rule and file are capped", () => {
  const unknownKeys = (n: number) => `{"count": 1, "configuration": {"browser": {\n${Array.from({ length: n }, (_, i) => `  "zq${i}xw": ${i}`).join(",\n")}\n}}}`;

  it(`lists the first ${MAX_FINDINGS_PER_RULE} of a rule, then one summary placed on the first left out`, () => {
    const findings = lint(unknownKeys(MAX_FINDINGS_PER_RULE + 1500));
    expect(findings).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
    const summary = findings[findings.length - 1]!;
    expect(summary).toMatchObject({
      ruleId: "known-property",
      severity: "warning",
      pointer: `/configuration/browser/zq${MAX_FINDINGS_PER_RULE}xw`,
      message: "...and 1,500 more known-property findings from here on: only the first 1,000 of a rule are listed per file.",
    });
    expect(summary.range!.start).toMatchObject({ line: MAX_FINDINGS_PER_RULE + 2, column: 3 });
    expect(summary.fix).toBeUndefined();
  });

  it("a file at the cap has no summary", () => {
    const findings = lint(unknownKeys(MAX_FINDINGS_PER_RULE));
    expect(findings).toHaveLength(MAX_FINDINGS_PER_RULE);
    expect(findings.some((finding) => finding.message.startsWith("..."))).toBe(false);
  });

  it("fix() still removes every duplicate of a file with more than the cap, over its passes", () => {
    const text = `{"count": 1, "metadata": {${Array.from({ length: 2500 }, (_, i) => `"k${i}": 1, "k${i}": 1`).join(", ")}}}`;
    const result = fix(text);
    expect(result.findings).toEqual([]);
    expect(JSON.parse(result.output)).toEqual(JSON.parse(text));
  });
});

describe("format() refuses nesting deeper than the tree builder takes", () => {
  it("100,000 levels answer at once with no edits", () => {
    const start = performance.now();
    expect(format("[".repeat(100_000) + "]".repeat(100_000), { tabSize: 2, insertSpaces: true })).toEqual([]);
    expect(format('{"a":'.repeat(100_000), { tabSize: 2, insertSpaces: true })).toEqual([]);
    // Not a timing assertion, a guard against a hang: jsonc-parser took 18 s on 5,000 levels.
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it("brackets inside strings and comments do not count, and a document at the limit is formatted", () => {
    const deepString = `{"count": 1, "metadata": {"a": "${"[".repeat(1000)}"}} // ${"{".repeat(1000)}`;
    expect(format(deepString, { tabSize: 2, insertSpaces: true }).length).toBeGreaterThan(0);
    const atLimit = "[".repeat(256) + "]".repeat(256);
    expect(format(atLimit, { tabSize: 2, insertSpaces: true }).length).toBeGreaterThan(0);
    expect(format("[" + atLimit + "]", { tabSize: 2, insertSpaces: true })).toEqual([]);
  });
});

it("an unknown key named __proto__ or constructor keeps prototypes clean", () => {
  lint('{"count": 1, "__proto__": {"polluted": true}, "configuration": {"constructor": {"prototype": {"polluted": true}}}}');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

import { describe, expect, it } from "vitest";
import { lint, fix, validate } from "@anchor-lint/core";
import { TextDocumentSource } from "../src/source/document.js";

function expectRangesInside(text: string): void {
  for (const finding of lint(text)) {
    expect(finding.range).toBeDefined();
    expect(finding.range!.start.offset).toBeGreaterThanOrEqual(0);
    expect(finding.range!.end.offset).toBeLessThanOrEqual(text.length);
    expect(finding.range!.start.offset).toBeLessThanOrEqual(finding.range!.end.offset);
  }
}

describe("inputs that must never crash", () => {
  it("an empty file is one clear json-syntax error", () => {
    expect(lint("").map((finding) => finding.message)).toEqual(['The file is empty; expected a JSON object such as {"count": 1}.']);
    expect(lint("  \n ").map((finding) => finding.ruleId)).toEqual(["json-syntax"]);
  });

  it("binary garbage gives located syntax errors, capped", () => {
    let garbage = "";
    for (let index = 0; index < 5000; index++) garbage += String.fromCharCode((index * 7919) % 65536);
    const findings = lint(garbage);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.length).toBeLessThanOrEqual(21);
    expect(findings.every((finding) => finding.ruleId === "json-syntax")).toBe(true);
    expectRangesInside(garbage);
  });

  it("a UTF-8 byte order mark is a fixable strict-json finding, and the rest is still checked", () => {
    const text = '\uFEFF{"count": 0}';
    expect(lint(text).map((finding) => finding.ruleId)).toEqual(["strict-json", "count-range"]);
    expect(fix(text).output).toBe('{"count": 0}');
  });

  it("__proto__ and constructor keys are plain unknown keys, and pollute nothing", () => {
    const text = '{"count": 1, "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "configuration": {"__proto__": {"x": 1}}}';
    const findings = lint(text);
    expect(findings.map((finding) => finding.pointer)).toEqual(["/__proto__", "/constructor", "/configuration/__proto__"]);
    expect(findings.every((finding) => finding.ruleId === "known-property")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The jsonc path (comments force it) builds objects itself: same result.
    const withComment = "// c\n" + text;
    expect(lint(withComment).filter((finding) => finding.ruleId === "known-property")).toHaveLength(3);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A syntax error forces the error-recovering tree, whose value is built key by key: "__proto__"
    // stays an own key there too, and the object keeps its prototype.
    const broken = new TextDocumentSource(text.slice(0, -1) + ', "extra": }');
    expect(broken.syntaxProblems.some((problem) => problem.kind === "syntax")).toBe(true);
    const root = broken.root as Record<string, unknown>;
    expect(Object.keys(root)).toEqual(["count", "__proto__", "constructor", "configuration", "extra"]);
    expect(Object.getPrototypeOf(root)).toBe(Object.prototype);
    expect(Object.keys(root.configuration as object)).toEqual(["__proto__"]);
  });

  it("numbers beyond double range are reported, not misread", () => {
    expect(lint('{"count": 1e400}').map((finding) => finding.ruleId)).toEqual(["count-range"]);
    expect(lint('{"count": 1, "configuration": {"browser": {"viewport": {"width": -1e400}}}}').map((finding) => finding.ruleId)).not.toContain("json-syntax");
  });

  it("nesting 100,000 deep is refused with a located message", () => {
    for (const text of ["[".repeat(100_000), '{"a":'.repeat(100_000), '{"count": 1, "metadata": ' + "[".repeat(100_000) + "]".repeat(100_000) + "}"]) {
      const findings = lint(text);
      expect(findings.length).toBeGreaterThan(0);
      expectRangesInside(text);
      expect(() => fix(text)).not.toThrow();
    }
    // Strict JSON that deep parses natively: no tree is needed unless a finding needs a range.
    expect(() => validate(JSON.parse("[".repeat(5000) + "]".repeat(5000)))).not.toThrow();
  });

  it("a 10 MB file is linted", () => {
    const secrets = Array.from({ length: 300_000 }, (_, index) => `op://vault/item-${index}/password`);
    const text = JSON.stringify({ count: 1, configuration: { integrations: [{ id: "550e8400-e29b-41d4-a716-446655440000", type: "1PASSWORD", configuration: { load_mode: "specific", secrets } }] } }, null, 1);
    expect(text.length).toBeGreaterThan(10_000_000);
    expect(lint(text)).toEqual([]);
  });

  it("wrong types everywhere give valid-type findings, not crashes", () => {
    const text = JSON.stringify({ count: "10", configuration: { session: "x", browser: { headless: true, extensions: "a", viewport: { width: "1440" } }, integrations: {} } });
    const findings = lint(text);
    expect(findings.every((finding) => finding.ruleId === "valid-type")).toBe(true);
    expect(findings.map((finding) => finding.pointer)).toEqual([
      "/count",
      "/configuration/session",
      "/configuration/browser/headless",
      "/configuration/browser/extensions",
      "/configuration/browser/viewport/width",
      "/configuration/integrations",
    ]);
    expect(findings[0]!.message).toBe('"count" must be an integer; found a string ("10"); did you mean 10 without quotes?');
  });
});

describe("secrets", () => {
  const password = "correct-horse-battery";
  const username = "svc-scraper-user";
  it("never appear in any finding, fix title or related message", () => {
    const texts = [
      { count: 1, configuration: { session: { proxy: { active: true, type: "custom", server: `http://${username}:${password}@proxy:8080`, username, password } } } },
      { count: 1, configuration: { session: { proxy: { active: "yes", type: "custom", server: 42, username: 7, password } } } },
      { count: 1, configuration: { session: { proxy: { active: true, type: "anchor_proxy", username, password, country_code: password } } } },
      { count: 1, configuration: { session: { proxy: { active: true, type: "customs", username, password } } } },
    ].map((value) => JSON.stringify(value, null, 2));
    for (const text of texts) {
      const findings = lint(text);
      expect(findings.length).toBeGreaterThan(0);
      const shown = JSON.stringify(findings.map((finding) => [finding.message, finding.fix?.title, finding.suggestions?.map((s) => s.title), finding.related?.map((r) => r.message), finding.fix?.edits.map((e) => e.newText)]));
      expect(shown).not.toContain(password);
      expect(shown).not.toContain(username);
    }
  });
});

describe("printing a config without its credentials", () => {
  it("redactCredentials masks literal proxy credentials as written, and keeps placeholders", async () => {
    const { redactCredentials } = await import("@anchor-lint/core");
    const text = '{"count": 1, "configuration": {"session": {"proxy": {"type": "custom", "active": true, "server": "http://p:1", "username": "${env:USER}", "password": "Tr0ub4dor\\u00263"}}}}';
    const redacted = redactCredentials(text);
    expect(redacted).toContain('"username": "${env:USER}"');
    expect(redacted).toContain('"password": "****"');
    expect(redacted).not.toContain("Tr0ub4dor");
  });

  it("no fix spans a credential (a merged edit would print it)", () => {
    const text = JSON.stringify({ count: 1, configuration: { browser: { recording: { active: true } }, session: { proxy: { type: "custom", active: true, server: "http://p:1", username: "scraper-user", password: "Tr0ub4dor&3" } } } }, null, 2);
    const moved = lint(text).find((finding) => finding.ruleId === "known-property");
    expect(moved).toBeDefined();
    expect(moved!.fix).toBeUndefined();
  });
});

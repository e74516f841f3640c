import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { lint, validate, preflight, fix, load, rules, resolveConfig, PreflightError, ConfigError, requestSchema } from "@anchor-lint/core";
import { applyEdits } from "../src/fix.js";

const specText = readFileSync(new URL("../spec/create-batch-sessions.md", import.meta.url), "utf8");
const spec = parseYaml(/````yaml[^\n]*\n([\s\S]*?)````/.exec(specText)![1]!);
const examples = spec.paths.request.body["application/json"].examples;

describe("the spec's own examples", () => {
  it("small_batch is clean", () => {
    expect(lint(JSON.stringify(examples.small_batch.value, null, 2))).toEqual([]);
  });

  it("large_batch gives the count error and the misplaced recording warning, nothing for session.tags", () => {
    const text = JSON.stringify(examples.large_batch.value, null, 2);
    const findings = lint(text);
    expect(findings.map((finding) => [finding.ruleId, finding.severity, finding.pointer])).toEqual([
      ["count-range", "error", "/count"],
      ["known-property", "warning", "/configuration/browser/recording"],
    ]);
    expect(findings[0]!.message).toMatch(/^Session count must be between 1 and 1000/);
    expect(findings[1]!.message).toContain("belongs under configuration.session");
    expect(findings[1]!.range!.start).toMatchObject({ line: 12, column: 7 });
    expect(text.slice(findings[1]!.range!.start.offset, findings[1]!.range!.end.offset)).toBe('"recording"');
  });

  it("fixing large_batch moves recording to its home and leaves only the count", () => {
    const result = fix(JSON.stringify(examples.large_batch.value, null, 2));
    expect(JSON.parse(result.output).configuration.session.recording).toEqual({ active: true });
    expect(JSON.parse(result.output).configuration.browser.recording).toBeUndefined();
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(["count-range"]);
  });
});

describe("lint", () => {
  it("places a bad value on the value, with 1-based line and column", () => {
    const text = '{\n  "count": 0\n}';
    const [finding] = lint(text);
    expect(finding).toMatchObject({ ruleId: "count-range", pointer: "/count", range: { start: { line: 2, column: 12, offset: 13 }, end: { line: 2, column: 13, offset: 14 } } });
  });

  it("places a missing property on the object that lacks it", () => {
    const text = '{\n  "configuration": {\n    "session": { "proxy": { "type": "custom", "active": true, "server": "http://p:1", "username": "u" } }\n  }\n}';
    const findings = lint(text).filter((finding) => finding.ruleId === "required-property");
    expect(findings.map((finding) => finding.message)).toEqual([
      'Missing required property "count" in the request (Number of sessions to create in the batch (1-1000)).',
      'Missing required property "password" in configuration.session.proxy (Proxy password).',
    ]);
    expect(text.slice(findings[1]!.range!.start.offset, findings[1]!.range!.end.offset)).toBe('"proxy"');
    expect(findings[0]!.range!.start).toMatchObject({ line: 1, column: 1 });
  });

  it("keeps going after comments and trailing commas, which are strict-json findings with fixes", () => {
    const text = '{\n  // batch for the nightly job\n  "count": 5000,\n}';
    expect(lint(text).map((finding) => finding.ruleId)).toEqual(["strict-json", "count-range", "strict-json"]);
    expect(fix(text).output).toBe('{\n  // batch for the nightly job\n  "count": 5000\n}');
  });

  it("honours the config: rules off, severities, maxCount", () => {
    const text = '{"count": 2500, "configuration": {"browser": {"disable_web_security": {"active": true}}}}';
    expect(lint(text).map((finding) => `${finding.ruleId}:${finding.severity}`)).toEqual(["count-range:error", "no-disable-web-security:warning"]);
    const configured = lint(text, { config: { maxCount: 5000, rules: { "no-disable-web-security": "error" } } });
    expect(configured.map((finding) => `${finding.ruleId}:${finding.severity}`)).toEqual(["no-disable-web-security:error"]);
    expect(lint('{"count": 6000}', { config: { maxCount: 5000 } })[0]!.message).toMatch(/^Session count must be between 1 and 5000/);
    expect(lint(text, { config: { rules: { "count-range": "off", "no-disable-web-security": "off" } } })).toEqual([]);
  });

  it("reports one finding for a wrong proxy type, not a cascade of oneOf branches", () => {
    const text = JSON.stringify({ count: 1, configuration: { session: { proxy: { active: true, type: "anchor_mobil", country_code: "fr" } } } });
    const findings = lint(text);
    expect(findings.map((finding) => finding.ruleId)).toEqual(["valid-enum"]);
    expect(findings[0]!.message).toContain('Did you mean "anchor_mobile"?');
  });

  it("accepts a code offered by several proxy types (the oneOf trap) and every vendor-documented field", () => {
    for (const type of ["anchor_proxy", "anchor_residential", "anchor_mobile", "anchor_gov"]) {
      expect(lint(JSON.stringify({ count: 1, configuration: { session: { proxy: { active: true, type, country_code: "fr" } } } }))).toEqual([]);
    }
    const vendor = {
      count: 1,
      configuration: {
        session: { tags: ["a"], live_view: { one_time_url: false }, timeout: { max_duration: -1, idle_timeout: -1 } },
        browser: { pdf_viewer: { active: true }, force_popups_as_tabs: { active: true }, web_bot_auth: { active: false }, disable_dialogs: { active: true }, tracing: { active: true, snapshots: false, sources: true }, sensitive_data_mask: { active: true, custom_selectors: [".card"], site_selectors: { "*.bank.com": ["#iban"] }, custom_patterns: [{ regex: "\\d{4}", mask: "****" }] } },
        identities: [{ id: "123e4567-e89b-12d3-a456-426614174000" }],
      },
    };
    expect(lint(JSON.stringify(vendor))).toEqual([]);
  });

  it("does not look inside metadata", () => {
    expect(lint(JSON.stringify({ count: 1, metadata: { anything: { nested: [1, "x", null] }, captcha_solver: 1 } }))).toEqual([]);
  });
});

describe("validate and preflight", () => {
  it("validate gives pointers and no ranges", () => {
    const findings = validate({ count: 1, configuration: { browser: { captcha_solver: { active: true } } } });
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: "captcha-requires-proxy", pointer: "/configuration/browser/captcha_solver/active", message: "CAPTCHA solver requires proxy to be active" }),
    ]);
    expect(findings[0]!.range).toBeUndefined();
  });

  it("preflight returns the request when it has no errors, warnings included", () => {
    const request = { count: 3, configuration: { browser: { disable_web_security: { active: true } } } };
    expect(preflight(request)).toBe(request);
  });

  it("preflight throws a PreflightError listing every finding in the API's wording", () => {
    let error: unknown;
    try {
      preflight({ count: 0, configuration: { browser: { captcha_solver: { active: true } } } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PreflightError);
    const message = (error as PreflightError).message;
    expect(message).toContain("Session count must be between 1 and 1000");
    expect(message).toContain("CAPTCHA solver requires proxy to be active");
    expect((error as PreflightError).findings).toHaveLength(2);
  });
});

describe("load", () => {
  const text = JSON.stringify({
    count: 1,
    configuration: { session: { proxy: { active: true, type: "custom", server: "http://proxy.example.com:3128", username: "${env:PROXY_USER}", password: "${env:PROXY_PASS}" } } },
  });

  it("resolves ${env:NAME} placeholders in custom proxy credentials", () => {
    const request = load(text, { env: { PROXY_USER: "alice", PROXY_PASS: "s3cr3t-pass" } });
    expect(request.configuration?.session?.proxy).toMatchObject({ username: "alice", password: "s3cr3t-pass" });
  });

  it("names the missing variable, never a value", () => {
    expect(() => load(text, { env: { PROXY_USER: "alice" } })).toThrow(/Environment variable PROXY_PASS is not set/);
  });

  it("throws on broken JSON with a located message", () => {
    expect(() => load('{"count": }')).toThrow(/1:11 .*Expected a value/);
  });

  it("resolves placeholders in the credentials only: one in the server is refused, set or not, never sent as written", () => {
    const withServer = text.replace("http://proxy.example.com:3128", "${env:PROXY_SERVER}");
    const env = { PROXY_USER: "alice", PROXY_PASS: "s3cr3t-pass", PROXY_SERVER: "http://proxy.example.com:3128" };
    expect(() => load(withServer, { env })).toThrow(/load\(\) does not resolve there \(only in "username" and "password"\)/);
  });
});

describe("config", () => {
  it("returns a valid config", () => {
    expect(resolveConfig({ rules: { "proxy-country": "warn" }, maxCount: 5000 })).toEqual({ rules: { "proxy-country": "warn" }, maxCount: 5000 });
  });

  it("lists every mistake with its pointer and a did-you-mean", () => {
    let error: unknown;
    try {
      resolveConfig({ rules: { "proxy-contry": "warn", "count-range": "warning" }, maxcount: 5, maxCount: 0 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      { pointer: "/maxcount", message: 'unknown key "maxcount" (did you mean "maxCount"?)' },
      { pointer: "/rules/proxy-contry", message: 'unknown rule "proxy-contry" (did you mean "proxy-country"?)' },
      { pointer: "/rules/count-range", message: 'rule setting must be "off", "warn" or "error"; found "warning" (did you mean "warn"?)' },
      { pointer: "/maxCount", message: '"maxCount" must be a positive integer; found 0' },
    ]);
  });

  it("rejects a config that is not an object", () => {
    expect(() => resolveConfig([1])).toThrow(ConfigError);
  });
});

describe("metadata", () => {
  it("lists every rule once, sorted, with a docs URL", () => {
    const ids = rules.map((rule) => rule.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(27);
    for (const rule of rules) expect(rule.docsUrl).toMatch(new RegExp(`/docs/rules/${rule.id}\\.md$`));
  });

  it("exports the request schema", () => {
    expect(requestSchema).toMatchObject({ type: "object", required: ["count"] });
  });
});

describe("fixes keep the user's text", () => {
  const duplicateKeysOnly = { config: { rules: { "strict-json": "off" as const } } };

  // Removing a duplicate is unattended only when it repeats the kept value (docs/fixes.md); a
  // different one is a suggestion, whose edits keep the same layout.
  const suggested = (text: string) => applyEdits(text, lint(text, duplicateKeysOnly).find((finding) => finding.ruleId === "no-duplicate-keys")!.suggestions![0]!.edits);

  it("removing an earlier duplicate keeps the comments around it", () => {
    const text = '{\n  "count": 2, // first try\n  // the real one:\n  "count": 2\n}';
    expect(fix(text, duplicateKeysOnly).output).toBe('{\n  // first try\n  // the real one:\n  "count": 2\n}');
    const different = '{\n  "count": 1, // first try\n  // the real one:\n  "count": 2\n}';
    expect(fix(different, duplicateKeysOnly).output).toBe(different);
    expect(suggested(different)).toBe('{\n  // first try\n  // the real one:\n  "count": 2\n}');
  });

  it("removing the last member drops the comma before it and its line", () => {
    const text = '{\n  "count": 3,\n  "count": 3, // kept\n  "configuration": {}\n}';
    expect(fix(text, duplicateKeysOnly).output).toBe('{\n  "count": 3, // kept\n  "configuration": {}\n}');
    const last = '{\n  "configuration": {}, // kept\n  "count": 3,\n  "count": 3\n}';
    expect(fix(last, duplicateKeysOnly).output).toBe('{\n  "configuration": {}, // kept\n  "count": 3\n}');
    expect(suggested('{\n  "configuration": {}, // kept\n  "count": 2,\n  "count": 3\n}')).toBe('{\n  "configuration": {}, // kept\n  "count": 3\n}');
    const lastRemoved = '{\n  "count": 3,\n  "configuration": {"browser": {"headless": {"active": true}, "recording": {"active": true}}}\n}';
    expect(JSON.parse(fix(lastRemoved).output).configuration).toEqual({ browser: { headless: { active: true } }, session: { recording: { active: true } } });
  });

  it("moving the only member out of an object leaves {} behind", () => {
    const text = '{\n  "count": 1,\n  "configuration": {\n    "browser": {\n      "recording": { "active": true }\n    }\n  }\n}';
    const output = fix(text).output;
    expect(JSON.parse(output)).toEqual({ count: 1, configuration: { browser: {}, session: { recording: { active: true } } } });
    expect(output).toContain('"browser": {}');
  });
});

describe("a bad config passed to lint", () => {
  it("is a ConfigError naming the mistake, not a crash or a silent default", () => {
    expect(() => lint('{"count": 1}', { config: { maxCount: "many" } as never })).toThrow(ConfigError);
    expect(() => lint('{"count": 1}', { config: { rules: { "count-rnage": "off" } } as never })).toThrow(/did you mean "count-range"/);
  });
});

describe("moving a misplaced key", () => {
  it("keeps the value as written and re-indents its lines to the new place", () => {
    const text = '{\n  "count": 1,\n  "configuration": {\n    "browser": {\n      "headless": { "active": true },\n      "recording": {\n        "active": true\n      }\n    },\n    "session": {\n      "tags": ["a"]\n    }\n  }\n}';
    expect(fix(text).output).toBe('{\n  "count": 1,\n  "configuration": {\n    "browser": {\n      "headless": { "active": true }\n    },\n    "session": {\n      "tags": ["a"],\n      "recording": {\n        "active": true\n      }\n    }\n  }\n}');
  });

  it("fills an empty object on new lines, in the file's indentation", () => {
    const text = '{\n    "count": 1,\n    "configuration": {\n        "browser": { "recording": { "active": false } },\n        "session": {}\n    }\n}';
    expect(fix(text).output).toBe('{\n    "count": 1,\n    "configuration": {\n        "browser": {},\n        "session": {\n            "recording": { "active": false }\n        }\n    }\n}');
  });
});

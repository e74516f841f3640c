import rule from "../../src/rules/captcha-requires-proxy.js";
import { ruleTester } from "../rule-tester.js";
import { fix, lint } from "../../src/index.js";
import { describe, expect, it } from "vitest";

const MESSAGE = "CAPTCHA solver requires proxy to be active";
const POINTER = "/configuration/browser/captcha_solver/active";

function config(captcha: unknown, session?: unknown) {
  return {
    count: 1,
    configuration: {
      browser: { captcha_solver: { active: captcha } },
      ...(session === undefined ? {} : { session }),
    },
  };
}

ruleTester(rule, {
  valid: [
    { count: 1 },
    config(false),
    config(true, { proxy: { active: true } }),
    config(true, { proxy: { active: true, type: "anchor_residential", country_code: "de" } }),
    // Any active proxy will do, custom ones included.
    config(true, { proxy: { active: true, type: "custom", server: "http://proxy.example.com:8080", username: "u", password: "p" } }),
    config(false, { proxy: { active: false } }),
    // A proxy without "active" is one mistake: required-property reports it, pointing back at the solver.
    config(true, { proxy: { type: "anchor_proxy" } }),
    config(true, { proxy: {} }),
    // Mistyped values are valid-type's findings, reported once, there.
    config("true"),
    config(true, { proxy: { active: "true" } }),
    config(true, { proxy: "anchor_proxy" }),
    config(true, "session"),
  ],
  invalid: [
    {
      name: "no proxy at all",
      code: config(true, { initial_url: "https://example.com" }),
      errors: [{ message: MESSAGE, pointer: POINTER, line: 6, column: 19, endLine: 6, endColumn: 23 }],
    },
    {
      name: "no session either",
      code: config(true),
      errors: [{ message: MESSAGE, pointer: POINTER }],
    },
    {
      name: "a proxy turned off",
      code: config(true, { proxy: { active: false, type: "anchor_mobile" } }),
      errors: [{ message: MESSAGE, pointer: POINTER }],
    },
  ],
});

describe("captcha-requires-proxy related information", () => {
  const relatedOf = (value: unknown) => {
    const findings = lint(JSON.stringify(value, null, 2)).filter((finding) => finding.ruleId === "captcha-requires-proxy");
    expect(findings).toHaveLength(1);
    return findings[0]!.related?.map((related) => [related.pointer, related.message]);
  };

  it("points at the proxy's active when it is turned off", () => {
    expect(relatedOf(config(true, { proxy: { active: false } }))).toEqual([
      ["/configuration/session/proxy/active", "The proxy is turned off here."],
    ]);
  });

  it("points at the session when it has no proxy", () => {
    expect(relatedOf(config(true, {}))).toEqual([
      ["/configuration/session", 'No proxy is configured here; add a proxy with "active": true.'],
    ]);
  });

  it("points at the configuration when there is no session", () => {
    expect(relatedOf(config(true))).toEqual([["/configuration", 'No proxy is configured; add session.proxy with "active": true.']]);
  });

  it("leaves a proxy without active to required-property: one error, which points at the solver", () => {
    const findings = lint(JSON.stringify(config(true, { proxy: { type: "anchor_residential" } }), null, 2));
    expect(findings.map((finding) => finding.ruleId)).toEqual(["required-property"]);
    expect(findings[0]!.related?.map((related) => [related.pointer, related.message, related.range?.start.line])).toEqual([
      ["/configuration/browser/captcha_solver/active", "The CAPTCHA solver is turned on here; it requires an active proxy.", 6],
    ]);
  });

  it("gives the related location a range", () => {
    const findings = lint(JSON.stringify(config(true, { proxy: { active: false } }), null, 2));
    const related = findings.find((finding) => finding.ruleId === "captcha-requires-proxy")?.related?.[0];
    expect(related?.range?.start.line).toBe(11);
  });
});

describe("a proxy written where the API ignores it", () => {
  const text = JSON.stringify(
    { count: 2, configuration: { browser: { proxy: { type: "anchor_residential", country_code: "us", active: true }, captcha_solver: { active: true } } } },
    null,
    2,
  );

  it("is one error, the solver's, naming where the proxy is and where it belongs", () => {
    const findings = lint(text);
    expect(findings.map((finding) => [finding.ruleId, finding.severity, finding.message])).toEqual([
      ["captcha-requires-proxy", "error", `${MESSAGE}: the proxy is written under configuration.browser, where the API ignores it; it belongs under configuration.session.`],
    ]);
    expect(findings[0]!.related?.map((related) => related.pointer)).toEqual(["/configuration/browser/proxy"]);
    expect(findings[0]!.fix?.title).toBe('Move "proxy" to configuration.session');
  });

  it("--fix moves it, keeping every value, and the file is clean", () => {
    const result = fix(text);
    expect(result.findings).toEqual([]);
    expect(JSON.parse(result.output!)).toEqual({
      count: 2,
      configuration: { browser: { captcha_solver: { active: true } }, session: { proxy: { type: "anchor_residential", country_code: "us", active: true } } },
    });
  });

  it("with the solver off, the misplaced proxy stays known-property's warning", () => {
    const off = text.replace('"captcha_solver": {\n        "active": true', '"captcha_solver": {\n        "active": false');
    expect(lint(off).map((finding) => [finding.ruleId, finding.severity])).toEqual([["known-property", "warning"]]);
  });

  it("inside an integration, the move is only offered (the proxy may describe that integration)", () => {
    const inside = JSON.stringify({
      count: 1,
      configuration: {
        browser: { captcha_solver: { active: true } },
        integrations: [{ id: "0b3a5c1e-9a7d-4a43-9c8e-2f7a1b6d5e40", type: "1PASSWORD", configuration: { load_mode: "all", proxy: { active: true } } }],
      },
    });
    const findings = lint(inside).filter((finding) => finding.pointer.includes("proxy") || finding.ruleId === "captcha-requires-proxy");
    expect(findings.map((finding) => [finding.ruleId, finding.fix, finding.suggestions?.map((suggestion) => suggestion.title)])).toEqual([
      ["captcha-requires-proxy", undefined, ['Move "proxy" to configuration.session']],
    ]);
  });
});

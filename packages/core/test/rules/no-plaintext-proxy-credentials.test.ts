import { describe, expect, it } from "vitest";
import rule from "../../src/rules/no-plaintext-proxy-credentials.js";
import { fix, lint, load } from "../../src/index.js";
import type { Report } from "../../src/rule.js";
import { TextDocumentSource } from "../../src/source/document.js";
import { ruleTester } from "../rule-tester.js";

const PROXY = "/configuration/session/proxy";
const USERNAME_MESSAGE =
  "The proxy username is written in plain text; use an ${env:NAME} placeholder such as ${env:ANCHOR_PROXY_USERNAME}, " +
  "which load() resolves from the environment, and keep the secret out of the file.";
const PASSWORD_MESSAGE =
  "The proxy password is written in plain text; use an ${env:NAME} placeholder such as ${env:ANCHOR_PROXY_PASSWORD}, " +
  "which load() resolves from the environment, and keep the secret out of the file.";
const NAME_RULE = 'write ${env:NAME}, NAME made of letters, digits and "_", not starting with a digit.';

function custom(username: unknown, password: unknown, type: unknown = "custom") {
  return {
    count: 1,
    configuration: {
      session: { proxy: { type, active: true, server: "http://proxy.example.com:8080", username, password } },
    },
  };
}

ruleTester(rule, {
  valid: [
    { count: 1 },
    custom("${env:PROXY_USER}", "${env:PROXY_PASS}"),
    custom("${env:_x1}", "${env:A}"),
    // No authentication: nothing secret to hide.
    custom("", ""),
    // Mistyped or absent credentials are valid-type's and required-property's findings.
    custom(42, undefined),
    // Credentials on an Anchor proxy are unknown keys, known-property's finding.
    custom("alice", "hunter2", "anchor_proxy"),
    { count: 1, configuration: { session: { proxy: { active: true, username: "alice", password: "hunter2" } } } },
  ],
  invalid: [
    {
      name: "both written literally",
      code: custom("alice", "hunter2"),
      errors: [
        { message: USERNAME_MESSAGE, pointer: `${PROXY}/username`, severity: "warning", line: 9, column: 21, endLine: 9, endColumn: 28 },
        { message: PASSWORD_MESSAGE, pointer: `${PROXY}/password`, severity: "warning", line: 10, column: 21, endLine: 10, endColumn: 30 },
      ],
      output: JSON.stringify(custom("${env:ANCHOR_PROXY_USERNAME}", "${env:ANCHOR_PROXY_PASSWORD}"), null, 2),
    },
    {
      name: "a password that looks like a shell variable is still plain text",
      code: custom("${env:PROXY_USER}", "$ecretPass"),
      errors: [{ message: PASSWORD_MESSAGE, pointer: `${PROXY}/password` }],
      output: JSON.stringify(custom("${env:PROXY_USER}", "${env:ANCHOR_PROXY_PASSWORD}"), null, 2),
    },
    {
      name: "a placeholder without env:",
      code: custom("${PROXY_USER}", "${env:PROXY_PASS}"),
      errors: [{ message: `The proxy username is a malformed placeholder (it must start with "env:"); ${NAME_RULE}`, pointer: `${PROXY}/username` }],
      output: JSON.stringify(custom("${env:ANCHOR_PROXY_USERNAME}", "${env:PROXY_PASS}"), null, 2),
    },
    {
      code: custom("${env:PROXY_USER", "${env:PROXY_PASS}"),
      errors: [{ message: `The proxy username is a malformed placeholder (no closing "}"); ${NAME_RULE}` }],
    },
    {
      code: custom("${env:PROXY_USER}", "${env:1PASS}"),
      errors: [{ message: `The proxy password is a malformed placeholder (an invalid variable name); ${NAME_RULE}` }],
    },
    {
      code: custom("${env:PROXY-USER}", "${env:}"),
      errors: [
        { message: `The proxy username is a malformed placeholder (an invalid variable name); ${NAME_RULE}` },
        { message: `The proxy password is a malformed placeholder (no variable name); ${NAME_RULE}` },
      ],
    },
    {
      code: custom("user-${env:PROXY_USER}", "${env:PROXY_PASS}"),
      errors: [
        { message: `The proxy username is a malformed placeholder (text around the placeholder; it must be the whole value); ${NAME_RULE}` },
      ],
    },
  ],
});

/** The rule's own reports, before the engine's redaction: the rule must not rely on that safety net. */
function rawReports(value: unknown): Report[] {
  const source = new TextDocumentSource(JSON.stringify(value, null, 2));
  const reports: Report[] = [];
  rule.check({ root: source.root, maxCount: 1000, source, schemaErrors: () => [], report: (report) => reports.push(report) });
  return reports;
}

describe("no-plaintext-proxy-credentials and secrets", () => {
  it.each([
    ["literal credentials", custom("operator-7731", "Tr0ub4dor&3-horse")],
    ["malformed placeholders", custom("${operator-7731}", "${env:Tr0ub4dor&3-horse}")],
    ["secrets with text around a placeholder", custom("operator-7731${env:X}", "Tr0ub4dor&3-horse${env:Y}")],
  ])("never shows the secret in any field: %s", (_name, value) => {
    const secrets = ["operator-7731", "Tr0ub4dor&3-horse"];
    const reports = rawReports(value);
    expect(reports).toHaveLength(2);
    const findings = lint(JSON.stringify(value, null, 2));
    expect(findings.filter((finding) => finding.ruleId === "no-plaintext-proxy-credentials")).toHaveLength(2);
    for (const output of [JSON.stringify(reports), JSON.stringify(findings)]) {
      for (const secret of secrets) expect(output).not.toContain(secret);
    }
  });

  it("is not applied by a safe fix, since the variables must then be set", () => {
    const text = JSON.stringify(custom("alice", "hunter2"), null, 2);
    expect(fix(text).output).toBe(text);
    const unsafe = fix(text, { unsafe: true });
    expect(unsafe.output).toBe(JSON.stringify(custom("${env:ANCHOR_PROXY_USERNAME}", "${env:ANCHOR_PROXY_PASSWORD}"), null, 2));
    expect(unsafe.findings.filter((finding) => finding.ruleId === "no-plaintext-proxy-credentials")).toEqual([]);
  });

  it("names the variable to set in the fix title", () => {
    const [finding] = lint(JSON.stringify(custom("alice", "${env:P}"), null, 2)).filter((f) => f.ruleId === "no-plaintext-proxy-credentials");
    expect(finding?.fix).toMatchObject({
      title: "Replace with ${env:ANCHOR_PROXY_USERNAME} (then set ANCHOR_PROXY_USERNAME in the environment)",
      safety: "unsafe",
    });
  });

  it("accepts what load() resolves", () => {
    const text = JSON.stringify(custom("${env:PROXY_USER}", "${env:PROXY_PASS}"), null, 2);
    expect(lint(text).filter((finding) => finding.ruleId === "no-plaintext-proxy-credentials")).toEqual([]);
    const request = load(text, { env: { PROXY_USER: "alice", PROXY_PASS: "hunter2" } });
    expect(request.configuration?.session?.proxy).toMatchObject({ username: "alice", password: "hunter2" });
  });
});

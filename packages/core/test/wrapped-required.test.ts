import { describe, expect, it } from "vitest";
import { lint } from "../src/index.js";
import { applyEdits } from "../src/fix.js";

// Required keys written one level too deep, inside a key the API does not know, are one mistake:
// one error at that key, which says where they go, never three findings (two missing, one unknown).

const PROXY = (inner: string) =>
  `{\n  "count": 1,\n  "configuration": {\n    "session": {\n      "proxy": { "type": "custom", "active": true, "server": "http://p.example.com:8080", ${inner} }\n    }\n  }\n}\n`;

describe("a custom proxy's username and password inside \"credentials\"", () => {
  const text = PROXY('"credentials": { "username": "ops", "password": "hunter2-secret" }');

  it("is one error at \"credentials\", naming both keys and where they go", () => {
    const findings = lint(text);
    expect(findings.map((finding) => [finding.ruleId, finding.pointer, finding.message])).toEqual([
      [
        "required-property",
        "/configuration/session/proxy/credentials",
        'Missing required properties "password" and "username" in configuration.session.proxy: they are written inside "credentials", which the API does not know, so it ignores them; they go directly in configuration.session.proxy.',
      ],
    ]);
    expect(JSON.stringify(findings)).not.toContain("hunter2-secret");
  });

  it("the suggestion takes them out, keeping both values; the file is then clean", () => {
    // A suggestion whose text would show a plain-text password is withheld (docs/security.md): placeholders here.
    const text = PROXY('"credentials": { "username": "${env:PROXY_USER}", "password": "${env:PROXY_PASS}" }');
    const [finding] = lint(text);
    const suggestion = finding!.suggestions![0]!;
    expect(suggestion.title).toBe('Take what "credentials" holds out of it');
    const after = applyEdits(text, suggestion.edits);
    expect(JSON.parse(after).configuration.session.proxy).toEqual({
      type: "custom",
      active: true,
      server: "http://p.example.com:8080",
      username: "${env:PROXY_USER}",
      password: "${env:PROXY_PASS}",
    });
    expect(lint(after).filter((found) => found.severity === "error")).toEqual([]);
  });

  it("with a key the proxy does not take inside, it is still one error, and nothing is offered that would drop that key", () => {
    const findings = lint(PROXY('"credentials": { "username": "${env:U}", "password": "${env:P}", "domain": "corp" }'));
    expect(findings.map((finding) => [finding.ruleId, finding.pointer])).toEqual([["required-property", "/configuration/session/proxy/credentials"]]);
    expect(findings[0]!.suggestions ?? []).toEqual([]);
  });

  it("a key also written at its place is that key's: only the other one is missing", () => {
    const findings = lint(PROXY('"username": "${env:U}", "credentials": { "username": "${env:U}", "password": "${env:P}" }'));
    expect(findings.map((finding) => [finding.ruleId, finding.message])).toEqual([
      [
        "required-property",
        'Missing required property "password" in configuration.session.proxy: it is written inside "credentials", which the API does not know, so it ignores it; it goes directly in configuration.session.proxy.',
      ],
    ]);
  });
});

it("count inside a top-level wrapper is one error saying it goes at the top level", () => {
  const findings = lint('{"batch": {"count": 5}}');
  expect(findings.map((finding) => [finding.ruleId, finding.pointer, finding.message])).toEqual([
    ["required-property", "/batch", 'Missing required property "count" in the request: it is written inside "batch", which the API does not know, so it ignores it; it goes directly at the top level.'],
  ]);
  expect(applyEdits('{"batch": {"count": 5}}', findings[0]!.suggestions![0]!.edits)).toBe('{"count": 5}');
});

// What the user sees when a required key is misspelt where it belongs: one error per key, through
// lint() and fix() with every rule on (required-property's table checks the rule alone).
import { describe, expect, it } from "vitest";
import { fix, lint } from "../src/index.js";
import { applyEdits } from "../src/fix.js";

describe("a missing property misspelt where it belongs, as the user sees it", () => {
  const text =
    '{\n  "Count": 10,\n  "configuration": {\n    "session": {\n' +
    '      "proxy": { "type": "custom", "active": true, "sever": "http://p.example.com:8080", "user": "${env:U}", "password": "${env:P}" }\n' +
    "    }\n  }\n}\n";

  it("one error per misspelt key, naming it, and no unknown-key warning beside it", () => {
    expect(lint(text).map((finding) => [finding.ruleId, finding.severity, finding.related?.map((related) => [related.pointer, related.range?.start.line])])).toEqual([
      ["required-property", "error", [["/Count", 2]]],
      ["required-property", "error", [["/configuration/session/proxy/sever", 5]]],
      ["required-property", "error", [["/configuration/session/proxy/user", 5]]],
    ]);
  });

  it("--fix renames the spelling variants, keeps every value, and leaves the guess (user) to the user", () => {
    const result = fix(text);
    expect(result.output).toBe(text.replace('"Count"', '"count"').replace('"sever"', '"server"'));
    expect(result.findings.map((finding) => [finding.ruleId, finding.suggestions?.map((suggestion) => suggestion.title)])).toEqual([["required-property", ['Rename "user" to "username"']]]);
  });

  it("a custom proxy's host and port: one finding, not three", () => {
    const findings = lint('{"count":1,"configuration":{"session":{"proxy":{"type":"custom","active":true,"host":"p.example.com","port":8080,"username":"${env:U}","password":"${env:P}"}}}}');
    expect(findings.map((finding) => [finding.ruleId, finding.related?.map((related) => related.pointer)])).toEqual([
      ["required-property", ["/configuration/session/proxy/host", "/configuration/session/proxy/port"]],
    ]);
  });
});

describe("a short required key one edit away", () => {
  it("an integration's \"ip\" for \"id\" is one finding, and the rename is only offered: two-letter words are not typos of each other", () => {
    const text = '{"count":1,"configuration":{"integrations":[{"ip":"550e8400-e29b-41d4-a716-446655440000","type":"1PASSWORD","configuration":{"load_mode":"all"}}]}}';
    expect(lint(text).map((finding) => [finding.ruleId, finding.suggestions?.map((suggestion) => suggestion.title)])).toEqual([["required-property", ['Rename "ip" to "id"']]]);
    expect(fix(text).output).toBe(text);
  });
});

describe("a required on/off key written as its opposite", () => {
  it("a proxy's \"inactive\": false is one error, offering \"active\": true, never \"did you mean active\" with the value kept", () => {
    const text = '{"count":1,"configuration":{"session":{"proxy":{"type":"anchor_residential","inactive":false}}}}';
    const findings = lint(text);
    expect(findings.map((finding) => [finding.ruleId, finding.message, finding.suggestions?.map((suggestion) => suggestion.title)])).toEqual([
      [
        "required-property",
        'Missing required property "active" in configuration.session.proxy (Enable or disable the proxy). "inactive" is written instead, which the API ignores; "active" means the opposite: did you mean "active": true?',
        ['Replace with "active": true'],
      ],
    ]);
    expect(fix(text).output).toBe(text);
    expect(applyEdits(text, findings[0]!.suggestions![0]!.edits!)).toBe(text.replace('"inactive":false', '"active":true'));
  });
});

import { expect, it } from "vitest";
import { fix, lint } from "../src/index.js";

// A move is announced as safe (--fix applies it) only when no other rule's error comes with it;
// otherwise it is offered, and the finding says what the move would cause.

const CUSTOM = '"type":"custom","active":true,"username":"${env:U}","password":"${env:P}"';

it("captcha_solver at the top level: the move would turn the solver on without a proxy, so it is only offered", () => {
  const text = '{"count":1,"captcha_solver":{"active":true},"recording":{"active":false}}';
  const findings = lint(text).filter((finding) => finding.ruleId === "known-property");
  expect(findings.map((finding) => [finding.pointer, finding.message, finding.fix?.safety, finding.suggestions?.map((suggestion) => suggestion.title)])).toEqual([
    ["/captcha_solver", '"captcha_solver" does not belong in the request; it belongs under configuration.browser. Moving it would give another error: CAPTCHA solver requires proxy to be active', undefined, ['Move "captcha_solver" to configuration.browser']],
    ["/recording", '"recording" does not belong in the request; it belongs under configuration.session.', "safe", undefined],
  ]);
  // --fix moves what is safe and leaves the solver where the user wrote it.
  expect(fix(text).output).toBe('{"count":1,"captcha_solver":{"active":true},"configuration":{"session":{"recording":{"active":false}}}}');
});

it("with the proxy moved too, the solver's move is safe in the next pass: --fix moves both", () => {
  const text = '{"count":1,"captcha_solver":{"active":true},"proxy":{"active":true,"type":"anchor_residential"}}';
  const result = fix(text);
  expect(JSON.parse(result.output!)).toEqual({ count: 1, configuration: { session: { proxy: { active: true, type: "anchor_residential" } }, browser: { captcha_solver: { active: true } } } });
  expect(result.findings).toEqual([]);
});

it("a custom proxy's server beside the proxy, without its port: the move is offered, saying the port is missing", () => {
  const text = `{"count":1,"configuration":{"session":{"server":"http://proxy.example.com","proxy":{${CUSTOM}}}}}`;
  const [finding, ...rest] = lint(text);
  expect(rest).toEqual([]);
  expect(finding!.ruleId).toBe("required-property");
  expect(finding!.message).toContain('It is written under configuration.session, where the API ignores it: move it here. Moving it would give another error: The proxy server "http://proxy.example.com" has no port;');
  expect(finding!.fix).toBeUndefined();
  expect(finding!.suggestions?.map((suggestion) => suggestion.title)).toEqual(['Move "server" here']);
  expect(fix(text).output).toBe(text);
});

it("every safe move announced by lint() is applied by fix(), and keeps every value the user wrote", () => {
  const texts = [
    `{"count":1,"configuration":{"session":{"server":"http://proxy.example.com:8080","proxy":{${CUSTOM}}}}}`,
    '{"configuration":{"count":2,"session":{"recording":{"active":false}}}}',
    '{"count":1,"recording":{"active":false},"headless":{"active":true}}',
    '{"count":1,"configuration":{"browser":{"recording":{"active":true},"timeout":{"max_duration":30}}}}',
  ];
  for (const text of texts) {
    const announced = lint(text).filter((finding) => finding.fix?.safety === "safe");
    expect(announced.length, text).toBeGreaterThan(0);
    const result = fix(text);
    expect(result.findings.filter((finding) => finding.fix?.safety === "safe"), text).toEqual([]);
    expect(result.findings.filter((finding) => finding.severity === "error"), text).toEqual([]);
    expect(leaves(JSON.parse(result.output!)).sort(), text).toEqual(leaves(JSON.parse(text)).sort());
  }
});

/** Every scalar the file holds, wherever it is. */
function leaves(value: unknown): string[] {
  if (value === null || typeof value !== "object") return [JSON.stringify(value)];
  return Object.values(value).flatMap(leaves);
}

it("persist beside the profile, its name not moved: --fix does not save an unnamed profile, and the finding says why", () => {
  const text = '{"count":1,"configuration":{"browser":{"name":"nightly","persist":true}}}';
  const persist = lint(text).find((finding) => finding.pointer === "/configuration/browser/persist")!;
  expect(persist.fix).toBeUndefined();
  expect(persist.message).toContain("Moving it would give a warning: persist is on but the profile has no name");
  expect(persist.suggestions?.map((suggestion) => suggestion.title)).toEqual(['Move "persist" to configuration.browser.profile']);
  expect(fix(text).output).toBe(text);
  // Written at the top level, the move would create configuration, browser and profile: the same.
  expect(fix('{"count":1,"persist":true}').output).toBe('{"count":1,"persist":true}');
});

it("a warning the move only lets another rule see elsewhere keeps the move safe: count moved beside a persisted profile", () => {
  const text = '{"configuration":{"count":5,"browser":{"profile":{"name":"p","persist":true}}}}';
  const result = fix(text);
  expect(JSON.parse(result.output!)).toEqual({ count: 5, configuration: { browser: { profile: { name: "p", persist: true } } } });
  expect(result.findings.map((finding) => finding.ruleId)).toEqual(["profile-persist"]);
});

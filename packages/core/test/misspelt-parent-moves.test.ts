import { expect, it } from "vitest";
import { fix, lint } from "../src/index.js";

// A move into an object the file has only misspelt ("Configuration", "sesion") must not create the
// object beside the misspelt one: the user's block would then be shadowed, its rename gone. When
// the misspelt object's rename is safe, --fix renames it first and moves into it.

const PROXY = '{"active":true,"type":"custom","server":"socks5://u:p@h:1","username":"${env:U}","password":"${env:P}"}';

it("headless beside a misspelt Configuration whose rename is not safe: only offered, and --fix leaves the block alive", () => {
  const text = '{"count":1,"headless":{"active":true},"Configuration":{"browsr":{"adblock":{"active":true}}}}';
  const headless = lint(text).find((finding) => finding.pointer === "/headless")!;
  expect(headless.message).toBe('"headless" does not belong in the request; it belongs under configuration.browser. The "configuration" it goes into is written "Configuration" in the request: rename that first, as moving it now would make a second "configuration" and leave "Configuration" ignored.');
  expect(headless.fix).toBeUndefined();
  expect(headless.suggestions?.map((suggestion) => suggestion.title)).toEqual(['Move "headless" to configuration.browser']);
  const result = fix(text);
  expect(result.output).toBe(text);
  expect(result.findings.find((finding) => finding.pointer === "/Configuration")!.message).toBe('Unknown property "Configuration" in the request; did you mean "configuration"?');
});

it("a misspelt parent whose rename is not safe is never shadowed by a new one: sesion, Browser, SESSION", () => {
  for (const [text, misspelt, written] of [
    [`{"count":1,"configuration":{"sesion":{"proxy":${PROXY}},"browser":{"initial_url":"https://example.com"}}}`, "/configuration/sesion", "sesion"],
    ['{"count":1,"configuration":{"Browser":{"adblok":{"active":true}},"headless":{"active":true}}}', "/configuration/Browser", "Browser"],
    ['{"count":1,"configuration":{"SESSION":{"recordng":{"active":true}},"browser":{"initial_url":"https://example.com"}}}', "/configuration/SESSION", "SESSION"],
  ] as const) {
    const moved = lint(text).find((finding) => finding.ruleId === "known-property" && finding.pointer !== misspelt)!;
    expect(moved.message, text).toContain(`it goes into is written ${JSON.stringify(written)} in configuration: rename that first`);
    expect(moved.fix, text).toBeUndefined();
    expect(moved.suggestions?.length, text).toBe(1);
    const result = fix(text);
    expect(result.output, text).toBe(text);
    expect(result.findings.find((finding) => finding.pointer === misspelt)!.message, text).toContain("did you mean");
  }
});

it("a misspelt parent whose rename is safe: both fixes are announced, and --fix moves into the renamed object", () => {
  for (const [text, output] of [
    ['{"count":1,"configuration":{"Browser":{"adblock":{"active":true}},"headless":{"active":true}}}', '{"count":1,"configuration":{"browser":{"adblock":{"active":true},"headless":{"active":true}}}}'],
    ['{"count":1,"configuration":{"browsers":{"adblock":{"active":true}},"headless":{"active":true}}}', '{"count":1,"configuration":{"browser":{"adblock":{"active":true},"headless":{"active":true}}}}'],
    ['{"count":1,"configuration":{"SESSION":{"recording":{"active":true}},"browser":{"initial_url":"https://example.com"}}}', '{"count":1,"configuration":{"session":{"recording":{"active":true},"initial_url":"https://example.com"},"browser":{}}}'],
    ['{"count":1,"configuration":{"sessions":{"recording":{"active":true}},"browser":{"initial_url":"https://example.com"}}}', '{"count":1,"configuration":{"session":{"recording":{"active":true},"initial_url":"https://example.com"},"browser":{}}}'],
    ['{"count":1,"configuration":{"sesion":{"recording":{"active":true}},"browser":{"initial_url":"https://example.com"}}}', '{"count":1,"configuration":{"session":{"recording":{"active":true},"initial_url":"https://example.com"},"browser":{}}}'],
  ] as const) {
    expect(lint(text).map((finding) => finding.fix?.safety), text).toEqual(["safe", "safe"]);
    const result = fix(text);
    expect(result.output, text).toBe(output);
    expect(result.findings, text).toEqual([]);
  }
});

import rule from "../../src/rules/one-time-url-requires-headful.js";
import { describe, expect, it } from "vitest";
import { lintWithRule, ruleTester } from "../rule-tester.js";

const MESSAGE =
  "one_time_url requires a headful browser, but headless is on; set browser.headless.active to false or drop one_time_url.";

const config = (headless: unknown, oneTimeUrl: unknown) => ({
  count: 1,
  configuration: { browser: { headless: { active: headless } }, session: { live_view: { one_time_url: oneTimeUrl } } },
});

ruleTester(rule, {
  valid: [
    { count: 1 },
    config(false, true),
    config(true, false),
    // headless is off by default: a one-time URL without a headless setting works.
    { count: 1, configuration: { session: { live_view: { one_time_url: true } } } },
    { count: 1, configuration: { browser: { headless: {} }, session: { live_view: { one_time_url: true } } } },
    // one_time_url is off by default: a headless browser alone asks for nothing it cannot give.
    { count: 1, configuration: { browser: { headless: { active: true } }, session: { live_view: {} } } },
    { count: 1, configuration: { browser: { headless: { active: true } }, session: { live_view: { read_only: true } } } },
    config("true", true),
    config(true, "true"),
  ],
  invalid: [
    {
      code: config(true, true),
      errors: [
        {
          message: MESSAGE,
          pointer: "/configuration/session/live_view/one_time_url",
          line: 11,
          column: 25,
          endLine: 11,
          endColumn: 29,
        },
      ],
    },
    {
      code: '{"count": 2, "configuration": {"session": {"live_view": {"one_time_url": true}}, "browser": {"headless": {"active": true}}}}',
      errors: [{ message: MESSAGE, pointer: "/configuration/session/live_view/one_time_url", line: 1, column: 74, endLine: 1, endColumn: 78 }],
    },
  ],
});

describe("one-time-url-requires-headful related information", () => {
  it("points at headless.active", () => {
    const [finding] = lintWithRule(rule, JSON.stringify(config(true, true), null, 2));
    expect(finding?.related?.map((related) => [related.pointer, related.range?.start.line, related.range?.start.column])).toEqual([
      ["/configuration/browser/headless/active", 6, 19],
    ]);
  });
});

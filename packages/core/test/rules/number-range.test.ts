import rule from "../../src/rules/number-range.js";
import { describe, expect, it } from "vitest";
import { fix, lint } from "../../src/index.js";
import { ruleTester } from "../rule-tester.js";

const timeout = (value: Record<string, unknown>) => ({ count: 1, configuration: { session: { timeout: value } } });
const viewport = (value: Record<string, unknown>) => ({ count: 1, configuration: { browser: { viewport: value } } });

ruleTester(rule, {
  valid: [
    { count: 1 },
    timeout({ max_duration: 20, idle_timeout: 5 }),
    // -1 disables either limit.
    timeout({ max_duration: -1, idle_timeout: -1 }),
    timeout({ max_duration: 1 }),
    // An idle_timeout of 0 stops the session once its last connection closes: nothing says the API refuses it.
    timeout({ max_duration: 20, idle_timeout: 0 }),
    viewport({ width: 1440, height: 900 }),
    viewport({ width: 1, height: 1 }),
    // Fractions and strings are valid-type's "integer" findings, reported once, there.
    timeout({ max_duration: 2.5, idle_timeout: "10" }),
    viewport({ width: 0.5, height: null }),
    // Values elsewhere are not timeouts.
    { count: 1, metadata: { timeout: { max_duration: 0 } } },
    { count: 1, configuration: { session: { timeout: 0 } } },
    // Up to a day, and longer values no unit explains, are taken as written.
    timeout({ max_duration: 1440, idle_timeout: 300 }),
    timeout({ max_duration: 10001 }),
  ],
  invalid: [
    {
      name: "milliseconds where minutes are meant: a warning with the minutes it would be",
      code: '{"count":1,"configuration":{"session":{"timeout":{"max_duration":1800000}}}}',
      errors: [
        {
          message: '"max_duration" is in minutes: 1800000 minutes is 3.4 years. If it is milliseconds, that is 30 minutes: did you mean 30?',
          severity: "warning",
          pointer: "/configuration/session/timeout/max_duration",
          suggestions: ["Replace with 30 (minutes)"],
        },
      ],
      output: '{"count":1,"configuration":{"session":{"timeout":{"max_duration":30}}}}',
      safeOutput: '{"count":1,"configuration":{"session":{"timeout":{"max_duration":1800000}}}}',
    },
    {
      name: "seconds where minutes are meant, both timeouts",
      code: timeout({ max_duration: 1800, idle_timeout: 3600 }),
      errors: [
        { message: '"max_duration" is in minutes: 1800 minutes is 30 hours. If it is seconds, that is 30 minutes: did you mean 30?', severity: "warning" },
        { message: '"idle_timeout" is in minutes: 3600 minutes is 2.5 days. If it is seconds, that is 60 minutes: did you mean 60?', severity: "warning" },
      ],
    },
    {
      name: "a max_duration of 0: a warning (nothing documents 0), with -1 suggested",
      code: timeout({ max_duration: 0, idle_timeout: 5 }),
      errors: [
        {
          message: '"max_duration" of 0 minutes would end each session as soon as it starts (the API documents -1 for no limit and defaults to 20); did you mean -1?',
          severity: "warning",
          pointer: "/configuration/session/timeout/max_duration",
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 26,
          suggestions: ["Replace with -1 (no limit)"],
        },
      ],
      output: JSON.stringify({ count: 1, configuration: { session: { timeout: { max_duration: -1, idle_timeout: 5 } } } }, null, 2),
    },
    {
      name: "other negative numbers than -1",
      code: timeout({ max_duration: -5, idle_timeout: -2 }),
      errors: [
        { message: '"max_duration" must be a positive number of minutes or -1 for no limit; found -5.', pointer: "/configuration/session/timeout/max_duration" },
        { message: '"idle_timeout" must be a positive number of minutes or -1 for no limit; found -2.', pointer: "/configuration/session/timeout/idle_timeout" },
      ],
    },
    {
      name: "numbers are quoted as written",
      code: '{"count": 1, "configuration": {"session": {"timeout": {"max_duration": -0}}}}',
      errors: [{ message: '"max_duration" must be a positive number of minutes or -1 for no limit; found -0.', column: 72, endColumn: 74 }],
    },
    {
      name: "a number too large to be finite (the schema's integer check lets it through)",
      code: '{"count": 1, "configuration": {"session": {"timeout": {"max_duration": 1e400}}}}',
      errors: [{ message: '"max_duration" must be a positive number of minutes or -1 for no limit; found 1e400, which is out of range.' }],
    },
    {
      code: viewport({ width: 0, height: -900 }),
      errors: [
        {
          message: '"width" must be a positive number of pixels; found 0.',
          pointer: "/configuration/browser/viewport/width",
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 19,
        },
        { message: '"height" must be a positive number of pixels; found -900.', pointer: "/configuration/browser/viewport/height" },
      ],
    },
    {
      name: "-1 means no limit for timeouts only",
      code: viewport({ width: -1 }),
      errors: [{ message: '"width" must be a positive number of pixels; found -1.' }],
    },
  ],
});

describe("a timeout in the wrong unit, as the user sees it", () => {
  it("one finding for idle_timeout in milliseconds, not also timeout-order's; --fix leaves the guess to the user", () => {
    const text = '{\n  "count": 1,\n  "configuration": { "session": { "timeout": { "max_duration": 30, "idle_timeout": 300000 } } }\n}\n';
    const findings = lint(text);
    expect(findings.map((finding) => [finding.ruleId, finding.severity, finding.range?.start.line])).toEqual([["number-range", "warning", 3]]);
    expect(findings[0]!.suggestions?.map((suggestion) => suggestion.title)).toEqual(["Replace with 5 (minutes)"]);
    expect(fix(text, { unsafe: true }).output).toBe(text);
  });
});

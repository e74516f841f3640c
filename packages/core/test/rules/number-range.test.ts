import rule from "../../src/rules/number-range.js";
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
    viewport({ width: 1440, height: 900 }),
    viewport({ width: 1, height: 1 }),
    // Fractions and strings are valid-type's "integer" findings, reported once, there.
    timeout({ max_duration: 2.5, idle_timeout: "10" }),
    viewport({ width: 0.5, height: null }),
    // Values elsewhere are not timeouts.
    { count: 1, metadata: { timeout: { max_duration: 0 } } },
    { count: 1, configuration: { session: { timeout: 0 } } },
  ],
  invalid: [
    {
      code: timeout({ max_duration: 20, idle_timeout: 0 }),
      errors: [
        {
          message: '"idle_timeout" must be a positive number of minutes or -1 for no limit; found 0.',
          pointer: "/configuration/session/timeout/idle_timeout",
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 26,
        },
      ],
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

import { describe, expect, it } from "vitest";
import rule from "../../src/rules/count-range.js";
import { validate } from "../../src/index.js";
import { ruleTester } from "../rule-tester.js";

const ABOVE_DEFAULT =
  " The API enforces 1000 although its page mentions up to 5,000; if your account allows more, set maxCount in the anchor-lint config.";
const ABOVE_CONFIGURED = " The limit is maxCount in the anchor-lint config.";

ruleTester(rule, {
  valid: [
    { count: 1 },
    { count: 1000 },
    { count: 10, configuration: {} },
    // 1.0 and 1e3 are whole numbers, as JSON Schema's "integer" counts them.
    '{"count": 1.0}',
    '{"count": 1e3}',
    // Missing or mistyped counts are required-property's and valid-type's findings.
    {},
    { count: "10" },
    { count: null },
    "[]",
    { code: { count: 5000 }, config: { maxCount: 5000 } },
  ],
  invalid: [
    {
      name: "the spec's own large_batch example",
      code: '{\n  "count": 2500,\n  "configuration": {}\n}',
      errors: [
        {
          message: "Session count must be between 1 and 1000 (found 2500)." + ABOVE_DEFAULT,
          pointer: "/count",
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 16,
        },
      ],
    },
    { code: { count: 0 }, errors: [{ message: "Session count must be between 1 and 1000 (found 0).", pointer: "/count" }] },
    { code: { count: -3 }, errors: [{ message: "Session count must be between 1 and 1000 (found -3)." }] },
    { code: { count: 1001 }, errors: [{ message: "Session count must be between 1 and 1000 (found 1001)." + ABOVE_DEFAULT }] },
    {
      name: "an explicit maxCount of 1000 is the default, and named as such",
      code: { count: 1001 },
      config: { maxCount: 1000 },
      errors: [{ message: "Session count must be between 1 and 1000 (found 1001)." + ABOVE_DEFAULT }],
    },
    {
      name: "below the range, the limit is not the question: no word on maxCount",
      code: { count: 0 },
      config: { maxCount: 5000 },
      errors: [{ message: "Session count must be between 1 and 5000 (found 0)." }],
    },
    {
      name: "a fraction",
      code: '{"count": 2.5}',
      errors: [{ message: "Session count must be between 1 and 1000 (found 2.5, not a whole number).", line: 1, column: 11, endColumn: 14 }],
    },
    {
      name: "a number too large to be finite is quoted as written, not as Infinity",
      code: '{"count": 1e400}',
      errors: [{ message: "Session count must be between 1 and 1000 (found 1e400)." + ABOVE_DEFAULT, line: 1, column: 11, endColumn: 16 }],
    },
    {
      name: "the configured limit is the one named",
      code: { count: 5001 },
      config: { maxCount: 5000 },
      errors: [{ message: "Session count must be between 1 and 5000 (found 5001)." + ABOVE_CONFIGURED }],
    },
    {
      name: "a lowered limit",
      code: { count: 20 },
      config: { maxCount: 10 },
      errors: [{ message: "Session count must be between 1 and 10 (found 20)." + ABOVE_CONFIGURED }],
    },
  ],
});

describe("count-range without source text", () => {
  it("reports an in-memory value with its number", () => {
    const findings = validate({ count: 0 }).filter((finding) => finding.ruleId === "count-range");
    expect(findings.map((finding) => [finding.pointer, finding.message])).toEqual([
      ["/count", "Session count must be between 1 and 1000 (found 0)."],
    ]);
  });
});

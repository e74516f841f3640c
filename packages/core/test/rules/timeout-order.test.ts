import rule from "../../src/rules/timeout-order.js";
import { describe, expect, it } from "vitest";
import { lintWithRule, ruleTester } from "../rule-tester.js";

const timeout = (value: unknown) => ({ count: 1, configuration: { session: { timeout: value } } });

const message = (idle: number, max: number) =>
  `idle_timeout (${idle} minutes) is longer than max_duration (${max} minutes): ` +
  `every session ends at ${max} minutes before it could stay idle that long. ` +
  `Lower idle_timeout to at most ${max} or raise max_duration.`;

ruleTester(rule, {
  valid: [
    { count: 1 },
    timeout({}),
    timeout({ max_duration: 300, idle_timeout: 10 }),
    timeout({ max_duration: 10, idle_timeout: 10 }),
    // -1 is "no limit": an unbounded session may idle as long as it likes, and never idling out is bounded by max.
    timeout({ max_duration: -1, idle_timeout: 60 }),
    timeout({ max_duration: 5, idle_timeout: -1 }),
    // Defaults are not filled in: max 3 against the default idle of 5 is not reported.
    timeout({ max_duration: 3 }),
    timeout({ idle_timeout: 30 }),
    // Out-of-range and mistyped values belong to number-range and valid-type.
    timeout({ max_duration: 0, idle_timeout: 10 }),
    timeout({ max_duration: -5, idle_timeout: 10 }),
    timeout({ max_duration: "5", idle_timeout: 10 }),
    timeout({ max_duration: 5.5, idle_timeout: 10 }),
    timeout([5, 10]),
  ],
  invalid: [
    {
      code: timeout({ max_duration: 20, idle_timeout: 30 }),
      errors: [
        {
          message: message(30, 20),
          pointer: "/configuration/session/timeout/idle_timeout",
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 27,
        },
      ],
    },
    {
      code: timeout({ idle_timeout: 11, max_duration: 10 }),
      errors: [{ message: message(11, 10), pointer: "/configuration/session/timeout/idle_timeout" }],
    },
  ],
});

describe("timeout-order related information", () => {
  it("points at max_duration", () => {
    const [finding] = lintWithRule(rule, JSON.stringify(timeout({ max_duration: 20, idle_timeout: 30 }), null, 2));
    expect(finding?.related?.map((related) => [related.pointer, related.message, related.range?.start.line, related.range?.start.column])).toEqual([
      ["/configuration/session/timeout/max_duration", "sessions end after 20 minutes", 6, 25],
    ]);
  });
});

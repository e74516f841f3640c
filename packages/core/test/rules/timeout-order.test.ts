import rule from "../../src/rules/timeout-order.js";
import { describe, expect, it } from "vitest";
import { lintWithRule, ruleTester } from "../rule-tester.js";

const timeout = (value: unknown) => ({ count: 1, configuration: { session: { timeout: value } } });

const defaultMessage = (idle: number) =>
  `idle_timeout (${idle} minutes) is longer than max_duration: max_duration is not set, so it is 20 minutes, ` +
  `and every session ends at 20 minutes before it could stay idle that long. ` +
  `Lower idle_timeout to at most 20 or set max_duration.`;

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
    // A max_duration below the default idle_timeout (5) only ends sessions sooner, as asked: not reported.
    timeout({ max_duration: 3 }),
    // An omitted max_duration is its default, 20 minutes, not "no limit".
    timeout({ idle_timeout: 20 }),
    // An idle_timeout written in milliseconds or seconds is number-range's finding, the one mistake.
    timeout({ max_duration: 30, idle_timeout: 300000 }),
    timeout({ idle_timeout: 1800 }),
    timeout({ idle_timeout: -1 }),
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
      name: "max_duration not set: its default, 20 minutes, is compared, and the message says so",
      code: timeout({ idle_timeout: 30 }),
      errors: [{ message: defaultMessage(30), pointer: "/configuration/session/timeout/idle_timeout", line: 6, column: 25, endLine: 6, endColumn: 27 }],
    },
    {
      name: "max_duration not set, beside other timeout keys",
      code: timeout({ idle_timeout: 21 }),
      errors: [{ message: defaultMessage(21) }],
    },
    {
      code: timeout({ idle_timeout: 11, max_duration: 10 }),
      errors: [{ message: message(11, 10), pointer: "/configuration/session/timeout/idle_timeout" }],
    },
  ],
});

describe("timeout-order related information", () => {
  it("points at the timeout object when max_duration is not set", () => {
    const [finding] = lintWithRule(rule, JSON.stringify(timeout({ idle_timeout: 30 }), null, 2));
    expect(finding?.related?.map((related) => [related.pointer, related.message, related.range?.start.line, related.range?.start.column])).toEqual([
      ["/configuration/session/timeout", "max_duration is not set here, so sessions end after 20 minutes.", 5, 7],
    ]);
  });

  it("points at max_duration", () => {
    const [finding] = lintWithRule(rule, JSON.stringify(timeout({ max_duration: 20, idle_timeout: 30 }), null, 2));
    expect(finding?.related?.map((related) => [related.pointer, related.message, related.range?.start.line, related.range?.start.column])).toEqual([
      ["/configuration/session/timeout/max_duration", "sessions end after 20 minutes", 6, 25],
    ]);
  });
});

import rule from "../../src/rules/profile-persist.js";
import { describe, expect, it } from "vitest";
import { lintWithRule, ruleTester } from "../rule-tester.js";

const NO_NAME =
  "persist is on but the profile has no name, so the saved profile cannot be found again; add profile.name.";
const EMPTY_NAME = "persist is on but the profile name is empty; give the profile a name to save it under.";
const batch = (count: number) =>
  `persist is on for a batch of ${count} sessions: each one saves its state into the same profile when it ends, ` +
  "so what the profile holds afterwards depends on which session finished last. Persist from a single session (count 1).";

const profile = (value: unknown, count: unknown = 1) => ({ count, configuration: { browser: { profile: value } } });
const PERSIST = "/configuration/browser/profile/persist";

ruleTester(rule, {
  valid: [
    { count: 1 },
    profile({ name: "shop", persist: true }),
    profile({ persist: false }),
    profile({ name: "shop" }, 20),
    // Loading a named profile in many sessions is fine as long as they do not save it.
    profile({ name: "shop", persist: false }, 20),
    profile({ persist: "true" }, 20),
    // A name of the wrong type is valid-type's finding; a wrong count is count-range's.
    profile({ name: 42, persist: true }),
    profile({ name: "shop", persist: true }, "20"),
    profile({ name: "shop", persist: true }, 1.5),
  ],
  invalid: [
    {
      code: profile({ persist: true }),
      errors: [{ message: NO_NAME, pointer: PERSIST, line: 6, column: 20, endLine: 6, endColumn: 24 }],
    },
    {
      code: profile({ name: "  ", persist: true }),
      errors: [{ message: EMPTY_NAME, pointer: PERSIST }],
    },
    {
      code: profile({ name: "shop", persist: true }, 2),
      errors: [{ message: batch(2), pointer: PERSIST, line: 7, column: 20, endLine: 7, endColumn: 24 }],
    },
    {
      // Two separate mistakes, two findings.
      code: profile({ persist: true }, 50),
      errors: [
        { message: NO_NAME, pointer: PERSIST },
        { message: batch(50), pointer: PERSIST },
      ],
    },
  ],
});

describe("profile-persist related information", () => {
  it("points the batch finding at count", () => {
    const findings = lintWithRule(rule, JSON.stringify(profile({ name: "shop", persist: true }, 5), null, 2));
    expect(findings.map((finding) => finding.related?.map((related) => [related.pointer, related.range?.start.line]))).toEqual([
      [["/count", 2]],
    ]);
  });
});

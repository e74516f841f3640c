import rule from "../../src/rules/popup-blocker-requires-adblock.js";
import { describe, expect, it } from "vitest";
import { lintWithRule, ruleTester } from "../rule-tester.js";

const MESSAGE =
  "The popup blocker is on but adblock is off; the popup blocker requires adblock, so no popups are blocked. " +
  "Turn adblock on or turn the popup blocker off.";

const browser = (value: unknown) => ({ count: 1, configuration: { browser: value } });

ruleTester(rule, {
  valid: [
    { count: 1 },
    browser({}),
    // Turning adblock off alone is a choice that does what it says: the popup blocker, only on by
    // default, is not the user's setting, so nothing the user wrote is made pointless.
    browser({ adblock: { active: false } }),
    browser({ adblock: { active: false }, popup_blocker: {} }),
    // adblock not set is adblock on (its default): the popup blocker works.
    browser({ adblock: {}, popup_blocker: { active: true } }),
    browser({ adblock: { active: true }, popup_blocker: { active: true } }),
    browser({ popup_blocker: { active: true } }),
    browser({ adblock: { active: false }, popup_blocker: { active: false } }),
    // Wrong types are the schema rules' findings.
    browser({ adblock: { active: "false" }, popup_blocker: { active: true } }),
    browser({ adblock: false, popup_blocker: { active: true } }),
  ],
  invalid: [
    {
      code: browser({ adblock: { active: false }, popup_blocker: { active: true } }),
      errors: [
        {
          message: MESSAGE,
          pointer: "/configuration/browser/popup_blocker/active",
          line: 9,
          column: 19,
          endLine: 9,
          endColumn: 23,
        },
      ],
    },
    {
      code: browser({ popup_blocker: { active: true }, adblock: { active: false } }),
      errors: [{ message: MESSAGE, pointer: "/configuration/browser/popup_blocker/active" }],
    },
  ],
});

describe("popup-blocker-requires-adblock related information", () => {
  it("points at the adblock setting that turns it off", () => {
    const code = JSON.stringify(browser({ adblock: { active: false }, popup_blocker: { active: true } }), null, 2);
    const [finding] = lintWithRule(rule, code);
    expect(finding?.related?.map((related) => [related.pointer, related.range?.start.line, related.range?.start.column])).toEqual([
      ["/configuration/browser/adblock/active", 6, 19],
    ]);
  });
});

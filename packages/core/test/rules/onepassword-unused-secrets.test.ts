import { describe, expect, it } from "vitest";
import rule from "../../src/rules/onepassword-unused-secrets.js";
import { applyEdits } from "../../src/fix.js";
import { lintWithRule, ruleTester } from "../rule-tester.js";

const ID = "550e8400-e29b-41d4-a716-446655440000";
const MESSAGE =
  'These secrets are ignored: load_mode "all" loads every secret the integration can reach. ' +
  'Remove the list, or set load_mode to "specific" to load only these.';

const integration = (configuration: unknown) => ({ id: ID, type: "1PASSWORD", configuration });
const request = (...integrations: unknown[]) => ({ count: 1, configuration: { integrations } });
const text = (value: unknown) => JSON.stringify(value, null, 2);

ruleTester(rule, {
  valid: [
    { count: 1 },
    request(integration({ load_mode: "all" })),
    request(integration({ load_mode: "specific", secrets: ["op://dev/Stripe/key"] })),
    // An unknown load mode is valid-enum's finding; a secrets value of the wrong type is valid-type's.
    request(integration({ load_mode: "ALL", secrets: ["op://dev/Stripe/key"] })),
    request(integration({ load_mode: "all", secrets: "op://dev/Stripe/key" })),
    request("not an integration"),
  ],
  invalid: [
    {
      code: request(integration({ load_mode: "all", secrets: ["op://dev/Stripe/key"] })),
      errors: [
        {
          message: MESSAGE,
          pointer: "/configuration/integrations/0/configuration/secrets",
          severity: "warning",
          // On the key: "secrets".
          line: 10,
          column: 11,
          endLine: 10,
          endColumn: 20,
        },
      ],
      output: text(request(integration({ load_mode: "all" }))),
    },
    {
      name: "secrets written before load_mode, in the second integration",
      code: request(
        integration({ load_mode: "specific", secrets: ["op://a/b/c"] }),
        integration({ secrets: [], load_mode: "all" }),
      ),
      errors: [{ message: MESSAGE, pointer: "/configuration/integrations/1/configuration/secrets" }],
      output: text(
        request(integration({ load_mode: "specific", secrets: ["op://a/b/c"] }), integration({ load_mode: "all" })),
      ),
    },
  ],
});

describe("onepassword-unused-secrets suggestions", () => {
  it("offers switching load_mode to specific, which keeps the list", () => {
    const code = text(request(integration({ load_mode: "all", secrets: ["op://dev/Stripe/key"] })));
    const [finding] = lintWithRule(rule, code);
    expect(finding?.fix?.safety).toBe("unsafe");
    expect(finding?.suggestions?.map((suggestion) => [suggestion.title, suggestion.safety])).toEqual([
      ['Set load_mode to "specific" to load only the listed secrets', "unsafe"],
    ]);
    expect(applyEdits(code, finding!.suggestions![0]!.edits)).toBe(
      text(request(integration({ load_mode: "specific", secrets: ["op://dev/Stripe/key"] }))),
    );
  });

  it('does not offer "specific" for an empty list, which that mode rejects', () => {
    const [finding] = lintWithRule(rule, text(request(integration({ load_mode: "all", secrets: [] }))));
    expect(finding?.fix).toBeDefined();
    expect(finding?.suggestions).toBeUndefined();
  });
});

import { expect, it } from "vitest";
import rule from "../../src/rules/min-items.js";
import { fix, lint } from "../../src/index.js";
import { ruleTester } from "../rule-tester.js";

const ID = "550e8400-e29b-41d4-a716-446655440000";
const onePassword = (configuration: object) => ({ count: 1, configuration: { integrations: [{ id: ID, type: "1PASSWORD", configuration }] } });
const EMPTY_SECRETS = (index: number) =>
  `"secrets" (configuration.integrations[${index}].configuration.secrets) must list at least 1 item; it is empty. ` +
  'List at least one reference such as "op://vault/item/field", or set load_mode to "all".';

ruleTester(rule, {
  valid: [
    { count: 1 },
    onePassword({ load_mode: "specific", secrets: ["op://vault/item/field"] }),
    // Other lists may be empty: no extensions, no tags, no integrations.
    { count: 1, configuration: { browser: { extensions: [] }, session: { tags: [] }, integrations: [], identities: [] } },
    // Under "all" the list is ignored whatever it holds: onepassword-unused-secrets reports it, once.
    onePassword({ load_mode: "all", secrets: [] }),
    // "ALL" is valid-enum's finding, and its fix makes it "all": the empty list is no second mistake.
    onePassword({ load_mode: "ALL", secrets: [] }),
    // A missing list is required-property's; a list of the wrong type is valid-type's.
    onePassword({ load_mode: "specific" }),
    onePassword({ load_mode: "specific", secrets: "op://vault/item/field" }),
  ],
  invalid: [
    {
      name: "specific with an empty list: on the list",
      code: onePassword({ load_mode: "specific", secrets: [] }),
      errors: [{ message: EMPTY_SECRETS(0), pointer: "/configuration/integrations/0/configuration/secrets", line: 10, column: 22, endLine: 10, endColumn: 24 }],
    },
    {
      name: "an empty list written over several lines covers all of them",
      code: '{\n  "count": 1,\n  "configuration": {\n    "integrations": [\n      { "id": "' + ID + '", "type": "1PASSWORD", "configuration": { "load_mode": "specific", "secrets": [\n      ] } }\n    ]\n  }\n}',
      errors: [{ message: EMPTY_SECRETS(0), pointer: "/configuration/integrations/0/configuration/secrets", line: 5, column: 131, endLine: 6, endColumn: 8 }],
    },
    {
      name: "a load_mode in the wrong case still wants the list (valid-enum fixes the case)",
      code: onePassword({ load_mode: "Specific", secrets: [] }),
      errors: [{ message: EMPTY_SECRETS(0), pointer: "/configuration/integrations/0/configuration/secrets" }],
    },
    {
      name: "the second integration is named by its index",
      code: {
        count: 1,
        configuration: {
          integrations: [
            { id: ID, type: "1PASSWORD", configuration: { load_mode: "all" } },
            { id: "6ba7b810-9dad-11d1-80b4-00c04fd430c8", type: "1PASSWORD", configuration: { load_mode: "specific", secrets: [] } },
          ],
        },
      },
      errors: [{ message: EMPTY_SECRETS(1), pointer: "/configuration/integrations/1/configuration/secrets" }],
    },
  ],
});

it('an empty list under load_mode "all" is one warning in all, not also an error', () => {
  const findings = lint(JSON.stringify(onePassword({ load_mode: "all", secrets: [] }), null, 2));
  expect(findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([["onepassword-unused-secrets", "warning"]]);
});

it('load_mode "ALL" with an empty list: one error, the case, and after --fix only the list that "all" ignores is left', () => {
  const text = JSON.stringify(onePassword({ load_mode: "ALL", secrets: [] }), null, 2);
  expect(lint(text).map((finding) => [finding.ruleId, finding.severity])).toEqual([["valid-enum", "error"]]);
  expect(lint(fix(text).output).map((finding) => finding.ruleId)).toEqual(["onepassword-unused-secrets"]);
});

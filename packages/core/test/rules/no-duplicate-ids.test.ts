import rule from "../../src/rules/no-duplicate-ids.js";
import { ruleTester } from "../rule-tester.js";

const A = "0b0b9a52-7d1c-4c55-9a34-3d1f6e2b8c11";
const B = "7f3e2a10-5b6c-4d8e-9f01-23456789abcd";
const text = (value: unknown) => JSON.stringify(value, null, 2);

const extensions = (list: unknown) => ({ count: 1, configuration: { browser: { extensions: list } } });
const onePassword = (id: string, secrets: unknown) => ({
  id,
  type: "1PASSWORD",
  configuration: { load_mode: "specific", secrets },
});
const integrations = (...list: unknown[]) => ({ count: 1, configuration: { integrations: list } });
const identities = (...ids: unknown[]) => ({ count: 1, configuration: { identities: ids.map((id) => ({ id })) } });

ruleTester(rule, {
  valid: [
    { count: 1 },
    extensions([A, B]),
    extensions([]),
    // Wrong types are the schema rules' findings.
    extensions([A, 1, 1]),
    extensions(A),
    integrations(onePassword(A, ["op://a/b/c"]), onePassword(B, ["op://a/b/c"])),
    // The same reference in two integrations may point into two accounts.
    integrations(onePassword(A, ["op://dev/item/field"]), onePassword(B, ["op://dev/item/field"])),
    integrations(onePassword(A, ["op://dev/item/field", "op://dev/item/other"])),
    integrations({ type: "1PASSWORD" }, { type: "1PASSWORD" }),
    identities("id-1", "id-2"),
    // Identity ids have no documented format: only identical strings are repeats.
    identities("abc", "ABC"),
    { count: 1, configuration: { identities: [{}, {}, "x", "x"] } },
  ],
  invalid: [
    {
      code: extensions([A, B, A]),
      errors: [
        {
          message: `Extension "${A}" is listed more than once (first at index 0).`,
          pointer: "/configuration/browser/extensions/2",
          severity: "warning",
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 47,
        },
      ],
      output: text(extensions([A, B])),
    },
    {
      name: "every repeat is reported against the first; all fixes together leave one",
      code: extensions([A, A, A.toUpperCase()]),
      errors: [
        { message: `Extension "${A}" is listed more than once (first at index 0).`, pointer: "/configuration/browser/extensions/1" },
        {
          message:
            `Extension "${A.toUpperCase()}" is listed more than once (first at index 0, as "${A}": ` +
            "extension ids are UUIDs, which ignore case).",
          pointer: "/configuration/browser/extensions/2",
        },
      ],
      output: text(extensions([A])),
    },
    {
      name: "compact formatting is kept",
      code: `{"count": 1, "configuration": {"browser": {"extensions": ["${A}", "${B}", "${B}"]}}}`,
      errors: [{ pointer: "/configuration/browser/extensions/2", line: 1, column: 139, endLine: 1, endColumn: 177 }],
      output: `{"count": 1, "configuration": {"browser": {"extensions": ["${A}", "${B}"]}}}`,
    },
    {
      name: "repeated integration ids: no fix, the entries may differ",
      code: integrations(onePassword(A, ["op://a/b/c"]), onePassword(A.toUpperCase(), ["op://x/y/z"])),
      errors: [
        {
          message:
            `Integration id "${A.toUpperCase()}" is listed more than once (first at index 0, as "${A}": ` +
            "integration ids are UUIDs, which ignore case).",
          pointer: "/configuration/integrations/1/id",
        },
      ],
      output: text(integrations(onePassword(A, ["op://a/b/c"]), onePassword(A.toUpperCase(), ["op://x/y/z"]))),
    },
    {
      code: identities("id-1", "id-2", "id-1"),
      errors: [{ message: 'Identity id "id-1" is listed more than once (first at index 0).', pointer: "/configuration/identities/2/id" }],
    },
    {
      name: "secrets are compared without case, within one integration",
      code: integrations(onePassword(A, ["op://dev/Stripe/key", "op://dev/other/key", "OP://Dev/stripe/KEY"])),
      errors: [
        {
          message:
            'Secret "OP://Dev/stripe/KEY" is listed more than once (first at index 0, as "op://dev/Stripe/key": ' +
            "1Password matches secret references without regard to case).",
          pointer: "/configuration/integrations/0/configuration/secrets/2",
        },
      ],
      output: text(integrations(onePassword(A, ["op://dev/Stripe/key", "op://dev/other/key"]))),
    },
  ],
});

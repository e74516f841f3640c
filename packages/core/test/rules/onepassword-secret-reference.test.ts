import rule from "../../src/rules/onepassword-secret-reference.js";
import { ruleTester } from "../rule-tester.js";

const ID = "550e8400-e29b-41d4-a716-446655440000";
const SHAPE = '"op://<vault>/<item>[/<section>]/<field>"';

const withSecrets = (secrets: unknown, extra: Record<string, unknown> = {}) => ({
  count: 1,
  configuration: {
    integrations: [{ id: ID, type: "1PASSWORD", configuration: { load_mode: "specific", secrets }, ...extra }],
  },
});
const secretPointer = (index: number, integration = 0) =>
  `/configuration/integrations/${integration}/configuration/secrets/${index}`;

/** One invalid case per reference: the finding is on that secret and says exactly this. */
const invalidOne = (secret: string, message: string) => ({
  name: secret,
  code: withSecrets([secret]),
  errors: [{ message, pointer: secretPointer(0), severity: "error" as const }],
});

ruleTester(rule, {
  valid: [
    { count: 1 },
    withSecrets([
      "op://dev/Stripe/publishable-key",
      "op://Management/PagerDuty/Admin/email",
      "op://dev/GitHub/one-time password?attribute=otp",
      "op://dev/deploy key/private key?ssh-format=openssh",
      "op://dev/Reports/report_2024.pdf?attribute=content",
      "op://dev/Reports/report_2024.pdf?attribute=size",
      "op://dev/Login/password?attribute=purpose",
      // IDs instead of names.
      "op://t4d7rzqkfdm2wbcjxaosfvfuvu/jx3c6egrzkt2wk3jh4nhbn4vlu/ekvjqvbmu3a4q3c5odp3jr7gxy",
    ]),
    // 1Password matches references case-insensitively: scheme, parameter names and values.
    withSecrets(["OP://Dev/Stripe/Key", "Op://dev/GitHub/otp?Attribute=OTP", "op://dev/ssh/key?SSH-Format=OpenSSH"]),
    // Not strings, not an array: the schema rules' findings.
    withSecrets([42, null]),
    withSecrets("vault/item/field"),
    // Another integration type may use another syntax; valid-enum reports the type.
    {
      count: 1,
      configuration: { integrations: [{ id: ID, type: "VAULT", configuration: { secrets: ["vault/item/field"] } }] },
    },
    {
      count: 1,
      configuration: { integrations: [{ id: ID, configuration: { load_mode: "specific", secrets: ["op://a/b/c"] } }] },
    },
  ],
  invalid: [
    {
      name: "full range on the secret string",
      code: withSecrets(["vault/item/field"]),
      errors: [
        {
          message: 'Secret reference "vault/item/field" does not start with "op://"; did you mean "op://vault/item/field"?',
          pointer: secretPointer(0),
          line: 11,
          column: 13,
          endLine: 11,
          endColumn: 31,
        },
      ],
    },
    {
      name: "each bad secret of each integration is reported",
      code: {
        count: 1,
        configuration: {
          integrations: [
            { id: ID, type: "1password", configuration: { load_mode: "specific", secrets: ["op://a/b/c", "op://a/b"] } },
            { id: ID, type: "1PASSWORD", configuration: { load_mode: "specific", secrets: ["a/b/c"] } },
          ],
        },
      },
      errors: [
        { pointer: secretPointer(1, 0), message: /only 2 segments/ },
        { pointer: secretPointer(0, 1), message: /does not start with "op:\/\/"/ },
      ],
    },
    invalidOne("", `Secret reference "" is empty; expected ${SHAPE}.`),
    invalidOne(" op://a/b/c", 'Secret reference " op://a/b/c" starts with whitespace; it must start with "op://".'),
    invalidOne("my-secret", `Secret reference "my-secret" does not start with "op://"; expected ${SHAPE}.`),
    invalidOne("op:/vault/item/field", 'Secret reference "op:/vault/item/field" must start with "op://" (two slashes after "op:").'),
    invalidOne(
      "1password://vault/item/field",
      'Secret reference "1password://vault/item/field" uses the "1password://" scheme; 1Password secret references start with "op://".',
    ),
    invalidOne("op://", `Secret reference "op://" names no vault, item or field; expected ${SHAPE}.`),
    invalidOne(
      "op://vault/item",
      `Secret reference "op://vault/item" has only 2 segments after "op://"; expected ${SHAPE} (vault, item and field are required).`,
    ),
    invalidOne(
      "op://vault",
      `Secret reference "op://vault" has only 1 segment after "op://"; expected ${SHAPE} (vault, item and field are required).`,
    ),
    invalidOne(
      "op://a/b/c/d/e",
      `Secret reference "op://a/b/c/d/e" has 5 segments after "op://"; expected at most 4, ${SHAPE}. ` +
        'A name that contains "/" must be referred to by its ID.',
    ),
    invalidOne(
      "op://vault//field",
      `Secret reference "op://vault//field" has an empty item name ("//"); every segment of ${SHAPE} needs a name or an ID.`,
    ),
    invalidOne(
      "op:///item/section/field",
      `Secret reference "op:///item/section/field" has an empty vault name ("//"); every segment of ${SHAPE} needs a name or an ID.`,
    ),
    invalidOne(
      "op://vault/item/field/",
      'Secret reference "op://vault/item/field/" ends its path with "/"; the last segment must be a field name.',
    ),
    invalidOne(
      "op://dev/API: prod/token",
      'Secret reference "op://dev/API: prod/token": the item name "API: prod" contains ":" at position 13, ' +
        'which secret references do not allow (only ASCII letters, digits, "-", "_", "." and spaces); refer to the item by its ID instead.',
    ),
    invalidOne(
      "op://dev/Admin/Billing/e-mail@work",
      'Secret reference "op://dev/Admin/Billing/e-mail@work": the field name "e-mail@work" contains "@" at position 30, ' +
        'which secret references do not allow (only ASCII letters, digits, "-", "_", "." and spaces); refer to the field by its ID instead.',
    ),
    invalidOne(
      "op://Café/item/field",
      'Secret reference "op://Café/item/field": the vault name "Café" contains "é" at position 9, ' +
        'which secret references do not allow (only ASCII letters, digits, "-", "_", "." and spaces); refer to the vault by its ID instead.',
    ),
    invalidOne(
      "op://dev/item/field?",
      'Secret reference "op://dev/item/field?" ends with "?" but has no query; remove the "?" or add "attribute=..." or "ssh-format=openssh".',
    ),
    invalidOne(
      "op://dev/item/field?atribute=otp",
      'Secret reference "op://dev/item/field?atribute=otp" has an unknown query parameter "atribute"; did you mean "attribute"?',
    ),
    invalidOne(
      "op://dev/item/field?format=json",
      'Secret reference "op://dev/item/field?format=json" has an unknown query parameter "format"; use "attribute" or "ssh-format".',
    ),
    invalidOne(
      "op://dev/item/field?attribute=otp&ssh-format=openssh",
      'Secret reference "op://dev/item/field?attribute=otp&ssh-format=openssh" has 2 query parameters; ' +
        'only one is allowed: "attribute=..." or "ssh-format=openssh".',
    ),
    invalidOne(
      "op://dev/item/field?attribute",
      'Secret reference "op://dev/item/field?attribute": query parameter "attribute" has no value; ' +
        'use "content", "id", "name", "otp", "purpose", "size", "type" or "value".',
    ),
    invalidOne(
      "op://dev/item/field?attribute=valu",
      'Secret reference "op://dev/item/field?attribute=valu" asks for an unknown attribute "valu"; did you mean "value"? ' +
        'Fields have "id", "otp", "purpose", "type" or "value"; file attachments have "content", "id", "name", "size" or "type".',
    ),
    invalidOne(
      "op://dev/item/field?attribute=password",
      'Secret reference "op://dev/item/field?attribute=password" asks for an unknown attribute "password". ' +
        'Fields have "id", "otp", "purpose", "type" or "value"; file attachments have "content", "id", "name", "size" or "type".',
    ),
    invalidOne(
      "op://dev/ssh/key?ssh-format=pem",
      'Secret reference "op://dev/ssh/key?ssh-format=pem" asks for ssh-format "pem"; the only format is "openssh".',
    ),
    invalidOne(
      "op://dev/ssh/key?ssh-format=opensh",
      'Secret reference "op://dev/ssh/key?ssh-format=opensh" asks for ssh-format "opensh"; the only format is "openssh".',
    ),
  ],
});

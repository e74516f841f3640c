import rule from "../../src/rules/no-disable-web-security.js";
import { ruleTester } from "../rule-tester.js";

const MESSAGE =
  "disable_web_security turns off the same-origin policy and CORS: any page the session opens can read " +
  "responses from every other site, including ones the session is signed in to. " +
  "Keep it off unless the task needs cross-origin frames or requests.";

const security = (value: unknown) => ({ count: 1, configuration: { browser: { disable_web_security: value } } });

ruleTester(rule, {
  valid: [
    { count: 1 },
    security({ active: false }),
    security({}),
    security({ active: "true" }),
    security(true),
  ],
  invalid: [
    {
      code: security({ active: true }),
      errors: [
        {
          message: MESSAGE,
          pointer: "/configuration/browser/disable_web_security/active",
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 23,
        },
      ],
    },
  ],
});

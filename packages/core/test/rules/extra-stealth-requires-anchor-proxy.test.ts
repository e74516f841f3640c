import rule from "../../src/rules/extra-stealth-requires-anchor-proxy.js";
import { ruleTester } from "../rule-tester.js";

const POINTER = "/configuration/browser/extra_stealth/active";
const ADVICE = "turn on an Anchor proxy (anchor_proxy, anchor_residential, anchor_mobile, anchor_gov) or turn extra stealth off.";

function config(stealth: unknown, session?: unknown) {
  return {
    count: 1,
    configuration: {
      browser: { extra_stealth: { active: stealth } },
      ...(session === undefined ? {} : { session }),
    },
  };
}

const custom = { type: "custom", server: "http://proxy.example.com:8080", username: "u", password: "p" };

ruleTester(rule, {
  valid: [
    { count: 1 },
    config(false),
    config(false, { proxy: { ...custom, active: true } }),
    // A proxy without type is anchor_proxy.
    config(true, { proxy: { active: true } }),
    // A missing "active" is one mistake, required-property's, which points back at extra stealth.
    config(true, { proxy: { country_code: "us" } }),
    config(true, { proxy: { active: true, type: "anchor_proxy" } }),
    config(true, { proxy: { active: true, type: "anchor_residential" } }),
    config(true, { proxy: { active: true, type: "anchor_mobile" } }),
    config(true, { proxy: { active: true, type: "anchor_gov" } }),
    // Unknown types and mistyped values belong to valid-enum and valid-type.
    config(true, { proxy: { active: true, type: "anchor_residental" } }),
    config(true, { proxy: { active: true, type: 3 } }),
    config(true, { proxy: { active: "yes" } }),
    config(true, { proxy: [] }),
    config("true"),
  ],
  invalid: [
    {
      name: "a custom proxy",
      code: config(true, { proxy: { ...custom, active: true } }),
      errors: [
        {
          message: `Extra stealth works only with an active Anchor proxy, but the proxy is a custom proxy; ${ADVICE}`,
          pointer: POINTER,
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 23,
        },
      ],
    },
    {
      name: "no proxy",
      code: config(true, {}),
      errors: [{ message: `Extra stealth works only with an active Anchor proxy, but no proxy is configured; ${ADVICE}`, pointer: POINTER }],
    },
    {
      name: "no session",
      code: config(true),
      errors: [{ message: `Extra stealth works only with an active Anchor proxy, but no proxy is configured; ${ADVICE}` }],
    },
    {
      name: "an Anchor proxy turned off",
      code: config(true, { proxy: { active: false, type: "anchor_mobile" } }),
      errors: [{ message: `Extra stealth works only with an active Anchor proxy, but the proxy is not active; ${ADVICE}` }],
    },
  ],
});

import { describe, expect, it } from "vitest";
import rule from "../../src/rules/proxy-region-city.js";
import { lint } from "../../src/index.js";
import { ruleTester } from "../rule-tester.js";

const PROXY = "/configuration/session/proxy";

function proxy(fields: Record<string, unknown>) {
  return { count: 1, configuration: { session: { proxy: { active: true, ...fields } } } };
}

ruleTester(rule, {
  valid: [
    { count: 1 },
    proxy({}),
    proxy({ region: "ca" }),
    proxy({ region: "ca", city: "los_angeles" }),
    proxy({ type: "anchor_proxy", country_code: "us", region: "ny", city: "new_york" }),
    proxy({ type: "anchor_residential", country_code: "de" }),
    // A custom proxy's region/city are known-property's; unknown or mistyped types are valid-enum's and valid-type's.
    proxy({ type: "custom", region: "ca", city: "x", server: "http://proxy.example.com:8080", username: "u", password: "p" }),
    proxy({ type: "anchor_residental", city: "x" }),
    proxy({ type: false, city: "x" }),
    // Mistyped values are valid-type's.
    proxy({ city: 12 }),
    proxy({ region: 5, city: "x" }),
    proxy({ type: "anchor_mobile", region: null, city: ["x"] }),
  ],
  invalid: [
    {
      name: "a city without region is ignored",
      code: proxy({ city: "los_angeles" }),
      errors: [
        {
          message: '"city" is ignored without "region"; add the region the city is in, or drop the city.',
          pointer: `${PROXY}/city`,
          severity: "warning",
          line: 7,
          column: 17,
          endLine: 7,
          endColumn: 30,
        },
      ],
    },
    {
      name: "a city with another type",
      code: proxy({ type: "anchor_residential", region: "ca", city: "los_angeles" }),
      errors: [
        {
          message: '"region" works only with anchor_proxy; an anchor_residential proxy does not use it.',
          pointer: `${PROXY}/region`,
          severity: "warning",
          line: 8,
          column: 19,
          endLine: 8,
          endColumn: 23,
        },
        {
          message: '"city" works only with anchor_proxy; an anchor_residential proxy cannot target a city.',
          pointer: `${PROXY}/city`,
          severity: "error",
          line: 9,
          column: 17,
          endLine: 9,
          endColumn: 30,
        },
      ],
    },
    {
      name: "with the type wrong, a missing region is not reported as well",
      code: proxy({ type: "anchor_mobile", city: "paris" }),
      errors: [{ message: '"city" works only with anchor_proxy; an anchor_mobile proxy cannot target a city.', severity: "error" }],
    },
    {
      code: proxy({ type: "anchor_gov", region: "tx" }),
      errors: [{ message: '"region" works only with anchor_proxy; an anchor_gov proxy does not use it.', severity: "warning" }],
    },
  ],
});

describe("proxy-region-city severities", () => {
  const text = JSON.stringify(proxy({ type: "anchor_mobile", region: "ca", city: "x" }), null, 2);

  it("lets a user setting override the per-finding gravity", () => {
    const findings = lint(text, { config: { rules: { "proxy-region-city": "warn" } } }).filter((f) => f.ruleId === "proxy-region-city");
    expect(findings.map((finding) => finding.severity)).toEqual(["warning", "warning"]);
  });

  it("points the related location at the type", () => {
    const [finding] = lint(text).filter((f) => f.ruleId === "proxy-region-city");
    expect(finding?.related?.map((related) => [related.pointer, related.message])).toEqual([
      [`${PROXY}/type`, "The proxy type is anchor_mobile here."],
    ]);
  });
});

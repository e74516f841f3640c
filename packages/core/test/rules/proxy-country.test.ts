import { describe, expect, it } from "vitest";
import rule from "../../src/rules/proxy-country.js";
import { fix, lint } from "../../src/index.js";
import { ruleTester } from "../rule-tester.js";

const POINTER = "/configuration/session/proxy/country_code";
const pretty = (value: object) => JSON.stringify(value, null, 2);

function proxy(fields: Record<string, unknown>) {
  return { count: 1, configuration: { session: { proxy: { active: true, ...fields } } } };
}

ruleTester(rule, {
  valid: [
    { count: 1 },
    proxy({}),
    // No type means anchor_proxy.
    proxy({ country_code: "us" }),
    proxy({ country_code: "de" }),
    proxy({ type: "anchor_proxy", country_code: "as" }),
    proxy({ type: "anchor_residential", country_code: "hk" }),
    proxy({ type: "anchor_mobile", country_code: "bt" }),
    proxy({ type: "anchor_gov", country_code: "us" }),
    // A custom proxy has no country (known-property's finding); a type that is no string is valid-type's.
    proxy({ type: "custom", country_code: "zz", server: "http://proxy.example.com:8080", username: "u", password: "p" }),
    proxy({ type: 7, country_code: "zz" }),
    // An unknown type (valid-enum's finding) with no likely meaning: any Anchor type's code passes.
    proxy({ type: "zzz", country_code: "bt" }),
    // A protocol for a type means a custom proxy: it has no country (known-property's, once the type is fixed).
    proxy({ type: "socks5", country_code: "zz" }),
    // A mistyped code is valid-type's.
    proxy({ country_code: 840 }),
    { count: 1, configuration: { session: { proxy: "us" } } },
  ],
  invalid: [
    // An unknown type is valid-enum's finding; the code is checked for the type it most likely means.
    {
      name: "a country name under a misspelt type: checked for the type valid-enum suggests",
      code: proxy({ type: "residential", country_code: "Germany" }),
      errors: [
        {
          message: '"Germany" is not a country code offered by anchor_residential (the type "residential", read as anchor_residential). Did you mean "de" (Germany)?',
          pointer: POINTER,
          suggestions: ['Change to "de"'],
        },
      ],
      output: pretty(proxy({ type: "residential", country_code: "de" })),
    },
    {
      name: "a code the misspelt type's list lacks",
      code: proxy({ type: "anchor_residental", country_code: "zz" }),
      errors: [{ message: '"zz" is not a country code offered by anchor_residential (the type "anchor_residental", read as anchor_residential).' }],
    },
    {
      name: "an unknown type with no likely meaning: the code is checked against every Anchor type's",
      code: proxy({ type: "zzz", country_code: "Germany" }),
      errors: [{ message: '"Germany" is not a country code offered by any Anchor proxy type. Did you mean "de" (Germany)?', pointer: POINTER }],
    },
    {
      name: "a code another type offers",
      code: proxy({ type: "anchor_residential", country_code: "bt" }),
      errors: [
        {
          message: '"bt" (Bhutan) is not offered by anchor_residential; it is offered by anchor_mobile.',
          pointer: POINTER,
          line: 8,
          column: 25,
          endLine: 8,
          endColumn: 29,
        },
      ],
      // The first suggestion switches the type (unsafe: it changes the kind of proxy).
      output: JSON.stringify(proxy({ type: "anchor_mobile", country_code: "bt" }), null, 2),
    },
    {
      name: "several types offer it, listed sorted",
      code: proxy({ type: "anchor_proxy", country_code: "gb" }),
      errors: [
        {
          message: '"gb" (United Kingdom) is not offered by anchor_proxy; it is offered by anchor_mobile and anchor_residential.',
          pointer: POINTER,
        },
      ],
    },
    {
      name: "without a type, the message says which type the default is",
      code: proxy({ country_code: "gb" }),
      errors: [
        {
          message: '"gb" (United Kingdom) is not offered by anchor_proxy ("type" is not set, so it is anchor_proxy); it is offered by anchor_mobile and anchor_residential.',
          pointer: POINTER,
        },
      ],
    },
    {
      name: "upper case is fixed to lower case",
      code: proxy({ country_code: "US" }),
      errors: [{ message: '"US" must be written in lower case: "us".', pointer: POINTER, line: 7, column: 25, endLine: 7, endColumn: 29 }],
      output: JSON.stringify(proxy({ country_code: "us" }), null, 2),
    },
    {
      name: "upper case of a code this type lacks",
      code: proxy({ type: "anchor_gov", country_code: "RU" }),
      errors: [
        {
          message:
            '"RU" (Russia) is not offered by anchor_gov; it is offered by anchor_mobile and anchor_residential. ' +
            'Country codes are written in lower case: "ru".',
        },
      ],
    },
    {
      name: "a country no type offers",
      code: proxy({ type: "anchor_mobile", country_code: "kp" }),
      errors: [{ message: '"kp" (North Korea) is not offered by any Anchor proxy type.' }],
    },
    {
      name: '"uk" is fixed to "gb" where gb is offered',
      code: proxy({ type: "anchor_residential", country_code: "uk" }),
      errors: [{ message: '"uk" is not an ISO country code; use "gb" for United Kingdom.' }],
      output: JSON.stringify(proxy({ type: "anchor_residential", country_code: "gb" }), null, 2),
    },
    {
      name: '"el", the EU\'s code for Greece, is fixed to "gr"',
      code: proxy({ type: "anchor_residential", country_code: "el" }),
      errors: [{ message: '"el" is not an ISO country code; use "gr" for Greece.' }],
      output: JSON.stringify(proxy({ type: "anchor_residential", country_code: "gr" }), null, 2),
    },
    {
      name: "a language tag (en-GB, pt_BR) is fixed to its region's code",
      code: proxy({ type: "anchor_residential", country_code: "en-GB" }),
      errors: [{ message: '"en-GB" is a language tag; the country it names is United Kingdom, whose code is "gb".' }],
      output: JSON.stringify(proxy({ type: "anchor_residential", country_code: "gb" }), null, 2),
    },
    {
      name: "a language tag with an underscore (pt_BR), fixed to its region's code",
      code: proxy({ type: "anchor_residential", country_code: "pt_BR" }),
      errors: [{ message: '"pt_BR" is a language tag; the country it names is Brazil, whose code is "br".' }],
      output: JSON.stringify(proxy({ type: "anchor_residential", country_code: "br" }), null, 2),
    },
    {
      name: "a subdivision code (US-CA) names the United States, not Canada; the region part is not dropped by --fix",
      code: proxy({ type: "anchor_residential", country_code: "US-CA" }),
      errors: [
        {
          message:
            '"US-CA" is an ISO 3166-2 subdivision code, of United States; country_code takes the country\'s code alone: "us". ' +
            'Only anchor_proxy proxies take a region ("CA" here).',
          suggestions: ['Change "US-CA" to "us"'],
        },
      ],
      output: JSON.stringify(proxy({ type: "anchor_residential", country_code: "us" }), null, 2),
    },
    {
      name: "a subdivision code under anchor_proxy says where the region goes",
      code: proxy({ type: "anchor_proxy", country_code: "US-NY" }),
      errors: [{ message: '"US-NY" is an ISO 3166-2 subdivision code, of United States; country_code takes the country\'s code alone: "us". The region ("NY") goes in "region".' }],
    },
    {
      name: "a three-letter region part (GB-ENG) is a subdivision code too",
      code: proxy({ type: "anchor_proxy", country_code: "GB-ENG" }),
      errors: [{ message: '"GB-ENG" is an ISO 3166-2 subdivision code, and its country "gb" (United Kingdom) is not offered by anchor_proxy; it is offered by anchor_mobile and anchor_residential.' }],
    },
    {
      name: "a code that reads as a tag and as a subdivision (DE-BY) is only suggested, with the countries the type offers",
      code: proxy({ type: "anchor_residential", country_code: "DE-BY" }),
      errors: [
        {
          message:
            '"DE-BY" is not a country code: it reads as a language tag, whose country is Belarus ("by"), or as an ISO 3166-2 subdivision code of Germany ("de"); ' +
            'anchor_residential offers "by" and "de".',
          suggestions: ['Change "DE-BY" to "by"', 'Change "DE-BY" to "de"'],
        },
      ],
    },
    {
      name: "a tag written in BCP 47's letter case (de-BY) is a tag only",
      code: proxy({ type: "anchor_residential", country_code: "de-BY" }),
      errors: [{ message: '"de-BY" is a language tag; the country it names is Belarus, whose code is "by".' }],
      output: JSON.stringify(proxy({ type: "anchor_residential", country_code: "by" }), null, 2),
    },
    {
      name: "a language tag whose region the type does not offer",
      code: proxy({ country_code: "en-GB" }),
      errors: [{ message: '"en-GB" is a language tag, and its country "gb" (United Kingdom) is not offered by anchor_proxy ("type" is not set, so it is anchor_proxy); it is offered by anchor_mobile and anchor_residential.' }],
    },
    {
      name: '"uk" where gb is not offered',
      code: proxy({ country_code: "uk" }),
      errors: [
        {
          message:
            '"uk" is not an ISO country code, and "gb" (United Kingdom) is not offered by anchor_proxy ("type" is not set, so it is anchor_proxy); ' +
            "it is offered by anchor_mobile and anchor_residential.",
        },
      ],
    },
    {
      name: "a country name",
      code: proxy({ country_code: "Germany" }),
      errors: [{ message: '"Germany" is not a country code offered by anchor_proxy ("type" is not set, so it is anchor_proxy). Did you mean "de" (Germany)?' }],
      output: JSON.stringify(proxy({ country_code: "de" }), null, 2),
    },
    ...["anchor_proxy", "anchor_residential", "anchor_mobile", "anchor_gov"].map((type) => ({
      name: `an alpha-3 code is fixed to its alpha-2 code where ${type} offers it`,
      code: proxy({ type, country_code: "ukr" }),
      errors: [
        {
          message: '"ukr" is the ISO 3166-1 alpha-3 code of Ukraine; this API takes alpha-2 codes: use "ua".',
          pointer: POINTER,
          line: 8,
          column: 25,
          endLine: 8,
          endColumn: 30,
        },
      ],
      output: JSON.stringify(proxy({ type, country_code: "ua" }), null, 2),
    })),
    ...[
      ["blr", "by", "Belarus"],
      ["srb", "rs", "Serbia"],
      ["irl", "ie", "Ireland"],
      ["est", "ee", "Estonia"],
      ["usa", "us", "United States"],
    ].map(([alpha3, alpha2, name]) => ({
      name: `"${alpha3}" is ${name}, not the closest two-letter code`,
      code: proxy({ type: "anchor_residential", country_code: alpha3 }),
      errors: [{ message: `"${alpha3}" is the ISO 3166-1 alpha-3 code of ${name}; this API takes alpha-2 codes: use "${alpha2}".` }],
      output: JSON.stringify(proxy({ type: "anchor_residential", country_code: alpha2 }), null, 2),
    })),
    {
      name: "an alpha-3 code in upper case or with spaces",
      code: proxy({ type: "anchor_mobile", country_code: " ARE" }),
      errors: [{ message: '" ARE" is the ISO 3166-1 alpha-3 code of United Arab Emirates; this API takes alpha-2 codes: use "ae".' }],
      output: JSON.stringify(proxy({ type: "anchor_mobile", country_code: "ae" }), null, 2),
    },
    {
      name: "an alpha-3 code whose country this type does not offer",
      code: proxy({ type: "anchor_residential", country_code: "are" }),
      errors: [
        {
          message:
            '"are" is an ISO 3166-1 alpha-3 code, and its alpha-2 code "ae" (United Arab Emirates) is not offered by anchor_residential; ' +
            "it is offered by anchor_gov, anchor_mobile and anchor_proxy.",
        },
      ],
      // The first suggestion switches the type and writes the code as that type lists it.
      output: JSON.stringify(proxy({ type: "anchor_gov", country_code: "ae" }), null, 2),
    },
    {
      name: "an alpha-3 code without a type, whose country anchor_proxy does not offer",
      code: proxy({ country_code: "gbr" }),
      errors: [
        {
          message:
            '"gbr" is an ISO 3166-1 alpha-3 code, and its alpha-2 code "gb" (United Kingdom) is not offered by anchor_proxy ("type" is not set, so it is anchor_proxy); ' +
            "it is offered by anchor_mobile and anchor_residential.",
        },
      ],
    },
    {
      name: "an alpha-3 code of a country no type offers",
      code: proxy({ type: "anchor_mobile", country_code: "prk" }),
      errors: [{ message: '"prk" is an ISO 3166-1 alpha-3 code, and its alpha-2 code "kp" (North Korea) is not offered by any Anchor proxy type.' }],
    },
    {
      name: "a three-letter code that is no alpha-3 code: the close codes, named",
      code: proxy({ country_code: "ger" }),
      errors: [
        {
          message:
            '"ger" is not a country code offered by anchor_proxy ("type" is not set, so it is anchor_proxy). Did you mean "ge" (Georgia) or "gr" (Greece)?',
        },
      ],
    },
    {
      name: "a three-letter code one edit from one code",
      code: proxy({ type: "anchor_mobile", country_code: "usb" }),
      errors: [{ message: '"usb" is not a country code offered by anchor_mobile. Did you mean "us" (United States)?' }],
      output: JSON.stringify(proxy({ type: "anchor_mobile", country_code: "us" }), null, 2),
    },
    {
      name: "no guess for a two-letter code: any code is one or two letters away",
      code: proxy({ country_code: "xx" }),
      errors: [{ message: '"xx" is not a country code offered by anchor_proxy ("type" is not set, so it is anchor_proxy).' }],
    },
    {
      name: "no guess when too many codes are equally close",
      code: proxy({ country_code: "a" }),
      errors: [{ message: '"a" is not a country code offered by anchor_proxy ("type" is not set, so it is anchor_proxy).' }],
    },
    {
      name: "spaces around a code",
      code: proxy({ country_code: " us" }),
      errors: [{ message: '" us" must be written without spaces: "us".' }],
      output: JSON.stringify(proxy({ country_code: "us" }), null, 2),
    },
    {
      code: proxy({ country_code: "De " }),
      errors: [{ message: '"De " must be written in lower case without spaces: "de".' }],
      output: JSON.stringify(proxy({ country_code: "de" }), null, 2),
    },
    {
      name: "an empty code",
      code: proxy({ country_code: "" }),
      errors: [{ message: '"" is not a country code offered by anchor_proxy ("type" is not set, so it is anchor_proxy).' }],
    },
    {
      name: "__proto__-like codes are plain data",
      code: proxy({ country_code: "constructor" }),
      errors: [{ message: '"constructor" is not a country code offered by anchor_proxy ("type" is not set, so it is anchor_proxy).' }],
    },
  ],
});

describe("proxy-country fixes", () => {
  it("applies only the lower-casing among its fixes unattended", () => {
    const text = JSON.stringify(proxy({ type: "anchor_residential", country_code: "DE" }), null, 2);
    const result = fix(text);
    expect(result.output).toBe(JSON.stringify(proxy({ type: "anchor_residential", country_code: "de" }), null, 2));
    expect(result.findings.filter((finding) => finding.ruleId === "proxy-country")).toEqual([]);
  });

  it("applies an alpha-3 code's alpha-2 code unattended", () => {
    const text = JSON.stringify(proxy({ type: "anchor_residential", country_code: "ukr" }), null, 2);
    const result = fix(text);
    expect(result.output).toBe(JSON.stringify(proxy({ type: "anchor_residential", country_code: "ua" }), null, 2));
    expect(result.findings.filter((finding) => finding.ruleId === "proxy-country")).toEqual([]);
  });

  it("does not switch the proxy type unattended", () => {
    const text = JSON.stringify(proxy({ type: "anchor_residential", country_code: "bt" }), null, 2);
    expect(fix(text).output).toBe(text);
  });

  it("says which type it assumed", () => {
    const [finding] = lint(JSON.stringify(proxy({ country_code: "hk" }), null, 2)).filter((f) => f.ruleId === "proxy-country");
    expect(finding?.related?.map((related) => [related.pointer, related.message])).toEqual([
      ["/configuration/session/proxy", 'This proxy has no "type", so it is anchor_proxy.'],
    ]);
  });

  it("is the only rule reporting a wrong country code", () => {
    const findings = lint(JSON.stringify(proxy({ type: "anchor_gov", country_code: "hk" }), null, 2));
    expect(findings.map((finding) => finding.ruleId)).toEqual(["proxy-country"]);
  });
});

import { expect, it } from "vitest";
import rule from "../../src/rules/valid-enum.js";
import { lint } from "../../src/index.js";
import { ruleTester } from "../rule-tester.js";

const ID = "550e8400-e29b-41d4-a716-446655440000";
const PROXY_TYPES = 'Allowed: "anchor_gov", "anchor_mobile", "anchor_proxy", "anchor_residential" or "custom".';
const proxy = (value: object) => ({ count: 1, configuration: { session: { proxy: value } } });
const onePassword = (type: unknown, configuration: object) => ({ count: 1, configuration: { integrations: [{ id: ID, type, configuration }] } });
const pretty = (value: object) => JSON.stringify(value, null, 2);

ruleTester(rule, {
  valid: [
    { count: 1 },
    proxy({ type: "anchor_proxy", active: true }),
    proxy({ type: "anchor_residential", active: true }),
    proxy({ type: "anchor_mobile", active: true }),
    proxy({ type: "anchor_gov", active: true }),
    proxy({ type: "custom", server: "http://proxy.example.com:8080", username: "u", password: "p", active: true }),
    onePassword("1PASSWORD", { load_mode: "all" }),
    onePassword("1PASSWORD", { load_mode: "specific", secrets: ["op://vault/item/field"] }),
    // A value of the wrong type is valid-type's: one finding for one mistake.
    proxy({ type: 5, active: true }),
    proxy({ type: null, active: true }),
    onePassword(1, { load_mode: "all" }),
    // Country codes depend on the proxy type: proxy-country reports them, with the per-type lists.
    proxy({ active: true, country_code: "xx" }),
  ],
  invalid: [
    {
      name: "1password in lower case: safe fix to 1PASSWORD",
      code: onePassword("1password", { load_mode: "all" }),
      errors: [
        {
          message: '"1password" is not a valid type for configuration.integrations[0]. Did you mean "1PASSWORD"? Allowed: "1PASSWORD".',
          pointer: "/configuration/integrations/0/type",
          line: 7,
          column: 17,
          endLine: 7,
          endColumn: 28,
        },
      ],
      output: pretty(onePassword("1PASSWORD", { load_mode: "all" })),
    },
    {
      name: "Specific with a capital: safe fix to specific",
      code: onePassword("1PASSWORD", { load_mode: "Specific", secrets: ["op://vault/item/field"] }),
      errors: [
        {
          message: '"Specific" is not a valid load_mode for configuration.integrations[0].configuration. Did you mean "specific"? Allowed: "all" or "specific".',
          pointer: "/configuration/integrations/0/configuration/load_mode",
          line: 9,
          column: 24,
          endLine: 9,
          endColumn: 34,
        },
      ],
      output: pretty(onePassword("1PASSWORD", { load_mode: "specific", secrets: ["op://vault/item/field"] })),
    },
    {
      name: "both case slips in one integration, both fixed",
      code: onePassword("1Password", { load_mode: "ALL" }),
      errors: [
        { message: '"1Password" is not a valid type for configuration.integrations[0]. Did you mean "1PASSWORD"? Allowed: "1PASSWORD".', pointer: "/configuration/integrations/0/type" },
        { message: '"ALL" is not a valid load_mode for configuration.integrations[0].configuration. Did you mean "all"? Allowed: "all" or "specific".', pointer: "/configuration/integrations/0/configuration/load_mode" },
      ],
      output: pretty(onePassword("1PASSWORD", { load_mode: "all" })),
    },
    {
      name: "a spelling that is close but not only a case difference: suggestion, not fix",
      code: onePassword("onepassword", { load_mode: "all" }),
      errors: [{ message: '"onepassword" is not a valid type for configuration.integrations[0]. Did you mean "1PASSWORD"? Allowed: "1PASSWORD".', pointer: "/configuration/integrations/0/type" }],
      output: pretty(onePassword("1PASSWORD", { load_mode: "all" })),
    },
    {
      name: "nothing close: the allowed values only",
      code: onePassword("1PASSWORD", { load_mode: "everything" }),
      errors: [{ message: '"everything" is not a valid load_mode for configuration.integrations[0].configuration. Allowed: "all" or "specific".', pointer: "/configuration/integrations/0/configuration/load_mode" }],
    },
    {
      name: "a protocol as proxy type means a custom proxy; every type is listed",
      code: proxy({ type: "socks5", server: "socks5://proxy.example.com:1080", active: true }),
      errors: [
        {
          message: `"socks5" is not a valid type for configuration.session.proxy. Did you mean "custom"? The protocol goes in "server" ("socks5://HOST:PORT"). ${PROXY_TYPES}`,
          pointer: "/configuration/session/proxy/type",
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 25,
        },
      ],
      output: pretty(proxy({ type: "custom", server: "socks5://proxy.example.com:1080", active: true })),
    },
    {
      name: '"government", as the docs call it: did you mean "anchor_gov"',
      code: proxy({ type: "government", active: true }),
      errors: [{ message: `"government" is not a valid type for configuration.session.proxy. Did you mean "anchor_gov"? ${PROXY_TYPES}`, pointer: "/configuration/session/proxy/type" }],
      output: pretty(proxy({ type: "anchor_gov", active: true })),
    },
    {
      name: "proxy type without its anchor_ prefix: suggested",
      code: proxy({ type: "residential", active: true, country_code: "de" }),
      errors: [{ message: `"residential" is not a valid type for configuration.session.proxy. Did you mean "anchor_residential"? ${PROXY_TYPES}`, pointer: "/configuration/session/proxy/type" }],
      output: pretty(proxy({ type: "anchor_residential", active: true, country_code: "de" })),
    },
    {
      name: "HTTP in capitals is the same slip",
      code: proxy({ type: "HTTP", active: true }),
      errors: [{ message: `"HTTP" is not a valid type for configuration.session.proxy. Did you mean "custom"? The protocol goes in "server" ("http://HOST:PORT"). ${PROXY_TYPES}`, pointer: "/configuration/session/proxy/type" }],
    },
    {
      name: "a bare anchor could be any of four: no guess",
      code: proxy({ type: "anchor", active: true }),
      errors: [{ message: `"anchor" is not a valid type for configuration.session.proxy. ${PROXY_TYPES}`, pointer: "/configuration/session/proxy/type" }],
    },
    {
      name: "proxy type in the wrong case: safe fix",
      code: proxy({ type: "Custom", server: "http://proxy.example.com:8080", username: "u", password: "p", active: true }),
      errors: [{ message: `"Custom" is not a valid type for configuration.session.proxy. Did you mean "custom"? ${PROXY_TYPES}`, pointer: "/configuration/session/proxy/type" }],
      output: pretty(proxy({ type: "custom", server: "http://proxy.example.com:8080", username: "u", password: "p", active: true })),
    },
    {
      name: "a typo in the proxy type",
      code: proxy({ type: "anchor_mobil", active: true }),
      errors: [{ message: `"anchor_mobil" is not a valid type for configuration.session.proxy. Did you mean "anchor_mobile"? ${PROXY_TYPES}`, pointer: "/configuration/session/proxy/type" }],
      output: pretty(proxy({ type: "anchor_mobile", active: true })),
    },
  ],
});

it("a wrong proxy type is one finding in all: no missing or unknown keys from the branch it was taken for", () => {
  // Custom-proxy keys: had the type been read as an Anchor proxy, server/username/password would be unknown keys.
  const text = pretty(proxy({ type: "http", active: true, server: "http://proxy.example.com:8080", username: "${env:U}", password: "${env:P}" }));
  expect(lint(text).map((finding) => [finding.ruleId, finding.pointer])).toEqual([["valid-enum", "/configuration/session/proxy/type"]]);
});

it("a wrong proxy type leaves the proxy's other mistakes reported, as for the type it suggests", () => {
  const finds = (value: object) => lint(pretty(proxy(value))).map((finding) => [finding.ruleId, finding.pointer]);
  // A key no proxy type knows, and a country name for a code: what the type was would not change them.
  expect(finds({ active: true, type: "residential", country: "de", foo: 1 })).toEqual([
    ["valid-enum", "/configuration/session/proxy/type"],
    ["known-property", "/configuration/session/proxy/country"],
    ["known-property", "/configuration/session/proxy/foo"],
  ]);
  expect(finds({ active: true, type: "residential", country_code: "Germany" })).toEqual([
    ["valid-enum", "/configuration/session/proxy/type"],
    ["proxy-country", "/configuration/session/proxy/country_code"],
  ]);
  // Without a suggestion, against the keys every proxy type knows; a key of some type is the type's mistake.
  expect(finds({ active: true, type: "zzz", foo: 1, server: "x", country_code: "de" })).toEqual([
    ["valid-enum", "/configuration/session/proxy/type"],
    ["known-property", "/configuration/session/proxy/foo"],
  ]);
  // Every type requires active: missing, it is a mistake whatever the type; a custom proxy's
  // username and password, which only the suggested type requires, are not asked for.
  expect(finds({ type: "socks5", server: "socks5://proxy.example.com:1080" })).toEqual([
    ["required-property", "/configuration/session/proxy"],
    ["valid-enum", "/configuration/session/proxy/type"],
  ]);
});

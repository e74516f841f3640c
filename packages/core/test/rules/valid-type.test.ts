import { expect, it } from "vitest";
import rule from "../../src/rules/valid-type.js";
import { lintWithRule, ruleTester } from "../rule-tester.js";

const browser = (value: object) => ({ count: 1, configuration: { browser: value } });
const customProxy = (credentials: object) => ({
  count: 1,
  configuration: { session: { proxy: { type: "custom", server: "http://proxy.example.com:8080", active: true, ...credentials } } },
});

ruleTester(rule, {
  valid: [
    { count: 1 },
    // 5.0 is an integer in JSON.
    '{"count": 5.0}',
    // A fractional count is count-range's finding, in the API's words: not reported twice.
    { count: 2.5 },
    // Ranges are count-range's and number-range's, not type errors; so is a fractional count, in the API's words.
    { count: 2.5 },
    { count: 0, configuration: { session: { timeout: { max_duration: -1, idle_timeout: -1 } } } },
    browser({ headless: { active: true }, viewport: { width: 1280, height: 720 }, extensions: [] }),
    { count: 1, configuration: { session: { tags: ["nightly"], proxy: { active: false } } } },
    // metadata holds anything.
    { count: 1, metadata: { retries: "3", nested: [1, null, { deep: true }], flag: "false" } },
    // Absent is not a wrong type (and null is not absent: see the invalid cases).
    { count: 1, configuration: {} },
  ],
  invalid: [
    {
      name: "a host name as a key reads as one key in the message, not as more levels",
      code: '{"count":1,"configuration":{"browser":{"sensitive_data_mask":{"active":true,"site_selectors":{"shop.example.com":5}}}}}',
      errors: [{ message: '"shop.example.com" (configuration.browser.sensitive_data_mask.site_selectors["shop.example.com"]) must be an array; found an integer (5).', pointer: "/configuration/browser/sensitive_data_mask/site_selectors/shop.example.com" }],
    },
    {
      name: "a number written as a string: suggestion drops the quotes",
      code: { count: "5" },
      errors: [{ message: '"count" must be an integer; found a string ("5"); did you mean 5 without quotes?', pointer: "/count", line: 2, column: 12, endLine: 2, endColumn: 15 }],
      output: '{\n  "count": 5\n}',
    },
    {
      name: "a viewport size with its unit (\"1920px\"): the number of pixels is offered",
      code: browser({ viewport: { width: "1920px", height: "1080 px" } }),
      errors: [
        { message: '"width" (configuration.browser.viewport.width) must be an integer; found a string ("1920px"); did you mean 1920 (pixels)?', suggestions: ["Replace with 1920"] },
        { message: '"height" (configuration.browser.viewport.height) must be an integer; found a string ("1080 px"); did you mean 1080 (pixels)?', suggestions: ["Replace with 1080"] },
      ],
      output: JSON.stringify(browser({ viewport: { width: 1920, height: 1080 } }), null, 2),
    },
    {
      name: "a timeout with its unit: in minutes, hours and whole minutes of seconds converted",
      code: { count: 1, configuration: { session: { timeout: { max_duration: "2h", idle_timeout: "120 seconds" } } } },
      errors: [
        { message: '"max_duration" (configuration.session.timeout.max_duration) must be an integer; found a string ("2h"); did you mean 120 (minutes: 2 hours)?' },
        { message: '"idle_timeout" (configuration.session.timeout.idle_timeout) must be an integer; found a string ("120 seconds"); did you mean 2 (minutes: 120 seconds)?' },
      ],
      output: JSON.stringify({ count: 1, configuration: { session: { timeout: { max_duration: 120, idle_timeout: 2 } } } }, null, 2),
    },
    {
      name: "a timeout that is no whole number of minutes, and a unit elsewhere, get no guess",
      code: { count: 1, configuration: { session: { timeout: { max_duration: "20min", idle_timeout: "90s" } }, browser: { viewport: { width: "50%" } } } },
      errors: [
        { message: '"max_duration" (configuration.session.timeout.max_duration) must be an integer; found a string ("20min"); did you mean 20 (minutes)?' },
        { message: '"idle_timeout" (configuration.session.timeout.idle_timeout) must be an integer; found a string ("90s").' },
        { message: '"width" (configuration.browser.viewport.width) must be an integer; found a string ("50%").' },
      ],
    },
    {
      name: "surrounding spaces are forgiven by the suggestion",
      code: { count: " 10 " },
      errors: [{ message: '"count" must be an integer; found a string (" 10 "); did you mean 10 without quotes?', pointer: "/count" }],
      output: '{\n  "count": 10\n}',
    },
    {
      name: "a boolean written as a string",
      code: browser({ headless: { active: "true" } }),
      errors: [
        {
          message: '"active" (configuration.browser.headless.active) must be a boolean (true or false); found a string ("true"); did you mean true without quotes?',
          pointer: "/configuration/browser/headless/active",
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 25,
        },
      ],
      output: JSON.stringify(browser({ headless: { active: true } }), null, 2),
    },
    {
      name: "yes/no and 1/0 are not guessed as booleans",
      code: browser({ headless: { active: "yes" }, adblock: { active: 1 } }),
      errors: [
        { message: '"active" (configuration.browser.headless.active) must be a boolean (true or false); found a string ("yes").', pointer: "/configuration/browser/headless/active" },
        { message: '"active" (configuration.browser.adblock.active) must be a boolean (true or false); found an integer (1).', pointer: "/configuration/browser/adblock/active" },
      ],
    },
    {
      name: "an on/off setting written as a bare boolean: suggestion wraps it in {active}",
      code: '{\n  "count": 1,\n  "configuration": {\n    "browser": { "headless": true, "adblock": false }\n  }\n}',
      errors: [
        {
          message: '"headless" (configuration.browser.headless) must be an object; found a boolean (true); did you mean { "active": true }?',
          pointer: "/configuration/browser/headless",
          line: 4,
          column: 30,
          endLine: 4,
          endColumn: 34,
        },
        {
          message: '"adblock" (configuration.browser.adblock) must be an object; found a boolean (false); did you mean { "active": false }?',
          pointer: "/configuration/browser/adblock",
        },
      ],
      output: '{\n  "count": 1,\n  "configuration": {\n    "browser": { "headless": { "active": true }, "adblock": { "active": false } }\n  }\n}',
    },
    {
      name: "viewport sides: a number in pixels is offered, a fraction gets no guess",
      code: browser({ viewport: { width: "1440px", height: 900.5 } }),
      errors: [
        { message: '"width" (configuration.browser.viewport.width) must be an integer; found a string ("1440px"); did you mean 1440 (pixels)?', pointer: "/configuration/browser/viewport/width" },
        {
          message: '"height" (configuration.browser.viewport.height) must be an integer; found a number (900.5).',
          pointer: "/configuration/browser/viewport/height",
          line: 7,
          column: 19,
          endLine: 7,
          endColumn: 24,
        },
      ],
    },
    {
      name: "-1 written as a string",
      code: { count: 1, configuration: { session: { timeout: { max_duration: "-1" } } } },
      errors: [
        {
          message: '"max_duration" (configuration.session.timeout.max_duration) must be an integer; found a string ("-1"); did you mean -1 without quotes?',
          pointer: "/configuration/session/timeout/max_duration",
        },
      ],
      output: JSON.stringify({ count: 1, configuration: { session: { timeout: { max_duration: -1 } } } }, null, 2),
    },
    {
      name: "a single extension id instead of a list: the suggestion makes it a list of one",
      code: browser({ extensions: "550e8400-e29b-41d4-a716-446655440000" }),
      errors: [
        {
          message: '"extensions" (configuration.browser.extensions) must be an array; found a string ("550e8400-e29b-41d4-a716-446655440000"); did you mean ["550e8400-e29b-41d4-a716-446655440000"]?',
          pointer: "/configuration/browser/extensions",
          suggestions: ['Replace with ["550e8400-e29b-41d4-a716-446655440000"]'],
        },
      ],
      output: JSON.stringify(browser({ extensions: "550e8400-e29b-41d4-a716-446655440000" }), null, 2).replace('"550e8400-e29b-41d4-a716-446655440000"', '["550e8400-e29b-41d4-a716-446655440000"]'),
    },
    {
      name: "one tag written as a string, in a file's own layout: the suggestion keeps the rest as written",
      code: '{\n  "count": 1,\n  "configuration": { "session": { "tags": "nightly" } }\n}\n',
      errors: [{ message: '"tags" (configuration.session.tags) must be an array; found a string ("nightly"); did you mean ["nightly"]?', line: 3, column: 43, endLine: 3, endColumn: 52 }],
      output: '{\n  "count": 1,\n  "configuration": { "session": { "tags": ["nightly"] } }\n}\n',
    },
    {
      name: "a list of objects is not guessed from a string",
      code: { count: 1, configuration: { integrations: "1password" } },
      errors: [{ message: '"integrations" (configuration.integrations) must be an array; found a string ("1password").', suggestions: [] }],
    },
    {
      name: "an on/off setting written as the string \"true\": the suggestion wraps the boolean in {active}",
      code: '{"count":1,"configuration":{"browser":{"adblock":"true"}}}',
      errors: [{ message: '"adblock" (configuration.browser.adblock) must be an object; found a string ("true"); did you mean { "active": true }?' }],
      output: '{"count":1,"configuration":{"browser":{"adblock":{ "active": true }}}}',
    },
    {
      name: "a viewport written as a screen size: the suggestion writes its width and height",
      code: '{"count":1,"configuration":{"browser":{"viewport":"1920x1080"}}}',
      errors: [
        {
          message: '"viewport" (configuration.browser.viewport) must be an object; found a string ("1920x1080"); did you mean { "width": 1920, "height": 1080 }?',
          suggestions: ['Replace with { "width": 1920, "height": 1080 }'],
        },
      ],
      output: '{"count":1,"configuration":{"browser":{"viewport":{ "width": 1920, "height": 1080 }}}}',
    },
    {
      name: "a screen size with spaces and a multiplication sign",
      code: '{"count":1,"configuration":{"browser":{"viewport":" 1280 \u00d7 720 "}}}',
      errors: [{ message: '"viewport" (configuration.browser.viewport) must be an object; found a string (" 1280 × 720 "); did you mean { "width": 1280, "height": 720 }?' }],
      output: '{"count":1,"configuration":{"browser":{"viewport":{ "width": 1280, "height": 720 }}}}',
    },
    {
      name: "a viewport string that is no screen size gets no guess",
      code: '{"count":1,"configuration":{"browser":{"viewport":"1920"}}}',
      errors: [{ message: '"viewport" (configuration.browser.viewport) must be an object; found a string ("1920").', suggestions: [] }],
    },
    {
      name: "one integration written as an object: the suggestion puts it in a list, as written (its layout kept)",
      code: '{"count":1,"configuration":{"integrations":{\n    "type": "1PASSWORD",\n    "configuration": {"load_mode": "all"}\n  }}}',
      errors: [
        {
          message: '"integrations" (configuration.integrations) must be an array; found an object; did you mean [{ ... }], a list of one?',
          pointer: "/configuration/integrations",
          suggestions: ["Put it in a list: [ ... ]"],
        },
      ],
      output: '{"count":1,"configuration":{"integrations":[{\n    "type": "1PASSWORD",\n    "configuration": {"load_mode": "all"}\n  }]}}',
    },
    {
      name: "array items are named by their path, not by their index",
      code: { count: 1, configuration: { browser: { extensions: [1] }, integrations: [null] } },
      errors: [
        { message: "configuration.browser.extensions[0] must be a string; found an integer (1).", pointer: "/configuration/browser/extensions/0", line: 6, column: 9, endLine: 6, endColumn: 10 },
        { message: "configuration.integrations[0] must be an object; found null.", pointer: "/configuration/integrations/0" },
      ],
    },
    {
      name: "objects and arrays are described, not quoted",
      code: { count: 1, configuration: [], metadata: "x" },
      errors: [
        { message: '"configuration" must be an object; found an array.', pointer: "/configuration" },
        { message: '"metadata" must be an object; found a string ("x").', pointer: "/metadata" },
      ],
    },
    {
      name: "null is a value of the wrong type, not an absent one",
      code: { count: null },
      errors: [{ message: '"count" must be an integer; found null.', pointer: "/count" }],
    },
    {
      name: "the request itself must be an object",
      code: "[\n  {\"count\": 1}\n]",
      errors: [{ message: "The request must be an object; found an array.", pointer: "", line: 1, column: 1, endLine: 3, endColumn: 2 }],
    },
    {
      name: "a bare string document",
      code: '"count"',
      errors: [{ message: 'The request must be an object; found a string ("count").', pointer: "" }],
    },
    {
      name: "proxy credentials of the wrong type: the value is never shown or suggested",
      code: customProxy({ username: 12345, password: 987654321 }),
      errors: [
        { message: '"username" (configuration.session.proxy.username) must be a string; found an integer.', pointer: "/configuration/session/proxy/username" },
        { message: '"password" (configuration.session.proxy.password) must be a string; found an integer.', pointer: "/configuration/session/proxy/password" },
      ],
    },
  ],
});

it("never echoes a mistyped credential, in the message or a suggestion", () => {
  const findings = lintWithRule(rule, JSON.stringify(customProxy({ username: 4242, password: "pw-9f8e7d" })));
  expect(findings).toHaveLength(1);
  expect(findings[0]!.suggestions).toBeUndefined();
  expect(JSON.stringify(findings)).not.toContain("4242");
});

import { expect, it } from "vitest";
import rule from "../../src/rules/known-property.js";
import { lint } from "../../src/index.js";
import { ruleTester } from "../rule-tester.js";

const ID = "550e8400-e29b-41d4-a716-446655440000";
const pretty = (value: unknown) => JSON.stringify(value, null, 2);
const session = (value: object) => ({ count: 1, configuration: { session: value } });
const proxy = (value: object) => session({ proxy: value });
const customProxy = { type: "custom", server: "http://proxy.example.com:8080", username: "${env:U}", password: "${env:P}", active: true };

/** The spec's own `large_batch` example: `recording` sits under browser, where the API ignores it. */
const largeBatch = (recordingHome: "browser" | "session") => ({
  count: 2500,
  configuration: {
    browser: {
      headless: { active: true },
      viewport: { width: 1440, height: 900 },
      ...(recordingHome === "browser" ? { recording: { active: true } } : {}),
    },
    session: {
      timeout: { idle_timeout: 10, max_duration: 300 },
      tags: ["batch-test-comprehensive"],
      ...(recordingHome === "session" ? { recording: { active: true } } : {}),
    },
  },
  metadata: { test: true, description: "Comprehensive batch test with 3 sessions" },
});

ruleTester(rule, {
  valid: [
    {
      name: "custom-proxy keys on a proxy without type: one finding, custom-proxy-missing-type's, not one per key",
      code: proxy({ server: "http://proxy.example.com:8080", username: "${env:U}", password: "${env:P}", active: true }),
    },
    { count: 1 },
    largeBatch("session"),
    // Fields the later vendor spec documents.
    session({ tags: ["a"], live_view: { read_only: true, one_time_url: false } }),
    { count: 1, configuration: { identities: [{ id: "id-1" }], browser: { pdf_viewer: { active: true }, tracing: { active: true, snapshots: false } } } },
    proxy({ type: "anchor_proxy", active: true, country_code: "us", region: "ca", city: "los_angeles" }),
    proxy(customProxy),
    // metadata is free-form: nothing inside it is checked, however it looks.
    { count: 1, metadata: { recordng: true, configuration: { browser: { recording: 1 } }, constructor: "x" } },
    '{"count": 1, "metadata": {"__proto__": {"polluted": true}, "count": "not checked"}}',
    // sensitive_data_mask.site_selectors maps site names to selector lists: any key is fine there.
    { count: 1, configuration: { browser: { sensitive_data_mask: { site_selectors: { "example.com": ["#ssn"] } } } } },
    // A wrong proxy type is valid-enum's one finding: the keys are judged once the type is right.
    proxy({ type: "socks5", server: "socks5://proxy.example.com:1080", username: "${env:U}", password: "${env:P}", active: true }),
    // A required property written in the wrong place is required-property's one finding.
    '{"configuration":{"count":3}}',
    '{"count":1,"configuration":{"integrations":[{"id":"550e8400-e29b-41d4-a716-446655440000","type":"1PASSWORD","load_mode":"all"}]}}',
    // Not an object at all: valid-type's.
    session({ proxy: "http://proxy.example.com:8080" }),
    // Nothing in metadata is a key of the API, whatever it looks like.
    { count: 1, metadata: { no_adblock: true, maxDurationMs: 5, enabled: true, url: "x" } },
    session({ timeout: { max_duration: 30, idle_timeout: 5 }, recording: { active: false } }),
  ],
  invalid: [
    {
      name: "large_batch: recording under browser moves to session, the spot being free",
      code: largeBatch("browser"),
      errors: [
        {
          message: '"recording" does not belong in configuration.browser; it belongs under configuration.session.',
          pointer: "/configuration/browser/recording",
          severity: "warning",
          line: 12,
          column: 7,
          endLine: 12,
          endColumn: 18,
        },
      ],
      // The moved key goes last in session, after tags, in the file's own indentation.
      output: pretty(largeBatch("session")),
      safeOutput: pretty(largeBatch("session")),
    },
    // Moving a key out of an object it may describe, or moving a `name`, would change what the
    // batch does: --fix leaves the file as it is (safeOutput), the move is only offered (output).
    {
      name: "an integration's name is not moved into browser.profile by --fix: it would load a profile of that name",
      code: '{"count":1,"configuration":{"integrations":[{"id":"550e8400-e29b-41d4-a716-446655440000","name":"Team vault","type":"1PASSWORD","configuration":{"load_mode":"all"}}]}}',
      errors: [
        {
          message: '"name" does not belong in configuration.integrations[0]; it belongs under configuration.browser.profile.',
          pointer: "/configuration/integrations/0/name",
          suggestions: ['Move "name" to configuration.browser.profile'],
        },
      ],
      safeOutput: '{"count":1,"configuration":{"integrations":[{"id":"550e8400-e29b-41d4-a716-446655440000","name":"Team vault","type":"1PASSWORD","configuration":{"load_mode":"all"}}]}}',
      output: '{"count":1,"configuration":{"integrations":[{"id":"550e8400-e29b-41d4-a716-446655440000","type":"1PASSWORD","configuration":{"load_mode":"all"}}],"browser":{"profile":{"name":"Team vault"}}}}',
    },
    {
      name: "an identity's persist is not moved by --fix: it would turn on profile saving",
      code: '{"count":1,"configuration":{"identities":[{"id":"123e4567-e89b-12d3-a456-426614174000","persist":true}]}}',
      errors: [
        {
          message: '"persist" does not belong in configuration.identities[0]; it belongs under configuration.browser.profile.',
          pointer: "/configuration/identities/0/persist",
          suggestions: ['Move "persist" to configuration.browser.profile'],
        },
      ],
      safeOutput: '{"count":1,"configuration":{"identities":[{"id":"123e4567-e89b-12d3-a456-426614174000","persist":true}]}}',
      output: '{"count":1,"configuration":{"identities":[{"id":"123e4567-e89b-12d3-a456-426614174000"}],"browser":{"profile":{"persist":true}}}}',
    },
    {
      name: "an id in a profile means its name (a profile is known by its name): the rename is offered",
      code: '{"count":1,"configuration":{"browser":{"profile":{"id":"shop"}}}}',
      errors: [
        {
          message: 'Unknown property "id" in configuration.browser.profile; did you mean "name"? A profile is known by its name; "id" belongs under configuration.identities[] or under configuration.integrations[].',
          pointer: "/configuration/browser/profile/id",
          suggestions: ['Rename to "name"'],
        },
      ],
      safeOutput: '{"count":1,"configuration":{"browser":{"profile":{"id":"shop"}}}}',
      output: '{"count":1,"configuration":{"browser":{"profile":{"name":"shop"}}}}',
    },
    {
      name: "a name in session is not moved by --fix, though session is a mixed-up section: a session label is no profile name",
      code: '{"count":1,"configuration":{"session":{"name":"nightly crawl"}}}',
      errors: [
        {
          message: '"name" does not belong in configuration.session; it belongs under configuration.browser.profile.',
          pointer: "/configuration/session/name",
          suggestions: ['Move "name" to configuration.browser.profile'],
        },
      ],
      safeOutput: '{"count":1,"configuration":{"session":{"name":"nightly crawl"}}}',
      output: '{"count":1,"configuration":{"session":{},"browser":{"profile":{"name":"nightly crawl"}}}}',
    },
    {
      name: "keys inside adblock, a custom pattern and the proxy are only offered moves",
      code: '{"count":1,"configuration":{"browser":{"adblock":{"active":true,"persist":false},"sensitive_data_mask":{"active":true,"custom_patterns":[{"regex":"\\\\d+","name":"digits"}]}},"session":{"proxy":{"active":true,"name":"eu"}}}}',
      errors: [
        { message: '"persist" does not belong in configuration.browser.adblock; it belongs under configuration.browser.profile.', pointer: "/configuration/browser/adblock/persist", suggestions: ['Move "persist" to configuration.browser.profile'] },
        {
          message: '"name" does not belong in configuration.browser.sensitive_data_mask.custom_patterns[0]; it belongs under configuration.browser.profile.',
          pointer: "/configuration/browser/sensitive_data_mask/custom_patterns/0/name",
          suggestions: ['Move "name" to configuration.browser.profile'],
        },
        { message: '"name" does not belong in configuration.session.proxy; it belongs under configuration.browser.profile.', pointer: "/configuration/session/proxy/name", suggestions: ['Move "name" to configuration.browser.profile'] },
      ],
      safeOutput: '{"count":1,"configuration":{"browser":{"adblock":{"active":true,"persist":false},"sensitive_data_mask":{"active":true,"custom_patterns":[{"regex":"\\\\d+","name":"digits"}]}},"session":{"proxy":{"active":true,"name":"eu"}}}}',
    },
    {
      name: "persist written directly in browser, one of the mixed-up sections, still moves into profile",
      code: '{"count":1,"configuration":{"browser":{"persist":true}}}',
      errors: [{ message: '"persist" does not belong in configuration.browser; it belongs under configuration.browser.profile.', pointer: "/configuration/browser/persist", suggestions: [] }],
      safeOutput: '{"count":1,"configuration":{"browser":{"profile":{"persist":true}}}}',
    },
    {
      name: "a misplaced key whose home is taken: no move, and the message says which one counts",
      code: { count: 1, configuration: { browser: { recording: { active: true } }, session: { recording: { active: false } } } },
      errors: [
        {
          message: '"recording" does not belong in configuration.browser; it belongs under configuration.session, which already has one, so this one is ignored.',
          pointer: "/configuration/browser/recording",
        },
      ],
    },
    {
      name: "typo: safe rename",
      code: session({ recordng: { active: false } }),
      errors: [
        {
          message: 'Unknown property "recordng" in configuration.session; did you mean "recording"?',
          pointer: "/configuration/session/recordng",
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 17,
        },
      ],
      output: pretty(session({ recording: { active: false } })),
    },
    {
      name: "typos at two depths, each renamed",
      code: { count: 1, configuration: { browser: { headles: { active: true }, adblock: { actve: false } } } },
      errors: [
        { message: 'Unknown property "headles" in configuration.browser; did you mean "headless"?', pointer: "/configuration/browser/headles" },
        { message: 'Unknown property "actve" in configuration.browser.adblock; did you mean "active"?', pointer: "/configuration/browser/adblock/actve" },
      ],
      output: pretty({ count: 1, configuration: { browser: { headless: { active: true }, adblock: { active: false } } } }),
    },
    {
      // With load_mode "specific" the misspelt secrets are required-property's (the key is required then).
      name: "typo inside an array item",
      code: { count: 1, configuration: { integrations: [{ id: ID, type: "1PASSWORD", configuration: { load_mode: "all", secret: ["op://vault/item/field"] } }] } },
      errors: [{ message: 'Unknown property "secret" in configuration.integrations[0].configuration; did you mean "secrets"?', pointer: "/configuration/integrations/0/configuration/secret" }],
      output: pretty({ count: 1, configuration: { integrations: [{ id: ID, type: "1PASSWORD", configuration: { load_mode: "all", secrets: ["op://vault/item/field"] } }] } }),
    },
    {
      name: "a typo next to the correct key: no rename into a duplicate",
      code: session({ timeout: { max_duration: 30, max_duraton: 60 } }),
      errors: [
        {
          message: 'Unknown property "max_duraton" in configuration.session.timeout; it looks like "max_duration", which is already set here, so this one is ignored.',
          pointer: "/configuration/session/timeout/max_duraton",
        },
      ],
    },
    {
      name: "a misspelt value that would itself be wrong at its home is not renamed",
      code: session({ recordng: { actve: true } }),
      errors: [
        { message: 'Unknown property "recordng" in configuration.session; did you mean "recording"?', pointer: "/configuration/session/recordng" },
      ],
      // Renaming would trade this warning for "actve" under recording: fix the inner key first.
      output: pretty(session({ recordng: { actve: true } })),
    },
    // A key meaning the opposite of a known key is never renamed to it: that would reverse the setting.
    {
      name: "enable_web_security is not renamed to disable_web_security (that would turn web security off)",
      code: '{"count":1,"configuration":{"browser":{"enable_web_security":{"active":true}}}}',
      errors: [
        {
          message: 'Unknown property "enable_web_security" in configuration.browser; "disable_web_security" means the opposite: did you mean "disable_web_security": {"active": false} (the default)?',
          pointer: "/configuration/browser/enable_web_security",
          suggestions: ['Replace with "disable_web_security": {"active": false}'],
        },
      ],
      safeOutput: '{"count":1,"configuration":{"browser":{"enable_web_security":{"active":true}}}}',
      output: '{"count":1,"configuration":{"browser":{"disable_web_security":{"active":false}}}}',
    },
    {
      name: "headless.inactive: the known key with the value reversed, only offered",
      code: '{"count":1,"configuration":{"browser":{"headless":{"inactive":true}}}}',
      errors: [{ message: 'Unknown property "inactive" in configuration.browser.headless; "active" means the opposite: did you mean "active": false (the default)?', suggestions: ['Replace with "active": false'] }],
      safeOutput: '{"count":1,"configuration":{"browser":{"headless":{"inactive":true}}}}',
      output: '{"count":1,"configuration":{"browser":{"headless":{"active":false}}}}',
    },
    {
      name: "recording.inactive (a proxy's inactive, where active is required, is required-property's)",
      code: '{"count":1,"configuration":{"session":{"recording":{"inactive":true},"proxy":{"inactive":false}}}}',
      errors: [
        { message: 'Unknown property "inactive" in configuration.session.recording; "active" means the opposite: did you mean "active": false?', suggestions: ['Replace with "active": false'] },
      ],
      safeOutput: '{"count":1,"configuration":{"session":{"recording":{"inactive":true},"proxy":{"inactive":false}}}}',
      output: '{"count":1,"configuration":{"session":{"recording":{"active":false},"proxy":{"inactive":false}}}}',
    },
    {
      name: "no_adblock, enable_dialogs and disable_adblock (not disable_dialogs, another feature)",
      code: '{"count":1,"configuration":{"browser":{"no_adblock":{"active":true},"enable_dialogs":{"active":true}}}}',
      errors: [
        { message: 'Unknown property "no_adblock" in configuration.browser; "adblock" means the opposite: did you mean "adblock": {"active": false}?', suggestions: ['Replace with "adblock": {"active": false}'] },
        { message: 'Unknown property "enable_dialogs" in configuration.browser; "disable_dialogs" means the opposite: did you mean "disable_dialogs": {"active": false} (the default)?', suggestions: ['Replace with "disable_dialogs": {"active": false}'] },
      ],
      safeOutput: '{"count":1,"configuration":{"browser":{"no_adblock":{"active":true},"enable_dialogs":{"active":true}}}}',
    },
    {
      name: "disable_adblock means adblock off, not disable_dialogs",
      code: '{"count":1,"configuration":{"browser":{"disable_adblock":{"active":true}}}}',
      errors: [{ message: 'Unknown property "disable_adblock" in configuration.browser; "adblock" means the opposite: did you mean "adblock": {"active": false}?' }],
      safeOutput: '{"count":1,"configuration":{"browser":{"disable_adblock":{"active":true}}}}',
    },
    {
      name: "a profile's no_persist, in camel case too",
      code: '{"count":1,"configuration":{"browser":{"profile":{"name":"p","noPersist":true}}}}',
      errors: [{ message: 'Unknown property "noPersist" in configuration.browser.profile; "persist" means the opposite: did you mean "persist": false (the default)?', suggestions: ['Replace with "persist": false'] }],
      safeOutput: '{"count":1,"configuration":{"browser":{"profile":{"name":"p","noPersist":true}}}}',
    },
    {
      name: "an opposite whose value is no on/off setting: said, nothing offered",
      code: '{"count":1,"configuration":{"browser":{"no_adblock":"yes"}}}',
      errors: [{ message: 'Unknown property "no_adblock" in configuration.browser; "adblock" means the opposite, so renaming it would reverse the setting.', suggestions: [] }],
    },
    {
      name: "an opposite of a key already set",
      code: '{"count":1,"configuration":{"browser":{"headless":{"active":true,"inactive":false}}}}',
      errors: [{ message: 'Unknown property "inactive" in configuration.browser.headless; "active" means the opposite and is already set here, so this one is ignored.', suggestions: [] }],
    },
    // Spelling variants are safe renames; farther guesses only offered.
    {
      name: "two typos away is a guess: offered, not applied by --fix",
      code: '{"count":1,"configuration":{"browser":{"heedles":{"active":true}}}}',
      errors: [{ message: 'Unknown property "heedles" in configuration.browser; did you mean "headless"?', suggestions: ['Rename to "headless"'] }],
      safeOutput: '{"count":1,"configuration":{"browser":{"heedles":{"active":true}}}}',
      output: '{"count":1,"configuration":{"browser":{"headless":{"active":true}}}}',
    },
    {
      name: "one typo in a two-letter key is a guess",
      code: '{"count":1,"configuration":{"identities":[{"ip":"id-1"}]}}',
      errors: [{ message: 'Unknown property "ip" in configuration.identities[0]; did you mean "id"?', suggestions: ['Rename to "id"'] }],
      safeOutput: '{"count":1,"configuration":{"identities":[{"ip":"id-1"}]}}',
    },
    // Synonyms: a guess about the word meant, so only offered.
    {
      name: "a proxy's country, an on/off enabled, url and startUrl",
      code: '{"count":1,"configuration":{"session":{"proxy":{"active":true,"country":"de"},"recording":{"enabled":false},"url":"https://a.example"}}}',
      errors: [
        { message: 'Unknown property "country" in configuration.session.proxy; did you mean "country_code"?', suggestions: ['Rename to "country_code"'] },
        { message: 'Unknown property "enabled" in configuration.session.recording; did you mean "active"?', suggestions: ['Rename to "active"'] },
        { message: 'Unknown property "url" in configuration.session; did you mean "initial_url"?', suggestions: ['Rename to "initial_url"'] },
      ],
      safeOutput: '{"count":1,"configuration":{"session":{"proxy":{"active":true,"country":"de"},"recording":{"enabled":false},"url":"https://a.example"}}}',
      output: '{"count":1,"configuration":{"session":{"proxy":{"active":true,"country_code":"de"},"recording":{"active":false},"initial_url":"https://a.example"}}}',
    },
    {
      name: "a top-level config",
      code: '{"count":1,"config":{"session":{"initial_url":"https://a.example"}}}',
      errors: [{ message: 'Unknown property "config" in the request; did you mean "configuration"?', suggestions: ['Rename to "configuration"'] }],
      safeOutput: '{"count":1,"config":{"session":{"initial_url":"https://a.example"}}}',
      output: '{"count":1,"configuration":{"session":{"initial_url":"https://a.example"}}}',
    },
    {
      name: "a config beside the configuration: the copy is ignored",
      code: '{"count":1,"config":{},"configuration":{}}',
      errors: [{ message: 'Unknown property "config" in the request; it looks like "configuration", which is already set here, so this one is ignored.' }],
    },
    {
      name: "startUrl, adblock's enabled and an identity's identityId",
      code: '{"count":1,"configuration":{"session":{"startUrl":"https://a.example"},"browser":{"adblock":{"enabled":true}},"identities":[{"identityId":"id-1"}]}}',
      errors: [
        { message: 'Unknown property "startUrl" in configuration.session; did you mean "initial_url"?', suggestions: ['Rename to "initial_url"'] },
        { message: 'Unknown property "enabled" in configuration.browser.adblock; did you mean "active"?', suggestions: ['Rename to "active"'] },
        { message: 'Unknown property "identityId" in configuration.identities[0]; did you mean "id"?', suggestions: ['Rename to "id"'] },
      ],
    },
    {
      name: "server on an Anchor proxy",
      code: proxy({ type: "anchor_residential", active: true, server: "http://proxy.example.com:8080" }),
      errors: [
        {
          message: '"server" applies only to a custom proxy ("type": "custom"); this is an Anchor proxy.',
          pointer: "/configuration/session/proxy/server",
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 17,
        },
      ],
    },
    {
      name: "country_code, region and city on a custom proxy",
      code: proxy({ ...customProxy, country_code: "de", region: "be", city: "berlin" }),
      errors: [
        { message: '"country_code" applies only to Anchor proxies; a custom proxy ("type": "custom") does not use it.', pointer: "/configuration/session/proxy/country_code" },
        { message: '"region" applies only to Anchor proxies; a custom proxy ("type": "custom") does not use it.', pointer: "/configuration/session/proxy/region" },
        { message: '"city" applies only to Anchor proxies; a custom proxy ("type": "custom") does not use it.', pointer: "/configuration/session/proxy/city" },
      ],
    },
    {
      name: "a proxy key typo is still a typo",
      code: proxy({ active: true, countrycode: "de" }),
      errors: [{ message: 'Unknown property "countrycode" in configuration.session.proxy; did you mean "country_code"?', pointer: "/configuration/session/proxy/countrycode" }],
      output: pretty(proxy({ active: true, country_code: "de" })),
    },
    {
      name: "a top-level key written inside configuration moves to the top level",
      code: '{\n  "count": 1,\n  "configuration": {\n    "metadata": { "team": "qa" },\n    "session": {}\n  }\n}',
      errors: [{ message: '"metadata" does not belong in configuration; it belongs at the top level.', pointer: "/configuration/metadata" }],
      // The value moves as it was written: the user's own layout, not a reformatted copy.
      output: '{\n  "count": 1,\n  "configuration": {\n    "session": {}\n  },\n  "metadata": { "team": "qa" }\n}',
    },
    {
      name: "count inside configuration while the top level has one",
      code: { count: 1, configuration: { count: 5 } },
      errors: [{ message: '"count" does not belong in configuration; it belongs at the top level, which already has one, so this one is ignored.', pointer: "/configuration/count" }],
    },
    {
      name: "a key with several homes names them, without a move",
      code: { count: 1, configuration: { integrations: [{ id: ID, type: "1PASSWORD", load_mode: "all", configuration: { load_mode: "all" } }] } },
      errors: [
        {
          message: '"load_mode" does not belong in configuration.integrations[0]; it belongs under configuration.integrations[].configuration.',
          pointer: "/configuration/integrations/0/load_mode",
        },
      ],
    },
    {
      name: "unknown key with nothing close: the known ones are listed, on the key",
      code: '{\n  "count": 1,\n  "priority": "high"\n}',
      errors: [{ message: 'Unknown property "priority" in the request. Known properties: "configuration", "count" and "metadata".', pointer: "/priority", line: 3, column: 3, endLine: 3, endColumn: 13 }],
    },
    {
      name: "__proto__ and constructor are ordinary unknown keys",
      code: '{"count": 1, "configuration": {"__proto__": {"x": 1}, "constructor": 1}}',
      errors: [
        { message: 'Unknown property "__proto__" in configuration. Known properties: "browser", "identities", "integrations" and "session".', pointer: "/configuration/__proto__", line: 1, column: 32, endLine: 1, endColumn: 43 },
        { message: 'Unknown property "constructor" in configuration. Known properties: "browser", "identities", "integrations" and "session".', pointer: "/configuration/constructor" },
      ],
    },
    {
      name: "a key with / and ~ gets an escaped pointer",
      code: '{"count": 1, "a/b~c": 1}',
      errors: [{ message: 'Unknown property "a/b~c" in the request. Known properties: "configuration", "count" and "metadata".', pointer: "/a~1b~0c", line: 1, column: 14, endLine: 1, endColumn: 21 }],
    },
  ],
});

it("large_batch as a whole: the count error and this warning, nothing for session.tags", () => {
  const findings = lint(pretty(largeBatch("browser")));
  expect(findings.map((finding) => [finding.ruleId, finding.pointer])).toEqual([
    ["count-range", "/count"],
    ["known-property", "/configuration/browser/recording"],
  ]);
});

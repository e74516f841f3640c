import { describe, expect, it } from "vitest";
import rule from "../../src/rules/required-property.js";
import { fix, lint } from "../../src/index.js";
import { ruleTester } from "../rule-tester.js";

const COUNT = 'Missing required property "count" in the request (Number of sessions to create in the batch (1-1000)).';
const ID = "550e8400-e29b-41d4-a716-446655440000";
const proxy = (value: object) => ({ count: 1, configuration: { session: { proxy: value } } });
const integration = (value: object) => ({ count: 1, configuration: { integrations: [value] } });
const ACTIVE = 'Missing required property "active" in configuration.session.proxy (Enable or disable the proxy).';

ruleTester(rule, {
  valid: [
    { count: 1 },
    // null is there (valid-type reports its type); only absence is this rule's.
    { count: null },
    proxy({ active: true }),
    proxy({ type: "anchor_mobile", active: false, country_code: "de" }),
    proxy({ type: "custom", server: "http://proxy.example.com:8080", username: "${env:PROXY_USER}", password: "${env:PROXY_PASS}", active: true }),
    integration({ id: ID, type: "1PASSWORD", configuration: { load_mode: "all" } }),
    integration({ id: ID, type: "1PASSWORD", configuration: { load_mode: "specific", secrets: ["op://vault/item/field"] } }),
    // A wrong proxy type is one mistake: valid-enum reports it; the branch guessed for it asks nothing more
    // (a custom proxy's username and password for "socks5").
    proxy({ type: "socks5", active: true, server: "socks5://proxy.example.com:1080" }),
    proxy({ type: 5, active: true }),
    // Wrong load_mode: valid-enum's; "secrets" is only required once the mode is "specific".
    integration({ id: ID, type: "1PASSWORD", configuration: { load_mode: "some" } }),
    // Objects of the wrong type are valid-type's.
    { count: 1, configuration: { session: { proxy: true }, integrations: [null] } },
  ],
  invalid: [
    {
      name: "a proxy without active under an active CAPTCHA solver: one error that says both",
      code: { count: 1, configuration: { browser: { captcha_solver: { active: true } }, session: { proxy: { type: "anchor_residential" } } } },
      errors: [
        {
          message:
            'Missing required property "active" in configuration.session.proxy (Enable or disable the proxy). ' +
            'The CAPTCHA solver is on, and the API rejects it without an active proxy ("CAPTCHA solver requires proxy to be active"): add "active": true.',
          pointer: "/configuration/session/proxy",
          line: 10,
          column: 7,
        },
      ],
    },
    {
      name: "a proxy without active under extra stealth",
      code: { count: 1, configuration: { browser: { extra_stealth: { active: true } }, session: { proxy: {} } } },
      errors: [
        {
          message:
            'Missing required property "active" in configuration.session.proxy (Enable or disable the proxy). ' +
            'Extra stealth is on, and it works only with an active Anchor proxy: add "active": true.',
        },
      ],
    },
    {
      name: "a custom proxy without active: extra stealth's own finding says it needs an Anchor proxy, not this one",
      code: {
        count: 1,
        configuration: {
          browser: { extra_stealth: { active: true }, captcha_solver: { active: false } },
          session: { proxy: { type: "custom", server: "http://proxy.example.com:8080", username: "${env:U}", password: "${env:P}" } },
        },
      },
      errors: [{ message: 'Missing required property "active" in configuration.session.proxy (Enable or disable the proxy).' }],
    },
    {
      name: "empty request: on the root's opening brace",
      code: "{}",
      errors: [{ message: COUNT, pointer: "", line: 1, column: 1, endLine: 1, endColumn: 2 }],
    },
    {
      name: "the root's brace after leading blank lines",
      code: '\n\n{\n  "configuration": {}\n}',
      errors: [{ message: COUNT, pointer: "", line: 3, column: 1, endLine: 3, endColumn: 2 }],
    },
    {
      name: "count only inside metadata does not count (metadata is free-form: no copy of it)",
      code: '{\n  "metadata": { "count": 10 }\n}',
      errors: [{ message: COUNT, pointer: "", line: 1, column: 1 }],
    },
    {
      name: "a wrong proxy type without active: every type requires it, so it is missing whatever the type",
      code: proxy({ type: "socks5", server: "socks5://proxy.example.com:1080" }),
      errors: [{ message: 'Missing required property "active" in configuration.session.proxy (Enable or disable the proxy).' }],
    },
    {
      name: "an Anchor proxy needs active: on the proxy's key",
      code: proxy({ type: "anchor_residential", country_code: "de" }),
      errors: [
        {
          message: 'Missing required property "active" in configuration.session.proxy (Enable or disable the proxy).',
          pointer: "/configuration/session/proxy",
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 14,
        },
      ],
    },
    {
      name: "a proxy without type is an Anchor proxy",
      code: proxy({}),
      errors: [{ message: 'Missing required property "active" in configuration.session.proxy (Enable or disable the proxy).', pointer: "/configuration/session/proxy" }],
    },
    {
      name: "a custom proxy needs server, username, password and active: one finding each",
      code: proxy({ type: "custom", server: "http://proxy.example.com:8080" }),
      errors: [
        { message: 'Missing required property "username" in configuration.session.proxy (Proxy username).', pointer: "/configuration/session/proxy", line: 5, column: 7, endLine: 5, endColumn: 14 },
        { message: 'Missing required property "password" in configuration.session.proxy (Proxy password).', pointer: "/configuration/session/proxy" },
        { message: 'Missing required property "active" in configuration.session.proxy (Enable or disable the proxy).', pointer: "/configuration/session/proxy" },
      ],
    },
    {
      name: "an integration item has no key: on its opening brace",
      code: integration({ type: "1PASSWORD" }),
      errors: [
        { message: 'Missing required property "id" in configuration.integrations[0] (Unique integration ID).', pointer: "/configuration/integrations/0", line: 5, column: 7, endLine: 5, endColumn: 8 },
        { message: 'Missing required property "configuration" in configuration.integrations[0] (How the 1Password integration loads secrets).', pointer: "/configuration/integrations/0" },
      ],
    },
    {
      name: "1Password configuration without load_mode",
      code: integration({ id: ID, type: "1PASSWORD", configuration: {} }),
      errors: [
        {
          message:
            'Missing required property "load_mode" in configuration.integrations[0].configuration (Which secrets to load: `all` of them, or the `specific` ones listed in `secrets`).',
          pointer: "/configuration/integrations/0/configuration",
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 24,
        },
      ],
    },
    {
      name: "load_mode specific needs secrets",
      code: integration({ id: ID, type: "1PASSWORD", configuration: { load_mode: "specific" } }),
      errors: [
        {
          message: 'Missing required property "secrets" in configuration.integrations[0].configuration (Array of secret references to load).',
          pointer: "/configuration/integrations/0/configuration",
        },
      ],
    },
    // A missing property misspelt in the object that lacks it is one mistake: this error, with the rename.
    {
      name: "Count for count: one error naming the misspelt key, and --fix renames it (a difference of case)",
      code: '{\n  "Count": 10,\n  "metadata": { "count": 10 }\n}',
      errors: [{ message: `${COUNT} "Count" is written instead, which the API ignores: did you mean "count"?`, pointer: "", line: 1, column: 1, suggestions: [] }],
      safeOutput: '{\n  "count": 10,\n  "metadata": { "count": 10 }\n}',
    },
    {
      name: "count with a trailing space is the same word: --fix renames it",
      code: '{"count ": 10}',
      errors: [{ message: `${COUNT} "count " is written instead, which the API ignores: did you mean "count"?` }],
      safeOutput: '{"count": 10}',
    },
    {
      name: "a misspelt count whose value is not a count: the rename is only offered",
      code: '{"Count": "ten"}',
      errors: [{ message: `${COUNT} "Count" is written instead, which the API ignores: did you mean "count"?`, suggestions: ['Rename "Count" to "count"'] }],
      safeOutput: '{"Count": "ten"}',
      output: '{"count": "ten"}',
    },
    {
      name: "sessions and num_sessions are other words for count: the rename is only offered",
      code: '{"sessions": 10}',
      errors: [{ message: `${COUNT} "sessions" is written instead, which the API ignores: did you mean "count"?`, suggestions: ['Rename "sessions" to "count"'] }],
      safeOutput: '{"sessions": 10}',
      output: '{"count": 10}',
    },
    {
      name: "num_sessions",
      code: '{"num_sessions": 10}',
      errors: [{ message: `${COUNT} "num_sessions" is written instead, which the API ignores: did you mean "count"?`, suggestions: ['Rename "num_sessions" to "count"'] }],
      output: '{"count": 10}',
    },
    {
      name: "count misspelt twice: both named, no rename (which value is meant is the user's call)",
      code: '{"Count": 1, "count ": 2}',
      errors: [{ message: `${COUNT} "Count" and "count " are written instead, which the API ignores: did you mean "count"?`, suggestions: [] }],
      safeOutput: '{"Count": 1, "count ": 2}',
    },
    {
      name: "misspelt and misplaced: both named, nothing moved or renamed",
      code: '{"Count": 1, "configuration": {"count": 2}}',
      errors: [{ message: `${COUNT} It is written under configuration, where the API ignores it: move it here. "Count" is written instead, which the API ignores: did you mean "count"?`, suggestions: [] }],
      safeOutput: '{"Count": 1, "configuration": {"count": 2}}',
    },
    {
      name: "a proxy's Active: --fix renames it",
      code: '{"count":1,"configuration":{"session":{"proxy":{"Active":true}}}}',
      errors: [{ message: `${ACTIVE} "Active" is written instead, which the API ignores: did you mean "active"?`, pointer: "/configuration/session/proxy" }],
      safeOutput: '{"count":1,"configuration":{"session":{"proxy":{"active":true}}}}',
    },
    {
      name: "a proxy's isActive is two edits away: the rename is only offered",
      code: '{"count":1,"configuration":{"session":{"proxy":{"isActive":true}}}}',
      errors: [{ message: `${ACTIVE} "isActive" is written instead, which the API ignores: did you mean "active"?`, suggestions: ['Rename "isActive" to "active"'] }],
      safeOutput: '{"count":1,"configuration":{"session":{"proxy":{"isActive":true}}}}',
      output: '{"count":1,"configuration":{"session":{"proxy":{"active":true}}}}',
    },
    {
      name: "a proxy's enabled is another word for active: only offered",
      code: '{"count":1,"configuration":{"session":{"proxy":{"enabled":true}}}}',
      errors: [{ message: `${ACTIVE} "enabled" is written instead, which the API ignores: did you mean "active"?`, suggestions: ['Rename "enabled" to "active"'] }],
      output: '{"count":1,"configuration":{"session":{"proxy":{"active":true}}}}',
    },
    {
      name: "secret for secrets when load_mode is specific: one error, --fix renames it",
      code: integration({ id: ID, type: "1PASSWORD", configuration: { load_mode: "specific", secret: ["op://vault/item/field"] } }),
      errors: [{ message: /^Missing required property "secrets" .* "secret" is written instead, which the API ignores: did you mean "secrets"\?$/ }],
      safeOutput: JSON.stringify(integration({ id: ID, type: "1PASSWORD", configuration: { load_mode: "specific", secrets: ["op://vault/item/field"] } }), null, 2),
    },
    // A missing property written in the wrong place is one mistake: this error says where it is.
    {
      name: "count written inside configuration: the error says so, and --fix moves it to the top level",
      code: '{"configuration":{"count":3}}',
      errors: [{ message: `${COUNT} It is written under configuration, where the API ignores it: move it here.`, pointer: "", line: 1, column: 1, endLine: 1, endColumn: 2, suggestions: [] }],
      safeOutput: '{"configuration":{},"count":3}',
    },
    {
      name: "count written twice in wrong places: both named, no move (which value is meant is the user's call)",
      code: '{"configuration":{"count":3,"session":{"count":2}}}',
      errors: [{ message: `${COUNT} It is written under configuration and under configuration.session, where the API ignores it: move one here.`, suggestions: [] }],
      safeOutput: '{"configuration":{"count":3,"session":{"count":2}}}',
    },
    {
      name: "a custom proxy's server written next to the proxy moves into it",
      code: '{"count":1,"configuration":{"session":{"server":"http://p.example.com:8080","proxy":{"type":"custom","active":true,"username":"${env:U}","password":"${env:P}"}}}}',
      errors: [
        {
          message:
            'Missing required property "server" in configuration.session.proxy (Proxy address in PROTOCOL://HOST:PORT format (e.g., https://proxy.example.com:443)). ' +
            "It is written under configuration.session, where the API ignores it: move it here.",
          pointer: "/configuration/session/proxy",
        },
      ],
      safeOutput: '{"count":1,"configuration":{"session":{"proxy":{"type":"custom","active":true,"username":"${env:U}","password":"${env:P}","server":"http://p.example.com:8080"}}}}',
    },
    {
      name: "a proxy's active written beside the proxy: one error, the move offered (recording and others have an active too)",
      code: '{"count":1,"configuration":{"session":{"active":true,"proxy":{"type":"anchor_residential","country_code":"us"}}}}',
      errors: [
        {
          message: 'Missing required property "active" in configuration.session.proxy (Enable or disable the proxy). It is written under configuration.session, where the API ignores it: move it here.',
          pointer: "/configuration/session/proxy",
          suggestions: ['Move "active" here'],
        },
      ],
      safeOutput: '{"count":1,"configuration":{"session":{"active":true,"proxy":{"type":"anchor_residential","country_code":"us"}}}}',
      output: '{"count":1,"configuration":{"session":{"proxy":{"type":"anchor_residential","country_code":"us","active":true}}}}',
    },
    {
      name: "active beside a recording and a proxy that both lack it: only the proxy requires it, so the error names the copy",
      code: '{"count":1,"configuration":{"session":{"active":false,"recording":{},"proxy":{"type":"anchor_residential"}}}}',
      errors: [{ message: 'Missing required property "active" in configuration.session.proxy (Enable or disable the proxy). It is written under configuration.session, where the API ignores it: move it here.' }],
    },
    {
      name: "an integration's load_mode written in the integration itself: moving it into a new configuration is offered, not applied",
      code: '{"count":1,"configuration":{"integrations":[{"id":"550e8400-e29b-41d4-a716-446655440000","type":"1PASSWORD","load_mode":"all"}]}}',
      errors: [
        {
          message:
            'Missing required property "configuration" in configuration.integrations[0] (How the 1Password integration loads secrets). ' +
            '"load_mode" is written under configuration.integrations[0], where the API ignores it: move it into "configuration".',
          pointer: "/configuration/integrations/0",
          suggestions: ['Move "load_mode" into "configuration"'],
        },
      ],
      safeOutput: '{"count":1,"configuration":{"integrations":[{"id":"550e8400-e29b-41d4-a716-446655440000","type":"1PASSWORD","load_mode":"all"}]}}',
      output: '{"count":1,"configuration":{"integrations":[{"id":"550e8400-e29b-41d4-a716-446655440000","type":"1PASSWORD","configuration":{"load_mode":"all"}}]}}',
    },
    {
      name: "load_mode \"specific\" written in the integration: the configuration the move creates would lack secrets, so the move says so",
      code: '{"count":1,"configuration":{"integrations":[{"id":"550e8400-e29b-41d4-a716-446655440000","type":"1PASSWORD","load_mode":"specific"}]}}',
      errors: [
        {
          message:
            'Missing required property "configuration" in configuration.integrations[0] (How the 1Password integration loads secrets). ' +
            '"load_mode" is written under configuration.integrations[0], where the API ignores it: move it into "configuration".',
          suggestions: ['Move "load_mode" into "configuration" (then add the keys it requires)'],
        },
      ],
      safeOutput: '{"count":1,"configuration":{"integrations":[{"id":"550e8400-e29b-41d4-a716-446655440000","type":"1PASSWORD","load_mode":"specific"}]}}',
      output: '{"count":1,"configuration":{"integrations":[{"id":"550e8400-e29b-41d4-a716-446655440000","type":"1PASSWORD","configuration":{"load_mode":"specific"}}]}}',
    },
    {
      name: "an integration's id written in its configuration is that integration's, though identities have ids too",
      code: '{"count":1,"configuration":{"integrations":[{"type":"1PASSWORD","configuration":{"load_mode":"all","id":"550e8400-e29b-41d4-a716-446655440000"}}]}}',
      errors: [
        {
          message: 'Missing required property "id" in configuration.integrations[0] (Unique integration ID). It is written under configuration.integrations[0].configuration, where the API ignores it: move it here.',
          suggestions: ['Move "id" here'],
        },
      ],
      output: '{"count":1,"configuration":{"integrations":[{"type":"1PASSWORD","configuration":{"load_mode":"all"},"id":"550e8400-e29b-41d4-a716-446655440000"}]}}',
    },
    {
      name: "a second integration is told apart by its index",
      code: {
        count: 1,
        configuration: { integrations: [{ id: ID, type: "1PASSWORD", configuration: { load_mode: "all" } }, { id: ID, configuration: { load_mode: "all" } }] },
      },
      errors: [{ message: 'Missing required property "type" in configuration.integrations[1] (Integration type).', pointer: "/configuration/integrations/1" }],
    },
  ],
});

describe("a missing property written in the wrong place, as the user sees it", () => {
  it("count inside configuration: one error, pointing at the copy, and --fix leaves a clean file with the value kept", () => {
    const text = '{"configuration":{"count":3}}';
    const findings = lint(text);
    expect(findings.map((finding) => [finding.ruleId, finding.severity, finding.related?.map((related) => [related.pointer, related.message, related.range?.start.column])])).toEqual([
      ["required-property", "error", [["/configuration/count", '"count" is written here, where the API ignores it.', 19]]],
    ]);
    const result = fix(text);
    expect(result.output).toBe('{"configuration":{},"count":3}');
    expect(result.findings).toEqual([]);
  });

  it("load_mode in the integration: one error with the move offered; --fix leaves the file", () => {
    const text = '{"count":1,"configuration":{"integrations":[{"id":"550e8400-e29b-41d4-a716-446655440000","type":"1PASSWORD","load_mode":"all"}]}}';
    expect(lint(text).map((finding) => finding.ruleId)).toEqual(["required-property"]);
    expect(fix(text).output).toBe(text);
  });

  it("300 integrations with their id in their configuration: each error names its own copy", () => {
    const items = Array.from({ length: 300 }, (_, index) => ({ type: "1PASSWORD", configuration: { load_mode: "all", id: `id-${index}` } }));
    const findings = lint(JSON.stringify({ count: 1, configuration: { integrations: items } }));
    expect(findings).toHaveLength(300);
    expect(findings.every((finding, index) => finding.ruleId === "required-property" && finding.related?.[0]?.pointer === `/configuration/integrations/${index}/configuration/id`)).toBe(true);
  });

  it("active beside the proxy that lacks it: one error, not an unknown key as well; --fix keeps the file, the suggestion moves it", () => {
    const text = '{\n  "count": 1,\n  "configuration": {\n    "session": {\n      "active": true,\n      "proxy": { "type": "anchor_residential", "country_code": "us" }\n    }\n  }\n}\n';
    const findings = lint(text);
    expect(findings.map((finding) => [finding.ruleId, finding.related?.map((related) => [related.pointer, related.range?.start.line])])).toEqual([["required-property", [["/configuration/session/active", 5]]]]);
    expect(fix(text).output).toBe(text);
  });

  it("with known-property off, the error still says where the copy is", () => {
    const findings = lint('{"configuration":{"count":3}}', { config: { rules: { "known-property": "off" } } });
    expect(findings.map((finding) => [finding.ruleId, finding.message])).toEqual([["required-property", `${COUNT} It is written under configuration, where the API ignores it: move it here.`]]);
  });
});

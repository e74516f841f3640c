import { describe, expect, it } from "vitest";
import rule from "../../src/rules/custom-proxy-missing-type.js";
import { fix, lint } from "../../src/index.js";
import { ruleTester } from "../rule-tester.js";

const withProxy = (proxy: object) => ({ count: 1, configuration: { session: { proxy } } });
const pretty = (value: unknown) => JSON.stringify(value, null, 2);
const message = (names: string) =>
  `This proxy has ${names} but no "type"; "type" is not set, so it is "anchor_proxy": ` +
  'the batch runs through an Anchor proxy and ignores your server and credentials. Add "type": "custom" to use your own proxy.';
const PASSWORD = "hunter2-Secret!";
const complete = { active: true, server: "http://proxy.example.com:8080", username: "alice", password: PASSWORD };

ruleTester(rule, {
  valid: [
    { count: 1 },
    withProxy({ active: true }),
    withProxy({ active: true, country_code: "de" }),
    withProxy({ active: true, type: "custom", server: "http://proxy.example.com:8080", username: "u", password: "p" }),
    // An explicit Anchor type is a choice; known-property says which keys it does not use.
    withProxy({ active: true, type: "anchor_residential", server: "http://proxy.example.com:8080" }),
    // A mistyped type is valid-type's or valid-enum's finding, still a type that was written.
    withProxy({ active: true, type: null, server: "http://proxy.example.com:8080" }),
    { count: 1, configuration: { session: { proxy: "custom" } } },
    // A misspelt type is known-property's "did you mean "type"?", with the rename: one finding for one slip.
    withProxy({ active: true, tpye: "custom", server: "http://proxy.example.com:8080", username: "${env:U}", password: "${env:P}" }),
    withProxy({ active: true, Type: "custom", server: "http://proxy.example.com:8080" }),
  ],
  invalid: [
    {
      name: "server, username and password without a type: one finding, on the proxy's key, with the type added",
      code: '{\n  "count": 1,\n  "configuration": {\n    "session": {\n      "proxy": {\n        "active": true,\n        "server": "http://proxy.example.com:8080",\n        "username": "alice",\n        "password": "hunter2-Secret!"\n      }\n    }\n  }\n}',
      errors: [
        {
          message: message('"server", "username" and "password"'),
          pointer: "/configuration/session/proxy",
          severity: "error",
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 14,
        },
      ],
      output: '{\n  "count": 1,\n  "configuration": {\n    "session": {\n      "proxy": {\n        "type": "custom",\n        "active": true,\n        "server": "http://proxy.example.com:8080",\n        "username": "alice",\n        "password": "hunter2-Secret!"\n      }\n    }\n  }\n}',
    },
    {
      name: "only a server",
      code: withProxy({ active: true, server: "http://proxy.example.com:8080" }),
      errors: [{ message: message('"server"') }],
    },
    {
      name: "an inline object gets an inline member",
      code: '{"count": 1, "configuration": {"session": {"proxy": { "server": "socks5://p.example.com:1080", "username": "u", "password": "p", "active": true }}}}',
      errors: [{ message: message('"server", "username" and "password"') }],
      output: '{"count": 1, "configuration": {"session": {"proxy": { "type": "custom", "server": "socks5://p.example.com:1080", "username": "u", "password": "p", "active": true }}}}',
    },
    {
      name: "compact JSON stays compact",
      code: '{"count":1,"configuration":{"session":{"proxy":{"active":true,"username":"u","password":"p"}}}}',
      errors: [{ message: message('"username" and "password"') }],
      output: '{"count":1,"configuration":{"session":{"proxy":{"type": "custom","active":true,"username":"u","password":"p"}}}}',
    },
    {
      name: "CRLF line ends are kept",
      code: '{\r\n  "count": 1,\r\n  "configuration": { "session": { "proxy": {\r\n    "active": true,\r\n    "server": "http://p.example.com:80"\r\n  } } }\r\n}',
      errors: [{ message: message('"server"') }],
      output: '{\r\n  "count": 1,\r\n  "configuration": { "session": { "proxy": {\r\n    "type": "custom",\r\n    "active": true,\r\n    "server": "http://p.example.com:80"\r\n  } } }\r\n}',
    },
  ],
});

describe("custom-proxy-missing-type in a full lint", () => {
  it("is the only finding for the missing type: no unknown-key warning per custom key", () => {
    const findings = lint(pretty(withProxy({ ...complete, username: "${env:U}", password: "${env:P}" })));
    expect(findings.map((finding) => finding.ruleId)).toEqual(["custom-proxy-missing-type"]);
    expect(findings[0]!.related?.map((related) => [related.pointer, related.message, related.range?.start.line])).toEqual([
      ["/configuration/session/proxy/server", '"server" is used only by a custom proxy.', 7],
      ["/configuration/session/proxy/username", '"username" is used only by a custom proxy.', 8],
      ["/configuration/session/proxy/password", '"password" is used only by a custom proxy.', 9],
    ]);
  });

  it("never prints the credentials, in the finding or in its fix", () => {
    const findings = lint(pretty(withProxy(complete)));
    const finding = findings.find((item) => item.ruleId === "custom-proxy-missing-type")!;
    const printed = JSON.stringify(finding);
    expect(printed).not.toContain(PASSWORD);
    expect(printed).not.toContain("alice");
    expect(finding.fix?.edits).toEqual([expect.objectContaining({ length: 0, newText: '"type": "custom",\n        ' })]);
  });

  it("is an unsafe fix: --fix alone leaves it, with unsafe the proxy becomes the custom one it was meant to be", () => {
    const text = pretty(withProxy({ ...complete, username: "${env:U}", password: "${env:P}" }));
    expect(fix(text).changed).toBe(false);
    const result = fix(text, { unsafe: true });
    expect(JSON.parse(result.output).configuration.session.proxy).toEqual({ type: "custom", ...complete, username: "${env:U}", password: "${env:P}" });
    expect(result.findings).toEqual([]);
  });
});

it('"tpye": "custom" beside a server is one finding, the rename, which --fix applies', () => {
  const text = pretty(withProxy({ active: true, tpye: "custom", server: "http://proxy.example.com:8080", username: "${env:U}", password: "${env:P}" }));
  expect(lint(text).map((finding) => [finding.ruleId, finding.message, finding.fix?.title, finding.fix?.safety])).toEqual([
    ["known-property", 'Unknown property "tpye" in configuration.session.proxy; did you mean "type"?', 'Rename to "type"', "safe"],
  ]);
  expect(fix(text).output).toBe(text.replace('"tpye"', '"type"'));
});

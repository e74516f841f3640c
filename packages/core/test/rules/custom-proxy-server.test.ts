import { describe, expect, it } from "vitest";
import rule from "../../src/rules/custom-proxy-server.js";
import { lint } from "../../src/index.js";
import type { Report } from "../../src/rule.js";
import { TextDocumentSource } from "../../src/source/document.js";
import { ruleTester } from "../rule-tester.js";

const POINTER = "/configuration/session/proxy/server";
const EXPECTED = 'expected PROTOCOL://HOST:PORT with "http", "https" or "socks5" as the protocol';

function custom(server: unknown, extra: Record<string, unknown> = {}) {
  return {
    count: 1,
    configuration: {
      session: { proxy: { type: "custom", active: true, server, username: "${env:U}", password: "${env:P}", ...extra } },
    },
  };
}

ruleTester(rule, {
  valid: [
    { count: 1 },
    custom("http://proxy.example.com:8080"),
    custom("https://10.0.0.1:443"),
    custom("socks5://localhost:1080"),
    custom("http://[::1]:3128"),
    custom("http://my_proxy-1.internal:65535"),
    // Only custom proxies have a server; mistyped servers are valid-type's.
    { count: 1, configuration: { session: { proxy: { active: true, server: "nonsense" } } } },
    custom(8080),
    custom(null),
    // A valid server with a port beside it: the key alone is ignored, known-property's warning.
    custom("socks5://proxy.example.com:8080", { port: 8080 }),
  ],
  invalid: [
    {
      name: "no protocol",
      code: custom("proxy.example.com:8080"),
      errors: [
        {
          message:
            'The proxy server "proxy.example.com:8080" has no protocol; did you mean "http://proxy.example.com:8080"? ' +
            'Supported protocols: "http", "https" and "socks5".',
          pointer: POINTER,
          line: 8,
          column: 19,
          endLine: 8,
          endColumn: 43,
        },
      ],
      output: JSON.stringify(custom("http://proxy.example.com:8080"), null, 2),
    },
    {
      name: "no protocol and no port",
      code: custom("proxy.example.com"),
      errors: [{ message: `The proxy server "proxy.example.com" has no protocol; ${EXPECTED}, e.g. "http://proxy.example.com:8080".` }],
    },
    {
      name: "an unsupported protocol",
      code: custom("ftp://proxy.example.com:21"),
      errors: [{ message: 'The proxy server "ftp://proxy.example.com:21" uses the protocol "ftp", which is not supported; use "http", "https" or "socks5".' }],
    },
    {
      name: "a misspelled protocol",
      code: custom("htp://proxy.example.com:8080"),
      errors: [
        {
          message:
            'The proxy server "htp://proxy.example.com:8080" uses the protocol "htp", which is not supported; ' +
            'use "http", "https" or "socks5". Did you mean "http"?',
        },
      ],
      output: JSON.stringify(custom("http://proxy.example.com:8080"), null, 2),
    },
    {
      name: "an upper-case protocol",
      code: custom("HTTP://proxy.example.com:8080"),
      errors: [{ message: 'The proxy server "HTTP://proxy.example.com:8080" must have its protocol in lower case: "http://proxy.example.com:8080".' }],
      output: JSON.stringify(custom("http://proxy.example.com:8080"), null, 2),
    },
    {
      name: "a broken separator",
      code: custom("socks5:/proxy.example.com:1080"),
      errors: [
        {
          message:
            'The proxy server "socks5:/proxy.example.com:1080" must separate the protocol from the host with "://"; ' +
            'did you mean "socks5://proxy.example.com:1080"?',
        },
      ],
    },
    {
      name: "no port",
      code: custom("socks5://proxy.example.com"),
      errors: [{ message: `The proxy server "socks5://proxy.example.com" has no port; ${EXPECTED}, e.g. "socks5://proxy.example.com:8080".` }],
    },
    {
      name: "a port out of range",
      code: custom("http://proxy.example.com:70000"),
      errors: [{ message: 'The proxy server "http://proxy.example.com:70000" has the port 70000, which is out of range; the port is a number from 1 to 65535.' }],
    },
    {
      name: "port 0",
      code: custom("http://proxy.example.com:0"),
      errors: [{ message: 'The proxy server "http://proxy.example.com:0" has the port 0, which is out of range; the port is a number from 1 to 65535.' }],
    },
    {
      name: "a port that is not a number",
      code: custom("http://proxy.example.com:http"),
      errors: [{ message: 'The proxy server "http://proxy.example.com:http" has an invalid port "http"; the port is a number from 1 to 65535.' }],
    },
    {
      name: "no host",
      code: custom("http://:8080"),
      errors: [{ message: `The proxy server "http://:8080" has no host; ${EXPECTED}.` }],
    },
    {
      name: "an invalid host",
      code: custom("http://proxy example.com:8080"),
      errors: [
        {
          message:
            'The proxy server "http://proxy example.com:8080" has an invalid host "proxy example.com"; ' +
            'a host name has only ASCII letters, digits, ".", "-" and "_".',
        },
      ],
    },
    {
      name: "an IPv6 host without brackets",
      code: custom("http://::1:8080"),
      errors: [{ message: 'The proxy server "http://::1:8080" has more than one ":"; an IPv6 host goes in brackets, as in "http://[::1]:8080".' }],
    },
    {
      name: "a trailing slash",
      code: custom("http://proxy.example.com:8080/"),
      errors: [{ message: 'The proxy server "http://proxy.example.com:8080/" must not end with "/"; did you mean "http://proxy.example.com:8080"?' }],
      output: JSON.stringify(custom("http://proxy.example.com:8080"), null, 2),
    },
    {
      name: "a path",
      code: custom("http://proxy.example.com:8080/proxy"),
      errors: [
        {
          message: `The proxy server "http://proxy.example.com:8080/proxy" must not have a path, query or fragment; ${EXPECTED}, e.g. "http://proxy.example.com:8080".`,
        },
      ],
    },
    {
      name: "spaces",
      code: custom(" http://proxy.example.com:8080 "),
      errors: [{ message: 'The proxy server " http://proxy.example.com:8080 " has leading or trailing spaces; remove them.' }],
      output: JSON.stringify(custom("http://proxy.example.com:8080"), null, 2),
    },
    {
      name: "empty",
      code: custom(""),
      errors: [{ message: `The proxy server is empty; ${EXPECTED}, e.g. "http://proxy.example.com:8080".` }],
    },
    {
      name: "port and protocol written apart: one finding at the server, --fix joins them",
      code: custom("proxy.example.com", { port: 8080, protocol: "socks5" }),
      errors: [
        {
          message:
            'The proxy server "proxy.example.com" has no protocol and no port; "port" and "protocol" are written apart, where the API ignores them: ' +
            'they go together in "server", as "socks5://proxy.example.com:8080".',
          pointer: POINTER,
          line: 8,
          column: 19,
          endLine: 8,
          endColumn: 38,
          suggestions: [],
        },
      ],
      safeOutput: JSON.stringify(custom("socks5://proxy.example.com:8080"), null, 2),
    },
    {
      name: "the parts under other names, a port as a string, a protocol in capitals with its ://",
      code: custom("proxy.example.com", { proxy_port: "8080", scheme: "SOCKS5://" }),
      errors: [{ message: /they go together in "server", as "socks5:\/\/proxy\.example\.com:8080"\.$/ }],
      safeOutput: JSON.stringify(custom("socks5://proxy.example.com:8080"), null, 2),
    },
    {
      name: "a server with its port, the protocol written apart",
      code: custom("proxy.example.com:8080", { protocol: "https" }),
      errors: [
        {
          message:
            'The proxy server "proxy.example.com:8080" has no protocol; "protocol" is written apart, where the API ignores it: ' +
            'it goes together in "server", as "https://proxy.example.com:8080".',
        },
      ],
      safeOutput: JSON.stringify(custom("https://proxy.example.com:8080"), null, 2),
    },
    {
      name: "only the port written apart: http is a guess, offered",
      code: custom("proxy.example.com", { port: 3128 }),
      errors: [
        {
          message:
            'The proxy server "proxy.example.com" has no protocol and no port; "port" is written apart, where the API ignores it: ' +
            'the parts go together in "server" as PROTOCOL://HOST:PORT. Did you mean "http://proxy.example.com:3128"? Supported protocols: "http", "https" and "socks5".',
          suggestions: ['Change to "http://proxy.example.com:3128" and remove "port"'],
        },
      ],
      safeOutput: JSON.stringify(custom("proxy.example.com", { port: 3128 }), null, 2),
      output: JSON.stringify(custom("http://proxy.example.com:3128"), null, 2),
    },
    {
      name: "a protocol written apart that the API does not accept: the allowed ones, nothing joined",
      code: custom("proxy.example.com", { port: 8080, protocol: "ftp" }),
      errors: [
        {
          message:
            'The proxy server "proxy.example.com" has no protocol, and "protocol" gives "ftp", which the API does not accept: the protocol is "http", "https" or "socks5". ' +
            '"port" and "protocol" are written apart, where the API ignores them: the parts go together in "server" as PROTOCOL://HOST:PORT.',
          suggestions: [],
        },
      ],
      safeOutput: JSON.stringify(custom("proxy.example.com", { port: 8080, protocol: "ftp" }), null, 2),
    },
    {
      name: "a server with a port and another port written apart: said, nothing joined",
      code: custom("proxy.example.com:8080", { port: 9090, protocol: "http" }),
      errors: [
        {
          message:
            'The proxy server "proxy.example.com:8080" has no protocol and the port 8080, while "port" says 9090; which port is meant is yours to say. ' +
            '"port" and "protocol" are written apart, where the API ignores them: the parts go together in "server" as PROTOCOL://HOST:PORT.',
          suggestions: [],
        },
      ],
      safeOutput: JSON.stringify(custom("proxy.example.com:8080", { port: 9090, protocol: "http" }), null, 2),
    },
    {
      name: "a placeholder for the whole server: load() does not resolve it there",
      code: custom("${env:PROXY_SERVER}"),
      errors: [
        {
          message:
            'The proxy server holds an ${env:NAME} placeholder, which load() does not resolve there (only in "username" and "password"): ' +
            'the API would get it as written. Write the server itself, PROTOCOL://HOST:PORT, e.g. "http://proxy.example.com:8080".',
        },
      ],
    },
    {
      name: "placeholders for the host and the port: the same one finding, nothing joined",
      code: custom("${env:PROXY_HOST}", { port: "${env:PROXY_PORT}", protocol: "socks5" }),
      errors: [{ message: /^The proxy server holds an \$\{env:NAME\} placeholder, which load\(\) does not resolve there.*, with what "port" and "protocol" say in it \(the API ignores those keys\)\.$/ }],
    },
    {
      name: "a placeholder for the port beside a plain host: said, nothing joined",
      code: custom("proxy.example.com", { port: "${env:PROXY_PORT}", protocol: "socks5" }),
      errors: [
        {
          message:
            'The proxy server "proxy.example.com" has no protocol and no port; "port" and "protocol" are written apart, where the API ignores them: ' +
            'the parts go together in "server" as PROTOCOL://HOST:PORT, written out (load() resolves ${env:NAME} placeholders in "username" and "password" only).',
          suggestions: [],
        },
      ],
    },
    {
      name: "credentials in the URL are named, never quoted",
      code: custom("http://alice:hunter2@proxy.example.com:8080"),
      errors: [
        {
          message:
            'The proxy server contains credentials; write it as PROTOCOL://HOST:PORT and put the credentials in "username" and "password".',
          pointer: POINTER,
        },
      ],
    },
  ],
});

/** The rule's own reports, before the engine's redaction: the rule must not rely on that safety net. */
function rawReports(value: unknown): Report[] {
  const source = new TextDocumentSource(JSON.stringify(value, null, 2));
  const reports: Report[] = [];
  rule.check({ root: source.root, maxCount: 1000, source, schemaErrors: () => [], report: (report) => reports.push(report) });
  return reports;
}

describe("custom-proxy-server and secrets", () => {
  const findingsOf = (value: unknown) => rawReports(value);

  it.each([
    ["credentials in the URL", custom("http://alice:hunter2secret@proxy.example.com:8080/x"), ["alice", "hunter2secret"]],
    ["credentials without protocol", custom("alice:hunter2secret@proxy.example.com"), ["alice", "hunter2secret"]],
    ["a password containing '/'", custom("socks5://alice:hun/ter2@proxy.example.com:1080"), ["alice", "hun/ter2"]],
    [
      "a server that contains the password",
      custom("proxy-hunter2secret.example.com", { username: "operator-x", password: "hunter2secret" }),
      ["hunter2secret"],
    ],
    [
      "a server that contains the username",
      custom("ftp://operator-x.example.com:21", { username: "operator-x", password: "pw-12345" }),
      ["operator-x"],
    ],
  ])("never shows a secret: %s", (_name, value, secrets) => {
    const reports = rawReports(value);
    expect(reports).toHaveLength(1);
    const findings = lint(JSON.stringify(value, null, 2)).filter((finding) => finding.ruleId === "custom-proxy-server");
    expect(findings).toHaveLength(1);
    for (const output of [JSON.stringify(reports), JSON.stringify(findings)]) {
      for (const secret of secrets) expect(output).not.toContain(secret);
    }
  });

  it("keeps the detail that does not quote the server, and offers no suggestion", () => {
    const [finding] = findingsOf(custom("proxy-hunter2secret.example.com:8080", { password: "hunter2secret" }));
    expect(finding?.message).toBe(
      'The proxy server is not a valid address; expected PROTOCOL://HOST:PORT with "http", "https" or "socks5" as the protocol. ' +
        "It is not shown here because it contains the proxy's credentials.",
    );
    expect(finding?.suggestions).toBeUndefined();
    const [other] = findingsOf(custom("http://proxy-hunter2secret.example.com:99999", { password: "hunter2secret" }));
    expect(other?.message).toBe("The proxy server has the port 99999, which is out of range; the port is a number from 1 to 65535.");
  });
});

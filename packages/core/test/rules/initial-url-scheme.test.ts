import rule from "../../src/rules/initial-url-scheme.js";
import { ruleTester } from "../rule-tester.js";

const url = (value: unknown) => ({ count: 1, configuration: { session: { initial_url: value } } });
const POINTER = "/configuration/session/initial_url";

ruleTester(rule, {
  valid: [
    { count: 1 },
    url("https://example.com/login"),
    url("http://localhost:3000/"),
    // Schemes are case-insensitive.
    url("HTTPS://EXAMPLE.COM"),
    // No scheme at all: not a URI, valid-format's finding.
    url("example.com"),
    url("127.0.0.1:8080"),
    // Not a valid URI either (unescaped "<"): valid-format reports it, once.
    url("data:text/html,<h1>hi</h1>"),
    url(42),
  ],
  invalid: [
    {
      name: "a misspelt https: did you mean, as a suggestion",
      code: '{"count":1,"configuration":{"session":{"initial_url":"htps://example.com/a"}}}',
      errors: [{ message: 'initial_url uses the "htps:" scheme, which is no scheme a browser loads: did you mean "https://example.com/a"?', pointer: POINTER, suggestions: ['Replace with "https://example.com/a"'] }],
      output: '{"count":1,"configuration":{"session":{"initial_url":"https://example.com/a"}}}',
      safeOutput: '{"count":1,"configuration":{"session":{"initial_url":"htps://example.com/a"}}}',
    },
    {
      name: "hhttp and httpss too",
      code: url("hhttp://example.com"),
      errors: [{ message: 'initial_url uses the "hhttp:" scheme, which is no scheme a browser loads: did you mean "http://example.com"?' }],
    },
    {
      code: url("file:///etc/passwd"),
      errors: [
        {
          message:
            'initial_url uses the "file:" scheme; use an http: or https: URL ' +
            "(it names a file on the remote browser's machine, not on yours).",
          pointer: POINTER,
          line: 5,
          column: 22,
          endLine: 5,
          endColumn: 42,
        },
      ],
    },
    {
      code: url("javascript:alert(document.cookie)"),
      errors: [
        {
          message: 'initial_url uses the "javascript:" scheme; use an http: or https: URL (it runs script instead of loading a page).',
          pointer: POINTER,
        },
      ],
    },
    {
      code: url("about:blank"),
      errors: [
        {
          message:
            'initial_url uses the "about:" scheme; use an http: or https: URL (leave initial_url out to start on an empty page).',
          pointer: POINTER,
        },
      ],
    },
    {
      // The scheme is quoted as written; a long URL does not flood the message.
      code: url("Chrome://settings/" + "a".repeat(200)),
      errors: [
        {
          message:
            'initial_url uses the "Chrome:" scheme; use an http: or https: URL ' +
            "(browser-internal pages are not a starting point for a session).",
          pointer: POINTER,
        },
      ],
    },
    {
      code: url("mailto:someone@example.com"),
      errors: [{ message: 'initial_url uses the "mailto:" scheme; use an http: or https: URL.', pointer: POINTER }],
    },
    {
      code: url("localhost:3000/dashboard"),
      errors: [
        {
          message:
            'initial_url "localhost:3000/dashboard" is a host and port without a scheme; ' +
            'did you mean "http://localhost:3000/dashboard"?',
          pointer: POINTER,
        },
      ],
    },
    {
      code: url("localhost:3000/" + "x".repeat(100)),
      errors: [
        {
          message:
            `initial_url "localhost:3000/${"x".repeat(43)}… is a host and port without a scheme; ` +
            `did you mean "http://localhost:3000/${"x".repeat(36)}…?`,
          pointer: POINTER,
        },
      ],
    },
  ],
});

import rule from "../../src/rules/valid-format.js";
import { ruleTester } from "../rule-tester.js";

const URL_EXPECTED = 'expected an absolute URL such as "https://example.com".';
const UUID_EXPECTED = 'expected a UUID such as "550e8400-e29b-41d4-a716-446655440000".';
const ID = "550e8400-e29b-41d4-a716-446655440000";
const initialUrl = (value: string) => ({ count: 1, configuration: { session: { initial_url: value } } });
const extensions = (ids: string[]) => ({ count: 1, configuration: { browser: { extensions: ids } } });
const pretty = (value: object) => JSON.stringify(value, null, 2);

ruleTester(rule, {
  valid: [
    { count: 1 },
    initialUrl("https://example.com"),
    initialUrl("https://example.com/login?next=%2Fhome#top"),
    initialUrl("http://localhost:3000/"),
    // Well-formed URIs with a scheme the browser should not open are initial-url-scheme's.
    initialUrl("about:blank"),
    initialUrl("file:///etc/hosts"),
    // "localhost:3000" parses as scheme "localhost": initial-url-scheme explains that one.
    initialUrl("localhost:3000"),
    extensions([ID, "6BA7B810-9DAD-11D1-80B4-00C04FD430C8"]),
    { count: 1, configuration: { integrations: [{ id: ID, type: "1PASSWORD", configuration: { load_mode: "all" } }] } },
    // Values of the wrong type are valid-type's.
    initialUrl(42 as unknown as string),
    extensions([7 as unknown as string]),
    // metadata is free-form.
    { count: 1, metadata: { url: "not a url", id: "not-a-uuid" } },
  ],
  invalid: [
    {
      name: "the scheme's colon left out: suggestion puts it back",
      code: initialUrl("https//example.com/a"),
      errors: [{ message: `"https//example.com/a" is not a valid URI in configuration.session.initial_url; ${URL_EXPECTED} Did you mean "https://example.com/a"?`, suggestions: ['Replace with "https://example.com/a"'] }],
      output: pretty(initialUrl("https://example.com/a")),
    },
    {
      name: "a bare host: suggestion adds https://",
      code: initialUrl("example.com"),
      errors: [
        {
          message: `"example.com" is not a valid URI in configuration.session.initial_url; ${URL_EXPECTED} Did you mean "https://example.com"?`,
          pointer: "/configuration/session/initial_url",
          line: 5,
          column: 22,
          endLine: 5,
          endColumn: 35,
        },
      ],
      output: pretty(initialUrl("https://example.com")),
    },
    {
      name: "a bare host with a path and query",
      code: initialUrl("www.example.com/login?x=1"),
      errors: [
        {
          message: `"www.example.com/login?x=1" is not a valid URI in configuration.session.initial_url; ${URL_EXPECTED} Did you mean "https://www.example.com/login?x=1"?`,
          pointer: "/configuration/session/initial_url",
        },
      ],
      output: pretty(initialUrl("https://www.example.com/login?x=1")),
    },
    {
      name: "pasted with whitespace around it",
      code: initialUrl(" https://example.com/login\n"),
      errors: [
        {
          message: `" https://example.com/login\\n" is not a valid URI in configuration.session.initial_url; ${URL_EXPECTED} Did you mean "https://example.com/login"?`,
          pointer: "/configuration/session/initial_url",
        },
      ],
      output: pretty(initialUrl("https://example.com/login")),
    },
    {
      name: "a space or non-ASCII letter inside: the percent-encoded form is suggested",
      code: initialUrl("https://example.com/search?q=red shoes&city=Köln"),
      errors: [
        {
          message: `"https://example.com/search?q=red shoes&city=Köln" is not a valid URI in configuration.session.initial_url; ${URL_EXPECTED} Did you mean "https://example.com/search?q=red%20shoes&city=K%C3%B6ln"?`,
          pointer: "/configuration/session/initial_url",
        },
      ],
      output: pretty(initialUrl("https://example.com/search?q=red%20shoes&city=K%C3%B6ln")),
    },
    {
      name: "a relative path: no guess at the host",
      code: initialUrl("/dashboard"),
      errors: [{ message: `"/dashboard" is not a valid URI in configuration.session.initial_url; ${URL_EXPECTED}`, pointer: "/configuration/session/initial_url" }],
    },
    {
      name: "an empty URL",
      code: initialUrl(""),
      errors: [{ message: `"" is not a valid URI in configuration.session.initial_url; ${URL_EXPECTED}`, pointer: "/configuration/session/initial_url", line: 5, column: 22, endLine: 5, endColumn: 24 }],
    },
    {
      name: "bad extension ids: each item on its own, the good one untouched",
      code: extensions(["550e8400-e29b-41d4-a716-44665544000", ID, "my-extension"]),
      errors: [
        {
          message: `"550e8400-e29b-41d4-a716-44665544000" is not a valid UUID in configuration.browser.extensions[0]; ${UUID_EXPECTED}`,
          pointer: "/configuration/browser/extensions/0",
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 46,
        },
        {
          message: `"my-extension" is not a valid UUID in configuration.browser.extensions[2]; ${UUID_EXPECTED}`,
          pointer: "/configuration/browser/extensions/2",
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 23,
        },
      ],
    },
    {
      name: "a UUID in braces or without dashes: the canonical form is suggested",
      code: extensions([`{${ID}}`, ID.replace(/-/g, "")]),
      errors: [
        { message: `"{${ID}}" is not a valid UUID in configuration.browser.extensions[0]; ${UUID_EXPECTED} Did you mean "${ID}"?`, pointer: "/configuration/browser/extensions/0" },
        { message: `"${ID.replace(/-/g, "")}" is not a valid UUID in configuration.browser.extensions[1]; ${UUID_EXPECTED} Did you mean "${ID}"?`, pointer: "/configuration/browser/extensions/1" },
      ],
      output: pretty(extensions([ID, ID])),
    },
    {
      name: "an integration id that is a name, not its UUID",
      code: { count: 1, configuration: { integrations: [{ id: "op-prod", type: "1PASSWORD", configuration: { load_mode: "all" } }] } },
      errors: [{ message: `"op-prod" is not a valid UUID in configuration.integrations[0].id; ${UUID_EXPECTED}`, pointer: "/configuration/integrations/0/id", line: 6, column: 15, endLine: 6, endColumn: 24 }],
    },
  ],
});

import { expect, it } from "vitest";
import rule from "../../src/rules/no-duplicate-keys.js";
import { lintWithRule, ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    { count: 1 },
    // The same key in different objects, or in sibling array items, is not a duplicate.
    { count: 1, configuration: { session: { recording: { active: true } }, browser: { headless: { active: true } } } },
    {
      count: 1,
      configuration: {
        integrations: [
          { id: "550e8400-e29b-41d4-a716-446655440000", type: "1PASSWORD", configuration: { load_mode: "all" } },
          { id: "6ba7b810-9dad-11d1-80b4-00c04fd430c8", type: "1PASSWORD", configuration: { load_mode: "all" } },
        ],
      },
    },
    // Keys are case-sensitive: "Count" is another key (known-property reports it).
    '{"count": 1, "Count": 2}',
    // Repeated values in an array are no-duplicate-ids' business.
    { count: 1, configuration: { session: { tags: ["a", "a"] } } },
  ],
  invalid: [
    {
      name: "top-level key written twice: the earlier one is flagged on its key",
      code: '{\n  "count": 10,\n  "configuration": {},\n  "count": 20\n}',
      errors: [
        {
          message: 'Duplicate key "count": this value is ignored, the one on line 4 wins.',
          pointer: "/count",
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 10,
        },
      ],
      output: '{\n  "configuration": {},\n  "count": 20\n}',
    },
    {
      name: "nested duplicate, formatting of the rest kept",
      code: '{\n  "count": 1,\n  "configuration": {\n    "session": {\n      "timeout": {\n        "idle_timeout": 10,\n        "max_duration": 300,\n        "idle_timeout": 5\n      }\n    }\n  }\n}',
      errors: [
        {
          message: 'Duplicate key "idle_timeout": this value is ignored, the one on line 8 wins.',
          pointer: "/configuration/session/timeout/idle_timeout",
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 23,
        },
      ],
      output: '{\n  "count": 1,\n  "configuration": {\n    "session": {\n      "timeout": {\n        "max_duration": 300,\n        "idle_timeout": 5\n      }\n    }\n  }\n}',
    },
    {
      name: "duplicates inside array items: each item's pointer, every earlier copy flagged",
      code:
        '{\n  "count": 1,\n  "configuration": {\n    "integrations": [\n' +
        '      { "id": "a", "type": "1PASSWORD", "id": "b" },\n' +
        '      { "id": "c", "id": "d", "id": "e" }\n' +
        "    ]\n  }\n}",
      errors: [
        { message: 'Duplicate key "id": this value is ignored, the last one on this line wins.', pointer: "/configuration/integrations/0/id", line: 5, column: 9, endLine: 5, endColumn: 13 },
        { message: 'Duplicate key "id": this value is ignored, the last one on this line wins.', pointer: "/configuration/integrations/1/id", line: 6, column: 9 },
        { message: 'Duplicate key "id": this value is ignored, the last one on this line wins.', pointer: "/configuration/integrations/1/id", line: 6, column: 20 },
      ],
      output:
        '{\n  "count": 1,\n  "configuration": {\n    "integrations": [\n' +
        '      { "type": "1PASSWORD", "id": "b" },\n' +
        '      { "id": "e" }\n' +
        "    ]\n  }\n}",
    },
    {
      name: "the whole earlier value goes, however long",
      code: '{\n  "count": 1,\n  "configuration": {\n    "browser": { "headless": { "active": true } },\n    "browser": { "headless": { "active": false } }\n  }\n}',
      errors: [{ message: 'Duplicate key "browser": this value is ignored, the one on line 5 wins.', pointer: "/configuration/browser", line: 4, column: 5, endLine: 4, endColumn: 14 }],
      output: '{\n  "count": 1,\n  "configuration": {\n    "browser": { "headless": { "active": false } }\n  }\n}',
    },
    {
      name: "identical values are still reported: one of them is dead text",
      code: '{"count": 1, "count": 1}',
      errors: [{ message: 'Duplicate key "count": this value is ignored, the last one on this line wins.', pointer: "/count" }],
      output: '{"count": 1}',
    },
    {
      name: "free-form metadata is not checked for known keys, but duplicates still lose data",
      code: '{"count": 1, "metadata": {"team": "qa", "team": "ops"}}',
      errors: [{ message: 'Duplicate key "team": this value is ignored, the last one on this line wins.', pointer: "/metadata/team", line: 1, column: 27, endLine: 1, endColumn: 33 }],
      output: '{"count": 1, "metadata": {"team": "ops"}}',
    },
    {
      name: "__proto__ is an ordinary key",
      code: '{"count": 1, "__proto__": {"x": 1}, "__proto__": {"y": 2}}',
      errors: [{ message: 'Duplicate key "__proto__": this value is ignored, the last one on this line wins.', pointer: "/__proto__", line: 1, column: 14, endLine: 1, endColumn: 25 }],
      output: '{"count": 1, "__proto__": {"y": 2}}',
    },
    {
      name: "keys with / and ~ get escaped pointers",
      code: '{"count": 1, "metadata": {"a/b": 1, "a/b": 2, "m~n": 1, "m~n": 2}}',
      errors: [
        { message: 'Duplicate key "a/b": this value is ignored, the last one on this line wins.', pointer: "/metadata/a~1b" },
        { message: 'Duplicate key "m~n": this value is ignored, the last one on this line wins.', pointer: "/metadata/m~0n" },
      ],
      output: '{"count": 1, "metadata": {"a/b": 2, "m~n": 2}}',
    },
    {
      name: "an escaped spelling is the same key",
      code: '{"count": 1, "\\u0063ount": 2}',
      errors: [{ message: 'Duplicate key "count": this value is ignored, the last one on this line wins.', pointer: "/count", line: 1, column: 2, endLine: 1, endColumn: 9 }],
      output: '{"\\u0063ount": 2}',
    },
  ],
});

it("reports duplicates even when another part of the file has a syntax error", () => {
  const findings = lintWithRule(rule, '{"count": 1, "count": 2, "metadata": {');
  expect(findings.map((finding) => finding.pointer)).toEqual(["/count"]);
});

it("does not report a repeat that only jsonc-parser's recovery from a syntax error made", () => {
  // The stray comma makes the parser read the integration's "configuration" as the request's own.
  const text = '{\n  "configuration": , {\n    "integrations": [{"id": "x", "type": "1PASSWORD", "configuration": {"load_mode": "all"}}]\n  },\n  "count": 3\n}\n';
  expect(lintWithRule(rule, text)).toEqual([]);
});

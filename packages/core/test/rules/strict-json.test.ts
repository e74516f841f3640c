import rule from "../../src/rules/strict-json.js";
import { ruleTester } from "../rule-tester.js";

const TRAILING_COMMA = "Trailing commas are not allowed in JSON: the API accepts strict JSON only.";
const COMMENT = "Comments are not allowed in JSON: the API accepts strict JSON only.";
const BOM = "The file starts with a byte order mark (U+FEFF), which JSON does not allow.";

ruleTester(rule, {
  valid: [
    { count: 1 },
    '{"count":1,"configuration":{"browser":{"extensions":[]}}}',
    // Comment markers and commas inside strings are text, not syntax.
    { count: 1, configuration: { session: { initial_url: "https://example.com/a//b/*c*/?x=1,}" } } },
    { count: 1, metadata: { note: "// not a comment", list: ",]" } },
    // A BOM-like character later in the file is only a character in a string.
    { count: 1, metadata: { note: "\uFEFF" } },
    // Syntax errors are json-syntax's; an unclosed object has no trailing comma yet.
    '{"count": 1,',
  ],
  invalid: [
    {
      name: "trailing comma after the last member",
      code: '{\n  "count": 1,\n}',
      errors: [{ message: TRAILING_COMMA, pointer: "", line: 2, column: 13, endLine: 2, endColumn: 14 }],
      output: '{\n  "count": 1\n}',
    },
    {
      name: "trailing commas in nested arrays and objects, each its own finding",
      code: '{\n  "count": 1,\n  "configuration": {\n    "session": { "tags": ["a", "b",], },\n  },\n}',
      errors: [
        { message: TRAILING_COMMA, pointer: "", line: 4, column: 35, endLine: 4, endColumn: 36 },
        { message: TRAILING_COMMA, pointer: "", line: 4, column: 37 },
        { message: TRAILING_COMMA, pointer: "", line: 4, column: 40 },
        { message: TRAILING_COMMA, pointer: "", line: 5, column: 4 },
      ],
      output: '{\n  "count": 1,\n  "configuration": {\n    "session": { "tags": ["a", "b"] }\n  }\n}',
    },
    {
      name: "byte order mark",
      code: '\uFEFF{\n  "count": 1\n}',
      errors: [{ message: BOM, pointer: "", line: 1, column: 1, endLine: 1, endColumn: 2 }],
      output: '{\n  "count": 1\n}',
    },
    {
      name: "line comment: offered for removal, its text goes with it",
      code: '{\n  "count": 1 // one for now\n}',
      errors: [{ message: COMMENT, pointer: "", line: 2, column: 14, endLine: 2, endColumn: 28 }],
      output: '{\n  "count": 1 \n}',
    },
    {
      name: "block comment",
      code: '{\n  /* staging */\n  "count": 1\n}',
      errors: [{ message: COMMENT, pointer: "", line: 2, column: 3, endLine: 2, endColumn: 16 }],
      output: '{\n  \n  "count": 1\n}',
    },
    {
      name: "a comment after a trailing comma: two findings",
      code: '{\n  "count": 1, // one\n}',
      errors: [
        { message: TRAILING_COMMA, pointer: "", line: 2, column: 13 },
        { message: COMMENT, pointer: "", line: 2, column: 15 },
      ],
      output: '{\n  "count": 1 \n}',
    },
    {
      name: "BOM, comment and trailing comma together",
      code: '\uFEFF{"count": 1, /* x */}',
      errors: [
        { message: BOM, pointer: "", line: 1, column: 1 },
        { message: TRAILING_COMMA, pointer: "", line: 1, column: 13 },
        { message: COMMENT, pointer: "", line: 1, column: 15 },
      ],
      output: '{"count": 1 }',
    },
  ],
});

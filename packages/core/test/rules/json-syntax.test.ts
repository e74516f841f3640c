import rule from "../../src/rules/json-syntax.js";
import { ruleTester } from "../rule-tester.js";

ruleTester(rule, {
  valid: [
    { count: 1 },
    '{"count":1}',
    // Comments, trailing commas and a BOM are strict-json's: the text still has a clear structure.
    '{\n  // one session\n  "count": 1,\n}',
    "\uFEFF{\"count\": 1}",
    // Valid JSON of the wrong shape is valid-type's to report.
    "null",
    "[1, 2]",
    // A duplicate key is valid JSON (no-duplicate-keys reports it).
    '{"count": 1, "count": 2}',
  ],
  invalid: [
    {
      name: "empty file",
      code: "",
      errors: [{ message: 'The file is empty; expected a JSON object such as {"count": 1}.', pointer: "", line: 1, column: 1, endLine: 1, endColumn: 1 }],
    },
    {
      name: "only whitespace",
      code: "  \n\n",
      errors: [{ message: 'The file is empty; expected a JSON object such as {"count": 1}.', pointer: "", line: 1, column: 1, endLine: 3, endColumn: 1 }],
    },
    {
      name: "unclosed object points at the end of the file",
      code: '{\n  "count": 1\n',
      errors: [{ message: "Expected '}' to close the object; found the end of the file.", pointer: "", line: 3, column: 1, endLine: 3, endColumn: 1 }],
    },
    {
      name: "missing comma between members",
      code: '{\n  "count": 1\n  "metadata": {}\n}',
      errors: [{ message: "Expected ',' between members; found '\"'.", pointer: "", line: 3, column: 3, endLine: 3, endColumn: 13 }],
    },
    {
      name: "missing comma between array elements says elements, not members",
      code: '{"count": 1, "configuration": {"session": {"tags": ["a" "b"]}}}',
      errors: [{ message: "Expected ',' between array elements; found '\"'.", pointer: "", line: 1, column: 57, endLine: 1, endColumn: 60 }],
    },
    {
      name: "missing comma between objects of an array, and between members after it: each in its own words",
      code: '{\n  "count": 1,\n  "x": [{"a": 1}\n    {"b": 2}],\n  "y": {"k": [1]\n    "z": 2}\n}',
      errors: [
        { message: "Expected ',' between array elements; found '{'.", pointer: "", line: 4, column: 5, endLine: 4, endColumn: 6 },
        { message: "Expected ',' between members; found '\"'.", pointer: "", line: 6, column: 5, endLine: 6, endColumn: 8 },
      ],
    },
    {
      // The parser's guesses after the stray comma end the request there: the array is only seen in the repaired text.
      name: "after a stray comma, a missing comma in an array further on is still named so",
      code: '{\n  "metadata": , {\n    "project": "p"\n  },\n  "tags": ["a"\n "b"]\n}\n',
      errors: [
        { message: "Expected a value; found ','.", line: 2, column: 15 },
        { message: "Expected ',' between array elements; found '\"'.", line: 6, column: 2, endLine: 6, endColumn: 5 },
      ],
    },
    {
      name: "missing colon",
      code: '{"count" 1}',
      errors: [{ message: "Expected ':' after the property name; found 1.", pointer: "", line: 1, column: 10, endLine: 1, endColumn: 11 }],
    },
    {
      name: "text after the value",
      code: '{"count": 1} {',
      errors: [{ message: "Expected the end of the file after the value; found '{'.", pointer: "", line: 1, column: 14, endLine: 1, endColumn: 15 }],
    },
    {
      name: "an empty array slot",
      code: '{"count": 1, "configuration": {"session": {"tags": ["a",, "b"]}}}',
      errors: [{ message: "Expected a value; found ','.", pointer: "" }],
    },
    {
      name: "a stray comma after a colon, before an object: one finding, not the parser's guesses to the end of the file",
      code: '{\n  "configuration": {\n    "session": , {"initial_url": "https://a.example.com", "recording": {"active": true}}\n  },\n  "count": 3\n}\n',
      errors: [{ message: "Expected a value; found ','.", pointer: "", line: 3, column: 16, endLine: 3, endColumn: 17 }],
    },
    {
      name: "a stray comma before an object of several lines: one finding",
      code: '{\n  "metadata": , {\n    "project": "p",\n    "owner": "ops"\n  },\n  "count": 18\n}\n',
      errors: [{ message: "Expected a value; found ','.", line: 2, column: 15 }],
    },
    {
      name: "two mistakes on different lines after a stray comma: each is still reported",
      code: '{\n  "metadata": , {\n    "project": "p"\n  },\n  "count": tru\n}\n',
      errors: [
        { message: "Expected a value; found ','.", line: 2, column: 15 },
        { message: "tru is not a JSON value; did you mean true?", line: 5, column: 12 },
      ],
    },
    {
      name: "two values in a row: the parser's words, with the literal named whole (not 'did you mean true?')",
      code: '{"count": 1, "configuration": {"browser": {"headless": {"active": false true}}}}',
      errors: [{ message: "Expected ',' between members; found true.", line: 1, column: 73, endLine: 1, endColumn: 77 }],
    },
    {
      name: "a number after a value is named whole",
      code: '{"count": 1} 1000',
      errors: [{ message: "Expected the end of the file after the value; found 1000." }],
    },
    {
      name: "a doubled comma is one mistake, not one per parser guess",
      code: '{"count": 1,, "metadata": {}}',
      errors: [{ message: "Expected a property name in double quotes; found ','.", pointer: "", line: 1, column: 13, endLine: 1, endColumn: 14 }],
    },
    {
      name: "a misspelt literal",
      code: '{"count": 1, "configuration": {"browser": {"headless": {"active": tru}}}}',
      errors: [{ message: "tru is not a JSON value; did you mean true?", pointer: "", line: 1, column: 67, endLine: 1, endColumn: 70 }],
    },
    {
      name: "unquoted key",
      code: "{count: 1}",
      // One finding: jsonc-parser's recovery adds two more errors on the same line, echoes of this one.
      errors: [{ message: 'Property names need double quotes: did you mean "count"?', pointer: "", line: 1, column: 2, endLine: 1, endColumn: 7 }],
    },
    {
      name: "single quotes",
      code: "{\n  'count': 1\n}",
      errors: [{ message: 'Strings and property names need double quotes, not single quotes: did you mean "count"?', pointer: "", line: 2, column: 3, endLine: 2, endColumn: 10 }],
    },
    {
      name: "Python's None is JSON's null, not a string to quote",
      code: '{"count": 1, "configuration": {"session": {"initial_url": None}}}',
      errors: [{ message: "None is not a JSON value; Python's None is JSON's null: did you mean null?", pointer: "", line: 1, column: 59, endLine: 1, endColumn: 63 }],
    },
    {
      name: "nil is JSON's null",
      code: '{"count": 1, "metadata": {\n"a": nil,\n"b": NIL}}',
      errors: [
        { message: "nil is not a JSON value; nil is JSON's null: did you mean null?", line: 2, column: 6 },
        { message: "NIL is not a JSON value; nil is JSON's null: did you mean null?", line: 3, column: 6 },
      ],
    },
    {
      name: "NaN",
      code: '{"count": NaN}',
      errors: [{ message: "NaN is not a JSON value; use a number, null, or leave the property out.", pointer: "", line: 1, column: 11, endLine: 1, endColumn: 14 }],
    },
    {
      name: "mistakes on different lines are each reported",
      code: '{\n  "count": 1\n  "metadata": {"a": 1}\n  "configuration" {}\n}',
      errors: [
        { message: "Expected ',' between members; found '\"'.", pointer: "", line: 3, column: 3 },
        { message: "Expected ',' between members; found '\"'.", pointer: "", line: 4, column: 3 },
      ],
    },
    {
      name: "thousands separators: the number as meant",
      code: '{"count": 1,000}',
      errors: [{ message: "Expected a property name in double quotes; found 000. JSON numbers have no thousands separators: did you mean 1000?", pointer: "", line: 1, column: 13 }],
    },
    {
      name: "thousands separators in two groups, before another member",
      code: '{"count": 1,\n"configuration": {"browser": {"viewport": {"width": 1,920, "height": 1,080}}}}',
      errors: [{ message: "Expected a property name in double quotes; found 920. JSON numbers have no thousands separators: did you mean 1920?", pointer: "", line: 2, column: 55 }],
    },
    {
      name: "a leading zero says so, and what to write",
      code: '{"count": 01}',
      errors: [{ message: "The number 01 has a leading zero, which JSON does not allow; write 1.", pointer: "", line: 1, column: 11, endLine: 1, endColumn: 13 }],
    },
    {
      name: "leading zeros on a negative decimal in an array",
      code: '{"count": 1, "configuration": {"session": {"tags": [-007.5]}}}',
      errors: [{ message: "The number -007.5 has a leading zero, which JSON does not allow; write -7.5.", pointer: "", line: 1, column: 53, endLine: 1, endColumn: 59 }],
    },
    {
      name: "UTF-16 little-endian with a byte order mark (FF FE), read as UTF-8",
      code: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{\n  "count": 1\n}\n', "utf16le")]).toString("utf8"),
      errors: [{ message: "The file is UTF-16 (little-endian, with a byte order mark), not UTF-8; JSON files must be UTF-8: save it as UTF-8 (without a byte order mark).", pointer: "", line: 1, column: 1, endLine: 1, endColumn: 3 }],
    },
    {
      name: "UTF-16 big-endian with a byte order mark (FE FF)",
      code: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('{"count": 1}', "utf16le").swap16()]).toString("utf8"),
      errors: [{ message: "The file is UTF-16 (big-endian, with a byte order mark), not UTF-8; JSON files must be UTF-8: save it as UTF-8 (without a byte order mark).", pointer: "" }],
    },
    {
      name: "UTF-16 without a byte order mark: NULs between the characters",
      code: Buffer.from('{"count": 1}', "utf16le").toString("utf8"),
      errors: [{ message: "The file is UTF-16 (little-endian), not UTF-8; JSON files must be UTF-8: save it as UTF-8 (without a byte order mark).", pointer: "" }],
    },
    {
      name: "a raw line break in a string is one finding on the string, with the break written as \\n offered",
      code: '{\n  "count": 1,\n  "metadata": {"a": "line one\nline two"}\n}\n',
      // It was "Unterminated string." and "line is not a JSON value; ..." on the next line.
      errors: [
        {
          message: 'This string has a raw line break, which JSON strings cannot hold; write it as \\n: "line one\\nline two".',
          pointer: "",
          line: 3,
          column: 21,
          endLine: 4,
          endColumn: 10,
          suggestions: ["Write the line break as \\n"],
        },
      ],
      output: '{\n  "count": 1,\n  "metadata": {"a": "line one\\nline two"}\n}\n',
    },
    {
      name: "a raw CRLF line break is one \\n too",
      code: '{\r\n  "count": 1,\r\n  "metadata": {"a": "line one\r\nline two"}\r\n}\r\n',
      errors: [{ message: 'This string has a raw line break, which JSON strings cannot hold; write it as \\n: "line one\\nline two".', line: 3, column: 21, endLine: 4, endColumn: 10 }],
      output: '{\r\n  "count": 1,\r\n  "metadata": {"a": "line one\\nline two"}\r\n}\r\n',
    },
    {
      name: "a string over three lines is one finding, not one per line",
      code: '{"count": 1, "metadata": {"a": "one\ntwo\nthree", "b": "c"}}',
      errors: [
        {
          message: 'This string has raw line breaks, which JSON strings cannot hold; write each as \\n: "one\\ntwo\\nthree".',
          line: 1,
          column: 32,
          endLine: 3,
          endColumn: 7,
          suggestions: ["Write the line breaks as \\n"],
        },
      ],
      output: '{"count": 1, "metadata": {"a": "one\\ntwo\\nthree", "b": "c"}}',
    },
    {
      name: "a long string broken over lines is not quoted whole",
      code: `{"count": 1, "metadata": {"a": "${"x".repeat(60)}\n${"y".repeat(30)}"}}`,
      errors: [{ message: "This string has a raw line break, which JSON strings cannot hold; write it as \\n.", line: 1, column: 32, endLine: 2, endColumn: 32 }],
    },
    {
      name: "a string whose quote never closes is still unterminated",
      code: '{\n  "count": 1,\n  "metadata": {"a": "line one\n}\n}\n',
      errors: [{ message: "Unterminated string.", pointer: "", line: 3, column: 21, endLine: 3, endColumn: 30, suggestions: [] }],
    },
    {
      name: "a string unterminated for good is one finding: the words on the next line are no mistake of their own",
      code: '{\n  "count": tru,\n  "metadata": {"a": "line one\nline two}\n}\n',
      // The next line was also "line is not a JSON value; ...": no quote follows anywhere to close the string.
      errors: [
        { message: "tru is not a JSON value; did you mean true?", line: 2, column: 12 },
        { message: "Unterminated string.", pointer: "", line: 3, column: 21, endLine: 3, endColumn: 30 },
      ],
    },
    {
      name: "a string left open before the next member with no comma either: one finding, both said",
      code: '{"count": 1, "metadata": {"a": "one\n"b": "c"}}',
      // It was "Unterminated string." and "Expected ',' between members" on the next line.
      errors: [{ message: 'Unterminated string: its closing quote (") is missing, and the comma after it, at the end of the line.', line: 1, column: 32, endLine: 1, endColumn: 36 }],
    },
    {
      name: "a string whose closing quote was left out before the comma ending its line: one finding saying where the quote goes",
      code: '{\n  "count": 1,\n  "metadata": {\n    "a": "one,\n    "b": 1\n  }\n}\n',
      // It was "Unterminated string." and "Expected ',' between members" on the next line.
      errors: [{ message: 'Unterminated string: its closing quote (") is missing before the comma that ends the line.', line: 4, column: 10 }],
    },
    {
      name: "a string broken over lines and a mistake after it: each is one finding",
      code: '{"count": 1, "metadata": {"a": "one\ntwo", "b": tru}}',
      errors: [
        { message: 'This string has a raw line break, which JSON strings cannot hold; write it as \\n: "one\\ntwo".', line: 1, column: 32, endLine: 2, endColumn: 5 },
        { message: "tru is not a JSON value; did you mean true?", line: 2, column: 12, endLine: 2, endColumn: 15 },
      ],
    },
    {
      name: "binary garbage names the character",
      code: "\u0000\u0001",
      errors: [{ message: "Unexpected character; found U+0000.", pointer: "", line: 1, column: 1, endLine: 1, endColumn: 3 }],
    },
  ],
});

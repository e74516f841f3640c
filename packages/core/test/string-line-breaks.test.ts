import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lint } from "@anchor-lint/core";
import { applyEdits } from "../src/fix.js";

/** What a user sees: rule, message and 1-based start and end of each finding. */
function seen(text: string): [string, string, string][] {
  return lint(text).map((finding) => [
    finding.ruleId,
    finding.message,
    `${finding.range!.start.line}:${finding.range!.start.column}-${finding.range!.end.line}:${finding.range!.end.column}`,
  ]);
}

describe("a string with a raw line break", () => {
  it("is one finding of all the rules: the URL on its second line is no // comment for strict-json", () => {
    const text = '{\n  "count": 1,\n  "metadata": {"note": "see\nhttp://docs.example.com/runbook", "team": "ops"}\n}\n';
    expect(seen(text)).toEqual([
      ["json-syntax", 'This string has a raw line break, which JSON strings cannot hold; write it as \\n: "see\\nhttp://docs.example.com/runbook".', "3:24-4:33"],
    ]);
  });

  it("offers the break written as \\n: the fixed file parses, both lines' text kept in one string, and lints clean", () => {
    const text = '{\n  "count": 1,\n  "metadata": {"a": "line one\nline two", "b": "c"}\n}\n';
    const [finding] = lint(text);
    expect(finding!.suggestions!.map((suggestion) => [suggestion.title, suggestion.safety])).toEqual([["Write the line break as \\n", "safe"]]);
    const fixed = applyEdits(text, finding!.suggestions![0]!.edits);
    expect(fixed).toBe('{\n  "count": 1,\n  "metadata": {"a": "line one\\nline two", "b": "c"}\n}\n');
    expect(JSON.parse(fixed)).toEqual({ count: 1, metadata: { a: "line one\nline two", b: "c" } });
    expect(lint(fixed)).toEqual([]);
  });

  it("in a password: said without quoting it", () => {
    const text = '{"count": 1, "configuration": {"session": {"proxy": {"active": true, "type": "custom", "server": "http://p.example.com:1", "username": "${env:U}", "password": "Line6\nBreak7Secret"}}}}';
    expect(seen(text)).toEqual([["json-syntax", "This string has a raw line break, which JSON strings cannot hold; write it as \\n.", "1:160-2:14"]]);
    expect(JSON.stringify(lint(text))).not.toContain("Break7Secret");
  });
});

describe("strings with raw line breaks, generated", () => {
  // Values of any text (quotes, backslashes, unicode, the line breaks themselves) in metadata, some
  // written with their line breaks raw: one finding per broken string, and its suggestion gives back
  // exactly the value meant.
  const line = fc.string({ unit: fc.constantFrom("a", "b", " ", ":", ",", "}", "]", "/", "é", "😀", "\\\\", '\\"'), maxLength: 12 });
  const broken = fc.array(line, { minLength: 2, maxLength: 4 });
  it("each broken string is one finding; taking every suggestion restores the values", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(broken, fc.boolean()), { minLength: 1, maxLength: 4 }), fc.boolean(), (values, crlf) => {
        const eol = crlf ? "\r\n" : "\n";
        // The JSON text of each value, with its \n escapes written as raw line breaks where chosen.
        const members = values.map(([lines, raw], index) => `"k${index}": "${lines.join(raw ? eol : "\\n")}"`);
        const text = `{${eol}  "count": 1,${eol}  "metadata": {${members.join(", ")}}${eol}}${eol}`;
        const findings = lint(text);
        const brokenCount = values.filter(([, raw]) => raw).length;
        expect(findings.map((finding) => finding.ruleId)).toEqual(Array(brokenCount).fill("json-syntax"));
        const fixed = applyEdits(text, findings.flatMap((finding) => finding.suggestions![0]!.edits));
        // A raw break is a line break of the value, "\n", in an LF file or a CRLF one (where "\r" is the file's line ending).
        const expected = Object.fromEntries(values.map(([lines], index) => [`k${index}`, JSON.parse(`"${lines.join("\\n")}"`)]));
        expect(JSON.parse(fixed).metadata).toEqual(expected);
        expect(lint(fixed)).toEqual([]);
      }),
      // A fixed seed keeps CI reproducible; FC_SEED / FC_RUNS explore further.
      { numRuns: Number(process.env.FC_RUNS ?? 300), seed: Number(process.env.FC_SEED ?? 20261204) },
    );
  });
});

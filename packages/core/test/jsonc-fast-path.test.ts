import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { lint, type Finding } from "@anchor-lint/core";
import { parseLenient, quickBlank } from "../src/source/parse.js";

// JSONC (comments, trailing commas, a BOM) is linted as strict JSON with those parts blanked out;
// these tests pin what users must see either way.
describe("JSONC", () => {
  it("keeps reporting syntax errors that blanking a comma or a comment would hide", () => {
    expect(lint('{"count": [,]}').map((finding) => finding.ruleId)).toContain("json-syntax");
    expect(lint('{,"count": 1}').map((finding) => finding.ruleId)).toContain("json-syntax");
    expect(lint('{"count": 1} /* open').map((finding) => finding.ruleId)).toContain("json-syntax");
    expect(lint('{"count": 1,,}').map((finding) => finding.ruleId)).toContain("json-syntax");
  });

  it("gives the same findings and ranges as the text without its comments and trailing commas", () => {
    const config = {
      count: 5000,
      configuration: {
        browser: { recording: { active: true }, viewport: { width: 0, height: 720 }, adblok: { active: true } },
        session: { proxy: { type: "anchor_residential", country_code: "US" }, timeout: { max_duration: 5, idle_timeout: 30 } },
      },
      metadata: { list: [1, "two", { three: 3 }] },
    };
    const text = JSON.stringify(config, null, 2);
    // Places where JSONC may hold a comment (after "{", "[" or ",") or a trailing comma (before "}" or "]").
    const afterOpen = [...text.matchAll(/[{[,]/g)].map((match) => match.index! + 1);
    const beforeClose = [...text.matchAll(/\s*[}\]]/g)].map((match) => match.index!).filter((index) => /[\d"el}\]]/.test(text[index - 1]!));
    const insertion = fc.oneof(
      fc.record({ at: fc.constantFrom(...afterOpen), add: fc.constantFrom(" /* note */", " // note\n  ", "/*\n multi-line\n*/") }),
      fc.record({ at: fc.constantFrom(...beforeClose), add: fc.constant(",") }),
    );
    fc.assert(
      fc.property(fc.uniqueArray(insertion, { maxLength: 6, selector: (edit) => edit.at }), (edits) => {
        let jsonc = text;
        let blanked = text;
        for (const { at, add } of [...edits].sort((a, b) => b.at - a.at)) {
          jsonc = jsonc.slice(0, at) + add + jsonc.slice(at);
          // Spaces of the same length, newlines kept: every offset, line and column stays the same.
          blanked = blanked.slice(0, at) + add.replace(/[^\n]/g, " ") + blanked.slice(at);
        }
        // Fixes keep comments (a moved value takes its text as written, a removal stops at a comment),
        // so only their titles are compared.
        const shape = (findings: Finding[]) =>
          findings.map(({ fix: proposed, suggestions, ...finding }) => ({
            ...finding,
            fix: proposed?.title,
            suggestions: suggestions?.map((suggestion) => suggestion.title),
          }));
        expect(shape(lint(jsonc).filter((finding) => finding.ruleId !== "strict-json"))).toEqual(shape(lint(blanked)));
        expect(lint(jsonc).filter((finding) => finding.ruleId === "strict-json")).toHaveLength(edits.length);
      }),
      { numRuns: 150 },
    );
  });
});

describe("the quick JSONC pass", () => {
  it("finds what the full scan finds, or leaves the text to it", () => {
    const base = JSON.stringify({ count: 5, configuration: { session: { tags: ["a", "b,c", "d/e", 'quote"d'], url: "https://x.y/*z*/" }, browser: {} }, metadata: { n: [1, 2.5e3, true, null] } }, null, 2);
    const insertion = fc.record({
      at: fc.nat({ max: base.length }),
      add: fc.constantFrom(",", " ,", "/* c */", "// c\n", "/*", "/", "*/", "\uFEFF", "[", "]", "{", "}", '"', "\\", "\r\n", " "),
    });
    fc.assert(
      fc.property(fc.array(insertion, { maxLength: 4 }), (insertions) => {
        let text = base;
        for (const { at, add } of [...insertions].sort((a, b) => b.at - a.at)) text = text.slice(0, at) + add + text.slice(at);
        expect(parseLenient(text)).toEqual(parseLenient(text, { quick: false }));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("quickBlank", () => {
  it("blanks the usual JSONC, keeping every offset", () => {
    const text = '\uFEFF{\n  // note\n  "count": 1, /* more */\n  "tags": ["a",],\n}';
    const quick = quickBlank(text);
    expect(quick?.blanked).toHaveLength(text.length);
    expect(JSON.parse(quick!.blanked)).toEqual({ count: 1, tags: ["a"] });
    expect(quick?.problems.map((problem) => problem.kind)).toEqual(["byte-order-mark", "comment", "comment", "trailing-comma", "trailing-comma"]);
  });

  it("leaves to the full scan what it cannot be sure of", () => {
    for (const text of ['{"a": [,]}', '{"a": 1 /* open', '{"a": 1 / 2}', '{"a": [ /* c */ , ]}', '{"a": "unterminated}']) expect(quickBlank(text)).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { lint } from "../src/index.js";
import { applyEdits } from "../src/fix.js";

// A misspelt copy of a section that is also written correctly ("sesion" beside "session"): the API
// ignores the copy, so the finding offers to move what it holds into the real one, keeping every value.

const text = `{
  "count": 2,
  "configuration": {
    "session": { "recording": { "active": false } },
    "sesion": {
      "proxy": { "active": true, "type": "anchor_residential", "country_code": "de" },
      "tags": ["nightly", "eu"]
    }
  }
}
`;

describe('"sesion" beside "session"', () => {
  it("is one finding saying what the copy holds and where it belongs, with a suggestion that merges it", () => {
    const findings = lint(text);
    expect(findings.map((finding) => [finding.ruleId, finding.pointer, finding.message])).toEqual([
      [
        "known-property",
        "/configuration/sesion",
        'Unknown property "sesion" in configuration; it looks like "session", which is already set here, so this one is ignored: what it holds ("proxy" and "tags") belongs in "session".',
      ],
    ]);
    expect(findings[0]!.suggestions!.map((suggestion) => suggestion.title)).toEqual(['Move "proxy" and "tags" into "session"']);
  });

  it("the merged file keeps every value, in the file's layout, and is clean", () => {
    const [finding] = lint(text);
    const merged = applyEdits(text, finding!.suggestions![0]!.edits!);
    expect(JSON.parse(merged)).toEqual({
      count: 2,
      configuration: {
        session: { recording: { active: false }, proxy: { active: true, type: "anchor_residential", country_code: "de" }, tags: ["nightly", "eu"] },
      },
    });
    expect(merged).not.toContain("sesion");
    expect(lint(merged)).toEqual([]);
  });

  it("keeps a multi-line file's indentation", () => {
    const indented = `{\n    "count": 2,\n    "configuration": {\n        "session": {\n            "recording": {\n                "active": false\n            }\n        },\n        "sesion": {\n            "proxy": {\n                "active": true\n            }\n        }\n    }\n}\n`;
    const [finding] = lint(indented);
    expect(applyEdits(indented, finding!.suggestions![0]!.edits!)).toBe(
      `{\n    "count": 2,\n    "configuration": {\n        "session": {\n            "recording": {\n                "active": false\n            },\n            "proxy": {\n                "active": true\n            }\n        }\n    }\n}\n`,
    );
  });

  it("a key both hold with the same value is no clash: the merge keeps one of it", () => {
    const same = text.replace('"tags": ["nightly", "eu"]', '"recording": { "active": false }');
    const [finding] = lint(same);
    expect(finding!.message).toBe(
      'Unknown property "sesion" in configuration; it looks like "session", which is already set here, so this one is ignored: what it holds ("proxy") belongs in "session", which already has the same "recording".',
    );
    const merged = applyEdits(same, finding!.suggestions![0]!.edits!);
    expect(JSON.parse(merged).configuration).toEqual({
      session: { recording: { active: false }, proxy: { active: true, type: "anchor_residential", country_code: "de" } },
    });
    expect(lint(merged)).toEqual([]);
  });

  it("a copy that only repeats the real one is offered for removal", () => {
    const repeat = '{\n  "count": 2,\n  "configuration": {\n    "session": { "recording": { "active": false } },\n    "sesion": { "recording": { "active": false } }\n  }\n}\n';
    const [finding] = lint(repeat);
    expect(finding!.message).toBe('Unknown property "sesion" in configuration; it looks like "session", which is already set here, so this one is ignored, and what it holds ("recording") repeats what "session" has.');
    expect(finding!.suggestions!.map((suggestion) => suggestion.title)).toEqual(['Remove "sesion", which repeats "session"']);
    const removed = applyEdits(repeat, finding!.suggestions![0]!.edits!);
    expect(JSON.parse(removed)).toEqual({ count: 2, configuration: { session: { recording: { active: false } } } });
  });

  it("offers no merge when the two hold a key with different values (which one is meant is the user's call)", () => {
    const clash = text.replace('"recording": { "active": false }', '"tags": ["prod"]');
    const [finding] = lint(clash);
    expect(finding!.message).toBe('Unknown property "sesion" in configuration; it looks like "session", which is already set here, so this one is ignored.');
    expect(finding!.suggestions).toBeUndefined();
  });
});

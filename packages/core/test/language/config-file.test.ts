import { describe, expect, it } from "vitest";
import { setRuleInConfig } from "../../src/language/index.js";

function apply(text: string, edits: { offset: number; length: number; newText: string }[]): string {
  return [...edits].sort((a, b) => b.offset - a.offset).reduce((out, e) => out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length), text);
}

describe("setRuleInConfig", () => {
  it("writes a new file when there is none", () => {
    expect(apply("", setRuleInConfig(undefined, "known-property", "off")!)).toBe('{\n  "rules": {\n    "known-property": "off"\n  }\n}\n');
  });

  it("adds to existing rules and keeps other keys and formatting", () => {
    const text = '{\n    "maxCount": 5000,\n    "rules": { "strict-json": "off" }\n}\n';
    const out = apply(text, setRuleInConfig(text, "known-property", "off", { tabSize: 4 })!);
    expect(JSON.parse(out)).toEqual({ maxCount: 5000, rules: { "strict-json": "off", "known-property": "off" } });
    expect(out.startsWith('{\n    "maxCount": 5000,')).toBe(true);
  });

  it("creates the rules object and changes an existing setting", () => {
    expect(JSON.parse(apply('{ "maxCount": 2 }', setRuleInConfig('{ "maxCount": 2 }', "count-range", "off")!))).toEqual({ maxCount: 2, rules: { "count-range": "off" } });
    const text = '{ "rules": { "count-range": "error" } }';
    expect(JSON.parse(apply(text, setRuleInConfig(text, "count-range", "off")!))).toEqual({ rules: { "count-range": "off" } });
  });

  it("refuses to edit a file that is not a JSON object", () => {
    expect(setRuleInConfig("[1]", "count-range", "off")).toBeUndefined();
    expect(setRuleInConfig("{ broken", "count-range", "off")).toBeUndefined();
    expect(setRuleInConfig('{ "rules": 3 }', "count-range", "off")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { lint } from "../src/index.js";

// A clean file skips two scans: duplicate keys are ruled out from a count of its colons, and the
// credential walk from one walk of the parsed value. Each shape below is one the shortcut must not miss.
const duplicateIds = (text: string) => lint(text).filter((finding) => finding.ruleId === "no-duplicate-keys");

describe("duplicate keys are found whatever colons the strings hold", () => {
  it.each([
    ["plain duplicate", '{"count": 1, "metadata": {"a": 1, "a": 2}}'],
    ["the dropped value has a colon", '{"count": 1, "metadata": {"a": "x:y", "a": "z"}}'],
    ["the kept value has a colon", '{"count": 1, "metadata": {"a": "z", "a": "http://x"}}'],
    ["colons in keys", '{"count": 1, "metadata": {"a:b": 1, "c": "d:e", "a:b": 2}}'],
    ["escaped colon in a value", '{"count": 1, "metadata": {"u": "x\\u003ay", "a": 1, "a": 1}}'],
    ["escaped colon in a key", '{"count": 1, "metadata": {"\\u003a": 1, ":": 2}}'],
    ["duplicate object member", '{"count": 1, "metadata": {"o": {"k": "1:2"}, "o": {"k": "1:2"}}}'],
    ["in an array", '{"count": 1, "metadata": {"list": [{"a": ":", "a": ":"}]}}'],
  ])("%s", (_name, text) => {
    expect(duplicateIds(text)).toHaveLength(1);
  });

  it.each([
    ["colons in values only", '{"count": 1, "configuration": {"session": {"initial_url": "https://a.example:8080/x:y"}}}'],
    ["a colon in a key", '{"count": 1, "metadata": {"a:b": "c:d"}}'],
    ["no colon in strings", '{"count": 1, "metadata": {"a": [1, {"b": null}]}}'],
  ])("%s: no duplicate reported", (_name, text) => {
    expect(duplicateIds(text)).toEqual([]);
  });
});

describe("credentials are masked in clean-looking files", () => {
  it.each([
    ["upper-case key", '{"count": 0, "metadata": {"PASSWORD": "hunter2-secret-1"}, "x": "hunter2-secret-1"}'],
    ["key in an array's object", '{"count": 0, "metadata": {"list": [{"UserName": "alice-the-admin"}]}, "alice-the-admin": 1}'],
    ["userinfo in a URL", '{"count": 0, "configuration": {"session": {"initial_url": "http://bob:pa55-word-9@h.example"}}, "pa55-word-9": 1}'],
  ])("%s", (_name, text) => {
    const findings = lint(text);
    expect(findings.length).toBeGreaterThan(0);
    const secret = /hunter2-secret-1|alice-the-admin|pa55-word-9/;
    expect(JSON.stringify(findings)).not.toMatch(secret);
  });
});

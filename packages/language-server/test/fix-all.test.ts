import { describe, expect, it } from "vitest";
import { lint, type TextEdit } from "@anchor-lint/core";
import { fixAllEdits } from "../src/fix-all.js";

const PASSWORD = "S3cret-Pa55";
const proxy = { type: "custom", server: "http://proxy.example.com:8080", username: "alice", password: PASSWORD, active: true };

/** The fixes that fit together, as fix-all chose them before: each against every edit taken. */
function everyPair(text: string): TextEdit[] {
  const accepted: TextEdit[] = [];
  for (const finding of lint(text)) {
    if (finding.fix?.safety !== "safe") continue;
    const overlaps = finding.fix.edits.some((edit) => accepted.some((other) => edit.offset < other.offset + other.length + (other.length === 0 ? 1 : 0) && other.offset < edit.offset + edit.length + (edit.length === 0 ? 1 : 0)));
    if (!overlaps) accepted.push(...finding.fix.edits);
  }
  return accepted;
}

function apply(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, edit.offset) + edit.newText + out.slice(edit.offset + edit.length);
  return out;
}

describe("fix-all around a credential", () => {
  it("takes the same separate fixes as checking every pair, for a thousand fixes on both sides of the proxy", () => {
    // Duplicate keys before and after the proxy: one edit over both would carry the password.
    const duplicates = (prefix: string) => Array.from({ length: 600 }, (_, i) => `"${prefix}${i}": 1, "${prefix}${i}": 1`).join(", ");
    const text = `{"count": 1, "metadata": {${duplicates("a")}}, "configuration": {"session": {"proxy": ${JSON.stringify(proxy)}, "tags": ["x"], "tags": ["x"]}}, "extra": {${duplicates("b")}}}`;
    const edits = fixAllEdits(text, undefined);
    // The first 1,000 of the rule's 1,201 findings carry their fix.
    expect(edits).toHaveLength(1000);
    expect(edits).toEqual(everyPair(text));
    const fixed = apply(text, edits);
    expect(JSON.parse(fixed).configuration.session.proxy.password).toBe(PASSWORD);
    expect(lint(fixed).filter((finding) => finding.ruleId === "no-duplicate-keys")).toHaveLength(201);
  });
});

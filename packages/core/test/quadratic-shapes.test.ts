import { describe, expect, it } from "vitest";
import { lint, redactCredentials } from "@anchor-lint/core";

// Shapes that once cost time quadratic in their size (or memory enough to end the process), at
// sizes that took seconds then: the results are checked, the time is the benchmark's business.
describe("hostile shapes give their findings (issue 13)", () => {
  it("20,000 lines of unquoted keys: the first syntax errors explained, the rest counted", () => {
    // Each error's line was counted from the start of the text: 7.6 s here.
    const text = `{"count": 1, "metadata": {\n${Array.from({ length: 20_000 }, (_, i) => `k${i}: v${i}`).join(",\n")}}}`;
    const findings = lint(text);
    expect(findings).toHaveLength(21);
    expect(findings.slice(0, 2).map((finding) => `${finding.range!.start.line}: ${finding.message}`)).toEqual([
      '2: Property names need double quotes: did you mean "k0"?',
      '3: Property names need double quotes: did you mean "k1"?',
    ]);
    expect(findings[20]!.message).toBe("19980 more syntax errors not shown; is this file JSON at all?");
  });

  it("one line of 40,000 single-quoted keys: one syntax error (the first of its line)", () => {
    // Searching for a line feed from the start, for each of 40,000 errors: 0.9 s here.
    const text = `{"count": 1, "metadata": {${Array.from({ length: 40_000 }, (_, i) => `'k${i}': 1`).join(", ")}}}`;
    expect(lint(text).map((finding) => `${finding.ruleId} ${finding.range!.start.column}: ${finding.message}`)).toEqual([
      'json-syntax 27: Strings and property names need double quotes, not single quotes: did you mean "k0"?',
    ]);
  });

  it('a custom proxy with 100 KB of spaces and a comment before its first member gets its "type" fix', () => {
    // /\s*$/ over the text before the member was retried from each of the spaces: 8 s here.
    const text = `{"count":1,"configuration":{"session":{"proxy":{${" ".repeat(100_000)}/*c*/ "server":"http://a:1"}}}}`;
    const finding = lint(text).find((candidate) => candidate.ruleId === "custom-proxy-missing-type")!;
    expect(finding.fix!.edits).toEqual([{ offset: text.indexOf('"server"'), length: 0, newText: '"type": "custom", ' }]);
  });

  it("hundreds of misspelt copies of a section: each told, the merge offered for the first few only", () => {
    // Each merge parses the text once per member moved: offered for every copy, this grew with copies x members x size.
    const members = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`tag_${i}`, "x".repeat(200)]));
    const copies = new Set<string>();
    const word = "session";
    for (let at = 0; at < word.length; at++) {
      copies.add(word.slice(0, at) + word.slice(at + 1));
      for (const letter of "abcdefghijklmnopqrstuvwxyz") copies.add(word.slice(0, at) + letter + word.slice(at + 1));
    }
    copies.delete(word);
    const configuration: Record<string, unknown> = { session: { recording: { active: true } } };
    for (const copy of copies) configuration[copy] = members;
    const findings = lint(JSON.stringify({ count: 1, configuration }));
    const told = findings.filter((finding) => finding.message.includes('it looks like "session", which is already set here'));
    expect(told.length).toBeGreaterThan(150);
    expect(told.filter((finding) => finding.suggestions?.some((suggestion) => suggestion.title.includes('into "session"'))).length).toBeLessThanOrEqual(4);
  });

  it("150,000 lines of garbage keep 100,000 syntax errors, and the count says it is a floor", () => {
    // One problem per token: 10 MB of garbage held 1.4 GB of them, and 50 MB ran out of memory.
    const findings = lint("x\n".repeat(150_000));
    expect(findings).toHaveLength(21);
    expect(findings[20]!.message).toBe("At least 99980 more syntax errors not shown; is this file JSON at all?");
  });

  it("redactCredentials masks 2,000 passwords in one pass over the text", () => {
    // A copy of the whole text per password once.
    const text = JSON.stringify({ count: 1, metadata: { items: Array.from({ length: 2000 }, (_, i) => ({ password: `pw-${i}-secret`, id: i })) } });
    const redacted = redactCredentials(text);
    expect(redacted).not.toMatch(/pw-\d+-secret/);
    expect(JSON.parse(redacted).metadata.items[1999]).toEqual({ password: "****", id: 1999 });
  });

  it("3,000 integrations with load_mode beside their missing configuration: each gets the move, built inside its item", () => {
    // Each move parsed and compared the whole text again, and searched it for its line ending and
    // indentation: 60 s here for 4,000 minified items.
    const id = (i: number) => `550e8400-e29b-41d4-a716-${String(i).padStart(12, "0")}`;
    const integrations = Array.from({ length: 3_000 }, (_, i) => ({ id: id(i), type: "1PASSWORD", load_mode: "all" }));
    for (const indent of [0, 2]) {
      const text = JSON.stringify({ count: 1, configuration: { integrations } }, null, indent);
      const findings = lint(text).filter((finding) => finding.ruleId === "required-property");
      expect(findings).toHaveLength(1001);
      const last = findings[999]!;
      expect(last.pointer).toBe("/configuration/integrations/999");
      const edits = last.suggestions![0]!.edits;
      const moved = JSON.parse(edits.reduceRight((result, edit) => result.slice(0, edit.offset) + edit.newText + result.slice(edit.offset + edit.length), text));
      expect(moved.configuration.integrations[999]).toEqual({ id: id(999), type: "1PASSWORD", configuration: { load_mode: "all" } });
      expect(moved.configuration.integrations[998]).toEqual(integrations[998]);
    }
  });

  it("a note with an @ and 200,000 letters after it: scanned for URL userinfo once", () => {
    // The scheme search restarted inside the run of letters at each of its positions: 20 s here.
    const text = JSON.stringify({ count: 1, metadata: { note: `ops@example.com ${"ab01".repeat(50_000)}` }, configuration: { session: { initial_url: "https://bob:S3cret-9@example.com/" } } });
    expect(redactCredentials(text)).toBe(text.replace("bob:S3cret-9", "****"));
  });
});

import { describe, expect, it } from "vitest";
import { openBesideSmall, pathUri, start, workspace } from "../helpers.js";

// 100,000 unknown keys (2 MB): linting it takes a second or more, on the lint thread.
const large = `{"count": 1, "configuration": {"browser": {\n${Array.from({ length: 100_000 }, (_, i) => `  "zq${i}xw": ${i}`).join(",\n")}\n}}}`;

describe("large documents are linted off the main loop", () => {
  it("answers a hover on another document while a large one is being linted", async () => {
    const { client, big, small } = await openBesideSmall(large);
    // Once the lint is under way (it takes a second or more), a hover on the small document.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const asked = performance.now();
    const hover = await client.request("textDocument/hover", { textDocument: { uri: small }, position: { line: 0, character: 12 } });
    const answered = performance.now();
    expect(hover.contents.value).toContain("Number of sessions to create in the batch");
    const diagnostics = await client.until(() => client.published.find((published) => published.uri === big)?.diagnostics, 60_000, "the large document's diagnostics");
    const published = performance.now();
    // The hover did not wait for the lint: it came back well before the lint's diagnostics (a lint
    // on the main loop answers it only once done, just before publishing).
    expect(answered - asked).toBeLessThan((published - asked) / 2);
    expect(diagnostics).toHaveLength(1001);
    expect(diagnostics[1000].message).toBe("...and 99,000 more known-property findings from here on: only the first 1,000 of a rule are listed per file.");
  }, 90_000);

  it("publishes no diagnostics for a version edited away while it was linted", async () => {
    const root = workspace();
    const client = await start({ rootPath: root });
    const big = pathUri(`${root}/big.anchor.json`);
    await client.open(big, large);
    // Version 2 arrives while version 1 is being linted; the count becomes wrong too.
    const version = await client.change(big, [{ range: { start: { line: 0, character: 10 }, end: { line: 0, character: 11 } }, text: "0" }]);
    expect(version).toBe(2);
    const diagnostics = await client.until(() => client.published.find((published) => published.uri === big && published.version === 2)?.diagnostics, 60_000, "version 2's diagnostics");
    expect(diagnostics.map((diagnostic: { code: string }) => diagnostic.code)).toContain("count-range");
    expect(client.published.filter((published) => published.uri === big).map((published) => published.version)).toEqual([2]);
  }, 90_000);

  it("publishes the diagnostics of two large documents opened one after the other", async () => {
    const root = workspace();
    const client = await start({ rootPath: root });
    const first = pathUri(`${root}/first.anchor.json`);
    const second = pathUri(`${root}/second.anchor.json`);
    await client.open(first, large);
    // The second opens while the first is still being linted; neither is edited again.
    await client.open(second, large.replace('"count": 1', '"count": 0'));
    const wait = (uri: string) => client.until(() => client.published.find((published) => published.uri === uri)?.diagnostics, 60_000, `${uri}'s diagnostics`);
    const [firstDiagnostics, secondDiagnostics] = await Promise.all([wait(first), wait(second)]);
    expect(firstDiagnostics).toHaveLength(1001);
    expect(secondDiagnostics.map((diagnostic: { code: string }) => diagnostic.code)).toContain("count-range");
  }, 120_000);
});

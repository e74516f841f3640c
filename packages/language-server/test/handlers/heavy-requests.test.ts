import { describe, expect, it } from "vitest";
import { CancellationTokenSource } from "vscode-jsonrpc/node";
import { applyEdits, editsOf, openBesideSmall, type TestClient } from "../helpers.js";

// One line of 100,000 unknown keys (2 MB) and one typo: fix-all on it takes seconds (fix passes over
// the whole text), formatting puts every key on a line of its own.
const keys = Array.from({ length: 100_000 }, (_, i) => `"zq${i}xw": ${i}`).join(", ");
const large = `{"count": 1, "configuration": {"browser": {"headles": {"active": true}, ${keys}}}}`;
const REQUEST_CANCELLED = -32800;

function fixAll(client: TestClient, uri: string, token?: CancellationTokenSource["token"]): Promise<any[]> {
  const params = { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ["source.fixAll"] } };
  return (token ? client.connection.sendRequest("textDocument/codeAction", params, token) : client.request("textDocument/codeAction", params)) as Promise<any[]>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The typo's diagnostic as ALE sends it back: no source, no data. Its fixes must be found by linting
// the document again, which at 2 MB takes a second or more.
const typoAt = large.indexOf('"headles"');
const typo = { range: { start: { line: 0, character: typoAt }, end: { line: 0, character: typoAt + 9 } }, code: "known-property", message: "Unknown property" };
function quickFix(client: TestClient, uri: string, token?: CancellationTokenSource["token"], diagnostic: unknown = typo): Promise<any[]> {
  // Quick fixes only: without `only`, a fix-all (seconds on the thread) would be part of the answer.
  const params = { textDocument: { uri }, range: typo.range, context: { diagnostics: [diagnostic], only: ["quickfix"] } };
  return (token ? client.connection.sendRequest("textDocument/codeAction", params, token) : client.request("textDocument/codeAction", params)) as Promise<any[]>;
}
const CONTENT_MODIFIED = -32801;
/** A space at the very end: a new version to lint, with the typo where it was. */
const appendSpace = (client: TestClient, uri: string) => client.change(uri, [{ range: { start: { line: 0, character: large.length }, end: { line: 0, character: large.length } }, text: " " }]);

describe("heavy requests on large documents run off the main loop and honour $/cancelRequest", () => {
  it("answers a cancelled fix-all with RequestCancelled, and the next fix-all still fixes", async () => {
    const { client, big } = await openBesideSmall(large);
    const source = new CancellationTokenSource();
    const cancelled = fixAll(client, big, source.token).then(
      () => "answered",
      (error: { code?: number }) => error.code,
    );
    await pause(300);
    source.cancel();
    expect(await cancelled).toBe(REQUEST_CANCELLED);
    const [action] = await fixAll(client, big);
    expect(action.kind).toBe("source.fixAll.anchor-lint");
    const fixed = applyEdits(large, editsOf(action.edit, big));
    expect(fixed).toBe(large.replace('"headles"', '"headless"'));
  }, 120_000);

  it("answers a hover on another document while a large fix-all is under way", async () => {
    const { client, big, small } = await openBesideSmall(large);
    const asked = { fixAll: performance.now(), hover: 0 };
    const actions = fixAll(client, big).then((result) => ({ result, at: performance.now() }));
    await pause(300);
    asked.hover = performance.now();
    const hover = await client.request("textDocument/hover", { textDocument: { uri: small }, position: { line: 0, character: 12 } });
    const hovered = performance.now();
    expect(hover.contents.value).toContain("Number of sessions to create in the batch");
    const done = await actions;
    expect(applyEdits(large, editsOf(done.result[0].edit, big))).toBe(large.replace('"headles"', '"headless"'));
    // On the main loop the hover would be answered only after the fix-all; here it comes well before.
    expect(hovered - asked.hover).toBeLessThan((done.at - asked.hover) / 2);
  }, 120_000);

  it("answers a cancelled formatting request with RequestCancelled, and the next one formats", async () => {
    const { client, big } = await openBesideSmall(large);
    const options = { tabSize: 2, insertSpaces: true };
    const source = new CancellationTokenSource();
    const cancelled = client.connection.sendRequest("textDocument/formatting", { textDocument: { uri: big }, options }, source.token).then(
      () => "answered",
      (error: { code?: number }) => error.code,
    );
    source.cancel();
    expect(await cancelled).toBe(REQUEST_CANCELLED);
    const edits = await client.request("textDocument/formatting", { textDocument: { uri: big }, options });
    const formatted = applyEdits(large, edits);
    expect(formatted.split("\n").slice(0, 8)).toEqual(['{', '  "count": 1,', '  "configuration": {', '    "browser": {', '      "headles": {', '        "active": true', "      },", '      "zq0xw": 0,']);
    expect(JSON.parse(formatted)).toEqual(JSON.parse(large));
  }, 120_000);

  it("answers a hover while a quick fix waits for the large document's lint, then offers the fix", async () => {
    const { client, big, small } = await openBesideSmall(large);
    await client.diagnosticsFor(big);
    // Version 2 is linted for a second or more; the quick fix, sent at once, needs that lint: the
    // diagnostic comes back without data, as ALE sends it.
    await appendSpace(client, big);
    const order: string[] = [];
    const actions = quickFix(client, big).then((result) => (order.push("code action"), result));
    const hover = await client.request("textDocument/hover", { textDocument: { uri: small }, position: { line: 0, character: 12 } });
    order.push("hover");
    expect(hover.contents.value).toContain("Number of sessions to create in the batch");
    const rename = (await actions).find((action) => action.title === 'Rename to "headless"');
    expect(order).toEqual(["hover", "code action"]);
    expect(applyEdits(`${large} `, editsOf(rename.edit, big))).toBe(`${large.replace('"headles"', '"headless"')} `);
  }, 120_000);

  it("answers a cancelled quick fix with RequestCancelled, and the diagnostics of that version are still published", async () => {
    const { client, big } = await openBesideSmall(large);
    const [published] = (await client.diagnosticsFor(big)).filter((diagnostic) => diagnostic.code === "known-property");
    // The diagnostic sent back carries version 1's data.
    const version = await appendSpace(client, big);
    const source = new CancellationTokenSource();
    const cancelled = quickFix(client, big, source.token, published).then(
      () => "answered",
      (error: { code?: number }) => error.code,
    );
    await pause(300);
    source.cancel();
    expect(await cancelled).toBe(REQUEST_CANCELLED);
    // The lint it waited for was the push's too: it went on.
    const diagnostics = await client.diagnosticsFor(big, version);
    expect(diagnostics.find((diagnostic) => diagnostic.code === "known-property").message).toBe(published.message);
    const rename = (await quickFix(client, big, undefined, published)).find((action) => action.title === 'Rename to "headless"');
    expect(applyEdits(`${large} `, editsOf(rename.edit, big))).toBe(`${large.replace('"headles"', '"headless"')} `);
  }, 120_000);

  it("answers ContentModified, never edits of an older version, when the document changes under a quick fix", async () => {
    const { client, big } = await openBesideSmall(large);
    await client.diagnosticsFor(big);
    await appendSpace(client, big);
    const answer = quickFix(client, big).then(
      (actions) => actions,
      (error: { code?: number }) => error.code,
    );
    // While version 2 is linted, one character inserted before the typo: edits of version 2 would land one character off.
    await client.change(big, [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: " " }]);
    expect(await answer).toBe(CONTENT_MODIFIED);
  }, 120_000);
});

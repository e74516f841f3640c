import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { TestClient, pathUri } from "./client.js";

// Neovim 0.7 and ALE register no file watcher: a config file changed on disk must still count.

const clients: TestClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.stop()));
});

const broken = '{ "count": 2000, "configuration": { "session": { "proxy": { "active": true, "type": "anchor_mobile", "country_code": "BT" } } } }\n';

/** A client that declares no watched-files support, as Neovim 0.7 and ALE do. */
async function withoutWatcher(root: string): Promise<TestClient> {
  const client = await TestClient.start({ rootPath: root, capabilities: { workspace: { workspaceEdit: { documentChanges: true } } } });
  clients.push(client);
  return client;
}

function repository(): string {
  const root = mkdtempSync(join(tmpdir(), "anchor-lint-ls-stamps-"));
  mkdirSync(join(root, ".git"));
  mkdirSync(join(root, "batches"));
  writeFileSync(join(root, "batches/b.anchor.json"), broken);
  return root;
}

async function codesAfterEdit(client: TestClient, uri: string, want: (codes: string[]) => boolean): Promise<string[]> {
  const started = Date.now();
  // An edit a second or more later, as a user types: the server looks at the config files first.
  for (let i = 0; Date.now() - started < 5000; i++) {
    const version = await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: " " }]);
    const codes = (await client.diagnosticsFor(uri, version)).map((d) => String(d.code)).sort();
    if (want(codes)) return codes;
    await client.until(() => client.published.find((p) => p.uri === uri && p.version === version && p !== client.published.at(-1)), 300).catch(() => undefined);
  }
  throw new Error("the change on disk was never seen");
}

describe("config files changed on disk, without a file watcher", () => {
  it("sees a config file edited outside the editor at the next lint", async () => {
    const root = repository();
    writeFileSync(join(root, "anchor-lint.config.json"), "{}");
    const client = await withoutWatcher(root);
    const uri = pathUri(join(root, "batches/b.anchor.json"));
    await client.open(uri, broken);
    expect((await client.diagnosticsFor(uri)).map((d) => d.code).sort()).toEqual(["count-range", "proxy-country"]);
    writeFileSync(join(root, "anchor-lint.config.json"), JSON.stringify({ rules: { "count-range": "off" } }));
    expect(await codesAfterEdit(client, uri, (codes) => !codes.includes("count-range"))).toEqual(["proxy-country"]);
  });

  it("sees a config file created nearer the document", async () => {
    const root = repository();
    const client = await withoutWatcher(root);
    const uri = pathUri(join(root, "batches/b.anchor.json"));
    await client.open(uri, broken);
    expect(await client.diagnosticsFor(uri)).toHaveLength(2);
    writeFileSync(join(root, "batches/anchor-lint.config.json"), JSON.stringify({ rules: { "proxy-country": "off" } }));
    expect(await codesAfterEdit(client, uri, (codes) => !codes.includes("proxy-country"))).toEqual(["count-range"]);
  });

  it("re-checks open documents when an open config file is saved", async () => {
    const root = repository();
    const client = await withoutWatcher(root);
    const uri = pathUri(join(root, "batches/b.anchor.json"));
    await client.open(uri, broken);
    await client.diagnosticsFor(uri);
    const configUri = pathUri(join(root, "anchor-lint.config.json"));
    let before = client.published.length;
    await client.open(configUri, "{}");
    // Opening it re-checks once; the save once more.
    await client.until(() => client.published.slice(before).find((p) => p.uri === uri), 5000, "a re-check after the open");
    before = client.published.length;
    await client.connection.sendNotification("textDocument/didSave", { textDocument: { uri: configUri } });
    const next = await client.until(() => client.published.slice(before).find((p) => p.uri === uri), 5000, "a re-check after the save");
    expect(next.diagnostics).toHaveLength(2);
  });
  it("sees it on a pull too (VS Code pulls, and a watcher event may not come)", async () => {
    const root = repository();
    writeFileSync(join(root, "anchor-lint.config.json"), "{}");
    const client = await TestClient.start({
      rootPath: root,
      capabilities: { textDocument: { diagnostic: {} }, workspace: { workspaceEdit: { documentChanges: true } } },
    });
    clients.push(client);
    const uri = pathUri(join(root, "batches/b.anchor.json"));
    await client.open(uri, broken);
    const pull = async () => ((await client.request("textDocument/diagnostic", { textDocument: { uri } })).items as any[]).map((d) => String(d.code)).sort();
    expect(await pull()).toEqual(["count-range", "proxy-country"]);
    writeFileSync(join(root, "anchor-lint.config.json"), JSON.stringify({ rules: { "count-range": "off" } }));
    const started = Date.now();
    let codes = await pull();
    // A second or more later: the stat is made at most once a second.
    while (codes.includes("count-range") && Date.now() - started < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      codes = await pull();
    }
    expect(codes).toEqual(["proxy-country"]);
  });
});

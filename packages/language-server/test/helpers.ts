// Shared by the protocol tests of every handler: a workspace on disk, a client per test, cursor-marked documents.
import { afterEach } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TestClient, pathUri, type ClientOptions } from "./client.js";

export { TestClient, pathUri };

export const broken = `{
  "count": 2000,
  "configuration": {
    "session": { "proxy": { "active": true, "type": "anchor_mobile", "country_code": "BT" } },
    "browser": { "headles": { "active": true } }
  }
}
`;

const clients: TestClient[] = [];
// Registered on the root suite of every test file that imports this module.
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.stop()));
});

export function workspace(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "anchor-lint-ls-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

export async function start(options: ClientOptions = {}): Promise<TestClient> {
  const client = await TestClient.start(options);
  clients.push(client);
  return client;
}

/** Splits a cursor-marked document (`|` is the cursor) into its text and LSP position. */
export function cursor(marked: string) {
  const offset = marked.indexOf("|");
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const before = text.slice(0, offset).split("\n");
  return { text, position: { line: before.length - 1, character: before[before.length - 1]!.length } };
}

function offsetOf(text: string, position: { line: number; character: number }): number {
  const lines = text.split("\n");
  let offset = 0;
  for (let i = 0; i < position.line; i++) offset += lines[i]!.length + 1;
  return offset + position.character;
}

export function applyEdits(text: string, edits: { range: any; newText: string }[]): string {
  const sorted = edits.map((e) => ({ start: offsetOf(text, e.range.start), end: offsetOf(text, e.range.end), newText: e.newText }));
  sorted.sort((a, b) => b.start - a.start);
  return sorted.reduce((out, e) => out.slice(0, e.start) + e.newText + out.slice(e.end), text);
}

/** Resolves snippet placeholders to their first choice or default, as accepting an item without typing does. */
export function plain(snippet: string): string {
  return snippet.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, "$1").replace(/\$\{\d+:([^}]*)\}/g, "$1").replace(/\$\d+/g, "");
}

export function editsOf(edit: any, uri: string): any[] {
  if (edit.changes) return edit.changes[uri] ?? [];
  return edit.documentChanges.filter((change: any) => change.textDocument?.uri === uri).flatMap((change: any) => change.edits);
}

/** A client on a fresh workspace with one open document, written with `|` where the cursor is. */
export async function openMarked(marked: string) {
  const root = workspace();
  const uri = pathUri(join(root, "edit.anchor.json"));
  const client = await start({ rootPath: root });
  const { text, position } = cursor(marked);
  await client.open(uri, text);
  return { client, uri, text, position };
}

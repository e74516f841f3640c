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

/**
 * Applies LSP text edits as a client does: inserts at one position in the order given. Line starts are
 * found once, so a formatting answer of 100,000 edits applies in linear time.
 */
export function applyEdits(text: string, edits: { range: any; newText: string }[]): string {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  const at = (position: { line: number; character: number }) => starts[position.line]! + position.character;
  const sorted = edits.map((e) => ({ start: at(e.range.start), end: at(e.range.end), newText: e.newText })).sort((a, b) => a.start - b.start);
  let out = "";
  let last = 0;
  for (const edit of sorted) {
    out += text.slice(last, edit.start) + edit.newText;
    last = edit.end;
  }
  return out + text.slice(last);
}

/** A client with a small document open and linted, then a large one opened beside it. */
export async function openBesideSmall(large: string) {
  const root = workspace();
  const client = await start({ rootPath: root });
  const big = pathUri(join(root, "big.anchor.json"));
  const small = pathUri(join(root, "small.anchor.json"));
  await client.open(small, '{ "count": 2000 }');
  await client.diagnosticsFor(small);
  await client.open(big, large);
  return { client, big, small };
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

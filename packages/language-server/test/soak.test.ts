import { afterAll, expect, it } from "vitest";
import fc from "fast-check";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TextDocument } from "vscode-languageserver-textdocument";
import { lint } from "@anchor-lint/core";
import { TestClient, pathUri } from "./client.js";

const EDITS = 10_000;
const BURST = 250;

const start = JSON.stringify(
  {
    count: 3,
    configuration: {
      session: { proxy: { active: true, type: "anchor_mobile", country_code: "bt" }, timeout: { max_duration: 20, idle_timeout: 5 } },
      browser: { headless: { active: true }, captcha_solver: { active: true }, extensions: ["550e8400-e29b-41d4-a716-446655440000"] },
      integrations: [{ id: "550e8400-e29b-41d4-a716-446655440000", type: "1PASSWORD", configuration: { load_mode: "specific", secrets: ["op://v/i/f"] } }],
    },
    metadata: { project: "soak" },
  },
  null,
  2,
);

// Fragments that make edits meaningful for JSON: structure, keys the rules care about, odd characters.
const fragment = fc.oneof(
  fc.constantFrom("{", "}", "[", "]", ",", ":", '"', "\n", "  ", "\\", "/*", "*/", "//", "-1", "1e400", "null", "true", "false"),
  fc.constantFrom('"count": 5000', '"type": "custom"', '"country_code": "HK"', '"region": "ca"', '"city": "x"', '"active": false', '"__proto__": {}', '"load_mode": "all"', '"op://bad ref"'),
  fc.string({ maxLength: 6 }),
  fc.constantFrom("😀", "\u00e9", "\r\n", "\t", "\u0000"),
);

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 12 })),
  insert: fc.oneof(fc.constant(""), fragment),
});

const clients: TestClient[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.stop()));
});

it(`survives ${EDITS.toLocaleString("en")} random incremental edits and ends with the core's diagnostics`, async () => {
  const edits = fc.sample(fc.array(edit, { minLength: EDITS, maxLength: EDITS }), { numRuns: 1, seed: 20261129 })[0]!;
  const root = mkdtempSync(join(tmpdir(), "anchor-lint-soak-"));
  const uri = pathUri(join(root, "soak.anchor.json"));
  const client = await TestClient.start({ rootPath: root });
  clients.push(client);
  let mirror = TextDocument.create(uri, "json", 1, start);
  await client.open(uri, start);

  let version = 1;
  let answered = 0;
  for (let i = 0; i < edits.length; i++) {
    const { at, remove, insert } = edits[i]!;
    const text = mirror.getText();
    // Keep the document from growing without bound: long texts lose more than they gain.
    const offset = Math.floor(at * text.length);
    const length = Math.min(text.length - offset, text.length > 4000 ? remove + 20 : remove);
    const range = { start: mirror.positionAt(offset), end: mirror.positionAt(offset + length) };
    const change = { range, text: insert };
    version = await client.change(uri, [change]);
    mirror = TextDocument.update(mirror, [change], version);
    if ((i + 1) % BURST === 0) {
      // Between bursts, the server must still answer requests on whatever the text has become.
      const position = mirror.positionAt(Math.floor(at * mirror.getText().length));
      const method = ["textDocument/completion", "textDocument/hover", "textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/formatting", "textDocument/codeAction"][((i + 1) / BURST) % 6]!;
      const params = {
        textDocument: { uri },
        position,
        options: { tabSize: 2, insertSpaces: true },
        range: { start: position, end: position },
        context: { diagnostics: [], only: ["source.fixAll"] },
      };
      await client.request(method, params);
      answered++;
    }
  }

  const finalText = mirror.getText();
  const published = await client.diagnosticsFor(uri, version);
  const expected = lint(finalText).map((finding) => ({
    code: finding.ruleId,
    message: finding.message,
    severity: finding.severity === "error" ? 1 : 2,
    range: {
      start: { line: finding.range!.start.line - 1, character: finding.range!.start.column - 1 },
      end: { line: finding.range!.end.line - 1, character: finding.range!.end.column - 1 },
    },
  }));
  expect(published.map(({ code, message, severity, range }) => ({ code, message, severity, range }))).toEqual(expected);
  expect(answered).toBe(EDITS / BURST);
  expect(await client.request("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 0 } })).toBeDefined();
  expect(client.process.exitCode).toBeNull();
  expect(client.logs.filter((line) => line.includes("failed"))).toEqual([]);
}, 120_000);

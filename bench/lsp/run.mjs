// `pnpm bench` (LSP part): time from didChange to diagnostics and for a completion, over stdio, on a
// 1 MB and a 5 MB *.anchor.json, for anchor-lint's server and, side by side in the same run, a
// server on vscode-json-languageservice validating the same text against the same schema.
// Figures are medians (the first two of each series warm up); times are wall clock at the client.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { largeRequest } from "./corpus.mjs";
import { median, positionAt, startServer } from "./client.mjs";

const anchorServer = fileURLToPath(new URL("../../packages/language-server/dist/server.js", import.meta.url));
const jsonServer = fileURLToPath(new URL("./json-server.mjs", import.meta.url));
if (!existsSync(anchorServer)) {
  console.error("bench/lsp: build the language server first (pnpm build)");
  process.exit(1);
}

const SIZES = [
  { label: "1 MB", bytes: 1024 * 1024, edits: 15, completions: 15 },
  { label: "5 MB", bytes: 5 * 1024 * 1024, edits: 7, completions: 7 },
];
// Longer than the server's debounce: each edit is measured as a lone keystroke after a pause.
const PAUSE_MS = 250;
const URI = "file:///bench/large.anchor.json";

const fastest = (values) => Math.min(...values);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function measure(serverPath, text, size) {
  const server = await startServer(serverPath);
  const opened = performance.now();
  const first = server.diagnosticsOf(1);
  await server.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: URI, languageId: "json", version: 1, text } });
  const openDiagnostics = await first;
  const openMs = performance.now() - opened;

  // Edits in the middle of the file: "lorem" <-> "Lorem" in a metadata note, the text stays valid.
  const middle = text.indexOf("lorem", Math.floor(text.length / 2));
  const editAt = positionAt(text, middle);
  const changeMs = [];
  let diagnostics = openDiagnostics;
  for (let i = 0; i < size.edits + 2; i++) {
    await sleep(PAUSE_MS);
    const version = i + 2;
    const received = server.diagnosticsOf(version);
    const started = performance.now();
    await server.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri: URI, version },
      contentChanges: [{ range: { start: editAt, end: { line: editAt.line, character: editAt.character + 1 } }, text: i % 2 === 0 ? "L" : "l" }],
    });
    diagnostics = await received;
    if (i >= 2) changeMs.push(performance.now() - started); // the first two warm up
  }

  // Completion of a key in configuration.browser, where users do type; then at the very end of
  // the file (a new top-level key after the huge metadata), the worst place for a text scan.
  const completionAt = async (offset) => {
    const times = [];
    let items = 0;
    for (let i = 0; i < size.completions + 2; i++) {
      const started = performance.now();
      const list = await server.connection.sendRequest("textDocument/completion", { textDocument: { uri: URI }, position: positionAt(text, offset) });
      if (i >= 2) times.push(performance.now() - started);
      items = (Array.isArray(list) ? list : list?.items ?? []).length;
    }
    return { ms: median(times), items };
  };
  const browser = await completionAt(text.indexOf('"browser": {') + '"browser": {'.length);
  const end = await completionAt(text.lastIndexOf("}"));
  await server.stop();
  return {
    openMs,
    change: median(changeMs),
    changeFastest: fastest(changeMs),
    completion: browser.ms,
    items: browser.items,
    endCompletion: end.ms,
    endItems: end.items,
    diagnostics: diagnostics.length,
  };
}

const rows = [];
for (const size of SIZES) {
  for (const withFinding of [false, true]) {
  const text = largeRequest(size.bytes, { withFinding });
  const anchor = await measure(anchorServer, text, size);
  const json = await measure(jsonServer, text, size);
  rows.push({ size, withFinding, text, anchor, json });
  const ratio = (a, b) => `${(b / a).toFixed(1)}x`;
  console.log(
    `${size.label} (${(text.length / 1024 / 1024).toFixed(2)} MB, ${withFinding ? "one finding" : "clean"}): didChange -> diagnostics (median, fastest) ` +
      `anchor-lint ${anchor.change.toFixed(1)}, ${anchor.changeFastest.toFixed(1)} ms; vscode-json-languageservice ${json.change.toFixed(1)}, ${json.changeFastest.toFixed(1)} ms (anchor-lint ${ratio(anchor.change, json.change)} faster); ` +
      `completion anchor-lint ${anchor.completion.toFixed(1)} ms, vscode-json-languageservice ${json.completion.toFixed(1)} ms (${ratio(anchor.completion, json.completion)}); ` +
      `completion at the end of the file ${anchor.endCompletion.toFixed(1)} ms / ${json.endCompletion.toFixed(1)} ms (${ratio(anchor.endCompletion, json.endCompletion)}); ` +
      `open ${anchor.openMs.toFixed(0)} / ${json.openMs.toFixed(0)} ms; ${anchor.diagnostics} / ${json.diagnostics} diagnostics; ` +
      `completion items ${anchor.items} / ${json.items} (browser), ${anchor.endItems} / ${json.endItems} (end)`,
  );
  }
}

const ahead = rows.every((row) => row.anchor.change < row.json.change && row.anchor.completion < row.json.completion && row.anchor.endCompletion < row.json.endCompletion);
const oneMb = rows.filter((row) => row.size.bytes === SIZES[0].bytes).every((row) => row.anchor.change < 50 && row.anchor.completion < 50);
console.log(`target: ahead of vscode-json-languageservice on every row ${ahead ? "met" : "NOT met"}; 1 MB under 50 ms ${oneMb ? "met" : "NOT met"}`);

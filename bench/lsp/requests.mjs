// `pnpm bench` (LSP requests): hover, completion, folding ranges and selection ranges over stdio on
// documents of three sizes (about 10 KB, 1 MB and 5 MB) of three shapes, each answered by the
// anchor-lint server with the document open and linted. Printed: the median time per request at
// each size, and µs per KB at 1 MB and at 5 MB: cost linear in the size keeps them equal, cost
// bounded near the cursor makes them fall. `node bench/lsp/requests.mjs [--runs N]`.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { median, positionAt, startServer } from "./client.mjs";
import { MAX_DEPTH_SHAPE, requestShapes } from "./request-shapes.mjs";

const server = fileURLToPath(new URL("../../packages/language-server/dist/server.js", import.meta.url));
if (!existsSync(server)) {
  console.error("bench/lsp: build the language server first (pnpm build)");
  process.exit(1);
}
const runsArgument = process.argv.indexOf("--runs");
const RUNS = runsArgument > 0 ? Number(process.argv[runsArgument + 1]) : 7;
const SIZES = [
  { label: "10 KB", bytes: 10 * 1024 },
  { label: "1 MB", bytes: 1024 * 1024 },
  { label: "5 MB", bytes: 5 * 1024 * 1024 },
];
const URI = "file:///bench/requests.anchor.json";

/** Where each request is made: generic places, so that every shape is measured alike. */
function places(text) {
  // Inside the first string after the middle of the text: the bulk (a metadata note, an unknown key, a nested key).
  const middle = text.indexOf('"', Math.floor(text.length / 2)) + 1;
  // The document's last object, `"headless": {"active": true}`, after the bulk: keys to propose there.
  const lastObject = text.lastIndexOf('"headless": {') + '"headless": {'.length;
  const lastKey = text.lastIndexOf('"active"') + 2;
  return { middle, lastObject, lastKey };
}

const requests = {
  "hover, middle": (text, at) => ["textDocument/hover", { position: positionAt(text, at.middle) }],
  "hover, last key": (text, at) => ["textDocument/hover", { position: positionAt(text, at.lastKey) }],
  "completion, middle": (text, at) => ["textDocument/completion", { position: positionAt(text, at.middle) }],
  "completion, last object": (text, at) => ["textDocument/completion", { position: positionAt(text, at.lastObject) }],
  "folding ranges": () => ["textDocument/foldingRange", {}],
  "selection ranges, middle": (text, at) => ["textDocument/selectionRange", { positions: [positionAt(text, at.middle)] }],
};

async function measure(text) {
  // The capabilities VS Code declares for these features, without folding's range limit (Neovim sends none).
  const client = await startServer(server, {
    textDocument: {
      completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown"] } },
      hover: { contentFormat: ["markdown"] },
    },
  });
  const linted = client.diagnosticsOf(1);
  await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: URI, languageId: "json", version: 1, text } });
  // Measured once the document is linted: the lint thread would otherwise share the cores.
  await linted;
  const at = places(text);
  const times = {};
  for (const [name, make] of Object.entries(requests)) {
    const [method, params] = make(text, at);
    const samples = [];
    for (let run = 0; run < RUNS + 2; run++) {
      const started = performance.now();
      await client.connection.sendRequest(method, { textDocument: { uri: URI }, ...params });
      if (run >= 2) samples.push(performance.now() - started);
    }
    times[name] = median(samples);
  }
  await client.stop();
  return times;
}

const pad = (value, width) => String(value).padStart(width);
console.log(`anchor-lint server, median of ${RUNS} requests after two warm-ups, wall time at the client (ms); µs per KB at 1 MB and 5 MB`);
let worst = 0;
for (const [shape, build] of Object.entries(requestShapes)) {
  const texts = SIZES.map((size) => build(size.bytes));
  console.log(`\n${shape} (${texts.map((text) => `${(text.length / 1024).toFixed(0)} KB`).join(", ")})${shape === "deep nesting" ? `: objects ${MAX_DEPTH_SHAPE} levels deep` : ""}`);
  console.log(`${"request".padEnd(28)}${SIZES.map((size) => pad(size.label, 10)).join("")}${pad("µs/KB 1 MB", 13)}${pad("µs/KB 5 MB", 13)}`);
  const results = [];
  for (const text of texts) results.push(await measure(text));
  for (const name of Object.keys(requests)) {
    const ms = results.map((result) => result[name]);
    const perKb = (index) => ((ms[index] * 1000) / (texts[index].length / 1024)).toFixed(1);
    worst = Math.max(worst, ms[2]);
    console.log(`${name.padEnd(28)}${ms.map((value) => pad(value.toFixed(1), 10)).join("")}${pad(perKb(1), 13)}${pad(perKb(2), 13)}`);
  }
}
console.log(`\nslowest request at 5 MB: ${worst.toFixed(0)} ms (target: under 100 ms on the main loop)`);

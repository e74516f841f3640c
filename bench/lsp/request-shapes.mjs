// Documents for bench/lsp/requests.mjs, each of about `bytes` characters, each with
// `"headless": {"active": true}` after its bulk.
import { largeRequest } from "./corpus.mjs";

/** As deep as lint() and the editor features build trees for (MAX_NESTING_DEPTH, 256), the root and `metadata` included. */
export const MAX_DEPTH_SHAPE = 250;

export const requestShapes = {
  // bench/lsp/corpus.mjs's request, with `metadata` before `configuration`.
  metadata: (bytes) => {
    const { count, configuration, metadata } = JSON.parse(largeRequest(bytes));
    return `${JSON.stringify({ count, metadata, configuration }, null, 2)}\n`;
  },
  "unknown keys": (bytes) => {
    const lines = [];
    for (let i = 0, length = 0; length < bytes; i++) {
      lines.push(`  "zq${i}xw": ${i},`);
      length += lines[i].length + 1;
    }
    return `{"count": 1, "configuration": {"browser": {\n${lines.join("\n")}\n  "headless": {"active": true}\n}}}\n`;
  },
  "deep nesting": (bytes) => {
    // One item: MAX_DEPTH_SHAPE objects, one per line, each with a key before the next level.
    const item = `{\n${Array.from({ length: MAX_DEPTH_SHAPE }, (_, d) => `"k${d}": 1, "n${d}": {`).join("\n")}${"}".repeat(MAX_DEPTH_SHAPE)}\n}`;
    const n = Math.max(1, Math.round(bytes / item.length));
    return `{"count": 1, "metadata": {"items": [\n${Array.from({ length: n }, () => item).join(",\n")}\n]}, "configuration": {"browser": {"headless": {"active": true}}}}\n`;
  },
};

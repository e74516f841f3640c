import { parseTree } from "jsonc-parser";
const { parseText } = await import("./dist/source/parse.js");
const g = "x ".repeat(5e6);
const what = process.argv[2];
const s = performance.now();
if (what === "jsonc") { const e = []; parseTree(g, e, { allowTrailingComma: true }); console.log(e.length); }
else { const r = parseText(g); console.log(r.problems.length); }
console.log(what, (performance.now() - s).toFixed(0), "ms", Math.round(process.memoryUsage().rss / 1e6), "MB");

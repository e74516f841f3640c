import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const src = fileURLToPath(new URL("../src", import.meta.url));

/** Relative imports of every source file, type-only ones included: a cycle of types still ties modules together. */
function importGraph(): Map<string, string[]> {
  const files = readdirSync(src, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts")).map((file) => join(src, file));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const imports = [...readFileSync(file, "utf8").matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+"(\.[^"]+)"/gms)].map((match) => resolve(dirname(file), match[1]!.replace(/\.js$/, ".ts")));
    graph.set(file, imports.filter((target) => files.includes(target)));
  }
  return graph;
}

it("core's modules import each other without cycles (rule.ts and the source model included)", () => {
  const graph = importGraph();
  const state = new Map<string, "open" | "done">();
  const cycles: string[] = [];
  const visit = (file: string, path: string[]): void => {
    state.set(file, "open");
    for (const target of graph.get(file)!) {
      if (state.get(target) === "open") cycles.push([...path.slice(path.indexOf(target)), target].map((entry) => relative(src, entry)).join(" -> "));
      else if (!state.has(target)) visit(target, [...path, target]);
    }
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file, [file]);
  expect(cycles).toEqual([]);
  // The test sees the imports it is about.
  expect(graph.get(join(src, "rule.ts"))).toContain(join(src, "source", "types.ts"));
});

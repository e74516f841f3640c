// Runs the fix property test (packages/core/test/fix-properties.test.ts) with many more inputs than
// CI does: `pnpm fuzz:fixes [runs] [seed]` (default 5000 runs, a fresh seed each time, printed).
import { spawnSync } from "node:child_process";

const runs = process.argv[2] ?? "5000";
const seed = process.argv[3] ?? String(Date.now() % 2147483647);
console.log(`fix properties: ${runs} runs, seed ${seed} (FC_SEED=${seed} FC_RUNS=${runs} repeats this run)`);
const result = spawnSync("pnpm", ["vitest", "run", "packages/core/test/fix-properties.test.ts"], {
  stdio: "inherit",
  env: { ...process.env, FC_RUNS: runs, FC_SEED: seed },
  shell: process.platform === "win32",
});
process.exit(result.status ?? 1);

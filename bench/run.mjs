// `pnpm bench`: every benchmark in turn; each prints its own figures beside a baseline from the same run.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const suites = ["bench/varied/run.mjs", "bench/core/run.mjs", "bench/growth/run.mjs", "bench/cli/run.mjs", "bench/lsp/run.mjs", "bench/lsp/requests.mjs"].filter((suite) => existsSync(suite));
let failed = false;
for (const suite of suites) {
  console.log(`\n== ${suite}`);
  const result = spawnSync(process.execPath, [suite], { stdio: "inherit" });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);

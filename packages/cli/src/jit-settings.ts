import { createRequire } from "node:module";

/**
 * From this many files up, a run is long enough for the setting below to pay. A short run never
 * changes V8's flags: a changed flag makes V8 refuse the code caches compiled under the old ones,
 * Node's own modules' included, which cost a one-file run about 6 ms.
 */
export const LONG_RUN_FILES = 500;

/** Optimize a function after eight times V8's default work: see {@link tuneForLongRun}. */
const INTERRUPT_BUDGET = 400_000;

let tuned = false;

/**
 * A long run lints thousands of small files once each. V8's default is to optimize a function after
 * a short while, and on varied files much of what it optimizes early is thrown away and optimized
 * again: a run over 10,000 varied files kept the compiler thread busy for 1.6 s. Waiting longer before
 * optimizing cuts the CPU time by about a quarter and the wall time by about 15% (docs/performance.md).
 * Only the interrupt budget changes, and only for functions first run after this call: the lint's,
 * not the command's start-up code. Output is unaffected: V8 runs the same code, only compiled later.
 */
export function tuneForLongRun(files: number): void {
  if (tuned || files < LONG_RUN_FILES) return;
  tuned = true;
  // Loaded here, not at the top: a short run does not pay for loading node:v8.
  const { setFlagsFromString } = createRequire(import.meta.url)("node:v8") as typeof import("node:v8");
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}

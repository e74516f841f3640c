/**
 * The command's bundle (dist/anchor-lint.cjs), CommonJS: started by the launcher (launcher.ts,
 * dist/anchor-lint.js) with V8's code cache, by `node dist/anchor-lint.cjs`, or as a lint worker thread.
 */
import { pathToFileURL } from "node:url";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { describeFsError, EXIT_USAGE } from "./errors.js";
import { handleRequest, type WorkerRequest } from "./lint-files.js";
import { run } from "./main.js";

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

export interface Launch {
  /** How V8's code cache went, for --debug. */
  codeCache?: string;
  /** Runs once the command is done, before the process exits. */
  beforeExit?: () => void;
}

/** Runs the command on `argv` and exits with its code. */
export async function main(argv: readonly string[], launch: Launch = {}): Promise<void> {
  // A reader that stops early (`anchor-lint | head`) is not an error worth a message, and the exit
  // code stays the lint's (a CI step with pipefail reads it), whenever the pipe closes. Any other
  // write error (`> /dev/full`, a full disk) lost the report: say so, and exit 2 rather than pass.
  let readerGone = false;
  let stdoutFailed = false;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") readerGone = true;
    if (readerGone || stdoutFailed) return;
    stdoutFailed = true;
    process.stderr.write(`anchor-lint: cannot write the report to standard output: ${describeFsError(error)}\n`);
    process.exitCode = EXIT_USAGE;
  });
  // The same for standard error (`2>&1 | head`): an unhandled EPIPE there crashed the run with exit 1.
  let stderrGone = false;
  process.stderr.on("error", () => {
    stderrGone = true;
  });
  process.exitCode = await run(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => {
      if (!stderrGone) process.stderr.write(text);
    },
    stdoutIsTTY: process.stdout.isTTY === true,
    readStdin: () => readAll(process.stdin),
    // This bundle: lint workers run it; the reader thread's bundle sits next to it.
    workerUrl: pathToFileURL(__filename),
    ...(launch.codeCache !== undefined ? { codeCache: launch.codeCache } : {}),
  });
  // A failed write to a file or device reports its error on the next tick: wait for it.
  await new Promise((resolve) => setImmediate(resolve));
  if (stdoutFailed) process.exitCode = EXIT_USAGE;
  launch.beforeExit?.();
  // Done: leave now rather than wait for helper threads to wind down (~10 ms after a large run), unless
  // output is still buffered (pipes are asynchronous on some platforms), which exiting would cut off.
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit();
}

if (!isMainThread && (workerData as { anchorLintWorker?: boolean } | null)?.anchorLintWorker) {
  parentPort!.on("message", (request: WorkerRequest) => {
    parentPort!.postMessage(handleRequest(request));
  });
} else if (require.main === module) {
  void main(process.argv.slice(2));
}

import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { handleRequest, type WorkerRequest } from "./lint-files.js";
import { run } from "./main.js";

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

// Worker threads run this same bundle: one file to load, nothing to resolve.
if (!isMainThread && (workerData as { anchorLintWorker?: boolean } | null)?.anchorLintWorker) {
  parentPort!.on("message", (request: WorkerRequest) => {
    parentPort!.postMessage(handleRequest(request));
  });
} else {
  // A reader that stops early (`anchor-lint | head`) is not an error worth a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await run(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    readStdin: () => readAll(process.stdin),
    workerUrl: new URL(import.meta.url),
  });
  // Done: leave now rather than wait for helper threads to wind down (~10 ms after a large run), unless
  // output is still buffered (pipes are asynchronous on some platforms), which exiting would cut off.
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit();
}

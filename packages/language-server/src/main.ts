#!/usr/bin/env node
// The `anchor-lint-language-server` command: `--stdio`, `--node-ipc`, `--socket=<port>` or `--pipe=<name>`, as
// vscode-languageserver reads them from the command line.
import { createConnection } from "vscode-languageserver/node";
import { startServer } from "./server.js";
import { serverVersion } from "./version.js";
import { serveLintRequests } from "./lint-worker.js";

// The same bundle is the lint thread (see lint-worker.ts): no second file to ship.
if (serveLintRequests()) {
  // Answers lint requests until the server ends it.
} else if (process.argv.includes("--version") || process.argv.includes("-v")) {
  process.stdout.write(`anchor-lint-language-server ${serverVersion}\n`);
  process.exit(0);
} else {
  const connection = createConnection();
  // A stray error must not take the editor's diagnostics down with it.
  process.on("uncaughtException", (error) => connection.console.error(`anchor-lint: uncaught: ${error.stack ?? error.message}`));
  process.on("unhandledRejection", (reason) => connection.console.error(`anchor-lint: unhandled rejection: ${String(reason)}`));
  // This very file, started again as a worker, lints large documents off the main loop.
  startServer(connection, process.argv[1] ? { lintThreadEntry: process.argv[1] } : {});
}

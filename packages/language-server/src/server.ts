import { TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult } from "vscode-languageserver";
import { registerCodeActions, codeActionCapabilities } from "./handlers/code-actions.js";
import { registerCompletion, completionCapabilities } from "./handlers/completion.js";
import { registerConfiguration } from "./handlers/configuration.js";
import { registerDiagnostics } from "./handlers/diagnostics.js";
import { registerFormatting, formattingCapabilities } from "./handlers/formatting.js";
import { registerHover, hoverCapabilities } from "./handlers/hover.js";
import { registerSelection, selectionCapabilities } from "./handlers/selection.js";
import { registerSymbols, symbolCapabilities } from "./handlers/symbols.js";
import { HeavyWork } from "./heavy-work.js";
import { Session } from "./session.js";
import { serverVersion } from "./version.js";

export { DISABLE_RULE_COMMAND, FIX_ALL_KIND } from "./handlers/code-actions.js";

export interface ServerOptions {
  /** Quiet time after a change before re-linting a document that is being edited (ms). */
  debounceMs?: number;
  /** Least time between two looks at the config files' change times (ms). */
  configCheckMs?: number;
  /** A script that, started as a worker thread, serves lint requests (see lint-worker.ts); without it, every lint runs here. */
  lintThreadEntry?: string;
}

/**
 * Serves anchor-lint over a connection: diagnostics (pushed, or pulled by clients that can),
 * quick fixes, fix-all, "disable rule", completion, hover, formatting, outline and folding.
 * Wiring only: each feature is a module under `handlers/`, every answer comes from `@anchor-lint/core`.
 * Starts listening.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const session = new Session(connection, options.debounceMs ?? 150);
  // The configuration first: its caches must be dropped before the diagnostics re-run on a settings change.
  const configuration = registerConfiguration(session, { ...(options.configCheckMs !== undefined ? { configCheckMs: options.configCheckMs } : {}) });
  const diagnostics = registerDiagnostics(session, configuration, options.lintThreadEntry);
  // A thread per feature (started for the first large document only): a fix-all under way is not
  // ended by the outline request that follows every change.
  const heavy = [0, 1, 2].map(() => new HeavyWork(session, options.lintThreadEntry));
  registerCodeActions(session, configuration, diagnostics, heavy[0]!);
  registerCompletion(session, configuration);
  registerHover(session, configuration, diagnostics);
  registerFormatting(session, configuration, heavy[1]!);
  registerSymbols(session, configuration, heavy[2]!);
  registerSelection(session, configuration);

  connection.onInitialize(
    session.guard("initialize", { capabilities: {} } as InitializeResult, (params: InitializeParams): InitializeResult => {
      session.capabilities = params.capabilities;
      session.lifecycle = "running";
      configuration.initialize(params);
      return {
        capabilities: {
          // save: a client without a file watcher tells of a saved config file only this way.
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
          ...completionCapabilities,
          ...hoverCapabilities,
          ...codeActionCapabilities(session),
          ...formattingCapabilities,
          ...symbolCapabilities,
          ...selectionCapabilities,
          ...diagnostics.initialize(params),
          workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        },
        serverInfo: { name: "anchor-lint-language-server", version: serverVersion },
      };
    }),
  );
  connection.onInitialized(session.guard("initialized", undefined, () => configuration.initialized()));
  connection.onShutdown(() => {
    session.lifecycle = "shut down";
    diagnostics.shutdown();
    for (const work of heavy) work.dispose();
    configuration.shutdown();
  });

  session.documents.listen(connection);
  connection.listen();
}

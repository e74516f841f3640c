import type { CancellationToken, Diagnostic, DocumentDiagnosticReport, InitializeParams, ServerCapabilities } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { lint, type Finding, type LintConfig } from "@anchor-lint/core";
import { toDiagnostic } from "../convert.js";
import type { Session } from "../session.js";
import { isConfigDocument, type Configuration } from "./configuration.js";
import { LintThread, OFF_THREAD_CHARACTERS } from "../lint-worker.js";

interface Validation {
  timer?: ReturnType<typeof setTimeout>;
  lastChange: number;
}

interface Result {
  version: number;
  generation: number;
  diagnostics: Diagnostic[];
}

/** Diagnostics of open documents: pushed to every client, pulled by clients that can. */
export interface Diagnostics {
  /** The capabilities this feature declares for a client. */
  initialize(params: InitializeParams): Partial<ServerCapabilities>;
  /** The diagnostics last computed for this version of a document, or none. */
  current(uri: string, version: number): Diagnostic[];
  /**
   * The diagnostics of this version, linted now if they are not known yet: on the lint thread for
   * large documents, sharing a run already under way for it. Undefined when the version is no longer
   * current, the run was ended (a newer version, a close, another document's lint) or `token` was
   * cancelled; a cancelled caller stops waiting, and the run goes on while another caller waits for it.
   */
  forVersion(uri: string, version: number, token?: CancellationToken): Promise<Diagnostic[] | undefined>;
  shutdown(): void;
}

export function registerDiagnostics(session: Session, configuration: Configuration, lintThreadEntry?: string): Diagnostics {
  const { connection, documents, debounceMs } = session;
  // A thread per large document: one shared thread runs one lint at a time, so opening a second large
  // document ended the first one's run, and the first then waited for its next change to be linted.
  const lintThreads = new Map<string, LintThread>();
  const lintThreadFor = (uri: string): LintThread | undefined => {
    if (!lintThreadEntry) return undefined;
    let thread = lintThreads.get(uri);
    if (!thread) lintThreads.set(uri, (thread = new LintThread(lintThreadEntry)));
    return thread;
  };
  documents.onDidClose((event) => {
    lintThreads.get(event.document.uri)?.dispose();
    lintThreads.delete(event.document.uri);
  });
  /** A large document's lint under way, shared by whoever wants that version: a push, a pull, a quick fix. */
  const inflight = new Map<string, { version: number; config: unknown; findings: Promise<Finding[] | undefined>; waiters: number }>();
  const validations = new Map<string, Validation>();
  const results = new Map<string, Result>();
  const withDiagnostics = new Set<string>();
  let pullDiagnostics = false;

  session.onSettingsChanged(() => {
    for (const document of documents.all()) {
      if (isConfigDocument(document.uri)) void publishConfigDiagnostics(document);
      else schedule(document, 0);
    }
    if (pullDiagnostics && session.capabilities.workspace?.diagnostics?.refreshSupport) {
      connection.languages.diagnostics.refresh().catch(() => undefined);
    }
  });

  async function publishConfigDiagnostics(document: TextDocument): Promise<void> {
    const diagnostics = configuration.configDiagnostics(document);
    // Silent about a good config file, unless that clears what was shown before.
    if (diagnostics.length === 0 && !withDiagnostics.has(document.uri)) return;
    if (diagnostics.length > 0) withDiagnostics.add(document.uri);
    else withDiagnostics.delete(document.uri);
    await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics }).catch(() => undefined);
  }

  // Also fires on open.
  let configEdit: ReturnType<typeof setTimeout> | undefined;
  documents.onDidChangeContent(
    session.guard("change", undefined, (event) => {
      if (isConfigDocument(event.document.uri)) {
        // Typing in the config file re-checks every open document: once per pause, not per key.
        clearTimeout(configEdit);
        configEdit = setTimeout(() => session.settingsChanged(), event.document.version === 1 ? 0 : debounceMs);
        return;
      }
      const validation = validations.get(event.document.uri);
      const now = Date.now();
      // The first change after a quiet spell is checked at once; a burst of typing waits for a pause.
      const busy = validation !== undefined && now - validation.lastChange < debounceMs;
      schedule(event.document, busy ? (event.document.getText().length < 20_000 ? Math.min(50, debounceMs) : debounceMs) : 0);
    }),
  );

  documents.onDidClose(
    session.guard("close", undefined, (event) => {
      const uri = event.document.uri;
      if (isConfigDocument(uri)) session.settingsChanged();
      const validation = validations.get(uri);
      if (validation?.timer) clearTimeout(validation.timer);
      validations.delete(uri);
      withDiagnostics.delete(uri);
      results.delete(uri);
      configuration.forget(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
    }),
  );

  function schedule(document: TextDocument, delay: number): void {
    if (isConfigDocument(document.uri)) return;
    const uri = document.uri;
    const validation = validations.get(uri) ?? { lastChange: 0 };
    validations.set(uri, validation);
    validation.lastChange = Date.now();
    if (validation.timer) clearTimeout(validation.timer);
    validation.timer = setTimeout(() => {
      validation.timer = undefined;
      const version = documents.get(uri)?.version;
      // Let changes already waiting on the connection arrive first: they make this run stale.
      setImmediate(() => {
        if (version !== undefined && documents.get(uri)?.version === version) void publish(uri, version);
      });
    }, delay);
  }

  const publish = session.guard("validation", undefined, async (uri: string, version: number) => {
    if (configuration.configChangedOnDisk()) return; // the settings change re-schedules every document
    const diagnostics = await diagnose(uri, version);
    // Changes that arrived while linting are read first: a newer version makes this result stale.
    await new Promise((resolve) => setImmediate(resolve));
    // A newer version is on its way (or the document closed): its own run publishes.
    if (diagnostics === undefined || documents.get(uri)?.version !== version) return;
    // Other JSON files the editor sends (Neovim attaches servers by file type) hear nothing from
    // us, unless they had diagnostics before the settings excluded them.
    if (!(await configuration.contextFor(uri)).enabled && !withDiagnostics.has(uri)) return;
    if (diagnostics.length > 0) withDiagnostics.add(uri);
    else withDiagnostics.delete(uri);
    await connection.sendDiagnostics({ uri, version, diagnostics });
  });

  /** Diagnostics of `version` of a document, or undefined when that version is no longer current. */
  async function diagnose(uri: string, version: number, token?: CancellationToken): Promise<Diagnostic[] | undefined> {
    const cached = results.get(uri);
    if (cached && cached.version === version && cached.generation === session.generation) return cached.diagnostics;
    const at = session.generation;
    if (isConfigDocument(uri)) {
      const document = documents.get(uri);
      return document && document.version === version ? configuration.configDiagnostics(document) : undefined;
    }
    const context = await configuration.contextFor(uri);
    const document = documents.get(uri);
    if (!document || document.version !== version || token?.isCancellationRequested) return undefined;
    let findings: Finding[] | undefined = [];
    if (context.enabled && !context.ignored) {
      const text = document.getText();
      const thread = text.length >= OFF_THREAD_CHARACTERS ? lintThreadFor(uri) : undefined;
      if (thread) {
        findings = await lintOffThread(thread, uri, version, text, context.config, token);
        if (findings === undefined || documents.get(uri)?.version !== version) return undefined;
      } else {
        findings = lint(text, { config: context.config });
      }
    }
    const diagnostics = findings.map((finding) => toDiagnostic(finding, uri, version));
    if (at === session.generation) results.set(uri, { version, generation: session.generation, diagnostics });
    return diagnostics;
  }

  /**
   * Off the main loop: hovers, completions and changes are answered meanwhile. A pull, a push and a
   * quick fix of one version share the run (a second run would end the first). A newer version or a
   * close ends it (the thread is stopped, not waited for); a cancelled caller only stops waiting, and
   * ends the run when no one else waits for it.
   */
  async function lintOffThread(thread: LintThread, uri: string, version: number, text: string, config: LintConfig | undefined, token: CancellationToken | undefined): Promise<Finding[] | undefined> {
    let run = inflight.get(uri);
    if (!run || run.version !== version || run.config !== config) {
      run = { version, config, findings: thread.lint(text, config), waiters: 0 };
      inflight.set(uri, run);
    }
    const shared = run;
    shared.waiters++;
    const stale = documents.onDidChangeContent((event) => {
      if (event.document.uri === uri && event.document.version !== version) thread.cancel();
    });
    const closed = documents.onDidClose((event) => {
      if (event.document.uri === uri) thread.cancel();
    });
    let cancelled: { dispose(): void } | undefined;
    const givenUp = new Promise<undefined>((resolve) => {
      cancelled = token?.onCancellationRequested(() => {
        resolve(undefined);
        if (--shared.waiters > 0 || inflight.get(uri) !== shared) return;
        inflight.delete(uri);
        thread.cancel();
      });
    });
    try {
      const findings = await Promise.race([shared.findings, givenUp]);
      if (!token?.isCancellationRequested) {
        shared.waiters--;
        if (inflight.get(uri) === shared) inflight.delete(uri);
      }
      return findings;
    } finally {
      cancelled?.dispose();
      stale.dispose();
      closed.dispose();
    }
  }

  connection.languages.diagnostics.on(
    session.request("pull diagnostics", { kind: "full", items: [] } as DocumentDiagnosticReport, async (params, token) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return { kind: "full", items: [] };
      // A pull is a lint too: a config file changed unseen (no watcher event came) counts first.
      configuration.configChangedOnDisk();
      const resultId = `${document.version}:${session.generation}`;
      if (params.previousResultId === resultId && results.get(document.uri)?.version === document.version) {
        return { kind: "unchanged", resultId };
      }
      const items = await diagnose(document.uri, document.version, token);
      return { kind: "full", resultId, items: items ?? [] };
    }),
  );

  return {
    initialize(params) {
      const init = (params.initializationOptions ?? {}) as { pullDiagnostics?: unknown };
      // Every client gets pushes (Neovim, eglot and ALE accept nothing else); a client that declares
      // pull support is also served textDocument/diagnostic from the same cached results. A client
      // that shows both would list each problem twice: it drops the pushes (the VS Code extension does).
      pullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined && init.pullDiagnostics !== false;
      return pullDiagnostics ? { diagnosticProvider: { identifier: "anchor-lint", interFileDependencies: false, workspaceDiagnostics: false } } : {};
    },
    current(uri, version) {
      const result = results.get(uri);
      return result?.version === version ? result.diagnostics : [];
    },
    forVersion: (uri, version, token) => diagnose(uri, version, token),
    shutdown() {
      for (const thread of lintThreads.values()) thread.dispose();
      lintThreads.clear();
      for (const validation of validations.values()) if (validation.timer) clearTimeout(validation.timer);
      validations.clear();
    },
  };
}

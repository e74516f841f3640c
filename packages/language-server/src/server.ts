import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { mkdir, writeFile } from "node:fs/promises";
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MarkupKind,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceEdit,
  type WorkspaceFolder,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  complete,
  documentSymbols,
  fix,
  foldingRanges,
  format,
  hover,
  lint,
  rules,
  setRuleInConfig,
  type Finding,
  type Fix,
  type LintConfig,
  type TextEdit as CoreEdit,
} from "@anchor-lint/core";
import {
  minimalEdit,
  toCompletionItem,
  toDiagnostic,
  toDocumentSymbols,
  toFoldingRanges,
  toSymbolInformation,
  toTextEdits,
  type DiagnosticData,
} from "./convert.js";
import { globMatcher } from "./glob.js";
import type { ConfigFileError, ConfigProblem } from "@anchor-lint/cli/config";
import { CONFIG_FILE_NAME, ConfigFiles, configProblems, defaultSettings, mergeConfig, normalizeSettings, type Settings } from "./settings.js";

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.anchor-lint`;
export const DISABLE_RULE_COMMAND = "anchor-lint.disableRule";

export interface ServerOptions {
  /** Quiet time after a change before re-linting a document that is being edited (ms). */
  debounceMs?: number;
}

/** What a document is checked with, recomputed when settings or config files change. */
interface DocumentContext {
  enabled: boolean;
  /** Excluded by the config file's `ignores`: no diagnostics and no fixes, as the CLI skips it. */
  ignored: boolean;
  config: LintConfig;
  /** Where a "disable rule" action writes: the nearest config file, or a new one at the workspace root. */
  configPath: string | undefined;
  configExists: boolean;
}

interface Validation {
  timer?: ReturnType<typeof setTimeout>;
  lastChange: number;
}

interface Result {
  version: number;
  generation: number;
  diagnostics: Diagnostic[];
}

/**
 * Serves anchor-lint over a connection: diagnostics (pushed, or pulled by clients that can),
 * quick fixes, fix-all, "disable rule", completion, hover, formatting, outline and folding.
 * Thin glue: every answer comes from `@anchor-lint/core`. Starts listening.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const debounceMs = options.debounceMs ?? 150;
  const documents = new TextDocuments(TextDocument);
  const configFiles = new ConfigFiles((path) => openConfigText(path), (error) => configFileProblem(error));
  const validations = new Map<string, Validation>();
  const results = new Map<string, Result>();
  const contexts = new Map<string, Promise<DocumentContext>>();
  const reportedProblems = new Set<string>();
  const withDiagnostics = new Set<string>();

  let capabilities: ClientCapabilities = {};
  let initSettings: Settings = defaultSettings;
  let globalSettings: Settings = defaultSettings;
  let workspaceFolders: string[] = [];
  let pullDiagnostics = false;
  // Bumped whenever settings or config files change: cached contexts and results of older generations are stale.
  let generation = 0;

  const log = (message: string) => {
    try {
      connection.console.error(message);
    } catch {
      // the connection is gone; nothing to tell
    }
  };

  /** Runs a handler so that nothing it throws reaches the connection: the server never dies of one request. */
  function guard<P extends unknown[], R>(name: string, fallback: R, handler: (...args: P) => R | Promise<R>) {
    return async (...args: P): Promise<R> => {
      try {
        return await handler(...args);
      } catch (error) {
        log(`anchor-lint: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };
  }

  connection.onInitialize(
    guard("initialize", { capabilities: {} } as InitializeResult, (params: InitializeParams): InitializeResult => {
      capabilities = params.capabilities;
      initSettings = normalizeSettings(params.initializationOptions);
      globalSettings = initSettings;
      workspaceFolders = foldersOf(params.workspaceFolders, params.rootUri);
      const init = (params.initializationOptions ?? {}) as { pullDiagnostics?: unknown };
      // Every client gets pushes (Neovim, eglot and ALE accept nothing else); a client that declares
      // pull support is also served textDocument/diagnostic from the same cached results. A client
      // that shows both would list each problem twice: it drops the pushes (the VS Code extension does).
      pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined && init.pullDiagnostics !== false;
      const literalActions = capabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
      return {
        capabilities: {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
          completionProvider: { triggerCharacters: ['"', ":"], resolveProvider: false },
          hoverProvider: true,
          codeActionProvider: literalActions ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } : true,
          executeCommandProvider: { commands: [DISABLE_RULE_COMMAND] },
          documentFormattingProvider: true,
          documentRangeFormattingProvider: true,
          documentSymbolProvider: { label: "anchor-lint" },
          foldingRangeProvider: true,
          ...(pullDiagnostics ? { diagnosticProvider: { identifier: "anchor-lint", interFileDependencies: false, workspaceDiagnostics: false } } : {}),
          workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        },
        serverInfo: { name: "anchor-lint-language-server" },
      };
    }),
  );

  connection.onInitialized(
    guard("initialized", undefined, async () => {
      if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: "anchorLint" });
      }
      if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] });
      }
      if (capabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guard("workspace folders", undefined, (event) => {
            const removed = new Set(foldersOf(event.removed, null));
            workspaceFolders = [...workspaceFolders.filter((folder) => !removed.has(folder)), ...foldersOf(event.added, null)];
            settingsChanged();
          }),
        );
      }
    }),
  );

  // ---- settings and config files

  function settingsChanged(): void {
    generation++;
    contexts.clear();
    configFiles.invalidate();
    for (const document of documents.all()) {
      if (isConfigDocument(document.uri)) void publishConfigDiagnostics(document);
      else schedule(document, 0);
    }
    if (pullDiagnostics && capabilities.workspace?.diagnostics?.refreshSupport) {
      connection.languages.diagnostics.refresh().catch(() => undefined);
    }
  }

  connection.onDidChangeConfiguration(
    guard("configuration change", undefined, (params) => {
      if (!capabilities.workspace?.configuration) {
        const sent = (params.settings ?? {}) as Record<string, unknown>;
        globalSettings = sent.anchorLint !== undefined ? normalizeSettings(sent) : initSettings;
      }
      settingsChanged();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard("watched files", undefined, (params) => {
      if (params.changes.some((change) => change.uri.endsWith(`/${CONFIG_FILE_NAME}`))) settingsChanged();
    }),
  );

  async function settingsFor(uri: string): Promise<Settings> {
    if (!capabilities.workspace?.configuration) return globalSettings;
    try {
      const answer: unknown = await withTimeout(connection.workspace.getConfiguration({ scopeUri: uri, section: "anchorLint" }), 3000);
      // A client without such settings answers null: the initialization options then apply.
      return answer === null || answer === undefined ? initSettings : normalizeSettings({ ...initSettings, ...(answer as object) });
    } catch {
      return initSettings;
    }
  }

  function contextFor(uri: string): Promise<DocumentContext> {
    let context = contexts.get(uri);
    if (!context) {
      context = computeContext(uri);
      contexts.set(uri, context);
      context.catch(() => contexts.delete(uri));
    }
    return context;
  }

  async function computeContext(uri: string): Promise<DocumentContext> {
    const settings = await settingsFor(uri);
    const path = pathOf(uri);
    const enabled = settings.enable && path !== undefined && matchesPattern(settings.filePattern, path);
    if (!enabled || path === undefined) return { enabled: false, ignored: false, config: {}, configPath: undefined, configExists: false };
    // The CLI's resolution, so that the editor agrees with CI; unsaved documents have no folder to look in.
    const resolved = uri.startsWith("file:") ? configFiles.resolve(path) : undefined;
    const { config, problems } = mergeConfig(resolved?.config ?? {}, settings);
    for (const problem of problems) reportOnce(problem);
    const found = resolved?.configFile;
    const folder = workspaceFolders.filter((f) => path.startsWith(f + "/") || path.startsWith(f + "\\")).sort((a, b) => b.length - a.length)[0];
    const configPath = found ?? (uri.startsWith("file:") ? `${folder ?? dirname(path)}/${CONFIG_FILE_NAME}` : undefined);
    return { enabled: true, ignored: resolved?.ignored ?? false, config, configPath, configExists: found !== undefined };
  }

  function matchesPattern(pattern: string, path: string): boolean {
    const matches = globMatcher(pattern);
    if (matches(path)) return true;
    return workspaceFolders.some((folder) => path.startsWith(folder + "/") && matches(path.slice(folder.length + 1)));
  }

  function reportOnce(problem: string): void {
    if (reportedProblems.has(problem)) return;
    reportedProblems.add(problem);
    log(`anchor-lint: ${problem}`);
    // A notification, not showMessageRequest: nothing waits for the user to dismiss it.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `anchor-lint: ${problem}` }).catch(() => undefined);
  }

  /**
   * A config file with mistakes: its valid entries still apply (the CLI would refuse the file and
   * exit 2). An open config document shows the mistakes as its own diagnostics; a file that is not
   * open is announced once with window/showMessage.
   */
  function configFileProblem(error: ConfigFileError): void {
    if (error.file !== undefined && documents.get(pathToFileURL(error.file).href)) return;
    const first = error.problems[0];
    const where = error.file ?? CONFIG_FILE_NAME;
    const more = error.problems.length > 1 ? ` (and ${error.problems.length - 1} more)` : "";
    reportOnce(first ? `${where}: ${first.pointer === "" ? "" : `${first.pointer}: `}${first.message}${more}` : error.message);
  }

  /** Diagnostics of an open config file: what the CLI would reject it for. */
  function configDiagnostics(document: TextDocument): Diagnostic[] {
    const path = pathOf(document.uri);
    if (path === undefined || !document.uri.startsWith("file:")) return [];
    const text = document.getText();
    return configProblems(text, path).map((problem) => configDiagnostic(document, text, problem));
  }

  async function publishConfigDiagnostics(document: TextDocument): Promise<void> {
    const diagnostics = configDiagnostics(document);
    // Silent about a good config file, unless that clears what was shown before.
    if (diagnostics.length === 0 && !withDiagnostics.has(document.uri)) return;
    if (diagnostics.length > 0) withDiagnostics.add(document.uri);
    else withDiagnostics.delete(document.uri);
    await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics }).catch(() => undefined);
  }

  function openConfigText(path: string): string | undefined {
    return documents.get(pathToFileURL(path).href)?.getText();
  }

  function isConfigDocument(uri: string): boolean {
    return uri.endsWith(`/${CONFIG_FILE_NAME}`);
  }

  // ---- diagnostics

  // Also fires on open.
  let configEdit: ReturnType<typeof setTimeout> | undefined;
  documents.onDidChangeContent(
    guard("change", undefined, (event) => {
      if (isConfigDocument(event.document.uri)) {
        // Typing in the config file re-checks every open document: once per pause, not per key.
        clearTimeout(configEdit);
        configEdit = setTimeout(settingsChanged, event.document.version === 1 ? 0 : debounceMs);
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
    guard("close", undefined, (event) => {
      const uri = event.document.uri;
      if (isConfigDocument(uri)) settingsChanged();
      const validation = validations.get(uri);
      if (validation?.timer) clearTimeout(validation.timer);
      validations.delete(uri);
      withDiagnostics.delete(uri);
      results.delete(uri);
      contexts.delete(uri);
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

  const publish = guard("validation", undefined, async (uri: string, version: number) => {
    const diagnostics = await diagnose(uri, version);
    // A newer version is on its way (or the document closed): its own run publishes.
    if (diagnostics === undefined || documents.get(uri)?.version !== version) return;
    // Other JSON files the editor sends (Neovim attaches servers by file type) hear nothing from
    // us, unless they had diagnostics before the settings excluded them.
    if (!(await contextFor(uri)).enabled && !withDiagnostics.has(uri)) return;
    if (diagnostics.length > 0) withDiagnostics.add(uri);
    else withDiagnostics.delete(uri);
    await connection.sendDiagnostics({ uri, version, diagnostics });
  });

  /** Diagnostics of `version` of a document, or undefined when that version is no longer current. */
  async function diagnose(uri: string, version: number, token?: CancellationToken): Promise<Diagnostic[] | undefined> {
    const cached = results.get(uri);
    if (cached && cached.version === version && cached.generation === generation) return cached.diagnostics;
    const at = generation;
    if (isConfigDocument(uri)) {
      const document = documents.get(uri);
      return document && document.version === version ? configDiagnostics(document) : undefined;
    }
    const context = await contextFor(uri);
    const document = documents.get(uri);
    if (!document || document.version !== version || token?.isCancellationRequested) return undefined;
    const diagnostics = context.enabled && !context.ignored ? lint(document.getText(), { config: context.config }).map((finding) => toDiagnostic(finding, uri, version)) : [];
    if (at === generation) results.set(uri, { version, generation, diagnostics });
    return diagnostics;
  }

  connection.languages.diagnostics.on(
    guard("pull diagnostics", { kind: "full", items: [] } as DocumentDiagnosticReport, async (params, token) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return { kind: "full", items: [] };
      const resultId = `${document.version}:${generation}`;
      if (params.previousResultId === resultId && results.get(document.uri)?.version === document.version) {
        return { kind: "unchanged", resultId };
      }
      const items = await diagnose(document.uri, document.version, token);
      return { kind: "full", resultId, items: items ?? [] };
    }),
  );

  // ---- code actions

  connection.onCodeAction(
    guard("code actions", [] as CodeAction[], async (params: CodeActionParams): Promise<CodeAction[]> => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const context = await contextFor(document.uri);
      if (!context.enabled || context.ignored) return [];
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
      const actions: CodeAction[] = [];
      if (wants(CodeActionKind.QuickFix)) {
        const disabled = new Set<string>();
        let findings: Finding[] | undefined;
        const relint = () => (findings ??= lint(document.getText(), { config: context.config }));
        for (const diagnostic of params.context.diagnostics) {
          if (diagnostic.source !== "anchor-lint" || typeof diagnostic.code !== "string") continue;
          const { fix: own, suggestions } = fixesOf(document, diagnostic, relint);
          for (const candidate of [...(own ? [own] : []), ...suggestions]) {
            actions.push({
              title: candidate.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              // The rule's own fix, when safe, is what a "fix this" shortcut should apply; suggestions never are.
              isPreferred: candidate === own && own.safety === "safe",
              edit: documentEdit(document, candidate.edits),
            });
          }
          if (!disabled.has(diagnostic.code)) {
            disabled.add(diagnostic.code);
            const action = await disableRuleAction(diagnostic.code, context, params.context.diagnostics);
            if (action) actions.push(action);
          }
        }
      }
      if (wants(FIX_ALL_KIND) && (only !== undefined || params.context.diagnostics.length > 0)) {
        const text = document.getText();
        const result = fix(text, { config: context.config });
        if (result.changed) {
          actions.push({
            title: "Fix all anchor-lint problems",
            kind: FIX_ALL_KIND,
            edit: documentEdit(document, [minimalEdit(text, result.output)]),
          });
        }
      }
      return actions;
    }),
  );

  /**
   * The fixes of a diagnostic: from its data when it was computed on this version (dispatching
   * on the rule id, never on the message); otherwise found again by rule id and start.
   */
  function fixesOf(document: TextDocument, diagnostic: Diagnostic, relint: () => Finding[]): { fix: Fix | undefined; suggestions: Fix[] } {
    const data = diagnostic.data as Partial<DiagnosticData> | undefined;
    if (data && typeof data === "object" && data.version === document.version) {
      return { fix: isFix(data.fix) ? data.fix : undefined, suggestions: Array.isArray(data.suggestions) ? data.suggestions.filter(isFix) : [] };
    }
    const start = document.offsetAt(diagnostic.range.start);
    const finding = relint().find((candidate) => candidate.ruleId === diagnostic.code && candidate.range?.start.offset === start);
    return { fix: finding?.fix, suggestions: finding?.suggestions ?? [] };
  }

  function documentEdit(document: TextDocument, edits: readonly CoreEdit[]): WorkspaceEdit {
    const textEdits = toTextEdits(document, edits);
    if (capabilities.workspace?.workspaceEdit?.documentChanges) {
      return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: textEdits }] };
    }
    return { changes: { [document.uri]: textEdits } };
  }

  async function disableRuleAction(ruleId: string, context: DocumentContext, diagnostics: Diagnostic[]): Promise<CodeAction | undefined> {
    if (!context.configPath) return undefined;
    const title = `Disable ${ruleId} in ${CONFIG_FILE_NAME}`;
    const related = diagnostics.filter((diagnostic) => diagnostic.code === ruleId);
    const uri = pathToFileURL(context.configPath).href;
    const existing = context.configExists ? await configFiles.text(context.configPath) : undefined;
    if (context.configExists && existing === undefined) return undefined;
    const edits = setRuleInConfig(existing, ruleId, "off");
    if (!edits) return undefined; // a broken config file is the user's to mend first
    const open = documents.get(uri);
    const target = TextDocument.create(uri, "json", open?.version ?? 0, existing ?? "");
    const textEdits = toTextEdits(target, edits);
    const resourceOperations = capabilities.workspace?.workspaceEdit?.resourceOperations ?? [];
    const documentChanges = capabilities.workspace?.workspaceEdit?.documentChanges;
    if (context.configExists) {
      const edit: WorkspaceEdit = documentChanges
        ? { documentChanges: [{ textDocument: { uri, version: open ? open.version : null }, edits: textEdits }] }
        : { changes: { [uri]: textEdits } };
      return { title, kind: CodeActionKind.QuickFix, diagnostics: related, edit };
    }
    if (documentChanges && resourceOperations.includes("create")) {
      return {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: related,
        edit: {
          documentChanges: [
            { kind: "create", uri, options: { ignoreIfExists: true } },
            { textDocument: { uri, version: null }, edits: textEdits },
          ],
        },
      };
    }
    // Clients that cannot create files through an edit: the server writes the file itself.
    return { title, kind: CodeActionKind.QuickFix, diagnostics: related, command: { title, command: DISABLE_RULE_COMMAND, arguments: [uri, ruleId] } };
  }

  connection.onExecuteCommand(
    guard("command", undefined, async (params) => {
      if (params.command !== DISABLE_RULE_COMMAND) return;
      const [uri, ruleId] = params.arguments ?? [];
      if (typeof uri !== "string" || typeof ruleId !== "string" || !uri.startsWith("file:") || !uri.endsWith(`/${CONFIG_FILE_NAME}`)) return;
      if (!rules.some((rule) => rule.id === ruleId)) return;
      const path = fileURLToPath(uri);
      const existing = await configFiles.text(path);
      const edits = setRuleInConfig(existing, ruleId, "off");
      if (!edits) return;
      let text = existing ?? "";
      for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) text = text.slice(0, edit.offset) + edit.newText + text.slice(edit.offset + edit.length);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text, "utf8");
      settingsChanged();
    }),
  );

  // ---- editor features from core/language

  const markdown = () => capabilities.textDocument?.completion?.completionItem?.documentationFormat?.includes(MarkupKind.Markdown) ?? false;

  async function enabledDocument(uri: string): Promise<TextDocument | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    return (await contextFor(uri)).enabled ? document : undefined;
  }

  connection.onCompletion(
    guard("completion", null, async (params) => {
      const document = await enabledDocument(params.textDocument.uri);
      if (!document) return null;
      const snippets = capabilities.textDocument?.completion?.completionItem?.snippetSupport ?? false;
      const items = complete(document.getText(), document.offsetAt(params.position), { snippets });
      const asMarkdown = markdown();
      return { isIncomplete: false, items: items.map((item) => toCompletionItem(document, item, asMarkdown)) };
    }),
  );

  connection.onHover(
    guard("hover", null, async (params) => {
      const document = await enabledDocument(params.textDocument.uri);
      if (!document) return null;
      const offset = document.offsetAt(params.position);
      const info = hover(document.getText(), offset);
      const sections: string[] = info ? [info.markdown] : [];
      // Diagnostics already show their message; the hover adds what the rule is about and where its docs are.
      const here = (results.get(document.uri)?.version === document.version ? results.get(document.uri)!.diagnostics : []).filter((d) => {
        const start = document.offsetAt(d.range.start);
        const end = document.offsetAt(d.range.end);
        return start <= offset && offset <= end;
      });
      for (const ruleId of new Set(here.map((d) => String(d.code)))) {
        const rule = rules.find((candidate) => candidate.id === ruleId);
        if (rule) sections.push(`**anchor-lint** \`${rule.id}\`: ${rule.description} [Documentation](${rule.docsUrl})`);
      }
      if (sections.length === 0) return null;
      const range = info
        ? { start: document.positionAt(info.offset), end: document.positionAt(info.offset + info.length) }
        : here[0]!.range;
      const contentFormat = capabilities.textDocument?.hover?.contentFormat;
      const kind = !contentFormat || contentFormat.includes(MarkupKind.Markdown) ? MarkupKind.Markdown : MarkupKind.PlainText;
      return { contents: { kind, value: sections.join("\n\n---\n\n") }, range };
    }),
  );

  connection.onDocumentFormatting(
    guard("formatting", null, async (params) => {
      const document = await enabledDocument(params.textDocument.uri);
      if (!document) return null;
      const { tabSize, insertSpaces, insertFinalNewline } = params.options;
      return toTextEdits(document, format(document.getText(), { tabSize, insertSpaces, ...(insertFinalNewline !== undefined ? { insertFinalNewline } : {}) }));
    }),
  );

  connection.onDocumentRangeFormatting(
    guard("range formatting", null, async (params) => {
      const document = await enabledDocument(params.textDocument.uri);
      if (!document) return null;
      const { tabSize, insertSpaces } = params.options;
      const offset = document.offsetAt(params.range.start);
      const range = { offset, length: document.offsetAt(params.range.end) - offset };
      return toTextEdits(document, format(document.getText(), { tabSize, insertSpaces, range }));
    }),
  );

  connection.onDocumentSymbol(
    guard("symbols", null, async (params) => {
      const document = await enabledDocument(params.textDocument.uri);
      if (!document) return null;
      const symbols = documentSymbols(document.getText());
      return capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport
        ? toDocumentSymbols(document, symbols)
        : toSymbolInformation(document, symbols);
    }),
  );

  connection.onFoldingRanges(
    guard("folding", null, async (params) => {
      const document = await enabledDocument(params.textDocument.uri);
      if (!document) return null;
      const limit = capabilities.textDocument?.foldingRange?.rangeLimit;
      return toFoldingRanges(foldingRanges(document.getText(), limit !== undefined ? { limit } : {}));
    }),
  );

  connection.onShutdown(() => {
    for (const validation of validations.values()) if (validation.timer) clearTimeout(validation.timer);
    validations.clear();
  });

  documents.listen(connection);
  connection.listen();
}

/** Data comes back from the client: check its shape before trusting its edits. */
function isFix(value: unknown): value is Fix {
  const fix = value as Fix | undefined;
  return (
    typeof fix === "object" && fix !== null && typeof fix.title === "string" && Array.isArray(fix.edits) &&
    fix.edits.every((edit) => typeof edit?.offset === "number" && typeof edit.length === "number" && typeof edit.newText === "string")
  );
}

/**
 * Where a config problem shows: the line and column of a JSON syntax error, else the key its
 * pointer names when that key occurs once in the file, else the first line.
 */
function configDiagnostic(document: TextDocument, text: string, problem: ConfigProblem): Diagnostic {
  const base = { severity: 1 as const, source: "anchor-lint" };
  const at = /at line (\d+), column (\d+)/.exec(problem.message);
  if (problem.pointer === "" && at) {
    const start = { line: Number(at[1]) - 1, character: Number(at[2]) - 1 };
    return { ...base, message: problem.message, range: { start, end: { line: start.line, character: start.character + 1 } } };
  }
  const key = problem.pointer
    .split("/")
    .slice(1)
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"))
    .filter((segment) => !/^\d+$/.test(segment))
    .pop();
  const quoted = key === undefined ? undefined : JSON.stringify(key);
  const offset = quoted === undefined ? -1 : text.indexOf(quoted);
  if (quoted !== undefined && offset >= 0 && text.indexOf(quoted, offset + 1) < 0) {
    const message = /^\/[^/]+$/.test(problem.pointer) || problem.pointer.startsWith("/rules/") ? problem.message : `${problem.pointer}: ${problem.message}`;
    return { ...base, message, range: { start: document.positionAt(offset), end: document.positionAt(offset + quoted.length) } };
  }
  const firstLine = text.indexOf("\n");
  return {
    ...base,
    message: problem.pointer === "" ? problem.message : `${problem.pointer}: ${problem.message}`,
    range: { start: { line: 0, character: 0 }, end: document.positionAt(firstLine < 0 ? text.length : firstLine) },
  };
}

function pathOf(uri: string): string | undefined {
  try {
    if (uri.startsWith("file:")) return fileURLToPath(uri);
    // Unsaved and virtual documents match the file pattern by their URI path.
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return undefined;
  }
}

function foldersOf(folders: WorkspaceFolder[] | null | undefined, rootUri: string | null): string[] {
  const uris = folders && folders.length > 0 ? folders.map((folder) => folder.uri) : rootUri ? [rootUri] : [];
  return uris.map((uri) => pathOf(uri)).filter((path): path is string => path !== undefined).map((path) => path.replace(/[\\/]+$/, ""));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timed out")), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

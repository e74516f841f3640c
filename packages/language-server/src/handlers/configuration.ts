import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  type Diagnostic,
  type InitializeParams,
} from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { escapeControls, type LintConfig } from "@anchor-lint/core";
import type { ConfigFileError, ConfigProblem } from "@anchor-lint/node";
import { ConfigStamps } from "../config-stamps.js";
import { globMatcher } from "../glob.js";
import { foldersOf, pathOf, withTimeout, type Session } from "../session.js";
import { CONFIG_FILE_NAME, ConfigFiles, configProblems, defaultSettings, mergeConfig, normalizeSettings, type Settings } from "../settings.js";

/** What a document is checked with, recomputed when settings or config files change. */
export interface DocumentContext {
  enabled: boolean;
  /** Excluded by the config file's `ignores`: no diagnostics and no fixes, as the CLI skips it. */
  ignored: boolean;
  config: LintConfig;
  /** Where a "disable rule" action writes: the nearest config file, or a new one at the workspace root. */
  configPath: string | undefined;
  configExists: boolean;
}

/** Settings, config files and workspace folders: what each document is linted with. */
export interface Configuration {
  readonly configFiles: ConfigFiles;
  initialize(params: InitializeParams): void;
  /** Dynamic registrations, once the client is ready for them. */
  initialized(): Promise<void>;
  contextFor(uri: string): Promise<DocumentContext>;
  /** An open document the settings enable, or undefined: what every editor feature starts from. */
  enabledDocument(uri: string): Promise<TextDocument | undefined>;
  forget(uri: string): void;
  /**
   * Whether a config file changed on disk unseen (no watcher, or a file outside the workspace);
   * then the settings-changed listeners have run. Checked before each lint.
   */
  configChangedOnDisk(): boolean;
  shutdown(): void;
  /** Diagnostics of an open config file: what the CLI would reject it for. */
  configDiagnostics(document: TextDocument): Diagnostic[];
  /** The workspace folders' paths. */
  folders(): readonly string[];
}

export function isConfigDocument(uri: string): boolean {
  return uri.endsWith(`/${CONFIG_FILE_NAME}`);
}

export function registerConfiguration(session: Session, options: { configCheckMs?: number } = {}): Configuration {
  const { connection, documents } = session;
  const configFiles = new ConfigFiles(
    (path) => documents.get(pathToFileURL(path).href)?.getText(),
    (error) => configFileProblem(error),
  );
  const contexts = new Map<string, Promise<DocumentContext>>();
  const reportedProblems = new Set<string>();
  let initSettings: Settings = defaultSettings;
  let globalSettings: Settings = defaultSettings;
  let workspaceFolders: string[] = [];

  const configStamps = new ConfigStamps(CONFIG_FILE_NAME, options.configCheckMs ?? 1000);
  let configRecheck: ReturnType<typeof setTimeout> | undefined;

  session.onSettingsChanged(() => {
    contexts.clear();
    configFiles.invalidate();
    configStamps.clear();
  });

  // A config file saved from the editor: a client without a watcher says so only this way.
  documents.onDidSave(
    session.guard("save", undefined, (event) => {
      if (isConfigDocument(event.document.uri)) session.settingsChanged();
    }),
  );

  function configChangedOnDisk(): boolean {
    const changed = configStamps.check();
    if (changed === true) {
      session.settingsChanged();
      return true;
    }
    // A look skipped as too soon after the last is made later, so that a change is never missed.
    if (typeof changed === "number" && configRecheck === undefined) {
      configRecheck = setTimeout(() => {
        configRecheck = undefined;
        if (configStamps.check() === true) session.settingsChanged();
      }, changed);
    }
    return false;
  }

  connection.onDidChangeConfiguration(
    session.guard("configuration change", undefined, (params) => {
      if (!session.capabilities.workspace?.configuration) {
        const sent = (params.settings ?? {}) as Record<string, unknown>;
        globalSettings = sent.anchorLint !== undefined ? normalizeSettings(sent) : initSettings;
      }
      session.settingsChanged();
    }),
  );

  connection.onDidChangeWatchedFiles(
    session.guard("watched files", undefined, (params) => {
      if (params.changes.some((change) => change.uri.endsWith(`/${CONFIG_FILE_NAME}`))) session.settingsChanged();
    }),
  );

  async function initialized(): Promise<void> {
    const capabilities = session.capabilities;
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: "anchorLint" });
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        session.guard("workspace folders", undefined, (event) => {
          const removed = new Set(foldersOf(event.removed, null));
          workspaceFolders = [...workspaceFolders.filter((folder) => !removed.has(folder)), ...foldersOf(event.added, null)];
          session.settingsChanged();
        }),
      );
    }
  }

  async function settingsFor(uri: string): Promise<Settings> {
    if (!session.capabilities.workspace?.configuration) return globalSettings;
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
    if (resolved) configStamps.track(path);
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

  function reportOnce(raw: string): void {
    // Paths and keys of a config file, shown by the editor and written to its log: escaped.
    const problem = escapeControls(raw);
    if (reportedProblems.has(problem)) return;
    reportedProblems.add(problem);
    session.log(`anchor-lint: ${problem}`);
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

  return {
    configFiles,
    initialize(params) {
      initSettings = normalizeSettings(params.initializationOptions);
      globalSettings = initSettings;
      workspaceFolders = foldersOf(params.workspaceFolders, params.rootUri);
    },
    initialized,
    contextFor,
    async enabledDocument(uri) {
      const document = documents.get(uri);
      if (!document) return undefined;
      return (await contextFor(uri)).enabled ? document : undefined;
    },
    forget(uri) {
      contexts.delete(uri);
    },
    configChangedOnDisk,
    shutdown() {
      clearTimeout(configRecheck);
    },
    configDiagnostics(document) {
      const path = pathOf(document.uri);
      if (path === undefined || !document.uri.startsWith("file:")) return [];
      const text = document.getText();
      return configProblems(text, path).map((problem) => configDiagnostic(document, text, problem));
    },
    folders: () => workspaceFolders,
  };
}

/**
 * Where a config problem shows: the span of a JSON syntax error, else the key its
 * pointer names when that key occurs once in the file, else the first line.
 */
export function configDiagnostic(document: TextDocument, text: string, problem: ConfigProblem): Diagnostic {
  const diagnostic = placeConfigProblem(document, text, problem);
  // The pointer and message quote the file's keys: a control character there is shown escaped, as everywhere.
  return { ...diagnostic, message: escapeControls(diagnostic.message) };
}

function placeConfigProblem(document: TextDocument, text: string, problem: ConfigProblem): Diagnostic {
  const base = { severity: 1 as const, source: "anchor-lint" };
  if (problem.syntax) {
    const { offset, length } = problem.syntax;
    return { ...base, message: problem.message, range: { start: document.positionAt(offset), end: document.positionAt(offset + length) } };
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

import * as path from "node:path";
import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  EventEmitter,
  type ExtensionContext,
  LogLevel,
  type LogOutputChannel,
  Range,
  Uri,
  commands,
  window,
  workspace,
} from "vscode";
import {
  DocumentDiagnosticRequest,
  DocumentFormattingRequest,
  DocumentOnTypeFormattingRequest,
  DocumentRangeFormattingRequest,
  DocumentSymbolRequest,
  type DynamicFeature,
  FoldingRangeRequest,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  type StaticFeature,
  TransportKind,
} from "vscode-languageclient/node";

// VS Code's built-in JSON support already formats, outlines and folds these files. A second
// formatter makes every "Format Document" stop at a "Configure Default Formatter" dialog, and a
// second outline adds a "JSON Language Features" level to the breadcrumbs; the server keeps these
// for editors that have no JSON support of their own.
const LEFT_TO_VSCODE = new Set<string>([
  DocumentFormattingRequest.method,
  DocumentRangeFormattingRequest.method,
  DocumentOnTypeFormattingRequest.method,
  DocumentSymbolRequest.method,
  FoldingRangeRequest.method,
]);

class AnchorLintClient extends LanguageClient {
  override registerFeature(feature: StaticFeature | DynamicFeature<unknown>): void {
    const method = (feature as Partial<DynamicFeature<unknown>>).registrationType?.method;
    if (method !== undefined && LEFT_TO_VSCODE.has(method)) return;
    super.registerFeature(feature);
  }
}

const FIX_ALL = CodeActionKind.SourceFixAll.append("anchor-lint");
let client: LanguageClient | undefined;
// One channel for the extension's life, kept across restarts: the server's log and, with
// anchorLint.trace.server, the protocol trace.
let output: LogOutputChannel | undefined;
let trace: LogOutputChannel | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  output ??= window.createOutputChannel("anchor-lint", { log: true });
  trace ??= traceChannel(output, context);
  context.subscriptions.push(
    output,
    commands.registerCommand("anchorLint.fixAll", fixAll),
    commands.registerCommand("anchorLint.restartServer", () => restart(context)),
    commands.registerCommand("anchorLint.showOutput", () => output?.show(true)),
    workspace.onDidChangeConfiguration((event) => {
      // The document selector is fixed when the client starts.
      if (event.affectsConfiguration("anchorLint.filePattern")) void restart(context);
      // Shows or hides json-syntax at once; the server does not watch VS Code's settings.
      else if (event.affectsConfiguration("json.validate.enable")) client?.getFeature(DocumentDiagnosticRequest.method).refresh();
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

async function start(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join("dist", "server.cjs"));
  const serverOptions: ServerOptions = { module, transport: TransportKind.ipc };
  const pattern = workspace.getConfiguration("anchorLint").get<string>("filePattern") || "**/*.anchor.json";
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: "json", pattern },
      { language: "jsonc", pattern },
    ],
    // Settings and anchor-lint.config.json changes: the server registers for both itself.
    middleware: {
      // The server pushes to every client and also answers pulls; VS Code would list both, so the
      // pushes are dropped whenever the server offers pull diagnostics (it does to VS Code).
      handleDiagnostics: (uri, diagnostics, next) => {
        if (client?.initializeResult?.capabilities.diagnosticProvider) return;
        next(uri, withoutBuiltInDuplicates(uri, diagnostics));
      },
      // What is dropped depends on json.validate.enable, which the server knows nothing of: a
      // result id carries the setting its items were filtered under, so that after a change the
      // server answers in full instead of "unchanged", which would keep the old filtering.
      async provideDiagnostics(document, previousResultId, token, next) {
        const uri = document instanceof Uri ? document : document.uri;
        const tag = ` json.validate.enable=${builtInValidation(uri)}`;
        const previous = previousResultId?.endsWith(tag) ? previousResultId.slice(0, -tag.length) : undefined;
        const report = await next(document, previous, token);
        if (!report) return report;
        if (report.kind !== "full") return { ...report, resultId: report.resultId + tag };
        const resultId = report.resultId === undefined ? undefined : report.resultId + tag;
        return { ...report, resultId, items: withoutBuiltInDuplicates(uri, report.items) };
      },
    },
  };
  clientOptions.outputChannel = output;
  clientOptions.traceOutputChannel = trace;
  client = new AnchorLintClient("anchorLint", "anchor-lint", serverOptions, clientOptions);
  await client.start();
  const info = client.initializeResult?.serverInfo;
  output?.info(`${info?.name ?? "anchor-lint-language-server"} ${info?.version ?? ""} started for ${pattern}; trace: ${workspace.getConfiguration("anchorLint").get<string>("trace.server") ?? "off"}`);
}

async function restart(context: ExtensionContext): Promise<void> {
  await deactivate();
  await start(context);
}

/**
 * vscode-languageclient (10 and later) traces only while its trace channel's log level is Trace
 * and reads anchorLint.trace.server for the detail alone, so the setting by itself showed nothing.
 * This stand-in for the anchor-lint channel says Trace while the setting is on and then writes
 * the trace at the info level, which the channel shows by default. With the setting off it is the
 * channel itself (a user may still pick "Trace" as its log level).
 */
function traceChannel(channel: LogOutputChannel, context: ExtensionContext): LogOutputChannel {
  const on = () => (workspace.getConfiguration("anchorLint").get<string>("trace.server") ?? "off") !== "off";
  const level = () => (on() ? LogLevel.Trace : channel.logLevel);
  const changed = new EventEmitter<LogLevel>();
  context.subscriptions.push(
    changed,
    channel.onDidChangeLogLevel(() => changed.fire(level())),
    workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("anchorLint.trace.server")) changed.fire(level());
    }),
  );
  return {
    get name() {
      return channel.name;
    },
    get logLevel() {
      return level();
    },
    onDidChangeLogLevel: changed.event,
    trace: (message, ...args) => (on() ? channel.info(message, ...args) : channel.trace(message, ...args)),
    debug: (message, ...args) => channel.debug(message, ...args),
    info: (message, ...args) => channel.info(message, ...args),
    warn: (message, ...args) => channel.warn(message, ...args),
    error: (error, ...args) => channel.error(error, ...args),
    append: (value) => channel.append(value),
    appendLine: (value) => channel.appendLine(value),
    replace: (value) => channel.replace(value),
    clear: () => channel.clear(),
    // show(preserveFocus) or the old show(column, preserveFocus).
    show: (...args: unknown[]) => channel.show(args.includes(true)),
    hide: () => channel.hide(),
    // The channel is disposed with the extension, not with a client.
    dispose: () => {},
  };
}

/**
 * VS Code's own JSON validation already reports syntax errors, from the same parser, at the same
 * places; showing both would put two squiggles on every typo (see README). It says nothing about
 * an empty file, so that one stays.
 */
function withoutBuiltInDuplicates(uri: Uri, diagnostics: Diagnostic[]): Diagnostic[] {
  if (!builtInValidation(uri)) return diagnostics;
  const document = workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (document !== undefined && document.getText().trim() === "") return diagnostics;
  return diagnostics.filter((d) => ruleId(d) !== "json-syntax");
}

function builtInValidation(uri: Uri): boolean {
  return workspace.getConfiguration("json", uri).get<boolean>("validate.enable", true);
}

function ruleId(diagnostic: Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === "object" && code !== null ? code.value : code;
}

async function fixAll(): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor) return;
  const document = editor.document;
  const whole = new Range(document.positionAt(0), document.positionAt(document.getText().length));
  const actions =
    (await commands.executeCommand<CodeAction[]>(
      "vscode.executeCodeActionProvider",
      document.uri,
      whole,
      FIX_ALL.value,
      1,
    )) ?? [];
  const action = actions.find((a) => a.kind && FIX_ALL.contains(a.kind));
  if (!action?.edit) {
    void window.showInformationMessage("anchor-lint: nothing to fix in this file.");
    return;
  }
  await workspace.applyEdit(action.edit);
}

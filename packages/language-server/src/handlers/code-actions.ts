import { dirname, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { mkdir, realpath } from "node:fs/promises";
import { CodeActionKind, LSPErrorCodes, ResponseError, type CancellationToken, type CodeAction, type CodeActionParams, type Diagnostic, type ServerCapabilities, type WorkspaceEdit } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { rules, setRuleInConfig, type Fix, type TextEdit as CoreEdit } from "@anchor-lint/core";
import { writeFileAtomicSync } from "@anchor-lint/node";
import { toTextEdits, type DiagnosticData } from "../convert.js";
import type { Session } from "../session.js";
import { CONFIG_FILE_NAME } from "../settings.js";
import type { Configuration, DocumentContext } from "./configuration.js";
import type { Diagnostics } from "./diagnostics.js";
import type { HeavyWork } from "../heavy-work.js";

const ruleIds = new Set(rules.map((rule) => rule.id));

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.anchor-lint`;
export const DISABLE_RULE_COMMAND = "anchor-lint.disableRule";

/** Quick fixes, suggestions, fix-all and "disable rule" (an edit, or a command for clients that cannot create files). */
export function registerCodeActions(session: Session, configuration: Configuration, diagnostics: Diagnostics, heavy: HeavyWork): void {
  const { connection, documents } = session;
  const { configFiles } = configuration;

  connection.onCodeAction(
    session.request("code actions", [] as CodeAction[], async (params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const { uri, version } = document;
      // The document object is updated in place by later changes: edits are computed for `version`
      // only, and an answer for a version edited away meanwhile is refused, as the protocol says.
      const check = () => {
        if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, "anchor-lint: request cancelled");
        if (documents.get(uri)?.version !== version) throw new ResponseError(LSPErrorCodes.ContentModified, "anchor-lint: the document changed");
      };
      const context = await configuration.contextFor(uri);
      check();
      if (!context.enabled || context.ignored) return [];
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
      const actions: CodeAction[] = [];
      if (wants(CodeActionKind.QuickFix)) {
        const disabled = new Set<string>();
        const own = ownDiagnostics(document, params);
        // A diagnostic without our data (ALE drops it) or from an older version: its fixes are found
        // again in this version's diagnostics, linted now if need be (on the lint thread when large).
        let linted: Diagnostic[] | undefined;
        if (own.some((diagnostic) => !dataOf(diagnostic, version))) {
          linted = await diagnostics.forVersion(uri, version, token);
          check();
          if (!linted) throw new ResponseError(LSPErrorCodes.RequestCancelled, "anchor-lint: superseded by another document's lint");
        }
        const found = linted ? byStart(document, linted) : undefined;
        const edits = own.map((diagnostic) => fixesOf(document, diagnostic, found));
        for (const [index, diagnostic] of own.entries()) {
          const code = String(diagnostic.code);
          const { fix: ruleFix, suggestions } = edits[index]!;
          for (const candidate of [...(ruleFix ? [ruleFix] : []), ...suggestions]) {
            actions.push({
              title: candidate.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              // The rule's own fix, when safe, is what a "fix this" shortcut should apply; suggestions never are.
              isPreferred: candidate === ruleFix && ruleFix.safety === "safe",
              edit: documentEdit(document, candidate.edits),
            });
          }
          if (!disabled.has(code)) {
            disabled.add(code);
            const action = await disableRuleAction(code, context, own);
            check();
            if (action) actions.push(action);
          }
        }
      }
      if (wants(FIX_ALL_KIND) && (only !== undefined || params.context.diagnostics.length > 0)) {
        // The heaviest request (fix passes over the whole text): off the main loop for large documents, and cancellable.
        const edits = await heavy.run(document, { kind: "fix-all", text: document.getText(), config: context.config }, token);
        if (edits.length > 0) actions.push({ title: "Fix all anchor-lint problems", kind: FIX_ALL_KIND, edit: documentEdit(document, edits) });
      }
      return actions;
    }),
  );

  /**
   * The server's own diagnostics among those the client sent back, matched by rule id and range,
   * whatever else the client kept: ALE sends neither `source` nor `data`, other clients may drop
   * `data`. A client that sends none gets those of the server under the requested range.
   */
  function ownDiagnostics(document: TextDocument, params: CodeActionParams): Diagnostic[] {
    const published = diagnostics.current(document.uri, document.version);
    const sent = params.context.diagnostics;
    if (sent.length === 0) {
      const from = document.offsetAt(params.range.start);
      const to = document.offsetAt(params.range.end);
      return published.filter((d) => typeof d.code === "string" && document.offsetAt(d.range.start) <= to && from <= document.offsetAt(d.range.end));
    }
    const own: Diagnostic[] = [];
    const byKey = byStart(document, published);
    for (const diagnostic of sent) {
      if ((diagnostic.source !== undefined && diagnostic.source !== "anchor-lint") || typeof diagnostic.code !== "string") continue;
      if (!ruleIds.has(diagnostic.code)) continue;
      const match = byKey.get(startKey(document, diagnostic));
      own.push(match && (diagnostic.data === undefined || diagnostic.data === null) ? { ...diagnostic, data: match.data } : diagnostic);
    }
    return own;
  }

  function documentEdit(document: TextDocument, edits: readonly CoreEdit[]): WorkspaceEdit {
    const textEdits = toTextEdits(document, edits);
    if (session.capabilities.workspace?.workspaceEdit?.documentChanges) {
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
    const workspaceEdit = session.capabilities.workspace?.workspaceEdit;
    const resourceOperations = workspaceEdit?.resourceOperations ?? [];
    const documentChanges = workspaceEdit?.documentChanges;
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
    session.request("command", undefined, async (params) => {
      if (params.command !== DISABLE_RULE_COMMAND) return;
      const [uri, ruleId] = params.arguments ?? [];
      if (typeof uri !== "string" || typeof ruleId !== "string" || !uri.startsWith("file:") || !uri.endsWith(`/${CONFIG_FILE_NAME}`)) return;
      if (!rules.some((rule) => rule.id === ruleId)) return;
      const path = resolve(fileURLToPath(uri));
      // The URI comes from the client: write only where this server would have offered to.
      if (!(await mayWriteConfig(path))) return;
      const existing = await configFiles.text(path);
      const edits = setRuleInConfig(existing, ruleId, "off");
      if (!edits) return;
      let text = existing ?? "";
      for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) text = text.slice(0, edit.offset) + edit.newText + text.slice(edit.offset + edit.length);
      await mkdir(dirname(path), { recursive: true });
      writeFileAtomicSync(path, text);
      session.settingsChanged();
    }),
  );

  /** Inside a workspace folder (symbolic links followed as far as they exist) or next to an open document. */
  async function mayWriteConfig(path: string): Promise<boolean> {
    const folder = dirname(path);
    const real = await realpath(folder).catch(() => folder);
    const inside = (candidate: string, root: string) => candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
    for (const root of configuration.folders()) {
      const realRoot = await realpath(root).catch(() => root);
      if (inside(folder, resolve(root)) && inside(real, realRoot)) return true;
    }
    return documents.all().some((document) => document.uri.startsWith("file:") && dirname(resolve(fileURLToPath(document.uri))) === folder);
  }
}

/** The capabilities of code actions and commands: fix-all is only a kind for clients that take action literals. */
export function codeActionCapabilities(session: Session): Partial<ServerCapabilities> {
  const literalActions = session.capabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
  return {
    codeActionProvider: literalActions ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } : true,
    executeCommandProvider: { commands: [DISABLE_RULE_COMMAND] },
  };
}

/** The fixes a diagnostic's data carries, when they were computed on this version. */
function dataOf(diagnostic: Diagnostic, version: number): { fix: Fix | undefined; suggestions: Fix[] } | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (!data || typeof data !== "object" || data.version !== version) return undefined;
  return { fix: isFix(data.fix) ? data.fix : undefined, suggestions: Array.isArray(data.suggestions) ? data.suggestions.filter(isFix) : [] };
}

/**
 * The fixes of a diagnostic: from its data when it was computed on this version (dispatching on the
 * rule id, never on the message); otherwise from this version's diagnostic of the same rule and start.
 */
function fixesOf(document: TextDocument, diagnostic: Diagnostic, linted: Map<string, Diagnostic> | undefined): { fix: Fix | undefined; suggestions: Fix[] } {
  const own = dataOf(diagnostic, document.version);
  if (own) return own;
  const found = linted?.get(startKey(document, diagnostic));
  return (found && dataOf(found, document.version)) ?? { fix: undefined, suggestions: [] };
}

/** Diagnostics by rule id and start (the first of each): one lookup per diagnostic the client sent, not a search. */
function byStart(document: TextDocument, diagnostics: readonly Diagnostic[]): Map<string, Diagnostic> {
  const map = new Map<string, Diagnostic>();
  for (const diagnostic of diagnostics) {
    const key = startKey(document, diagnostic);
    if (!map.has(key)) map.set(key, diagnostic);
  }
  return map;
}

function startKey(document: TextDocument, diagnostic: Diagnostic): string {
  return `${String(diagnostic.code)}@${document.offsetAt(diagnostic.range.start)}`;
}

/** Data comes back from the client: check its shape before trusting its edits. */
function isFix(value: unknown): value is Fix {
  const fix = value as Fix | undefined;
  return (
    typeof fix === "object" && fix !== null && typeof fix.title === "string" && Array.isArray(fix.edits) &&
    fix.edits.every((edit) => typeof edit?.offset === "number" && typeof edit.length === "number" && typeof edit.newText === "string")
  );
}

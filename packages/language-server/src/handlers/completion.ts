import { MarkupKind, type ServerCapabilities } from "vscode-languageserver";
import { complete } from "@anchor-lint/core";
import { toCompletionItem } from "../convert.js";
import type { Session } from "../session.js";
import type { Configuration } from "./configuration.js";

export const completionCapabilities: Partial<ServerCapabilities> = {
  completionProvider: { triggerCharacters: ['"', ":"], resolveProvider: false },
};

/** Keys, values and country codes from core's `complete`, as snippets when the client takes them. */
export function registerCompletion(session: Session, configuration: Configuration): void {
  session.connection.onCompletion(
    session.request("completion", null, async (params) => {
      const document = await configuration.enabledDocument(params.textDocument.uri);
      if (!document) return null;
      const completion = session.capabilities.textDocument?.completion;
      const snippets = completion?.completionItem?.snippetSupport ?? false;
      const items = complete(document.getText(), document.offsetAt(params.position), { snippets });
      const asMarkdown = completion?.completionItem?.documentationFormat?.includes(MarkupKind.Markdown) ?? false;
      const labelDetails = completion?.completionItem?.labelDetailsSupport ?? false;
      return { isIncomplete: false, items: items.map((item) => toCompletionItem(document, item, asMarkdown, labelDetails)) };
    }),
  );
}

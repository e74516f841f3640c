import type { ServerCapabilities } from "vscode-languageserver";
import { foldingRanges } from "@anchor-lint/core";
import { toDocumentSymbols, toFoldingRanges, toSymbolInformation } from "../convert.js";
import type { Session } from "../session.js";
import type { Configuration } from "./configuration.js";
import type { HeavyWork } from "../heavy-work.js";

export const symbolCapabilities: Partial<ServerCapabilities> = {
  documentSymbolProvider: { label: "anchor-lint" },
  foldingRangeProvider: true,
};

/** The outline (a tree for clients that take one, a flat list otherwise) and folding ranges. */
export function registerSymbols(session: Session, configuration: Configuration, heavy: HeavyWork): void {
  const { connection } = session;
  connection.onDocumentSymbol(
    session.request("symbols", null, async (params, token) => {
      const document = await configuration.enabledDocument(params.textDocument.uri);
      if (!document) return null;
      const symbols = await heavy.run(document, { kind: "symbols", text: document.getText() }, token);
      return session.capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport
        ? toDocumentSymbols(document, symbols)
        : toSymbolInformation(document, symbols);
    }),
  );

  connection.onFoldingRanges(
    session.request("folding", null, async (params) => {
      const document = await configuration.enabledDocument(params.textDocument.uri);
      if (!document) return null;
      const limit = session.capabilities.textDocument?.foldingRange?.rangeLimit;
      return toFoldingRanges(foldingRanges(document.getText(), limit !== undefined ? { limit } : {}));
    }),
  );
}

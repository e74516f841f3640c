import type { ServerCapabilities } from "vscode-languageserver";
import { format } from "@anchor-lint/core";
import { toTextEdits } from "../convert.js";
import type { Session } from "../session.js";
import type { Configuration } from "./configuration.js";

export const formattingCapabilities: Partial<ServerCapabilities> = {
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
};

/** Whole-document and range formatting with the editor's indentation options. */
export function registerFormatting(session: Session, configuration: Configuration): void {
  const { connection } = session;
  connection.onDocumentFormatting(
    session.request("formatting", null, async (params) => {
      const document = await configuration.enabledDocument(params.textDocument.uri);
      if (!document) return null;
      const { tabSize, insertSpaces, insertFinalNewline } = params.options;
      return toTextEdits(document, format(document.getText(), { tabSize, insertSpaces, ...(insertFinalNewline !== undefined ? { insertFinalNewline } : {}) }));
    }),
  );

  connection.onDocumentRangeFormatting(
    session.request("range formatting", null, async (params) => {
      const document = await configuration.enabledDocument(params.textDocument.uri);
      if (!document) return null;
      const { tabSize, insertSpaces } = params.options;
      const offset = document.offsetAt(params.range.start);
      const range = { offset, length: document.offsetAt(params.range.end) - offset };
      return toTextEdits(document, format(document.getText(), { tabSize, insertSpaces, range }));
    }),
  );
}

import type { ServerCapabilities } from "vscode-languageserver";
import { toTextEdits } from "../convert.js";
import type { Session } from "../session.js";
import type { Configuration } from "./configuration.js";
import type { HeavyWork } from "../heavy-work.js";

export const formattingCapabilities: Partial<ServerCapabilities> = {
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
};

/** Whole-document and range formatting with the editor's indentation options. */
export function registerFormatting(session: Session, configuration: Configuration, heavy: HeavyWork): void {
  const { connection } = session;
  connection.onDocumentFormatting(
    session.request("formatting", null, async (params, token) => {
      const document = await configuration.enabledDocument(params.textDocument.uri);
      if (!document) return null;
      const { tabSize, insertSpaces, insertFinalNewline } = params.options;
      const options = { tabSize, insertSpaces, ...(insertFinalNewline !== undefined ? { insertFinalNewline } : {}) };
      return toTextEdits(document, await heavy.run(document, { kind: "format", text: document.getText(), options }, token));
    }),
  );

  connection.onDocumentRangeFormatting(
    session.request("range formatting", null, async (params, token) => {
      const document = await configuration.enabledDocument(params.textDocument.uri);
      if (!document) return null;
      const { tabSize, insertSpaces } = params.options;
      const offset = document.offsetAt(params.range.start);
      const range = { offset, length: document.offsetAt(params.range.end) - offset };
      return toTextEdits(document, await heavy.run(document, { kind: "format", text: document.getText(), options: { tabSize, insertSpaces, range } }, token));
    }),
  );
}

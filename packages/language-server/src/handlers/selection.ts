import type { ServerCapabilities } from "vscode-languageserver";
import { selectionRanges } from "@anchor-lint/core";
import { toSelectionRanges } from "../convert.js";
import type { Session } from "../session.js";
import type { Configuration } from "./configuration.js";

export const selectionCapabilities: Partial<ServerCapabilities> = { selectionRangeProvider: true };

/** "Expand selection": from a string's content out to the whole document. */
export function registerSelection(session: Session, configuration: Configuration): void {
  session.connection.onSelectionRanges(
    session.request("selection ranges", null, async (params) => {
      const document = await configuration.enabledDocument(params.textDocument.uri);
      if (!document) return null;
      return toSelectionRanges(document, selectionRanges(document.getText(), params.positions.map((position) => document.offsetAt(position))));
    }),
  );
}

import { MarkupKind, type ServerCapabilities } from "vscode-languageserver";
import { hover, rules } from "@anchor-lint/core";
import { markdownToPlain } from "../convert.js";
import type { Session } from "../session.js";
import type { Configuration } from "./configuration.js";
import type { Diagnostics } from "./diagnostics.js";

export const hoverCapabilities: Partial<ServerCapabilities> = { hoverProvider: true };

/** The spec's description of what is under the cursor and, on a finding, what its rule is about. */
export function registerHover(session: Session, configuration: Configuration, diagnostics: Diagnostics): void {
  session.connection.onHover(
    session.request("hover", null, async (params) => {
      const document = await configuration.enabledDocument(params.textDocument.uri);
      if (!document) return null;
      const offset = document.offsetAt(params.position);
      const info = hover(document.getText(), offset);
      const sections: string[] = info ? [info.markdown] : [];
      // Diagnostics already show their message; the hover adds what the rule is about and where its docs are.
      const here = diagnostics.current(document.uri, document.version).filter((d) => {
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
      const contentFormat = session.capabilities.textDocument?.hover?.contentFormat;
      const value = sections.join("\n\n---\n\n");
      // The client's first choice: ALE asks for plaintext only.
      if (contentFormat && contentFormat[0] !== MarkupKind.Markdown) return { contents: { kind: MarkupKind.PlainText, value: markdownToPlain(value) }, range };
      return { contents: { kind: MarkupKind.Markdown, value }, range };
    }),
  );
}

import type { CompletionItem } from "./types.js";

export function escapeChoice(value: string): string {
  return value.replace(/[\\|,$}]/g, (c) => `\\${c}`);
}

export function escapeSnippet(value: string): string {
  return value.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** A snippet as plain text for editors without snippet support: each placeholder becomes its default. */
export function snippetToPlain(snippet: string): string {
  let out = "";
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i]!;
    if (c === "\\" && i + 1 < snippet.length) {
      out += snippet[++i];
    } else if (c === "$") {
      const tabstop = /^\$(\d+)/.exec(snippet.slice(i));
      if (tabstop) {
        i += tabstop[0].length - 1;
        continue;
      }
      const placeholder = /^\$\{\d+(?::((?:\\.|[^\\}])*)|\|((?:\\.|[^\\,|])*)(?:,(?:\\.|[^\\|])*)*\|)?\}/.exec(snippet.slice(i));
      if (placeholder) {
        out += snippetToPlain(placeholder[1] ?? placeholder[2] ?? "");
        i += placeholder[0].length - 1;
        continue;
      }
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

/**
 * Plain text on one line. Editors without snippets are mostly the Vim family, whose `complete()`
 * writes a newline in a word as a NUL byte, and whose plain inserts are never re-indented: an
 * empty `{}` on the cursor's line is right in every one of them.
 */
export function oneLine(plain: string): string {
  let out = plain;
  for (let previous = ""; previous !== out; ) {
    previous = out;
    out = out.replace(/([{[])\s*\n\s*([}\]])/g, "$1$2");
  }
  return out.replace(/([{[])\s*\n\s*/g, "$1 ").replace(/\s*\n\s*([}\]])/g, " $1").replace(/\s*\n\s*/g, " ");
}

export function toPlain(item: CompletionItem): CompletionItem {
  const edits = item.additionalEdits?.map((edit) => ({ ...edit, newText: oneLine(snippetToPlain(edit.newText)) }));
  if (item.insertTextFormat !== "snippet" && !edits) return item;
  return {
    ...item,
    insertText: oneLine(item.insertTextFormat === "snippet" ? snippetToPlain(item.insertText) : item.insertText),
    insertTextFormat: "plain",
    ...(edits ? { additionalEdits: edits } : {}),
  };
}

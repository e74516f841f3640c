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

/**
 * Clients without snippets (Vim's complete() in Neovim 0.7 and ALE) insert a one-line word at the
 * cursor; ALE then applies the additional edits at the places they name in the text as it was
 * before, so one later on the cursor's line lands inside what was inserted (`"ti|"` completed to
 * `"tim: {},eout"`). Those are left out: the item writes less (`"timeout"`, the next lint tells
 * what is missing) but never garbles the line. Edits before the cursor or on other lines keep their
 * place.
 */
export function keptByWordInserters(item: CompletionItem, text: string, cursor: number): CompletionItem {
  if (!item.additionalEdits) return item;
  const lineEnd = text.indexOf("\n", cursor);
  const end = lineEnd === -1 ? text.length : lineEnd;
  const kept = item.additionalEdits.filter((edit) => edit.offset < cursor || edit.offset > end);
  if (kept.length === item.additionalEdits.length) return item;
  const { additionalEdits: _dropped, ...rest } = item;
  return kept.length > 0 ? { ...rest, additionalEdits: kept } : rest;
}

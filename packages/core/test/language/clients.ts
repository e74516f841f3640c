import { snippetToPlain, type CompletionItem } from "../../src/language/index.js";

/**
 * How each kind of editor turns an item into buffer text (read from their sources; the e2e tests
 * under e2e/ check the real editors):
 * - `textEdit`: VS Code and eglot apply the item's range and its additional edits.
 * - `neovim`: Neovim 0.7's omnifunc starts the word at the items' common range start (only when no
 *   item has a filterText, else at its own keyword start), keeps only items whose inserted text
 *   starts with what lies between that start and the cursor, and drops additional edits.
 * - `ale`: ALE 3.3 starts the word at its own identifier start, matches its prefix without case
 *   and applies additional edits afterwards, at the places they name in the text before the
 *   insertion (an edit after the cursor lands that many characters early: e2e/ale.test.ts).
 * Both Vim-family inserters replace only up to the cursor and keep what follows it.
 */
export type ClientModel = "textEdit" | "neovim" | "ale";

function backOver(text: string, offset: number, char: RegExp): number {
  let start = offset;
  while (start > 0 && char.test(text[start - 1]!) && text[start - 1] !== "\n") start--;
  return start;
}

function apply(text: string, edits: { offset: number; length: number; newText: string }[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) {
    out = out.slice(0, edit.offset) + edit.newText + out.slice(edit.offset + edit.length);
  }
  return out;
}

/** The text after `client` inserts the item labelled `label`, or undefined when it does not offer it. */
export function acceptAs(client: ClientModel, text: string, offset: number, items: CompletionItem[], label: string): string | undefined {
  const item = items.find((candidate) => candidate.label === label);
  if (!item) return undefined;
  if (item.insertTextFormat === "snippet" && client !== "textEdit") throw new Error("Vim-family clients get plain items");
  if (client === "textEdit") {
    const typed = text.slice(item.replace.offset, offset).toLowerCase();
    const against = (item.filterText ?? item.label).toLowerCase();
    if (!against.split(/\s+/).some((word) => word.startsWith(typed)) && !against.startsWith(typed)) return undefined;
    const newText = item.insertTextFormat === "snippet" ? snippetToPlain(item.insertText) : item.insertText;
    return apply(text, [{ ...item.replace, newText }, ...(item.additionalEdits ?? [])]);
  }
  let start: number;
  if (client === "neovim") {
    const starts = new Set(items.filter((i) => i.filterText === undefined).map((i) => i.replace.offset));
    start = starts.size === 1 ? [...starts][0]! : backOver(text, offset, /[A-Za-z0-9_\u00c0-\u00ff]/);
  } else {
    start = backOver(text, offset, /[A-Za-z0-9_$]/);
  }
  const prefix = text.slice(start, offset);
  const word = client === "ale" ? /^[^(]+/.exec(item.insertText)?.[0] ?? "" : item.insertText;
  const matches = client === "ale" ? word.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase() : word.startsWith(prefix);
  if (!matches) return undefined;
  const inserted = text.slice(0, start) + word + text.slice(offset);
  if (client === "neovim") return inserted;
  // ALE applies the additional edits after the insertion, unshifted.
  return apply(inserted, item.additionalEdits ?? []);
}

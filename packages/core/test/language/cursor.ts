import { snippetToPlain, type CompletionItem } from "../../src/language/index.js";

/** Splits a cursor-marked document (`|` is the cursor) into its text and the cursor's offset. */
export function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf("|");
  if (offset < 0 || marked.indexOf("|", offset + 1) >= 0) throw new Error("mark exactly one cursor with |");
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** The text after accepting an item, its snippet placeholders resolved to their first choice or default. */
export function accept(text: string, item: CompletionItem): string {
  const inserted = item.insertTextFormat === "snippet" ? snippetToPlain(item.insertText) : item.insertText;
  const edits = [{ offset: item.replace.offset, length: item.replace.length, newText: inserted }, ...(item.additionalEdits ?? [])];
  edits.sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const edit of edits) out = out.slice(0, edit.offset) + edit.newText + out.slice(edit.offset + edit.length);
  return out;
}

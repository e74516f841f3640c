import { findNodeAtOffset, parseTree, type Node } from "jsonc-parser";

/** Nested spans around one position, innermost first; each contains the one before it. */
export type SelectionRange = { offset: number; length: number }[];

/**
 * "Expand selection" steps at each offset: a string's content, then the string, the property
 * (key and value), the object or array holding it, and so on out to the document, as
 * vscode-json-languageservice steps through them.
 */
export function selectionRanges(text: string, offsets: readonly number[]): SelectionRange[] {
  let tree: Node | undefined;
  try {
    tree = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  } catch {
    tree = undefined;
  }
  return offsets.map((offset) => {
    const spans: SelectionRange = [];
    const add = (start: number, end: number) => {
      const last = spans[spans.length - 1];
      if (end <= start && spans.length > 0) return;
      if (last && last.offset === start && last.length === end - start) return;
      if (last && (start > last.offset || end < last.offset + last.length)) return;
      spans.push({ offset: start, length: end - start });
    };
    let node = tree ? findNodeAtOffset(tree, offset, true) : undefined;
    // Between members: the innermost container that holds the offset.
    if (node && (offset < node.offset || offset > node.offset + node.length)) node = node.parent;
    if (!node) return [{ offset, length: 0 }];
    for (let current: Node | undefined = node; current; current = current.parent) {
      if (current.type === "string" && offset > current.offset && offset < current.offset + current.length) {
        add(current.offset + 1, current.offset + current.length - 1);
      }
      // A key's property, not the key alone, is the step after the key.
      add(current.offset, current.offset + current.length);
    }
    add(0, text.length);
    return spans;
  });
}

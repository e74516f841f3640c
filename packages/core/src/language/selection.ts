import { findNodeAtOffset, parseTree, type Node } from "jsonc-parser";
import { MAX_NESTING_DEPTH } from "../source/parse.js";
import { walkJsonc } from "./walk.js";

/** Nested spans around one position, innermost first; each contains the one before it. */
export type SelectionRange = { offset: number; length: number }[];

/** A node of the chain: its span and whether it is a string (the content is a step of its own). */
type Step = { start: number; end: number; string: boolean };

/**
 * "Expand selection" steps at each offset: a string's content, then the string, the property
 * (key and value), the object or array holding it, and so on out to the document, as
 * vscode-json-languageservice steps through them.
 */
export function selectionRanges(text: string, offsets: readonly number[]): SelectionRange[] {
  return selectionRangesWith(text, offsets);
}

/**
 * `selectionRanges`, with the size from which a well-formed text is read without a tree (tests
 * set 0). A few offsets only: each is looked for in every node.
 */
export function selectionRangesWith(text: string, offsets: readonly number[], minLength = 64 * 1024): SelectionRange[] {
  const chains = text.length >= minLength && offsets.length <= 16 ? chainsWithoutTree(text, offsets) : undefined;
  if (chains) return offsets.map((offset, index) => spans(text, offset, chains[index]));
  const tree = treeOf(text);
  return offsets.map((offset) => spans(text, offset, chainFromTree(tree, offset)));
}

/** The steps innermost first, as they come off the chain of nodes holding the offset. */
function spans(text: string, offset: number, chain: Step[] | undefined): SelectionRange {
  if (!chain || chain.length === 0) return [{ offset, length: 0 }];
  const result: SelectionRange = [];
  const add = (start: number, end: number) => {
    const last = result[result.length - 1];
    if (end <= start && result.length > 0) return;
    if (last && last.offset === start && last.length === end - start) return;
    if (last && (start > last.offset || end < last.offset + last.length)) return;
    result.push({ offset: start, length: end - start });
  };
  for (const node of chain) {
    if (node.string && offset > node.start && offset < node.end) add(node.start + 1, node.end - 1);
    // A key's property, not the key alone, is the step after the key.
    add(node.start, node.end);
  }
  add(0, text.length);
  return result;
}

function treeOf(text: string): Node | undefined {
  try {
    return parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  } catch {
    return undefined;
  }
}

/** The nodes holding the offset in jsonc-parser's tree, innermost first. */
function chainFromTree(tree: Node | undefined, offset: number): Step[] | undefined {
  let node = tree ? findNodeAtOffset(tree, offset, true) : undefined;
  // Between members: the innermost container that holds the offset.
  if (node && (offset < node.offset || offset > node.offset + node.length)) node = node.parent;
  if (!node) return undefined;
  const chain: Step[] = [];
  for (let current: Node | undefined = node; current; current = current.parent) {
    chain.push({ start: current.offset, end: current.offset + current.length, string: current.type === "string" });
  }
  return chain;
}

/**
 * The chains of a well-formed text read once by characters, without a tree: every node that holds
 * an offset (its end included, as findNodeAtOffset counts it), innermost first, because nodes end
 * in that order. In well-formed JSON no two siblings touch (a comma or a colon is between), so
 * those nodes are exactly the chain findNodeAtOffset would walk. Undefined when the text is not
 * well-formed: jsonc-parser's recovery shapes the tree then. Nodes nested deeper than lint()'s
 * limit are left out, as the trees of the other features leave them out.
 */
function chainsWithoutTree(text: string, offsets: readonly number[]): Step[][] | undefined {
  const chains: Step[][] = offsets.map(() => []);
  // Per open container: the start of the key of the member being read (objects), or -1.
  const keys: number[] = [];
  const holds = (start: number, end: number, string: boolean) => {
    if (keys.length > MAX_NESTING_DEPTH) return;
    for (let i = 0; i < offsets.length; i++) {
      const offset = offsets[i]!;
      if (start <= offset && offset <= end) chains[i]!.push({ start, end, string });
    }
  };
  const valueEnded = (end: number) => {
    const key = keys[keys.length - 1];
    if (key !== undefined && key >= 0) {
      holds(key, end, false);
      keys[keys.length - 1] = -1;
    }
  };
  const read = walkJsonc(text, {
    open: () => void keys.push(-1),
    close: (start, at) => {
      // Counted at its own depth.
      holds(start, at + 1, false);
      keys.pop();
      valueEnded(at + 1);
    },
    key: (start, end) => {
      holds(start, end, true);
      keys[keys.length - 1] = start;
    },
    scalar: (start, end, string) => {
      holds(start, end, string);
      valueEnded(end);
    },
  });
  return read === "done" ? chains : undefined;
}

import type { Node as JsonNode } from "jsonc-parser";
import type { DuplicateKey, SourceDocument, Target } from "./types.js";
import type { SourceRange, TextEdit } from "../types.js";
import { parsePointer, escapePointerSegment } from "../rules/util.js";
import { strictTree } from "./strict-tree.js";
import { Locator } from "../language/locate.js";
import { MAX_NESTING_DEPTH, parseLenient, type SyntaxProblem } from "./parse.js";
import { LineMap } from "./line-map.js";
import type { CredentialSource } from "../secrets.js";
import { countWrittenKeys, depthOf, provenUniqueKeys, summarizeShape, valueOfNode, type ShapeSummary } from "./shape.js";
import type { EditContext } from "./edits/context.js";
import { replaceValue, renameKey } from "./edits/replace.js";
import { removeElement, removeProperty } from "./edits/remove.js";
import { moveProperty } from "./edits/move.js";

export type { DuplicateKey } from "./types.js";

/** Edit builders scan the text for their spans this many times before a tree is built for the rest. */
const SCANS_BEFORE_TREE = 16;
export { LineMap } from "./line-map.js";
export { valueOfNode } from "./shape.js";
export { ValueSource } from "./value-source.js";

// Objects with more members than this get a key index on their first lookup: placing one finding
// per member of a large object must not walk the object once per finding.
// (Kept by each document, not in a WeakMap: a weak table of 100,000-entry maps made every later
// garbage collection slow.)
const INDEXED_MEMBERS = 16;
type MemberIndexes = Map<JsonNode, Map<string, JsonNode>>;

/** Own-property object member lookup keeping JSON.parse's "last duplicate wins". */
function childOf(node: JsonNode, segment: string, memberIndexes: MemberIndexes): JsonNode | undefined {
  if (node.type === "object") {
    const members = node.children ?? [];
    if (members.length > INDEXED_MEMBERS) {
      let index = memberIndexes.get(node);
      if (!index) {
        index = new Map();
        for (const member of members) {
          const key = member.children?.[0]?.value;
          const value = member.children?.[1];
          if (typeof key === "string" && value) index.set(key, value);
        }
        memberIndexes.set(node, index);
      }
      return index.get(segment);
    }
    let found: JsonNode | undefined;
    for (const member of members) {
      if (member.children?.[0]?.value === segment) found = member.children[1];
    }
    return found;
  }
  if (node.type === "array" && /^(0|[1-9][0-9]*)$/.test(segment)) {
    return node.children?.[Number(segment)];
  }
  return undefined;
}

/** A document backed by source text: nodes, ranges and formatting-preserving edits. */
export class TextDocumentSource implements SourceDocument {
  readonly lines: LineMap;
  private readonly memberIndexes: MemberIndexes = new Map();
  private parsedTree: JsonNode | undefined;
  private treeBuilt = false;
  readonly syntaxProblems: SyntaxProblem[];
  readonly root: unknown;
  /**
   * Strict JSON with the same offsets as the text: the text itself, or the text with its comments,
   * trailing commas and BOM blanked out. Undefined when the text has syntax errors (jsonc-parser's
   * tree is built at once then).
   */
  private readonly strictText: string | undefined;

  /**
   * Strict JSON takes a fast path (JSON.parse, the tree is built only when a finding needs a range),
   * and so does JSONC that is strict JSON once its comments and trailing commas are blanked out;
   * anything else goes through jsonc-parser, which recovers from errors.
   */
  constructor(readonly text: string) {
    this.lines = new LineMap(text);
    let parsed: { ok: true; value: unknown } | { ok: false };
    try {
      parsed = { ok: true, value: JSON.parse(text) };
    } catch {
      parsed = { ok: false };
    }
    if (parsed.ok) {
      this.root = parsed.value;
      this.syntaxProblems = [];
      this.strictText = text;
    } else {
      const result = parseLenient(text);
      this.syntaxProblems = result.problems;
      if (result.strict) {
        this.root = result.strict.value;
        this.strictText = result.strict.text;
      } else {
        this.parsedTree = result.tree;
        this.treeBuilt = true;
        this.root = result.tooDeep ? undefined : valueOfNode(result.tree);
      }
    }
  }

  get tree(): JsonNode | undefined {
    if (!this.treeBuilt) {
      this.treeBuilt = true;
      // Strict JSON needs no error recovery: only the depth guard.
      this.parsedTree = this.buildable() ? strictTree(this.strictText!) : undefined;
    }
    return this.parsedTree;
  }

  private shallow: boolean | undefined;

  /** Whether a strict tree may be built (JSON.parse takes nesting the tree builder's recursion cannot). */
  private buildable(): boolean {
    return (this.shallow ??= depthOf(this.root) <= MAX_NESTING_DEPTH);
  }

  nodeAt(pointer: string): JsonNode | undefined {
    let node = this.tree;
    for (const segment of parsePointer(pointer)) {
      if (!node) return undefined;
      node = childOf(node, segment, this.memberIndexes);
    }
    return node;
  }

  /** The deepest existing node on the way to a pointer, and the pointer it has. */
  nearestNode(pointer: string): { node: JsonNode; pointer: string; exact: boolean } | undefined {
    let node = this.tree;
    if (!node) return undefined;
    let reached = "";
    const segments = parsePointer(pointer);
    for (const segment of segments) {
      const child = childOf(node, segment, this.memberIndexes);
      if (!child) return { node, pointer: reached, exact: false };
      node = child;
      reached += "/" + escapePointerSegment(segment);
    }
    return { node, pointer: reached, exact: true };
  }

  /**
   * The span a finding covers: a value node; for `key`, the property name (an object without a
   * key, the root or an array element, gets its opening bracket). A missing node falls back to its
   * nearest existing parent, on that parent's key.
   */
  spanOf(pointer: string, target: Target): { offset: number; length: number } {
    // Strict JSON without a tree yet: skipping characters to the node is cheaper than building one.
    // Without duplicate keys the first match is the one, and the rest of each object is never skipped.
    // Each scan may read the whole text: past a few, the tree places every later finding (a file
    // with 100,000 unknown keys took minutes of scanning). Text too deep for a tree always scans.
    if (!this.treeBuilt && (++this.editScans <= SCANS_BEFORE_TREE || !this.buildable() || (void this.tree, false))) {
      const span = this.locator.pointer(parsePointer(pointer), target, !this.mayHaveDuplicateKeys());
      return span ?? { offset: 0, length: Math.min(1, this.text.length) };
    }
    const found = this.nearestNode(pointer);
    if (!found) return { offset: 0, length: Math.min(1, this.text.length) };
    const effectiveTarget = found.exact ? target : "key";
    const node = found.node;
    if (effectiveTarget === "key") {
      const parent = node.parent;
      if (parent?.type === "property" && parent.children?.[0]) {
        const key = parent.children[0];
        return { offset: key.offset, length: key.length };
      }
      if (node.type === "object" || node.type === "array") return { offset: node.offset, length: 1 };
    }
    return { offset: node.offset, length: node.length };
  }

  lineOf(offset: number): number {
    return this.lines.position(offset).line;
  }

  writtenValue(pointer: string): string | undefined {
    const span = this.spanOf(pointer, "value");
    return this.text.slice(span.offset, span.offset + span.length);
  }

  rangeOf(pointer: string, target: Target): SourceRange {
    const span = this.spanOf(pointer, target);
    return this.lines.range(span.offset, span.length);
  }

  private strictLocator: Locator | undefined;

  /** Lookups in the strict text without a tree; only while scanning (strict JSON, no tree yet). */
  private get locator(): Locator {
    return (this.strictLocator ??= new Locator(this.strictText!, this.root));
  }

  private duplicatesPossible: boolean | undefined;

  /** False when the cheap count proves every key unique (strict JSON only); computed once per document. */
  private mayHaveDuplicateKeys(): boolean {
    if (this.strictText === undefined) return true;
    if (this.duplicatesPossible === undefined) {
      const strict = this.strictText;
      this.duplicatesPossible = !provenUniqueKeys(strict, this.shape, this.hasBackslash) && countWrittenKeys(strict) !== this.shape.members;
    }
    return this.duplicatesPossible;
  }

  private shapeSummary: ShapeSummary | undefined;

  /** Members of the parsed value and what its text must contain; one walk, on first use. */
  get shape(): ShapeSummary {
    return (this.shapeSummary ??= summarizeShape(this.root));
  }

  private backslash: boolean | undefined;

  /** Whether the text has a backslash: without one, every string is written as it reads. */
  private get hasBackslash(): boolean {
    return (this.backslash ??= this.text.includes("\\"));
  }

  /**
   * What findCredentials needs of this document: spans as written, and two answers from the shape
   * walk that spare most documents a search of the text (secrets.ts): no credential without an "@"
   * (a URL's userinfo), a backslash (an escaped key) or a key named like one; and without a
   * backslash in strict JSON, every string is written as JSON.parse read it.
   */
  credentialSource(): CredentialSource {
    return {
      text: this.text,
      spanOf: (pointer) => this.spanOf(pointer, "value"),
      mayHoldCredentials: () => this.hasBackslash || this.text.includes("@") || this.shape.credentialKey || this.duplicateKeys().length > 0,
      writtenAsParsed: () => this.strictText !== undefined && !this.hasBackslash,
      overridden: () =>
        this.duplicateKeys().flatMap(({ members }) =>
          members.slice(0, -1).map((member) => ({ key: String(member.children?.[0]?.value), value: member.children?.[1] ? valueOfNode(member.children[1]) : undefined })),
        ),
    };
  }

  /**
   * Duplicate keys of every object. JSON.parse merges duplicates silently, so the fast path compares
   * the members it kept with the keys written in the text and builds the tree only when they differ.
   */
  duplicateKeys(): DuplicateKey[] {
    return (this.duplicates ??= this.findDuplicateKeys());
  }

  private duplicates: DuplicateKey[] | undefined;

  private findDuplicateKeys(): DuplicateKey[] {
    if (!this.mayHaveDuplicateKeys()) return [];
    const duplicates: DuplicateKey[] = [];
    const visit = (node: JsonNode, pointer: string): void => {
      if (node.type === "object") {
        const byKey = new Map<string, JsonNode[]>();
        for (const member of node.children ?? []) {
          const key = member.children?.[0]?.value;
          if (typeof key !== "string") continue;
          const list = byKey.get(key);
          if (list) list.push(member);
          else byKey.set(key, [member]);
          const value = member.children?.[1];
          if (value) visit(value, pointer + "/" + escapePointerSegment(key));
        }
        for (const [key, members] of byKey) {
          if (members.length > 1) duplicates.push({ pointer: pointer + "/" + escapePointerSegment(key), members });
        }
      } else if (node.type === "array") {
        node.children?.forEach((child, index) => visit(child, `${pointer}/${index}`));
      }
    };
    if (this.tree) visit(this.tree, "");
    return duplicates;
  }

  private editContext: EditContext | undefined;
  private editScans = 0;

  /** What the edit builders see of this document. */
  private get editing(): EditContext {
    return (this.editContext ??= {
      text: this.text,
      structure: this.strictText ?? this.text,
      blanked: this.strictText !== undefined,
      root: this.root,
      scanning: () => {
        if (this.treeBuilt || this.strictText === undefined || !this.buildable()) return false;
        // Each scan starts at the top of the text: past a few, one tree serves every later edit
        // in time linear in the text (3,000 case fixes in one file took seconds of scanning).
        if (++this.editScans <= SCANS_BEFORE_TREE) return true;
        void this.tree;
        return false;
      },
      unique: () => !this.mayHaveDuplicateKeys(),
      nodeAt: (pointer) => this.nodeAt(pointer),
      // Called only while scanning, when the strict text is the structure.
      locator: () => this.locator,
    });
  }

  replaceValue(pointer: string, value: unknown): TextEdit[] | undefined {
    return replaceValue(this.editing, pointer, value);
  }

  renameKey(pointer: string, newKey: string): TextEdit[] | undefined {
    return renameKey(this.editing, pointer, newKey);
  }

  removeProperty(pointer: string, memberNode?: JsonNode): TextEdit[] | undefined {
    return removeProperty(this.editing, pointer, memberNode);
  }

  removeElement(pointer: string, index: number, length: number): TextEdit[] | undefined {
    return removeElement(this.editing, pointer, index, length);
  }

  moveProperty(fromPointer: string, toPointer: string): TextEdit[] | undefined {
    return moveProperty(this.editing, fromPointer, toPointer);
  }
}

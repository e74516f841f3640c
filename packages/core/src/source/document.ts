import { modify, type Node as JsonNode, type FormattingOptions } from "jsonc-parser";
import type { SourceDocument, Target } from "../rule.js";
import type { Position, SourceRange, TextEdit } from "../types.js";
import { getAt, parsePointer, escapePointerSegment } from "../rules/util.js";
import { strictTree } from "./strict-tree.js";
import { locateNode, locateObject, locatePointer, type ObjectLayout } from "../language/locate.js";
import { MAX_NESTING_DEPTH, parseLenient, type SyntaxProblem } from "./parse.js";

export interface DuplicateKey {
  /** Pointer of the duplicated property (the same for every occurrence). */
  pointer: string;
  /** The property members of that key in source order; the last one is the one JSON.parse keeps. */
  members: JsonNode[];
}

/** Converts offsets to 1-based line/column positions; the line table is built on first use. */
export class LineMap {
  private lineStarts: number[] | undefined;
  constructor(private readonly text: string) {}

  position(offset: number): Position {
    const starts = (this.lineStarts ??= computeLineStarts(this.text));
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - starts[low]! + 1, offset: clamped };
  }

  range(offset: number, length: number): SourceRange {
    return { start: this.position(offset), end: this.position(offset + length) };
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  // indexOf finds line feeds far faster than a loop over every character; only CR needs the loop.
  if (!text.includes("\r")) {
    for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) starts.push(index + 1);
    return starts;
  }
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) starts.push(index + 1);
    else if (code === 13) {
      if (text.charCodeAt(index + 1) === 10) index++;
      starts.push(index + 1);
    }
  }
  return starts;
}

/** Own-property object member lookup keeping JSON.parse's "last duplicate wins". */
function childOf(node: JsonNode, segment: string): JsonNode | undefined {
  if (node.type === "object") {
    let found: JsonNode | undefined;
    for (const member of node.children ?? []) {
      if (member.children?.[0]?.value === segment) found = member.children[1];
    }
    return found;
  }
  if (node.type === "array" && /^(0|[1-9][0-9]*)$/.test(segment)) {
    return node.children?.[Number(segment)];
  }
  return undefined;
}

/** Converts a tree to a plain value; `__proto__` keys become own data properties (no prototype pollution). */
export function valueOfNode(node: JsonNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.type) {
    case "object": {
      const result: Record<string, unknown> = {};
      for (const member of node.children ?? []) {
        const key = member.children?.[0]?.value;
        if (typeof key !== "string") continue;
        const value = valueOfNode(member.children?.[1]);
        Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return result;
    }
    case "array":
      return (node.children ?? []).map(valueOfNode);
    default:
      return node.value;
  }
}

function detectFormatting(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  if (indent?.startsWith("\t")) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent ? indent.length : 2, eol };
}

/**
 * Nesting depth of a JSON.parse result, without recursion. Objects and arrays only are stacked,
 * with their depths alongside: no pair allocated per value.
 */
function depthOf(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  let deepest = 1;
  const containers: object[] = [value];
  const depths: number[] = [1];
  while (containers.length > 0) {
    const current = containers.pop()!;
    const depth = depths.pop()! + 1;
    const items = Array.isArray(current) ? (current as unknown[]) : Object.values(current);
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      if (typeof item !== "object" || item === null) continue;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > MAX_NESTING_DEPTH) return deepest;
      }
      containers.push(item);
      depths.push(depth);
    }
  }
  return deepest;
}

/** Counts the object members of a JSON.parse result, without recursion (input may be deeply nested). */
function countMembers(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (Array.isArray(current)) {
      for (const item of current) if (typeof item === "object" && item !== null) stack.push(item);
    } else if (typeof current === "object" && current !== null) {
      for (const key in current) {
        count++;
        const item = (current as Record<string, unknown>)[key];
        if (typeof item === "object" && item !== null) stack.push(item);
      }
    }
  }
  return count;
}

// Matches every string token, so a search never restarts inside a string; group 1 marks keys.
const STRING_TOKEN = /"(?:[^"\\]|\\.)*"(\s*:)?/g;

/** Number of object keys written in a text that JSON.parse accepted. */
function countWrittenKeys(text: string): number {
  let count = 0;
  // Without a backslash no string can hold a quote: hop from quote to quote (indexOf is far faster
  // than a regex or a loop over every character), and a string followed by ":" is a key.
  if (!text.includes("\\")) {
    for (let open = text.indexOf('"'); open !== -1; ) {
      const close = text.indexOf('"', open + 1);
      if (close === -1) break;
      let after = close + 1;
      let code = text.charCodeAt(after);
      while (code === 32 || code === 10 || code === 13 || code === 9) code = text.charCodeAt(++after);
      if (code === 58 /* : */) count++;
      open = text.indexOf('"', after);
    }
    return count;
  }
  STRING_TOKEN.lastIndex = 0;
  for (let match = STRING_TOKEN.exec(text); match; match = STRING_TOKEN.exec(text)) {
    if (match[1] !== undefined) count++;
  }
  return count;
}

/** A document backed by source text: nodes, ranges and formatting-preserving edits. */
export class TextDocumentSource implements SourceDocument {
  readonly lines: LineMap;
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
      node = childOf(node, segment);
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
      const child = childOf(node, segment);
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
    if (!this.treeBuilt) {
      const span = locatePointer(this.strictText!, parsePointer(pointer), target, { unique: !this.mayHaveDuplicateKeys() });
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

  writtenValue(pointer: string): string | undefined {
    const span = this.spanOf(pointer, "value");
    return this.text.slice(span.offset, span.offset + span.length);
  }

  rangeOf(pointer: string, target: Target): SourceRange {
    const span = this.spanOf(pointer, target);
    return this.lines.range(span.offset, span.length);
  }

  private duplicatesPossible: boolean | undefined;

  /** False when the cheap count proves every key unique (strict JSON only); computed once per document. */
  private mayHaveDuplicateKeys(): boolean {
    if (this.strictText === undefined) return true;
    return (this.duplicatesPossible ??= countWrittenKeys(this.strictText) !== countMembers(this.root));
  }

  /**
   * Duplicate keys of every object. JSON.parse merges duplicates silently, so the fast path compares
   * the members it kept with the keys written in the text and builds the tree only when they differ.
   */
  duplicateKeys(): DuplicateKey[] {
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

  replaceValue(pointer: string, value: unknown): TextEdit[] | undefined {
    // A fix on strict JSON needs the value's span, not a tree (but none where no tree can be built,
    // as before: too deep to edit safely).
    if (!this.treeBuilt && this.buildable()) {
      const found = locateNode(this.strictText!, parsePointer(pointer), { unique: !this.mayHaveDuplicateKeys() });
      return found ? [{ offset: found.value.offset, length: found.value.length, newText: JSON.stringify(value) }] : undefined;
    }
    const node = this.nodeAt(pointer);
    if (!node) return undefined;
    return [{ offset: node.offset, length: node.length, newText: JSON.stringify(value) }];
  }

  renameKey(pointer: string, newKey: string): TextEdit[] | undefined {
    if (!this.treeBuilt && this.buildable()) {
      const found = locateNode(this.strictText!, parsePointer(pointer), { unique: !this.mayHaveDuplicateKeys() });
      if (!found) return undefined;
      if (found.key) return [{ offset: found.key.offset, length: found.key.length, newText: JSON.stringify(newKey) }];
      // Not an object member (the root or an array item): the tree's answer below, whatever it is.
    }
    const key = this.nodeAt(pointer)?.parent?.children?.[0];
    if (!key || key.type !== "string") return undefined;
    return [{ offset: key.offset, length: key.length, newText: JSON.stringify(newKey) }];
  }

  /**
   * Removes one member with its comma, keeping comments around it and the layout of its neighbours:
   * a member followed by another takes its comma and the whitespace up to the next token; the last
   * member gives up the comma before it and its own line; an only member leaves `{}` behind.
   */
  removeProperty(pointer: string, memberNode?: JsonNode): TextEdit[] | undefined {
    if (!memberNode && this.scannable()) {
      // Strict JSON with unique keys: the member and its neighbours are found without a tree.
      const segments = parsePointer(pointer);
      const object = locateObject(this.strictText!, segments.slice(0, -1), { unique: true });
      const index = object ? lastIndexOfMember(object, segments[segments.length - 1]!) : -1;
      return index >= 0 ? this.removal(memberOfLayout(object!, index)) : undefined;
    }
    const member = memberNode ?? this.nodeAt(pointer)?.parent;
    const object = member?.parent;
    if (!member || member.type !== "property" || !object?.children) return undefined;
    const siblings = object.children;
    const index = siblings.indexOf(member);
    const previous = siblings[index - 1];
    return this.removal({
      offset: member.offset,
      end: member.offset + member.length,
      previousEnd: previous ? previous.offset + previous.length : undefined,
      nextOffset: siblings[index + 1]?.offset,
      object: { offset: object.offset, length: object.length },
    });
  }

  /** Strict JSON with unique keys and a buildable depth: spans can be found by scanning, without a tree. */
  private scannable(): boolean {
    return !this.treeBuilt && this.buildable() && !this.mayHaveDuplicateKeys();
  }

  private removal(member: MemberPlace): TextEdit[] | undefined {
    const text = this.text;
    // Commas are searched where comments are blanked out: a comma inside a comment is not one.
    const structure = this.strictText ?? text;
    const { offset, end } = member;
    if (member.nextOffset !== undefined) {
      const next = member.nextOffset;
      const comma = structure.indexOf(",", end);
      let stop = comma < 0 || comma > next ? end : comma + 1;
      while (stop < next && /\s/.test(text[stop]!)) stop++;
      return [{ offset, length: stop - offset, newText: "" }];
    }
    if (member.previousEnd !== undefined) {
      const comma = structure.indexOf(",", member.previousEnd);
      if (comma < 0 || comma > offset) return undefined;
      const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
      const start = lineStart > comma && /^\s*$/.test(text.slice(lineStart, offset)) ? lineStart - (text[lineStart - 2] === "\r" ? 2 : 1) : offset;
      return [
        { offset: comma, length: 1, newText: "" },
        { offset: start, length: end - start, newText: "" },
      ];
    }
    const object = member.object;
    const inner = text.slice(object.offset + 1, object.offset + object.length - 1);
    if (!inner.includes("//") && !inner.includes("/*")) return [{ offset: object.offset + 1, length: inner.length, newText: "" }];
    return [{ offset, length: end - offset, newText: "" }];
  }

  /**
   * An insertion of `"key": <value as written>` at the end of an object, indented like its members
   * (the value's own lines shifted by the same amount), without reformatting anything else.
   */
  private insertMember(object: ObjectPlace, key: string, value: ValuePlace): TextEdit | undefined {
    const text = this.text;
    const indentOf = (offset: number): string => {
      const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
      return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
    };
    const last = object.lastMember;
    const eol = text.includes("\r\n") ? "\r\n" : "\n";
    const valueIndent = indentOf(value.holderOffset);
    const valueText = text.slice(value.offset, value.offset + value.length);
    const body = (indent: string): string => `${JSON.stringify(key)}: ${valueText.split(/\r?\n/).map((line, index) => (index === 0 ? line : indent + line.slice(Math.min(valueIndent.length, /^[ \t]*/.exec(line)![0].length)))).join(eol)}`;
    if (last) {
      const multiline = text.slice(object.offset, last.offset).includes("\n");
      const indent = multiline ? indentOf(last.offset) : "";
      return { offset: last.end, length: 0, newText: multiline ? `,${eol}${indent}${body(indent)}` : `, ${body(indent)}` };
    }
    const closing = object.offset + object.length - 1;
    if (/\S/.test(text.slice(object.offset + 1, closing))) return undefined;
    const outer = indentOf(object.holderOffset);
    const formatting = detectFormatting(text);
    const unit = formatting.insertSpaces === false ? "\t" : " ".repeat(formatting.tabSize ?? 2);
    return { offset: object.offset + 1, length: closing - object.offset - 1, newText: `${eol}${outer}${unit}${body(outer + unit)}${eol}${outer}` };
  }

  moveProperty(fromPointer: string, toPointer: string): TextEdit[] | undefined {
    const from = parsePointer(fromPointer);
    const to = parsePointer(toPointer);
    const key = to[to.length - 1]!;
    if (this.scannable()) {
      // The common case (strict JSON, unique keys, the new parent exists): no tree needed.
      if (getAt(this.root, from) === undefined || getAt(this.root, to) !== undefined) return undefined;
      const source = locateObject(this.strictText!, from.slice(0, -1), { unique: true });
      const index = source ? lastIndexOfMember(source, from[from.length - 1]!) : -1;
      const target = locateObject(this.strictText!, to.slice(0, -1), { unique: true });
      if (index >= 0 && target) {
        const removal = this.removal(memberOfLayout(source!, index));
        const moved = source!.members[index]!;
        const direct = this.insertMember(objectOfLayout(target), key, { ...moved.value, holderOffset: moved.key.offset });
        if (removal && direct && !overlaps(removal, direct)) return [...removal, direct];
      }
      // Otherwise the tree's way below (it creates missing parents, and knows every layout).
    }
    const valueNode = this.nodeAt(fromPointer);
    if (!valueNode || this.nodeAt(toPointer)) return undefined;
    const removal = this.removeProperty(fromPointer);
    if (!removal) return undefined;
    const target = this.nodeAt(pointerOfSegments(to.slice(0, -1)));
    const members = target?.children ?? [];
    const last = members[members.length - 1];
    const direct =
      target?.type === "object"
        ? this.insertMember(
            // An object in an array is indented by its own line, not by the array's key.
            { offset: target.offset, length: target.length, holderOffset: target.parent?.type === "property" ? target.parent.offset : target.offset, lastMember: last ? { offset: last.offset, end: last.offset + last.length } : undefined },
            key,
            { offset: valueNode.offset, length: valueNode.length, holderOffset: valueNode.parent?.offset ?? valueNode.offset },
          )
        : undefined;
    if (direct && !overlaps(removal, direct)) return [...removal, direct];
    // Remove first, then let modify() insert into the result in the file's own indentation; the two
    // steps may touch neighbouring text, so the fix is the one span where the texts differ.
    const removed = applyTextEdits(this.text, removal);
    const insertion = modify(removed, jsonPathOf(this.root, to), valueOfNode(valueNode), { formattingOptions: detectFormatting(this.text) });
    const moved = applyTextEdits(removed, insertion.map((edit) => ({ offset: edit.offset, length: edit.length, newText: edit.content })));
    return [differingSpan(this.text, moved)];
  }
}

/** A member among its siblings: what removing it needs to keep commas, comments and layout right. */
interface MemberPlace {
  /** Its key. */
  offset: number;
  /** After its value. */
  end: number;
  previousEnd: number | undefined;
  nextOffset: number | undefined;
  object: { offset: number; length: number };
}

/** An object to insert into: its braces, its last member, and the key holding it (for indentation). */
interface ObjectPlace {
  offset: number;
  length: number;
  holderOffset: number;
  lastMember: { offset: number; end: number } | undefined;
}

/** A value to insert, as written, and the key it had (its lines are indented relative to that). */
interface ValuePlace {
  offset: number;
  length: number;
  holderOffset: number;
}

/** A pointer's segments as jsonc-parser's paths have them: array indices as numbers. */
function jsonPathOf(root: unknown, segments: readonly string[]): (string | number)[] {
  let current = root;
  return segments.map((segment) => {
    const inArray = Array.isArray(current);
    current = getAt(current, [segment]);
    return inArray ? Number(segment) : segment;
  });
}

function lastIndexOfMember(object: ObjectLayout, name: string): number {
  for (let index = object.members.length - 1; index >= 0; index--) if (object.members[index]!.name === name) return index;
  return -1;
}

function memberOfLayout(object: ObjectLayout, index: number): MemberPlace {
  const member = object.members[index]!;
  const previous = object.members[index - 1];
  return {
    offset: member.key.offset,
    end: member.value.offset + member.value.length,
    previousEnd: previous ? previous.value.offset + previous.value.length : undefined,
    nextOffset: object.members[index + 1]?.key.offset,
    object: { offset: object.offset, length: object.length },
  };
}

function objectOfLayout(object: ObjectLayout): ObjectPlace {
  const last = object.members[object.members.length - 1];
  return {
    offset: object.offset,
    length: object.length,
    holderOffset: object.key?.offset ?? object.offset,
    lastMember: last ? { offset: last.key.offset, end: last.value.offset + last.value.length } : undefined,
  };
}

/** Whether edits overlap or touch: an insertion right where a removal ends may assume text that is gone. */
function overlaps(edits: readonly TextEdit[], edit: TextEdit): boolean {
  return edits.some((other) => other.offset <= edit.offset + edit.length && edit.offset <= other.offset + other.length);
}

function pointerOfSegments(segments: readonly string[]): string {
  return segments.map((segment) => "/" + escapePointerSegment(segment)).join("");
}

function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let output = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) output = output.slice(0, edit.offset) + edit.newText + output.slice(edit.offset + edit.length);
  return output;
}

/** The single edit that turns `before` into `after`: everything between their common prefix and suffix. */
function differingSpan(before: string, after: string): TextEdit {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { offset: prefix, length: before.length - prefix - suffix, newText: after.slice(prefix, after.length - suffix) };
}


/** A document for an in-memory value: pointers only, no ranges, no edits. */
export class ValueSource implements SourceDocument {
  readonly text = undefined;
  readonly tree = undefined;
  readonly syntaxProblems: readonly SyntaxProblem[] = [];
  duplicateKeys(): DuplicateKey[] {
    return [];
  }
  constructor(readonly root: unknown) {}
  nodeAt(): undefined {
    return undefined;
  }
  writtenValue(): undefined {
    return undefined;
  }
  replaceValue(): undefined {
    return undefined;
  }
  renameKey(): undefined {
    return undefined;
  }
  removeProperty(): undefined {
    return undefined;
  }
  moveProperty(): undefined {
    return undefined;
  }
}

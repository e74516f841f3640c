import type { Node as JsonNode } from "jsonc-parser";
import type { TextEdit } from "../types.js";
import type { SyntaxProblem } from "./parse.js";

/** Where a finding is placed on the node its pointer names. */
export type Target = "key" | "value";

export interface DuplicateKey {
  /** Pointer of the duplicated property (the same for every occurrence). */
  pointer: string;
  /** The property members of that key in source order; the last one is the one JSON.parse keeps. */
  members: JsonNode[];
}

/**
 * Read access to the source text for rules, and builders for fixes that keep the user's formatting.
 * Every builder returns undefined when it cannot edit (no text, node missing).
 */
export interface SourceDocument {
  readonly text: string | undefined;
  /** jsonc-parser tree (duplicate keys kept as separate members); undefined for in-memory values. */
  readonly tree: JsonNode | undefined;
  /** What strict JSON parsing found: syntax errors, comments, trailing commas, excessive nesting. */
  readonly syntaxProblems: readonly SyntaxProblem[];
  /** The 1-based line of an offset; undefined without source text. */
  lineOf(offset: number): number | undefined;
  /** Keys written more than once in one object. */
  duplicateKeys(): DuplicateKey[];
  /** The source text of an existing value (a number as written: `1e400`), found without building a tree. */
  writtenValue(pointer: string): string | undefined;
  /** Node of a pointer (for duplicates, the last one, as JSON.parse keeps). */
  nodeAt(pointer: string): JsonNode | undefined;
  replaceValue(pointer: string, value: unknown): TextEdit[] | undefined;
  renameKey(pointer: string, newKey: string): TextEdit[] | undefined;
  /** Removes one property member; `memberNode` picks one of several duplicate members. */
  removeProperty(pointer: string, memberNode?: JsonNode): TextEdit[] | undefined;
  /** Removes the array element at `index` (never the first) with the comma before it; `length` is the parsed array's. */
  removeElement(pointer: string, index: number, length: number): TextEdit[] | undefined;
  /** Moves a property to another object (created if missing), keeping the value text as written. */
  moveProperty(fromPointer: string, toPointer: string): TextEdit[] | undefined;
}

import type { Node as JsonNode } from "jsonc-parser";
import type { Severity, TextEdit } from "./types.js";
import type { SchemaError } from "./schema/schema-errors.js";
import type { SyntaxProblem } from "./source/parse.js";
import type { DuplicateKey } from "./source/document.js";

/** Where a finding is placed on the node its pointer names. */
export type Target = "key" | "value";

export interface RuleMeta {
  /** Stable public id; also the docs file name (`docs/rules/<id>.md`). */
  id: string;
  /** One sentence, shown by `--list-rules`, SARIF and hovers; must match the docs' first paragraph. */
  description: string;
  defaultSeverity: Severity;
  /** Whether the rule offers fixes, and whether they are safe to apply unattended. */
  fixable: "safe" | "unsafe" | false;
  /** Syntax, schema or semantic: only for grouping in docs and listings. */
  category: "syntax" | "schema" | "semantic";
}

export interface FixProposal {
  title: string;
  safety: "safe" | "unsafe";
  /** Undefined when there is no source text to edit (in-memory validation). */
  edits: TextEdit[] | undefined;
}

export interface Report {
  /** RFC 6901 pointer of the node the finding is about. */
  pointer: string;
  /** Default "value"; "key" for unknown/duplicate/misplaced keys. */
  target?: Target;
  /** Explicit 0-based source span, for findings that are not about a node (syntax, comments). */
  span?: { offset: number; length: number };
  message: string;
  /** A rule whose findings differ in gravity (see proxy-region-city) sets it; a user setting overrides it. */
  severity?: Severity;
  fix?: FixProposal;
  suggestions?: FixProposal[];
  related?: { pointer: string; target?: Target; message: string }[];
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
  /** Moves a property to another object (created if missing), keeping the value text as written. */
  moveProperty(fromPointer: string, toPointer: string): TextEdit[] | undefined;
}

export interface RuleContext {
  /** The parsed request, JSON semantics (the last duplicate key wins). Any shape: check before use. */
  readonly root: unknown;
  readonly maxCount: number;
  readonly source: SourceDocument;
  /** ajv's errors for the request, computed once per lint and shared by the schema rules. */
  schemaErrors(): readonly SchemaError[];
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/** Identity helper that types a rule module. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

import type { Finding, Severity, TextEdit } from "./types.js";
import type { SchemaError } from "./schema/schema-errors.js";
import type { SourceDocument, Target } from "./source/types.js";

// The source model's interface lives with it (source/types.ts), so the source needs nothing from here.
export type { DuplicateKey, SourceDocument, Target } from "./source/types.js";

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
  /**
   * What editors may show on every finding: "unnecessary" when the text it marks has no effect
   * (greyed out), "deprecated" when it names something on its way out (struck through).
   */
  tags?: readonly ("unnecessary" | "deprecated")[];
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

export interface RuleContext {
  /** The parsed request, JSON semantics (the last duplicate key wins). Any shape: check before use. */
  readonly root: unknown;
  readonly maxCount: number;
  readonly source: SourceDocument;
  /** ajv's errors for the request, computed once per lint and shared by the schema rules. */
  schemaErrors(): readonly SchemaError[];
  /**
   * What the other enabled rules, as configured, report on another text of this document: a rule
   * offering a rename or move learns whether the value would be wrong at its new place (and how
   * that rule would fix it) before it calls the fix safe; the fix pass refuses a pass that adds an
   * error. Absent without source text.
   */
  readonly otherFindings?: ((text: string) => readonly Finding[]) | undefined;
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

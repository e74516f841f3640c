/** Severity of a finding, as configured (`"warn"` in config maps to `"warning"`). */
export type Severity = "error" | "warning";

/** A place in the source text. `line` and `column` are 1-based; `column` counts UTF-16 code units. */
export interface Position {
  line: number;
  column: number;
  /** 0-based offset into the text, in UTF-16 code units. */
  offset: number;
}

export interface SourceRange {
  start: Position;
  end: Position;
}

/** A replacement of `length` characters at `offset` by `newText`. Offsets refer to the linted text. */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

/**
 * A fix: a set of non-overlapping text edits. `safe` fixes keep the meaning the author intended
 * and are applied by `fix()` and `--fix`; `unsafe` ones change behaviour and are only offered.
 */
export interface Fix {
  title: string;
  safety: "safe" | "unsafe";
  edits: TextEdit[];
}

export interface RelatedLocation {
  pointer: string;
  message: string;
  range?: SourceRange;
}

/** One mistake in a config. */
export interface Finding {
  /** Stable public rule id, e.g. `proxy-country`. */
  ruleId: string;
  severity: Severity;
  message: string;
  /** RFC 6901 JSON pointer of the node the finding is about ("" is the document). */
  pointer: string;
  /** Where in the text; absent when validating an in-memory value. */
  range?: SourceRange;
  fix?: Fix;
  suggestions?: Fix[];
  related?: RelatedLocation[];
}

/** Per-rule setting in a config. */
export type RuleSetting = "off" | "warn" | "error";

/** The lint configuration, as users write it. */
export interface LintConfig {
  rules?: Record<string, RuleSetting>;
  /** Upper bound for `count` (default 1000, the API's limit); accounts with higher limits raise it. */
  maxCount?: number;
}

import type { FileResult } from "../results.js";

/** What formatters need to know about a rule (the core's `rules` entries satisfy it). */
export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: "error" | "warning";
  fixable: "safe" | "unsafe" | false;
  docsUrl: string;
}

export interface FormatContext {
  /** ANSI colours (stylish only). */
  color: boolean;
  version: string;
  rules: readonly RuleInfo[];
}

/** Turns results into the text written to stdout or --output-file. Pure: no I/O. */
export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

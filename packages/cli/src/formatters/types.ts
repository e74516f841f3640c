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
  /** The working folder (absolute): SARIF's `%SRCROOT%` when there is no repository. */
  cwd?: string;
  /**
   * The repository root (nearest folder holding `.git`, absolute) when there is one. GitHub resolves
   * SARIF and annotation paths against it, so those formats report paths relative to it.
   */
  repositoryRoot?: string;
}

/** Turns results into the text written to stdout or --output-file. Pure: no I/O. */
export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

import { fix, lint, showsCredential, type LintConfig, type TextEdit } from "@anchor-lint/core";
import { minimalEdit } from "./convert.js";

/**
 * The edits of "fix all": one edit from the first to the last change, unless it would carry a
 * credential (a moved proxy, or a proxy between two fixes); then the fixes of the current findings
 * that fit together, as separate edits, none of which carries one (the core drops those).
 * Plain text in, plain edits out: the lint thread runs it for large documents.
 */
export function fixAllEdits(text: string, config: LintConfig | undefined): TextEdit[] {
  const result = fix(text, { config });
  if (!result.changed) return [];
  const whole = minimalEdit(text, result.output);
  if (!showsCredential(text, whole.newText)) return [whole];
  const accepted: TextEdit[] = [];
  const fixes = lint(text, { config }).flatMap((finding) => (finding.fix?.safety === "safe" ? [finding.fix] : []));
  for (const candidate of fixes) {
    const overlaps = candidate.edits.some((edit) => accepted.some((other) => edit.offset < other.offset + other.length + (other.length === 0 ? 1 : 0) && other.offset < edit.offset + edit.length + (edit.length === 0 ? 1 : 0)));
    if (!overlaps) accepted.push(...candidate.edits);
  }
  return accepted;
}

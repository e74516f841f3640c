/**
 * Whether a rename known-property offers would do what it says: the value valid at the new name,
 * and no other rule's error appearing with it (the fix pass takes back a pass that adds an error, so
 * a rename announced as safe would otherwise never be applied). When the value would be wrong there,
 * the finding says so, and the value's own fix, if that rule has one, is made part of the rename:
 * `"countryCode": "DE"` becomes `"country_code": "de"` in one step, safe because both steps are.
 */
import type { FixProposal, RuleContext } from "../rule.js";
import type { Finding, TextEdit } from "../types.js";
import { applyEdits } from "../fix.js";
import { effectOf, withEffect } from "../source/edits/effects.js";
import { TextDocumentSource } from "../source/document.js";
import { fitsAtHome } from "./moves.js";
import { escapePointerSegment, getAt, isObject, parsePointer } from "../rules/util.js";

/**
 * Renames checked against the other rules per lint: each check lints the renamed text. A file with
 * thousands of typos gets its first ones checked (and fixed by --fix), the rest only offered, and
 * the next fix pass checks the next ones: linting the file once per typo would be quadratic.
 */
export const MAX_CHECKED_RENAMES = 32;

export interface RenameRequest {
  from: string;
  key: string;
  /** Safe only when the rename alone is certain; a guess stays a guess whatever the checks say. */
  safety: "safe" | "unsafe";
  title: string;
  /** A value under `from` to write instead (an on/off setting negated, minutes converted). */
  rewrite?: { pointer: string; value: unknown };
}

export interface RenameOffer {
  /** To append to the message: what would be wrong after the rename. */
  problem?: string;
  proposal?: FixProposal;
}

/** Per lint of a file: the other rules' findings on it, worked out once, and the checks left. */
export interface RenameChecks {
  left: number;
  baseline?: readonly Finding[];
}

export function renameChecks(): RenameChecks {
  return { left: MAX_CHECKED_RENAMES };
}

/** The root with `value` at `pointer`, copying only the objects on the way. */
function rootWith(root: unknown, pointer: string, value: unknown): unknown {
  const segments = parsePointer(pointer);
  const copy = (node: unknown, depth: number): unknown => {
    if (depth === segments.length) return value;
    const segment = segments[depth]!;
    if (Array.isArray(node)) return node.map((item, index) => (String(index) === segment ? copy(item, depth + 1) : item));
    if (!isObject(node)) return node;
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(node)) Object.defineProperty(result, key, { value: key === segment ? copy(node[key], depth + 1) : node[key], enumerable: true, writable: true, configurable: true });
    return result;
  };
  return copy(root, 0);
}

function errorsOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.severity === "error");
}

/** The errors of `after` that `before` does not have, compared by rule and message (pointers move with a rename). */
function newErrors(before: readonly Finding[], after: readonly Finding[]): Finding[] {
  const seen = new Map<string, number>();
  for (const finding of errorsOf(before)) seen.set(finding.ruleId + "\u0000" + finding.message, (seen.get(finding.ruleId + "\u0000" + finding.message) ?? 0) + 1);
  return errorsOf(after).filter((finding) => {
    const id = finding.ruleId + "\u0000" + finding.message;
    const count = seen.get(id) ?? 0;
    if (count > 0) seen.set(id, count - 1);
    return count === 0;
  });
}

function within(pointer: string, root: string): boolean {
  return pointer === root || pointer.startsWith(root + "/");
}

function renameEdits(context: RuleContext, from: string, key: string, rewrite: RenameRequest["rewrite"]): TextEdit[] | undefined {
  const rename = context.source.renameKey(from, key);
  if (!rename || !rewrite) return rename;
  const replace = context.source.replaceValue(rewrite.pointer, rewrite.value);
  if (!replace) return undefined;
  const moved = effectOf(rename);
  return moved?.kind === "move" ? withEffect([...rename, ...replace], { ...moved, rewritten: true }) : undefined;
}

/** The rename of `from` to `key`, checked; see the module comment. */
export function offerRename(context: RuleContext, checks: RenameChecks, request: RenameRequest): RenameOffer {
  const { from, key, rewrite } = request;
  const to = from.slice(0, from.lastIndexOf("/") + 1) + escapePointerSegment(key);
  const edits = renameEdits(context, from, key, rewrite);
  const root = rewrite ? rootWith(context.root, rewrite.pointer, rewrite.value) : context.root;
  const fits = fitsAtHome(root, from, to) === "fits";
  const text = context.source.text;
  if (!edits || text === undefined || !context.otherFindings || checks.left <= 0) {
    // Unchecked: never announced as safe (--fix could refuse it), still offered when the schema allows it.
    return fits && edits ? { proposal: { title: request.title, safety: "unsafe", edits } } : {};
  }
  checks.left--;
  checks.baseline ??= context.otherFindings(text);
  const added = newErrors(checks.baseline, context.otherFindings(applyEdits(text, edits)));
  if (added.length === 0) return fits ? { proposal: { title: request.title, safety: request.safety, edits } } : {};
  const atValue = added.find((finding) => within(finding.pointer, to));
  const problem = atValue
    ? ` Its value would then be wrong too: ${atValue.message}`
    : ` Renaming it would give another error: ${added[0]!.message}`;
  if (!atValue || rewrite) return { problem };
  return { problem, ...chained(context, checks, request, to, atValue, applyEdits(text, edits)) };
}

/**
 * The rename with the value's own fix (or its first suggestion) applied: when the value is a
 * scalar the other rule replaces, the two are one edit of the member, checked again. Safe only
 * when both are.
 */
function chained(context: RuleContext, checks: RenameChecks, request: RenameRequest, to: string, problem: Finding, renamed: string): { proposal?: FixProposal } {
  const valueFix = problem.fix ?? problem.suggestions?.[0];
  const effect = valueFix ? effectOf(valueFix.edits) : undefined;
  if (!valueFix || effect?.kind !== "replace" || !within(effect.pointer, to) || checks.left <= 0) return {};
  const written = getAt(context.root, parsePointer(request.from));
  if (typeof written === "object" && written !== null) return {};
  const value = getAt(new TextDocumentSource(applyEdits(renamed, valueFix.edits)).root, parsePointer(to));
  if (value === undefined || (typeof value === "object" && value !== null)) return {};
  const edits = renameEdits(context, request.from, request.key, { pointer: request.from, value });
  if (!edits || fitsAtHome(rootWith(context.root, request.from, value), request.from, to) !== "fits") return {};
  checks.left--;
  if (newErrors(checks.baseline!, context.otherFindings!(applyEdits(context.source.text!, edits))).length > 0) return {};
  const safety = request.safety === "safe" && valueFix.safety === "safe" ? "safe" : "unsafe";
  return { proposal: { title: `Replace with ${JSON.stringify(request.key)}: ${JSON.stringify(value)}`, safety, edits } };
}

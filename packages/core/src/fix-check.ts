import { createScanner, parseTree, type Node as JsonNode } from "jsonc-parser";
import type { Finding, Fix } from "./types.js";
import { effectOfFix, prefixesOf } from "./fix.js";
import { escapePointerSegment } from "./rules/util.js";
import { SyntaxKind } from "./source/syntax-kind.js";

/**
 * Whether the text a pass produced keeps the promises of docs/fixes.md: it parses, has no more
 * errors than before, and every value written before is still there, written the same, at its
 * pointer or where a move or rename of the pass took it. Values a fix replaces are exempt, and so
 * are those an unsafe fix removes (the user asked for it); a safe removal must leave an identical
 * copy at the same pointer (an exact duplicate). Every comment is still there too, but those in
 * the text an unsafe fix rewrites: no safe fix removes what a comment says.
 */
export function keepsPromises(before: { text: string; findings: readonly Finding[] }, after: { text: string; findings: readonly Finding[] }, applied: readonly Fix[]): boolean {
  if (after.findings.some((finding) => finding.ruleId === "json-syntax")) return false;
  if (errorCount(after.findings) > errorCount(before.findings)) return false;
  if (!keepsComments(before.text, after.text, applied)) return false;
  const kept = new Set<string>();
  // Every object and array counts as "{}" or "[]" after: filling an empty one loses nothing.
  forEachValue(after.text, (pointer, text) => kept.add(pointer + "\u0000" + text), true);
  // By pointer, looked up through a value's ancestors: a pass may hold thousands of fixes.
  const exempt = new Set<string>();
  const moves = new Map<string, string>();
  for (const fix of applied) {
    const effect = effectOfFix(fix);
    if (effect.kind === "replace" || (effect.kind === "remove" && fix.safety === "unsafe")) exempt.add(effect.pointer);
    else if (effect.kind === "move") {
      moves.set(effect.from, effect.to);
      if (effect.rewritten) exempt.add(effect.from);
    }
  }
  let lost = false;
  forEachValue(before.text, (pointer, text) => {
    if (lost) return;
    const above = prefixesOf(pointer);
    if (above.some((prefix) => exempt.has(prefix))) return;
    const from = above.find((prefix) => moves.has(prefix));
    const now = from === undefined ? pointer : moves.get(from)! + pointer.slice(from.length);
    if (!kept.has(now + "\u0000" + text)) lost = true;
  });
  return !lost;
}

function keepsComments(before: string, after: string, applied: readonly Fix[]): boolean {
  const rewritten = applied
    .filter((fix) => fix.safety === "unsafe")
    .flatMap((fix) => fix.edits)
    .sort((a, b) => a.offset - b.offset);
  const left = commentsOf(after);
  let lost = false;
  // Comments come in order, and a pass's edits do not overlap: the edits ending before a comment are
  // passed for good, and only the next one can reach into it (thousands of each stay linear).
  let next = 0;
  forEachComment(before, (offset, length, comment) => {
    while (next < rewritten.length && rewritten[next]!.offset + rewritten[next]!.length <= offset) next++;
    if (lost || (next < rewritten.length && rewritten[next]!.offset < offset + length)) return;
    const count = left.get(comment) ?? 0;
    if (count === 0) lost = true;
    else left.set(comment, count - 1);
  });
  return !lost;
}

function commentsOf(text: string): Map<string, number> {
  const comments = new Map<string, number>();
  forEachComment(text, (_offset, _length, comment) => comments.set(comment, (comments.get(comment) ?? 0) + 1));
  return comments;
}

/**
 * Calls `visit` with every comment, compared without its line endings' kind or the white space that
 * starts its lines: a move indents the lines it carries (a block comment's too) like their new place.
 */
function forEachComment(text: string, visit: (offset: number, length: number, comment: string) => void): void {
  // No comment without a slash; most texts are strict JSON.
  if (!text.includes("/*") && !text.includes("//")) return;
  const scanner = createScanner(text, false);
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token !== SyntaxKind.LineComment && token !== SyntaxKind.BlockComment) continue;
    const offset = scanner.getTokenOffset();
    const length = scanner.getTokenLength();
    visit(offset, length, text.slice(offset, offset + length).replace(/\r?\n[ \t]*/g, "\n"));
  }
}

function errorCount(findings: readonly Finding[]): number {
  let count = 0;
  for (const finding of findings) if (finding.severity === "error") count++;
  return count;
}


/**
 * Calls `visit` with the pointer and written text of every scalar and every empty object or array
 * (duplicate keys each on their own), iteratively: input may nest deeply. With `containers`, every
 * object and array is visited as "{}" or "[]", empty or not.
 */
export function forEachValue(text: string, visit: (pointer: string, text: string) => void, containers = false): void {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!root) return;
  const stack: [JsonNode, string][] = [[root, ""]];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    const children = node.children ?? [];
    if (node.type === "object") {
      if (children.length === 0 || containers) visit(pointer, "{}");
      for (const member of children) {
        const [key, value] = member.children ?? [];
        if (key && value) stack.push([value, `${pointer}/${escapePointerSegment(String(key.value))}`]);
      }
    } else if (node.type === "array") {
      if (children.length === 0 || containers) visit(pointer, "[]");
      children.forEach((child, index) => stack.push([child, `${pointer}/${index}`]));
    } else {
      visit(pointer, text.slice(node.offset, node.offset + node.length));
    }
  }
}

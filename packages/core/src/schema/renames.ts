/**
 * Whether a rename known-property offers would do what it says: the value valid at the new name,
 * and no other rule's error appearing with it (the fix pass takes back a pass that adds an error, so
 * a rename announced as safe would otherwise never be applied). When the value would be wrong there,
 * the finding says so, and the value's own fix, if that rule has one, is made part of the rename:
 * `"countryCode": "DE"` becomes `"country_code": "de"` in one step, safe because both steps are.
 */
import type { FixProposal, Report, RuleContext } from "../rule.js";
import type { Finding, TextEdit } from "../types.js";
import { applyEdits } from "../fix.js";
import { effectOf, withEffect } from "../source/edits/effects.js";
import { TextDocumentSource } from "../source/document.js";
import { fitsAtHome } from "./moves.js";
import { displayPath } from "./schema-errors.js";
import { escapePointerSegment, getAt, isObject, parsePointer } from "../rules/util.js";

/**
 * Renames checked one at a time when the batch cannot tell which rename an error comes from (an
 * error outside every renamed value, two renames onto one key). The batch itself costs one or two
 * lints of the file (after every rename, and before them when that has errors), however many typos
 * it has: a lint per typo made a file with 2,000 misspelt integrations take seconds.
 */
export const MAX_SINGLE_CHECKS = 8;

/**
 * Single checks lint the whole text each: together they may read this much of it, and a file at
 * least one. Files up to 32 KB get all {@link MAX_SINGLE_CHECKS}; a 145 KB file of misspelt proxy
 * keys got eight lints of 145 KB per lint (and per --fix pass), one second each time. A rename or
 * move past the budget is only offered, never announced as safe.
 */
const SINGLE_CHECK_TEXT_BUDGET = MAX_SINGLE_CHECKS * 32 * 1024;

export function singleChecksFor(text: string): number {
  return Math.max(1, Math.min(MAX_SINGLE_CHECKS, Math.floor(SINGLE_CHECK_TEXT_BUDGET / Math.max(1, text.length))));
}

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

interface Planned {
  request: RenameRequest;
  to: string;
  edits: TextEdit[] | undefined;
  fits: boolean;
  report: Report;
}

/**
 * The renames of one lint, reported together once checked: `report` keeps a finding whose rename
 * `request` is offered, `move` one whose safe fix moves a key, `flush` checks them all against the
 * other rules and reports.
 */
export class RenameBatch {
  private readonly planned: Planned[] = [];
  private readonly moves: Report[] = [];
  /** What a move's message calls its fix when it would give an error ("Moving it", "Renaming it"). */
  private readonly doing = new Map<Report, string>();
  /**
   * Every report of the rule, in the order it was made: the engine lists the first 1,000 of a rule
   * and counts the rest, so a rename reported at the end would be the one left out of a file with
   * thousands of unknown keys.
   */
  private readonly order: (Report | Planned)[] = [];
  /** The other rules' findings on the text as it is, linted only when a changed text has errors to compare. */
  private baseline: readonly Finding[] | undefined;

  constructor(private readonly context: RuleContext) {}

  /** A report without a rename, kept in its place among the others. */
  plain(report: Report): void {
    this.order.push(report);
  }

  report(report: Report, request: RenameRequest): void {
    const { context } = this;
    const to = request.from.slice(0, request.from.lastIndexOf("/") + 1) + escapePointerSegment(request.key);
    const root = request.rewrite ? rootWith(context.root, request.rewrite.pointer, request.rewrite.value) : context.root;
    const planned = { request, to, edits: renameEdits(context, request.from, request.key, request.rewrite), fits: fitsAtHome(root, request.from, to) === "fits", report };
    this.planned.push(planned);
    this.order.push(planned);
  }

  /**
   * A report whose fix moves a key to where the schema wants it: announced as safe only when no
   * other rule's error comes with it (`"captcha_solver"` moved into `configuration.browser` turns
   * the solver on, which needs a proxy), otherwise offered, saying what the move would cause.
   */
  move(report: Report, doing = "Moving it"): void {
    this.doing.set(report, doing);
    this.moves.push(report);
    this.order.push(report);
  }

  flush(): void {
    const offers = new Map(this.offers().map((offer, index) => [this.planned[index]!, offer]));
    const moves = this.checkedMoves(offers);
    for (const entry of this.order) {
      const offer = offers.get(entry as Planned);
      if (offer === undefined) {
        this.context.report(moves.get(entry as Report) ?? (entry as Report));
        continue;
      }
      const { report } = entry as Planned;
      const proposal = offer.proposal;
      this.context.report({
        ...report,
        message: report.message + (offer.problem ?? ""),
        ...(proposal ? (proposal.safety === "safe" ? { fix: proposal } : { suggestions: [proposal] }) : {}),
      });
    }
  }

  /**
   * The errors the other rules report on the text with `edits` applied and not on the text as it
   * is; undefined when they cannot be asked (no text).
   */
  private errorsAfter(edits: readonly TextEdit[], warnings = false): Finding[] | undefined {
    const { context } = this;
    const text = context.source.text;
    const lint = context.otherFindings;
    if (text === undefined || !lint) return undefined;
    const after = lint(applyEdits(text, edits));
    // None when the text after them has none, which is the usual case: then the lint of the text
    // as it is (to compare with) is not needed.
    return after.some((finding) => warnings || finding.severity === "error") ? newFindings((this.baseline ??= lint(text)), after, warnings) : [];
  }

  /** The move reports that must not call their fix safe, as they are to be reported instead. */
  private checkedMoves(offers: ReadonlyMap<Planned, RenameOffer>): Map<Report, Report> {
    const result = new Map<Report, Report>();
    const suggested = (report: Report, why: string): Report => {
      const { fix, ...rest } = report;
      return { ...rest, message: report.message + why, suggestions: [{ ...fix!, safety: "unsafe" }, ...(report.suggestions ?? [])] };
    };
    const offered = (report: Report, problem?: Finding) =>
      suggested(report, problem ? ` ${this.doing.get(report)} would give ${problem.severity === "error" ? "another error" : "a warning"}: ${problem.message}` : "");
    // A move creating an object the file has misspelt beside it ("Configuration") would leave the
    // user's object ignored for good, its rename then reported as a duplicate: the move waits for
    // the rename, which --fix makes first when it is safe, and is only offered when it is not.
    const renamedTo = new Map<string, Planned[]>();
    for (const planned of this.planned) renamedTo.set(planned.to, [...(renamedTo.get(planned.to) ?? []), planned]);
    const safe: Report[] = [];
    for (const report of this.moves) {
      if (report.fix?.safety !== "safe" || !report.fix.edits) continue;
      const effect = effectOf(report.fix.edits);
      const creates = effect?.kind === "move" ? effect.creates : undefined;
      const misspelt = creates === undefined ? undefined : renamedTo.get(creates)?.find((planned) => offers.get(planned)?.proposal?.safety !== "safe");
      if (misspelt === undefined) safe.push(report);
      else result.set(report, suggested(report, besideMisspelt(creates!, misspelt.request.from)));
    }
    if (safe.length === 0) return result;
    // What a move must not bring: an error anywhere, or a warning about the object it creates
    // (`persist` moved into a new profile without its `name` saves an unnamed profile). Another
    // warning is about what the user wrote, now read where it belongs (a moved proxy's credentials in
    // plain text, `count` read by the profile's checks), and the move stays safe.
    const caused = (report: Report, findings: readonly Finding[]) => {
      const effect = effectOf(report.fix!.edits!);
      // Every object the move creates, from the first one down to the moved key's new parent.
      const created = new Set<string>();
      if (effect?.kind === "move" && effect.creates !== undefined) {
        for (let parent = effect.to.slice(0, effect.to.lastIndexOf("/")); within(parent, effect.creates); parent = parent.slice(0, parent.lastIndexOf("/"))) created.add(parent);
      }
      const about = (finding: Finding) => created.has(finding.pointer) || (finding.related ?? []).some((related) => created.has(related.pointer));
      return findings.find((finding) => finding.severity === "error" || about(finding));
    };
    // Together first (one lint for the usual file); one at a time when that brings something.
    const together = this.errorsAfter(safe.flatMap((report) => report.fix!.edits!), true);
    if (together === undefined) {
      for (const report of safe) result.set(report, offered(report));
      return result;
    }
    if (safe.every((report) => caused(report, together) === undefined)) return result;
    let singles = singleChecksFor(this.context.source.text ?? "");
    for (const report of safe) {
      const alone = safe.length === 1 ? together : singles-- > 0 ? this.errorsAfter(report.fix!.edits!, true) : undefined;
      const problem = alone && caused(report, alone);
      if (alone && !problem) continue;
      result.set(report, offered(report, problem));
    }
    return result;
  }

  private offers(): RenameOffer[] {
    const { context } = this;
    const text = context.source.text;
    const lint = context.otherFindings;
    const plain = (planned: Planned, safety: "safe" | "unsafe"): RenameOffer => (planned.fits && planned.edits ? { proposal: { title: planned.request.title, safety, edits: planned.edits } } : {});
    // Unchecked, a rename is never announced as safe (--fix could refuse it), still offered when the schema allows it.
    if (text === undefined || !lint || this.planned.every((planned) => !planned.edits)) return this.planned.map((planned) => plain(planned, "unsafe"));
    const errorsAfter = (edits: readonly TextEdit[]) => this.errorsAfter(edits) ?? [];
    const targets = new Map<string, number>();
    for (const planned of this.planned) if (planned.edits) targets.set(planned.to, (targets.get(planned.to) ?? 0) + 1);
    const batched = this.planned.filter((planned) => planned.edits && targets.get(planned.to) === 1);
    const added = errorsAfter(batched.flatMap((planned) => planned.edits!));
    // Each error's rename, by the pointers above it: a file with thousands of renames and as many
    // errors must not compare every error with every rename.
    const owned = byTarget(added, new Set(batched.map((planned) => planned.to)));
    const unexplained = owned.unowned.length > 0;
    let singles = singleChecksFor(text);
    const offers = this.planned.map((planned): RenameOffer => {
      if (!planned.edits) return {};
      const inBatch = targets.get(planned.to) === 1;
      const own = inBatch ? (owned.owned.get(planned.to) ?? []) : [];
      if (own.length > 0) return { problem: ` Its value would then be wrong too: ${own[0]!.message}` };
      if (inBatch && !unexplained) return plain(planned, planned.request.safety);
      // The batch cannot clear this one: alone, while the budget lasts; after it, only offered.
      if (singles <= 0) return plain(planned, "unsafe");
      singles--;
      const alone = errorsAfter(planned.edits);
      if (alone.length === 0) return plain(planned, planned.request.safety);
      return { problem: within(alone[0]!.pointer, planned.to) ? ` Its value would then be wrong too: ${alone[0]!.message}` : ` Renaming it would give another error: ${alone[0]!.message}` };
    });
    // The value's own fix joined to its rename, for those the other rules found wrong at the new name.
    const chains = chainedProposals(
      context,
      this.planned.map((planned, index) => (offers[index]!.problem && !planned.request.rewrite && targets.get(planned.to) === 1 ? planned : undefined)),
      owned.owned,
      batched,
    );
    const chainEdits = chains.flatMap((chain) => chain?.edits ?? []);
    if (chainEdits.length > 0) {
      const left = byTarget(errorsAfter(chainEdits), new Set(this.planned.filter((_planned, index) => chains[index]).map((planned) => planned.to)));
      // An error outside every chained value could be any chain's: then none is offered.
      chains.forEach((chain, index) => {
        if (chain && left.unowned.length === 0 && !left.owned.has(this.planned[index]!.to)) offers[index] = { ...offers[index]!, proposal: chain };
      });
    }
    return offers;
  }
}

/** What a move creating `creates` beside its misspelt copy at `misspelt` would do, for its message. */
function besideMisspelt(creates: string, misspelt: string): string {
  const key = JSON.stringify(parsePointer(creates).at(-1));
  const written = JSON.stringify(parsePointer(misspelt).at(-1));
  return ` The ${key} it goes into is written ${written} in ${displayPath(misspelt.slice(0, misspelt.lastIndexOf("/")))}: rename that first, as moving it now would make a second ${key} and leave ${written} ignored.`;
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

/**
 * The errors (with `warnings`, the findings, errors first) of `after` that `before` does not have,
 * compared by rule and message (pointers move with a rename).
 */
function newFindings(before: readonly Finding[], after: readonly Finding[], warnings: boolean): Finding[] {
  const kept = (findings: readonly Finding[]) => (warnings ? [...errorsOf(findings), ...findings.filter((finding) => finding.severity !== "error")] : errorsOf(findings));
  const seen = new Map<string, number>();
  for (const finding of kept(before)) seen.set(finding.ruleId + "\u0000" + finding.message, (seen.get(finding.ruleId + "\u0000" + finding.message) ?? 0) + 1);
  return kept(after).filter((finding) => {
    const id = finding.ruleId + "\u0000" + finding.message;
    const count = seen.get(id) ?? 0;
    if (count > 0) seen.set(id, count - 1);
    return count === 0;
  });
}

function within(pointer: string, root: string): boolean {
  return pointer === root || pointer.startsWith(root + "/");
}

/** A rename, and the value under the old name rewritten on the way (negated, converted), as one fix. */
export function renameEdits(context: RuleContext, from: string, key: string, rewrite: RenameRequest["rewrite"]): TextEdit[] | undefined {
  const rename = context.source.renameKey(from, key);
  if (!rename || !rewrite) return rename;
  const replace = context.source.replaceValue(rewrite.pointer, rewrite.value);
  if (!replace) return undefined;
  const moved = effectOf(rename);
  return moved?.kind === "move" ? withEffect([...rename, ...replace], { ...moved, rewritten: true }) : undefined;
}

/** The findings under each of `targets` (a pointer at or above theirs), and those under none. */
function byTarget(findings: readonly Finding[], targets: ReadonlySet<string>): { owned: Map<string, Finding[]>; unowned: Finding[] } {
  const owned = new Map<string, Finding[]>();
  const unowned: Finding[] = [];
  for (const finding of findings) {
    let pointer = finding.pointer;
    while (pointer !== "" && !targets.has(pointer)) pointer = pointer.slice(0, pointer.lastIndexOf("/"));
    if (pointer === "") unowned.push(finding);
    else owned.set(pointer, [...(owned.get(pointer) ?? []), finding]);
  }
  return { owned, unowned };
}

/**
 * Each rename with the value's own fix (or its first suggestion) applied: when the value is a
 * scalar the other rule replaces, the two are one edit of the member. Safe only when both are.
 * The values are read from one text with every rename and value fix applied, parsed once.
 */
function chainedProposals(context: RuleContext, candidates: readonly (Planned | undefined)[], owned: ReadonlyMap<string, readonly Finding[]>, batched: readonly Planned[]): (FixProposal | undefined)[] {
  const valueFixes = candidates.map((planned) => {
    if (!planned) return undefined;
    const problem = owned.get(planned.to)?.[0];
    const valueFix = problem?.fix ?? problem?.suggestions?.[0];
    const effect = valueFix ? effectOf(valueFix.edits) : undefined;
    if (!valueFix || effect?.kind !== "replace" || !within(effect.pointer, planned.to)) return undefined;
    const written = getAt(context.root, parsePointer(planned.request.from));
    return typeof written === "object" && written !== null ? undefined : valueFix;
  });
  if (valueFixes.every((valueFix) => valueFix === undefined)) return candidates.map(() => undefined);
  // The other rules' edits are on the renamed text of the batch: applied there, they give the values.
  const renamed = applyEdits(context.source.text!, batched.flatMap((other) => other.edits!));
  const fixed = new TextDocumentSource(applyEdits(renamed, valueFixes.flatMap((valueFix) => valueFix?.edits ?? []))).root;
  return candidates.map((planned, index) => {
    const valueFix = valueFixes[index];
    if (!planned || !valueFix) return undefined;
    const { from, key } = planned.request;
    const value = getAt(fixed, parsePointer(planned.to));
    if (value === undefined || (typeof value === "object" && value !== null)) return undefined;
    const edits = renameEdits(context, from, key, { pointer: from, value });
    if (!edits || fitsAtHome(rootWith(context.root, from, value), from, planned.to) !== "fits") return undefined;
    const safety = planned.request.safety === "safe" && valueFix.safety === "safe" ? "safe" : "unsafe";
    return { title: `Replace with ${JSON.stringify(key)}: ${JSON.stringify(value)}`, safety, edits };
  });
}

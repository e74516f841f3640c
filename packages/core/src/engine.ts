import type { FixProposal, Report, Rule, RuleContext, SourceDocument, Target } from "./rule.js";
import type { Finding, Fix, LintConfig, RelatedLocation, Severity, TextEdit } from "./types.js";
import { collectSchemaErrors, type SchemaError } from "./schema/schema-errors.js";
import { TextDocumentSource } from "./source/document.js";
import { carriesCredential, findCredentials, redactPointer, redactText, spansCredential, withCredentials, withEarlier, type Credentials } from "./secrets.js";
import { escapeControls } from "./display.js";
import { DEFAULT_MAX_COUNT } from "./config.js";

function severityOf(rule: Rule, config: LintConfig, reported: Severity | undefined): Severity | undefined {
  const setting = config.rules?.[rule.meta.id];
  if (setting === "off") return undefined;
  if (setting === "warn") return "warning";
  if (setting === "error") return "error";
  return reported ?? rule.meta.defaultSeverity;
}

function isEnabled(rule: Rule, config: LintConfig): boolean {
  return config.rules?.[rule.meta.id] !== "off";
}

// The rules a config leaves on, per config object and rule list: a CLI run shares one config between
// thousands of files, and checking 26 settings per file is measurable while the JIT is still cold.
const enabledCache = new WeakMap<LintConfig, WeakMap<readonly Rule[], { all: readonly Rule[]; syntax: readonly Rule[] }>>();

function enabledRules(rules: readonly Rule[], config: LintConfig): { all: readonly Rule[]; syntax: readonly Rule[] } {
  let byRules = enabledCache.get(config);
  if (!byRules) {
    byRules = new WeakMap();
    enabledCache.set(config, byRules);
  }
  let enabled = byRules.get(rules);
  if (!enabled) {
    const all = rules.filter((rule) => isEnabled(rule, config));
    enabled = { all, syntax: all.filter((rule) => rule.meta.category === "syntax") };
    byRules.set(rules, enabled);
  }
  return enabled;
}

/** Fixes that carry a credential: kept only for `fix()`, which writes the file the credential is in. */
const credentialFixes = new WeakSet<Fix>();

/** The findings without the fixes that carry a credential (what every output gets). */
export function withoutCredentialFixes(findings: Finding[]): Finding[] {
  return findings.map((finding) => {
    const fix = finding.fix && credentialFixes.has(finding.fix) ? undefined : finding.fix;
    const suggestions = finding.suggestions?.filter((suggestion) => !credentialFixes.has(suggestion));
    if (fix === finding.fix && suggestions?.length === finding.suggestions?.length) return finding;
    const { fix: _fix, suggestions: _suggestions, ...rest } = finding;
    return { ...rest, ...(fix ? { fix } : {}), ...(suggestions && suggestions.length > 0 ? { suggestions } : {}) };
  });
}

/**
 * Findings one rule lists per file; the rest are counted in one summary finding. A generated file
 * with 100,000 mistakes of one kind is one mistake repeated: listing each would only make reports,
 * editors and memory grow with it.
 */
export const MAX_FINDINGS_PER_RULE = 1000;

/** 98999 -> "98,999" (toLocaleString would load the locale data on the first summary of a process). */
function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export interface RunOptions {
  /** Findings listed per rule before the rest become one summary (default {@link MAX_FINDINGS_PER_RULE}). */
  maxFindingsPerRule?: number;
  /** Keep fixes that carry a credential (for `fix()`, never for output). */
  keepCredentialFixes?: boolean;
  /** Credentials of the text `fix()` started from, masked too in the findings of its later passes. */
  earlierCredentials?: Credentials;
}

/**
 * Runs the enabled rules over one document and turns their reports into findings: severity from the
 * config, ranges from pointers. This is the core's output boundary for findings: credentials are
 * masked in messages, titles and pointers, control characters escaped, and a fix that would show a
 * credential (in its text, or between its edits) is dropped (see secrets.ts and docs/security.md).
 * A document that is not JSON at all only gets its syntax findings: rules on a guessed tree mislead.
 */
export function runRules(source: SourceDocument, rules: readonly Rule[], config: LintConfig, options: RunOptions = {}): Finding[] {
  const broken = source.syntaxProblems.some((problem) => problem.kind === "syntax" || problem.kind === "too-deep");
  const root = (source as { root?: unknown }).root;
  const textSource = source instanceof TextDocumentSource ? source : undefined;
  const own = findCredentials(root, textSource?.credentialSource());
  const credentials = options.earlierCredentials ? withEarlier(own, options.earlierCredentials) : own;
  return withCredentials(credentials, () => lintWith(source, rules, config, options, broken, root, textSource, credentials));
}

function lintWith(
  source: SourceDocument,
  rules: readonly Rule[],
  config: LintConfig,
  options: RunOptions,
  broken: boolean,
  root: unknown,
  textSource: TextDocumentSource | undefined,
  credentials: Credentials,
): Finding[] {
  const secret = credentials.values.length > 0;
  let schemaErrors: SchemaError[] | undefined;
  const findings: Finding[] = [];
  const text = (value: string) => escapeControls(redactText(value, credentials));
  const pointerOf = (pointer: string) => (secret ? redactPointer(pointer, credentials) : pointer);

  const locate = (pointer: string, target: Target | undefined) => textSource?.rangeOf(pointer, target ?? "value");

  const toFix = (proposal: FixProposal | undefined): Fix | undefined => {
    if (!proposal?.edits || proposal.edits.length === 0) return undefined;
    // An edit past the end of the text (a scanner's miscount) would be clamped differently by every editor.
    if (textSource && !proposal.edits.every((edit) => edit.offset >= 0 && edit.length >= 0 && edit.offset + edit.length <= textSource.text.length)) return undefined;
    const fix: Fix = { title: text(proposal.title), safety: proposal.safety, edits: proposal.edits };
    if (secret && carriesCredentialIn(proposal.edits, credentials)) {
      if (!options.keepCredentialFixes) return undefined;
      credentialFixes.add(fix);
    }
    return fix;
  };

  // One context for the document; `current` is the rule running, so reports know whose they are.
  let current: Rule = rules[0]!;
  // Past the cap a rule's reports are only counted; the first one left out places the summary.
  const cap = options.maxFindingsPerRule ?? MAX_FINDINGS_PER_RULE;
  let listed = 0;
  let omitted = 0;
  let firstOmitted: Report | undefined;
  let omittedSeverity: Severity = "warning";
  const context: RuleContext = {
    root,
    maxCount: config.maxCount ?? DEFAULT_MAX_COUNT,
    source,
    schemaErrors: () => (schemaErrors ??= collectSchemaErrors(root)),
    // Nested runs leave out the asking rule: its own finding is the one the fix removes. Always a
    // property (undefined without text), never spread in: every rule reads this object's fields, and
    // a literal with a spread gets a slower shape (10,000 varied files linted 20% slower).
    otherFindings: textSource
      ? (text: string) => runRules(new TextDocumentSource(text), rules.filter((rule) => rule !== current), config, { maxFindingsPerRule: Infinity, ...(options.earlierCredentials ? { earlierCredentials: options.earlierCredentials } : {}) })
      : undefined,
    report(report: Report) {
      const severity = severityOf(current, config, report.severity);
      if (!severity) return;
      if (listed >= cap) {
        omitted++;
        firstOmitted ??= report;
        if (severity === "error") omittedSeverity = "error";
        return;
      }
      listed++;
      const finding: Finding = {
        ruleId: current.meta.id,
        severity,
        message: text(report.message),
        pointer: pointerOf(report.pointer),
      };
      if (textSource) {
        finding.range = report.span
          ? textSource.lines.range(report.span.offset, report.span.length)
          : locate(report.pointer, report.target);
      }
      const fix = toFix(report.fix);
      if (fix) finding.fix = fix;
      const suggestions = report.suggestions?.map(toFix).filter((item): item is Fix => item !== undefined);
      if (suggestions && suggestions.length > 0) finding.suggestions = suggestions;
      if (report.related && report.related.length > 0) {
        finding.related = report.related.map((related): RelatedLocation => {
          const location: RelatedLocation = { pointer: pointerOf(related.pointer), message: text(related.message) };
          const range = locate(related.pointer, related.target);
          if (range) location.range = range;
          return location;
        });
      }
      findings.push(finding);
    },
  };

  const enabled = enabledRules(rules, config);
  for (const rule of broken ? enabled.syntax : enabled.all) {
    current = rule;
    listed = 0;
    omitted = 0;
    firstOmitted = undefined;
    omittedSeverity = "warning";
    try {
      rule.check(context);
      // (A cast: TypeScript cannot see that report() above assigns it during check().)
      const first = firstOmitted as Report | undefined;
      if (first) {
        const summary: Finding = {
          ruleId: rule.meta.id,
          severity: omittedSeverity,
          message: `...and ${thousands(omitted)} more ${rule.meta.id} ${omitted === 1 ? "finding" : "findings"} from here on: only the first ${thousands(cap)} of a rule are listed per file.`,
          pointer: pointerOf(first.pointer),
        };
        const range = !textSource ? undefined : first.span ? textSource.lines.range(first.span.offset, first.span.length) : locate(first.pointer, first.target);
        if (range) summary.range = range;
        findings.push(summary);
      }
    } catch (error) {
      // A rule bug must not take the whole lint down: say which rule failed, never the input.
      findings.push({
        ruleId: rule.meta.id,
        severity: "error",
        message: `Internal error in rule ${rule.meta.id}: ${error instanceof Error ? error.name : "unknown"}. Please report it.`,
        pointer: "",
        ...(textSource ? { range: textSource.lines.range(0, 0) } : {}),
      });
    }
  }
  return sortFindings(findings);
}

/**
 * Whether a fix would show a credential: in the text of an edit, or (for several edits) between its
 * first and last edit, where consumers such as ESLint's JSON format and an editor's "fix all" put the
 * file's own text.
 */
function carriesCredentialIn(edits: readonly TextEdit[], credentials: Credentials): boolean {
  if (edits.some((edit) => carriesCredential(edit.newText, credentials))) return true;
  if (edits.length < 2) return false;
  let start = Infinity;
  let end = 0;
  for (const edit of edits) {
    start = Math.min(start, edit.offset);
    end = Math.max(end, edit.offset + edit.length);
  }
  return spansCredential(start, end, credentials);
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.range?.start.offset ?? 0) - (b.range?.start.offset ?? 0) ||
      (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0) ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

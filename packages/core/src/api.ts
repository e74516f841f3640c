import type { Finding, LintConfig } from "./types.js";
import type { RuleMeta } from "./rule.js";
import type { BatchSessionRequest } from "./generated/request-types.js";
import { allRules } from "./rules/index.js";
import { MAX_FINDINGS_PER_RULE, runRules, withoutCredentialFixes } from "./engine.js";
import { TextDocumentSource, ValueSource } from "./source/document.js";
import { checkConfig, ConfigError } from "./config.js";
import type { MAX_FIX_PASSES } from "./fix.js";
import { runFixPasses } from "./fix-passes.js";
import { displayPath } from "./schema/schema-errors.js";
import { getAt, isObject } from "./rules/util.js";
import { carriesCredential, findCredentials, MASK, maskUserinfo, redactText, writtenCredentialSpans, type Credentials } from "./secrets.js";

const DOCS_BASE = "https://github.com/anchor-lint/anchor-lint/blob/main/docs/rules/";

/** The documentation page of a rule. */
export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

/** Metadata of every rule, sorted by id. */
export const rules: readonly (RuleMeta & { docsUrl: string })[] = allRules.map((rule) => ({ ...rule.meta, docsUrl: docsUrl(rule.meta.id) }));

export const ruleIds: readonly string[] = rules.map((rule) => rule.id);

export interface LintOptions {
  /** Rule settings and maxCount; checked with {@link resolveConfig} first when it comes from a user. */
  config?: LintConfig;
}

/**
 * Checks a config written by a user (`{ rules, maxCount }`) and returns it typed.
 * @throws {@link ConfigError} listing every mistake with its pointer ("did you mean ...?" for typos).
 */
export function resolveConfig(config: unknown, options: { extraKeys?: readonly string[] } = {}): LintConfig {
  return checkConfig(config, { ruleIds, ...(options.extraKeys ? { extraKeys: options.extraKeys } : {}) });
}

const checkedConfigs = new WeakMap<object, LintConfig>();

/** One object for "no config", so that what the engine derives from a config is derived once. */
const NO_CONFIG: LintConfig = {};

/** The config of the options, checked once per config object (a bad one throws ConfigError). */
function configOf(options: LintOptions): LintConfig {
  const config = options.config;
  if (config === undefined || config === null) return NO_CONFIG;
  if (typeof config !== "object" || config === null) return resolveConfig(config);
  let checked = checkedConfigs.get(config);
  if (!checked) {
    checked = resolveConfig(config);
    checkedConfigs.set(config, checked);
  }
  return checked;
}

/**
 * Lints the text of an `*.anchor.json` file. Never throws on any string: broken JSON becomes
 * `json-syntax` findings. Findings are sorted by position and carry 1-based ranges.
 * @throws {@link ConfigError} when `options.config` itself is invalid.
 */
export function lint(text: string, options: LintOptions = {}): Finding[] {
  const source = new TextDocumentSource(typeof text === "string" ? text : String(text));
  return runRules(source, allRules, configOf(options));
}

/**
 * Validates an in-memory request (for example built in code): findings carry pointers, no ranges.
 * What is checked is what `JSON.stringify` would send: own enumerable data, `toJSON` applied,
 * `undefined` members left out (an inherited `count` is not sent, so it is missing here too).
 */
export function validate(value: unknown, options: LintOptions = {}): Finding[] {
  return runRules(new ValueSource(asSent(value)), allRules, configOf(options));
}

/** The value as the request body would carry it; a value JSON cannot carry (a cycle) is checked as is. */
function asSent(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  try {
    const json = JSON.stringify(value);
    return json === undefined ? undefined : JSON.parse(json);
  } catch {
    return value;
  }
}

/** Thrown by {@link preflight} and {@link load}: the request would fail, or has problems; `findings` says why. */
export class PreflightError extends Error {
  constructor(readonly findings: readonly Finding[]) {
    super(formatFindings(findings));
    this.name = "PreflightError";
  }
}

function formatFindings(findings: readonly Finding[]): string {
  const errors = findings.filter((finding) => finding.severity === "error").length;
  const lines = findings.map((finding) => {
    const where = finding.range ? `${finding.range.start.line}:${finding.range.start.column} ` : "";
    return `  ${where}${finding.pointer || "/"} ${finding.severity}: ${finding.message} [${finding.ruleId}]`;
  });
  return `The batch-session request has ${errors} ${errors === 1 ? "error" : "errors"}:\n${lines.join("\n")}`;
}

/**
 * Checks a request before it is sent to `POST /v1/batch-sessions` and returns it typed.
 * Messages use the API's own wording where it has one ("Session count must be between 1 and 1000").
 * @throws {@link PreflightError} when any finding is an error; its message lists every finding.
 */
export function preflight(value: unknown, options: LintOptions = {}): BatchSessionRequest {
  const findings = validate(value, options);
  if (findings.some((finding) => finding.severity === "error")) throw new PreflightError(findings);
  return value as BatchSessionRequest;
}

export interface FixOptions extends LintOptions {
  /** Also apply fixes marked unsafe (they change behaviour). */
  unsafe?: boolean;
  /** Only fix findings of these rules. */
  rules?: readonly string[];
}

export interface FixResult {
  output: string;
  changed: boolean;
  /** Number of fixes applied over all passes. */
  applied: number;
  /** Findings that remain in `output`. */
  findings: Finding[];
}

/**
 * Applies fixes until none applies (at most {@link MAX_FIX_PASSES} passes), keeping the promises of
 * docs/fixes.md: the output parses when the input did, nothing the user wrote is lost (moved and
 * renamed values keep their text), a pass never raises the number of errors, and fixes that touch
 * the same place in the document are applied in separate passes, linted in between.
 */
export function fix(text: string, options: FixOptions = {}): FixResult {
  const config = configOf(options);
  // Fixes that carry a credential (moving a misplaced proxy) are applied here, where their text
  // only goes into the file that holds the credential already; the findings returned never carry them.
  // A fix can remove a credential (a placeholder for the password) and leave a copy of it elsewhere:
  // later passes mask what the original text held too.
  const original = new TextDocumentSource(text);
  const earlierCredentials = findCredentials(original.root);
  // Uncapped while fixing: one pass fixes every finding, not the first 1,000 of each rule.
  const lintForFix = (input: string) =>
    runRules(input === text ? original : new TextDocumentSource(input), allRules, config, { keepCredentialFixes: true, earlierCredentials, maxFindingsPerRule: Infinity });
  const result = runFixPasses(text, lintForFix, options);
  // What remains is reported as lint() reports it (capped); most outputs are far below the cap.
  const findings = result.findings.length > MAX_FINDINGS_PER_RULE ? runRules(new TextDocumentSource(result.output), allRules, config, { keepCredentialFixes: true, earlierCredentials }) : result.findings;
  return { output: result.output, changed: result.output !== text, applied: result.applied, findings: withoutCredentialFixes(findings) };
}

export interface LoadOptions extends LintOptions {
  /** Where `${env:NAME}` placeholders in custom proxy credentials are looked up (e.g. `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
}

const PLACEHOLDER = /^\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}$/;

/**
 * Parses the text of a config, checks it, and resolves `${env:NAME}` placeholders in the custom
 * proxy's username and password, so credentials can stay out of the repository. A top-level
 * `$schema` (the editor's hint) is left out of the request.
 * @throws {@link PreflightError} on any error finding or an unset variable (the value is never shown).
 */
export function load(text: string, options: LoadOptions = {}): BatchSessionRequest {
  const findings = lint(text, options);
  if (findings.some((finding) => finding.severity === "error")) throw new PreflightError(findings);
  const source = new TextDocumentSource(text);
  const request = source.root as BatchSessionRequest;
  // `$schema` is for editors (docs/spec-decisions.md); the API does not document it, so it is not sent.
  if (isObject(request) && Object.prototype.hasOwnProperty.call(request, "$schema")) delete (request as { $schema?: string }).$schema;
  const proxy = getAt(request, ["configuration", "session", "proxy"]);
  if (isObject(proxy)) {
    const missing: Finding[] = [];
    for (const key of ["username", "password"]) {
      const value = proxy[key];
      const match = typeof value === "string" ? PLACEHOLDER.exec(value) : null;
      if (!match) continue;
      const resolved = options.env?.[match[1]!];
      const pointer = `/configuration/session/proxy/${key}`;
      if (resolved === undefined) {
        missing.push({
          ruleId: "no-plaintext-proxy-credentials",
          severity: "error",
          message: `Environment variable ${match[1]} is not set; ${displayPath(pointer)} refers to it.`,
          pointer,
          range: source.rangeOf(pointer, "value"),
        });
      } else {
        proxy[key] = resolved;
      }
    }
    if (missing.length > 0) throw new PreflightError(missing);
  }
  return request;
}

export { ConfigError };

/**
 * The text with every credential (docs/security.md: each `username` and `password` value anywhere,
 * and the userinfo of URLs, and any copy of them) replaced by `"****"`, for printing a config (a fixed text in a report,
 * say) without its credentials. Placeholders like `${env:NAME}` are not secrets and stay.
 */
export function redactCredentials(text: string): string {
  const source = new TextDocumentSource(text);
  const credentials = findCredentials(source.root, source.credentialSource());
  // The spans as written, escapes included: a search for the decoded value could miss them. Joined
  // in one pass: a copy of the text per span made 8,000 passwords take seconds.
  // A text that is not JSON also writes credentials no parsed value holds (in single quotes, bare,
  // with a leading zero, broken over a line): masked where they are written, as messages withhold them.
  const broken = source.syntaxProblems.some((problem) => problem.kind === "syntax");
  const spans = [...credentials.spans, ...(broken ? writtenCredentialSpans(text) : [])].sort((a, b) => a.offset - b.offset || b.length - a.length);
  const parts: string[] = [];
  let copied = 0;
  for (const span of spans) {
    const end = span.offset + span.length;
    if (end <= copied) continue; // the same value reached twice
    // A span that starts inside one already masked masks the rest of it too.
    parts.push(span.offset < copied ? "" : text.slice(copied, span.offset), span.offset < copied ? "" : '"****"');
    copied = end;
  }
  parts.push(text.slice(copied));
  const output = withEscapedCopiesMasked(parts.join(""), credentials);
  // Copies elsewhere (a tag, a key equal to the password) are masked as in messages.
  return redactText(maskUserinfo(output), credentials);
}

/**
 * Copies of a credential written with escapes of their own (`"P\\u0077-Mixed"` in a tag, for the
 * password `Pw-Mixed`), which no written form of the credential matches: any JSON reader decodes
 * them. The strings with a backslash are decoded, masked together in one pass (one per string
 * would cost strings times credentials), and written again where masking changed them.
 */
function withEscapedCopiesMasked(text: string, credentials: Credentials): string {
  if (credentials.values.length === 0 || !text.includes("\\")) return text;
  const tokens: { offset: number; length: number; decoded: string }[] = [];
  for (const match of text.matchAll(/"(?:[^"\\\n]|\\.)*"/g)) {
    if (!match[0].includes("\\")) continue;
    try {
      const decoded: unknown = JSON.parse(match[0]);
      if (typeof decoded === "string") tokens.push({ offset: match.index!, length: match[0].length, decoded });
    } catch {
      // Not a JSON string (a lone escape): the other passes see it as written.
    }
  }
  if (tokens.length === 0) return text;
  // Each decoded string written again as JSON, so that a short credential's quoted form matches; a
  // NUL, which JSON writes escaped, cannot occur in them and separates them.
  const written = tokens.map((token) => JSON.stringify(token.decoded));
  const masked = redactText(written.join("\u0000"), credentials).split("\u0000");
  const parts: string[] = [];
  let copied = 0;
  tokens.forEach((token, index) => {
    if (masked[index] === written[index]) return;
    parts.push(text.slice(copied, token.offset), masked[index] ?? `"${MASK}"`);
    copied = token.offset + token.length;
  });
  parts.push(text.slice(copied));
  return parts.join("");
}

/**
 * Whether sending or printing `newText` as an edit of `text` would show one of its credentials (an
 * edit an editor composes itself, such as one "fix all" edit spanning several fixes, with the file's
 * own text between them). Fixes in findings never do: the engine drops those that would.
 */
export function showsCredential(text: string, newText: string): boolean {
  const source = new TextDocumentSource(text);
  return carriesCredential(newText, findCredentials(source.root, source.credentialSource()));
}

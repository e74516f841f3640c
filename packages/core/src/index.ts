/**
 * @anchor-lint/core: checks Anchor Browser batch-session requests (`POST /v1/batch-sessions`)
 * before they cost a failed API call. Runs in Node and in browsers.
 */
export { lint, validate, preflight, fix, load, redactCredentials, showsCredential, rules, ruleIds, docsUrl, resolveConfig, PreflightError, ConfigError } from "./api.js";
export type { LintOptions, FixOptions, FixResult, LoadOptions } from "./api.js";
export type { Finding, Fix, TextEdit, Position, SourceRange, RelatedLocation, Severity, LintConfig, RuleSetting } from "./types.js";
export type { RuleMeta } from "./rule.js";
export type * from "./generated/request-types.js";
export { DEFAULT_MAX_COUNT } from "./config.js";
export { MAX_FINDINGS_PER_RULE } from "./engine.js";
export { escapeControls, escapeJsonControls } from "./display.js";
export { jsonSyntaxError, type JsonSyntaxError } from "./source/parse.js";
/** The closest of `candidates` to a mistyped word, as every "did you mean" of the rules and config checks picks it. */
export { didYouMean } from "./rules/util.js";
export { countryCodesByProxyType, anchorProxyTypes, defaultProxyType } from "./generated/countries.js";
export { propertyDocs, type PropertyDoc } from "./generated/property-docs.js";
import { requestSchema as schema } from "./generated/validate-request.js";

/** JSON Schema (draft-07) of the request body, with the spec's traps resolved (see docs/spec-decisions.md). */
export const requestSchema: Readonly<Record<string, unknown>> = schema;
export * from "./language/index.js";

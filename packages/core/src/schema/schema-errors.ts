import validateRequest from "../generated/validate-request.js";
import { isObject, parsePointer } from "../rules/util.js";

/** One ajv error, reduced to what the schema rules need. */
export interface SchemaError {
  keyword: string;
  /** Pointer of the instance the error is about (ajv's instancePath). */
  pointer: string;
  params: Record<string, unknown>;
  schemaPath: string;
}

/**
 * Keywords whose errors are not shown as such: `if` only says a branch failed (its `then`/`else`
 * errors say why); ranges (`minimum`, `maximum`, `anyOf` of `-1` or positive, `const`, `not`) are
 * checked by count-range and number-range, which know the API's wording and the "-1 = no limit" rule.
 */
const HIDDEN_KEYWORDS = new Set(["if", "then", "else", "anyOf", "oneOf", "allOf", "not", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"]);

const PROXY_TYPE_POINTER = /^\/configuration\/session\/proxy\/type$/;
const COUNTRY_POINTER = /^\/configuration\/session\/proxy\/country_code$/;

/**
 * Runs the precompiled validator once and collapses its cascades into the errors a user made.
 * A proxy is dispatched on its `type`: when the type itself is wrong, the branch chosen for it is a
 * guess, so its required/unknown-key errors would only repeat the same mistake.
 */
export function collectSchemaErrors(root: unknown): SchemaError[] {
  if (validateRequest(root)) return [];
  // Plain loops: this runs for every file with a mistake and again for each fix that is tried.
  const errors = validateRequest.errors ?? [];
  let proxyTypeIsWrong = false;
  for (const error of errors) {
    if (error.keyword === "enum" && PROXY_TYPE_POINTER.test(error.instancePath)) proxyTypeIsWrong = true;
  }
  const seen = new Set<string>();
  const result: SchemaError[] = [];
  for (const error of errors) {
    const keyword = error.keyword;
    const pointer = error.instancePath;
    if (HIDDEN_KEYWORDS.has(keyword)) continue;
    // Country codes depend on the proxy type: proxy-country reports them with the per-type lists.
    if (keyword === "enum" && COUNTRY_POINTER.test(pointer)) continue;
    if (proxyTypeIsWrong && pointer === "/configuration/session/proxy" && keyword !== "type") continue;
    const params = (error.params ?? {}) as Record<string, unknown>;
    const key = `${keyword}\u0000${pointer}\u0000${JSON.stringify(params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ keyword, pointer, params, schemaPath: error.schemaPath });
  }
  return result;
}

/** Schema path pattern of a pointer: array indices become `*`, as in the generated property docs. */
export function patternOf(root: unknown, pointer: string): string {
  let current: unknown = root;
  let pattern = "";
  for (const segment of parsePointer(pointer)) {
    if (Array.isArray(current)) {
      pattern += "/*";
      current = current[Number(segment)];
    } else {
      pattern += "/" + segment;
      current = isObject(current) && Object.prototype.hasOwnProperty.call(current, segment) ? current[segment] : undefined;
    }
  }
  return pattern;
}

/** `configuration.integrations[0].configuration` for messages; "the request" for the root. */
export function displayPath(pointer: string): string {
  if (pointer === "") return "the request";
  let text = "";
  for (const segment of parsePointer(pointer)) {
    if (/^(0|[1-9][0-9]*)$/.test(segment)) text += `[${segment}]`;
    else text += (text ? "." : "") + segment;
  }
  return text;
}

/** Last segment of a pointer, for messages about one property. */
export function propertyName(pointer: string): string {
  const segments = parsePointer(pointer);
  return segments[segments.length - 1] ?? "";
}

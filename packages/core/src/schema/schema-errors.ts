import validateRequest from "../generated/validate-request.js";
import { guessEnum } from "./enum-guess.js";
import { docOf } from "./property-info.js";
import { getAt, isObject, parsePointer } from "../rules/util.js";

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

const PROXY = "/configuration/session/proxy";
const PROXY_TYPE = `${PROXY}/type`;
/** The schema's branch for Anchor proxies, the one a proxy of an unknown type is validated against. */
const PROXY_SCHEMA_PATH = "#/properties/configuration/properties/session/properties/proxy/else";
const COUNTRY_POINTER = /^\/configuration\/session\/proxy\/country_code$/;

type AjvError = NonNullable<typeof validateRequest.errors>[number];

/**
 * Runs the precompiled validator once and collapses its cascades into the errors a user made.
 * A proxy is dispatched on its `type`: when the type itself is wrong, the branch the validator
 * chose for it (the Anchor one) says nothing about the rest; see {@link wrongTypeProxyErrors}.
 */
export function collectSchemaErrors(root: unknown): SchemaError[] {
  if (validateRequest(root)) return [];
  // Plain loops: this runs for every file with a mistake and again for each fix that is tried.
  let errors: readonly AjvError[] = validateRequest.errors ?? [];
  let proxyTypeIsWrong = false;
  for (const error of errors) {
    if (error.keyword === "enum" && error.instancePath === PROXY_TYPE) proxyTypeIsWrong = true;
  }
  if (proxyTypeIsWrong) {
    const within = (error: AjvError) => error.instancePath === PROXY || (error.instancePath.startsWith(PROXY + "/") && error.instancePath !== PROXY_TYPE);
    errors = [...errors.filter((error) => !within(error)), ...wrongTypeProxyErrors(root).filter(within)];
  }
  const seen = new Set<string>();
  const result: SchemaError[] = [];
  for (const error of errors) {
    const keyword = error.keyword;
    const pointer = error.instancePath;
    if (HIDDEN_KEYWORDS.has(keyword)) continue;
    // Country codes depend on the proxy type: proxy-country reports them with the per-type lists.
    if (keyword === "enum" && COUNTRY_POINTER.test(pointer)) continue;
    const params = (error.params ?? {}) as Record<string, unknown>;
    const key = `${keyword}\u0000${pointer}\u0000${JSON.stringify(params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ keyword, pointer, params, schemaPath: error.schemaPath });
  }
  return result;
}

/**
 * The errors of a proxy whose `type` is not a known one, as they would be for the type valid-enum
 * suggests, or, with no suggestion, those every type agrees on. Either way only what is wrong
 * whatever type was meant: a key no proxy type knows (`country`, `foo`), a value of the wrong
 * type, a key every type requires (`active`). A key of another proxy type, or one only the
 * guessed type requires (a custom proxy's `username` for `"type": "socks5"`), would repeat the
 * type's own mistake, which valid-enum reports.
 */
function wrongTypeProxyErrors(root: unknown): AjvError[] {
  const proxy = getAt(root, ["configuration", "session", "proxy"]);
  if (!isObject(root) || !isObject(proxy)) return [];
  const types = docOf(PROXY_TYPE)?.enum?.map(String) ?? [];
  const keys = new Set(docOf(PROXY)?.children ?? []);
  // A key no proxy type knows is wrong whatever the type: it is reported once, from the proxy as
  // written, and left out of the proxy validated per type, so that a proxy with thousands of
  // unknown keys is not validated, and its errors compared, once per type (seconds at 100 KB).
  const unknown = Object.keys(proxy).filter((key) => !keys.has(key));
  const known: Record<string, unknown> = {};
  for (const key of Object.keys(proxy)) if (keys.has(key)) known[key] = proxy[key];
  const byType = new Map<string, AjvError[]>();
  for (const type of types) {
    // Only the proxy's errors are kept (see collectSchemaErrors), and every condition on a proxy is
    // inside its own schema: the proxy alone is validated, not the whole request once per type.
    const candidate = { count: 1, configuration: { session: { proxy: { ...known, type } } } };
    byType.set(type, validateRequest(candidate) ? [] : [...(validateRequest.errors ?? [])]);
  }
  const keyOf = (error: AjvError) => `${error.keyword}\u0000${error.instancePath}\u0000${JSON.stringify(error.params)}`;
  const counts = new Map<string, number>();
  for (const errors of byType.values()) for (const key of new Set(errors.map(keyOf))) counts.set(key, (counts.get(key) ?? 0) + 1);
  const everyType = (error: AjvError) => counts.get(keyOf(error)) === types.length;
  const guess = guessEnum(PROXY_TYPE, proxy.type, types).guess;
  const errors = guess === undefined ? (byType.get(types[0]!) ?? []).filter(everyType) : (byType.get(guess) ?? []);
  const kept = errors.filter((error) => {
    if (error.keyword === "required") return everyType(error);
    return error.keyword !== "additionalProperties";
  });
  const schemaPath = `${PROXY_SCHEMA_PATH}/additionalProperties`;
  return [...kept, ...unknown.map((key): AjvError => ({ instancePath: PROXY, schemaPath, keyword: "additionalProperties", params: { additionalProperty: key }, message: "must NOT have additional properties" }))];
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

/**
 * `configuration.integrations[0].configuration` for messages; "the request" for the root. A key
 * that is no plain name is quoted in brackets (`site_selectors["shop.example.com"]`), so that a
 * host name's dots do not read as more levels.
 */
export function displayPath(pointer: string): string {
  if (pointer === "") return "the request";
  let text = "";
  for (const segment of parsePointer(pointer)) {
    if (/^(0|[1-9][0-9]*)$/.test(segment)) text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) text += (text ? "." : "") + segment;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** Last segment of a pointer, for messages about one property. */
export function propertyName(pointer: string): string {
  const segments = parsePointer(pointer);
  return segments[segments.length - 1] ?? "";
}

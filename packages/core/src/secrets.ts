import { getAt, isObject } from "./rules/util.js";

/** Pointers whose values are secrets: never quoted in messages. */
export const SECRET_POINTERS: ReadonlySet<string> = new Set([
  "/configuration/session/proxy/username",
  "/configuration/session/proxy/password",
]);

export function isSecretPointer(pointer: string): boolean {
  return SECRET_POINTERS.has(pointer);
}

/** The custom proxy credentials written in a request, to scrub them from any output. */
export function secretValues(root: unknown): string[] {
  const proxy = getAt(root, ["configuration", "session", "proxy"]);
  if (!isObject(proxy)) return [];
  const values: string[] = [];
  for (const key of ["username", "password"]) {
    const value = proxy[key];
    if (typeof value === "string" && value.length > 0) values.push(value);
  }
  return values;
}

const MASK = "****";

/**
 * Whether a secret is distinctive enough to scrub wherever it appears. Rules never quote secrets;
 * this is the safety net, and scrubbing a password like "proxy" from "The proxy password ..." would
 * garble every message, so plain words and short values are only scrubbed as whole JSON strings.
 */
function scrubAnywhere(secret: string): boolean {
  return secret.length >= 6 && !/^[a-z]+$/i.test(secret);
}

/** Replaces secrets in a text (see scrubAnywhere for where). */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (scrubAnywhere(secret)) result = result.split(secret).join(MASK);
    result = result.split(JSON.stringify(secret)).join(JSON.stringify(MASK));
  }
  return result;
}

export function containsSecret(text: string, secrets: readonly string[]): boolean {
  return secrets.some((secret) => (scrubAnywhere(secret) ? text.includes(secret) : text.includes(JSON.stringify(secret))));
}

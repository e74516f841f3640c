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
 * Replaces secrets in a text. Long secrets are replaced wherever they occur; short ones only as a
 * whole JSON string, since scrubbing every "a" from a message would make it unreadable.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 4) result = result.split(secret).join(MASK);
    result = result.split(JSON.stringify(secret)).join(JSON.stringify(MASK));
  }
  return result;
}

export function containsSecret(text: string, secrets: readonly string[]): boolean {
  return secrets.some((secret) => (secret.length >= 4 ? text.includes(secret) : text.includes(JSON.stringify(secret))));
}

/**
 * A proxy written where the API ignores it (`configuration.browser.proxy`, or at the top level)
 * while the CAPTCHA solver, which needs one, is on and the session has none: one mistake, whose
 * consequence is an error (the API rejects the request). captcha-requires-proxy reports it, with the
 * move as its fix, and known-property leaves that key, as required-property and known-property share
 * a misplaced required key (moves.ts).
 */
import type { SchemaError } from "./schema-errors.js";
import { getAt, isObject, parsePointer } from "../rules/util.js";

export const PROXY_HOME = "/configuration/session/proxy";

/** The pointer of that proxy, or undefined when the solver is off, the session has a proxy, or none is written elsewhere. */
export function proxyTheSolverNeeds(root: unknown, errors: readonly SchemaError[]): string | undefined {
  if (errors.length === 0) return undefined;
  if (getAt(root, ["configuration", "browser", "captcha_solver", "active"]) !== true) return undefined;
  const session = getAt(root, ["configuration", "session"]);
  if (session !== undefined && !isObject(session)) return undefined;
  if (isObject(session) && Object.prototype.hasOwnProperty.call(session, "proxy")) return undefined;
  for (const error of errors) {
    if (error.keyword !== "additionalProperties" || error.params.additionalProperty !== "proxy") continue;
    const pointer = `${error.pointer}/proxy`;
    const proxy = getAt(root, parsePointer(pointer));
    // Only a proxy that is on answers the solver where it belongs; one without `active` is two
    // mistakes (its place, and the missing key required-property will name once it is there).
    if (isObject(proxy) && proxy["active"] === true) return pointer;
  }
  return undefined;
}

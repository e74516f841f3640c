import { defineRule } from "../rule.js";
import { getAt, isObject } from "./util.js";

const SESSION = ["configuration", "session"] as const;

export default defineRule({
  meta: {
    id: "captcha-requires-proxy",
    description: "The CAPTCHA solver is turned on while no proxy is active; the API rejects such a request.",
    defaultSeverity: "error",
    fixable: false,
    category: "semantic",
  },
  check(context) {
    if (getAt(context.root, ["configuration", "browser", "captcha_solver", "active"]) !== true) return;
    const session = getAt(context.root, SESSION);
    // A session (or proxy, or its `active`) of the wrong type is valid-type's finding; one finding per mistake.
    if (session !== undefined && !isObject(session)) return;
    const proxy = getAt(context.root, [...SESSION, "proxy"]);
    let related: { pointer: string; message: string };
    if (proxy === undefined) {
      // Without a session object there is nothing closer to point at than the configuration itself.
      related = isObject(session)
        ? { pointer: "/configuration/session", message: "No proxy is configured here; add a proxy with \"active\": true." }
        : { pointer: "/configuration", message: "No proxy is configured; add session.proxy with \"active\": true." };
    } else {
      if (!isObject(proxy)) return;
      const active = proxy["active"];
      // A missing `active` is one mistake: required-property reports it, pointing back at the solver.
      if (active !== false) return;
      related = { pointer: "/configuration/session/proxy/active", message: "The proxy is turned off here." };
    }
    context.report({
      pointer: "/configuration/browser/captcha_solver/active",
      // The API's own 400 wording, so that users can match what they saw.
      message: "CAPTCHA solver requires proxy to be active",
      related: [related],
    });
  },
});

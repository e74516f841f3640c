import { defineRule, type RuleContext } from "../rule.js";
import { fitsAtHome, movesSafely, moveTitle, placeOfPointer } from "../schema/moves.js";
import { PROXY_HOME, proxyTheSolverNeeds } from "../schema/misplaced-proxy.js";
import { RenameBatch } from "../schema/renames.js";
import { getAt, isObject } from "./util.js";

const SESSION = ["configuration", "session"] as const;

export default defineRule({
  meta: {
    id: "captcha-requires-proxy",
    description: "The CAPTCHA solver is turned on while no proxy is active; the API rejects such a request.",
    defaultSeverity: "error",
    fixable: "safe",
    category: "semantic",
  },
  check(context) {
    if (getAt(context.root, ["configuration", "browser", "captcha_solver", "active"]) !== true) return;
    const session = getAt(context.root, SESSION);
    // A session (or proxy, or its `active`) of the wrong type is valid-type's finding; one finding per mistake.
    if (session !== undefined && !isObject(session)) return;
    const proxy = getAt(context.root, [...SESSION, "proxy"]);
    let related: { pointer: string; message: string };
    const misplaced = proxy === undefined ? proxyTheSolverNeeds(context.root, context.schemaErrors()) : undefined;
    if (misplaced !== undefined) {
      reportMisplaced(context, misplaced);
      return;
    }
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

/** The solver's error, with the proxy the user wrote in the wrong place moved home as its fix. */
function reportMisplaced(context: RuleContext, pointer: string): void {
  const parent = pointer.slice(0, pointer.lastIndexOf("/"));
  const fits = fitsAtHome(context.root, pointer, PROXY_HOME) === "fits";
  const move = { title: moveTitle("proxy", PROXY_HOME), edits: context.source.moveProperty(pointer, PROXY_HOME) };
  // RenameBatch checks the move against the other rules: safe only when no other error comes with it.
  const batch = new RenameBatch(context);
  batch.move({
    pointer: "/configuration/browser/captcha_solver/active",
    message: `CAPTCHA solver requires proxy to be active: the proxy is written ${placeOfPointer(pointer)}, where the API ignores it; it belongs under configuration.session.`,
    related: [{ pointer, target: "key", message: "This proxy is ignored here; it belongs under configuration.session." }],
    ...(fits && movesSafely(parent, "proxy") ? { fix: { ...move, safety: "safe" as const } } : {}),
    ...(fits && !movesSafely(parent, "proxy") ? { suggestions: [{ ...move, safety: "unsafe" as const }] } : {}),
  });
  batch.flush();
}

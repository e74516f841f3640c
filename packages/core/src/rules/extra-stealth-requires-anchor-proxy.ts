import { defineRule } from "../rule.js";
import { anchorProxyTypes, defaultProxyType } from "../generated/countries.js";
import { getAt, isObject } from "./util.js";

const ANCHOR_TYPES: ReadonlySet<string> = new Set(anchorProxyTypes);
const PROXY = "/configuration/session/proxy";

export default defineRule({
  meta: {
    id: "extra-stealth-requires-anchor-proxy",
    description: "Extra stealth is turned on without an active Anchor proxy; extra stealth works only with an Anchor proxy.",
    defaultSeverity: "warning",
    fixable: false,
    category: "semantic",
  },
  check(context) {
    if (getAt(context.root, ["configuration", "browser", "extra_stealth", "active"]) !== true) return;
    const session = getAt(context.root, ["configuration", "session"]);
    // Wrong types and unknown proxy types are the schema rules' findings; one finding per mistake.
    if (session !== undefined && !isObject(session)) return;
    const proxy = isObject(session) ? session["proxy"] : undefined;
    let reason: string;
    let related: { pointer: string; message: string };
    if (proxy === undefined) {
      reason = "no proxy is configured";
      related = isObject(session)
        ? { pointer: "/configuration/session", message: "No proxy is configured here." }
        : { pointer: "/configuration", message: "No proxy is configured." };
    } else {
      if (!isObject(proxy)) return;
      // The API's documented default: a proxy without a type is an Anchor proxy.
      const type = proxy["type"] === undefined ? defaultProxyType : proxy["type"];
      const active = proxy["active"];
      if (typeof type !== "string") return;
      if (active !== undefined && typeof active !== "boolean") return;
      if (type === "custom") {
        reason = "the proxy is a custom proxy";
        related = { pointer: `${PROXY}/type`, message: "The proxy is a custom proxy here." };
      } else if (!ANCHOR_TYPES.has(type)) {
        return;
      } else if (active === false) {
        reason = "the proxy is not active";
        related = { pointer: `${PROXY}/active`, message: "The proxy is turned off here." };
      } else {
        // Active, or `active` missing: that is required-property's one finding, pointing back here.
        return;
      }
    }
    context.report({
      pointer: "/configuration/browser/extra_stealth/active",
      message:
        `Extra stealth works only with an active Anchor proxy, but ${reason}; ` +
        `turn on an Anchor proxy (${anchorProxyTypes.join(", ")}) or turn extra stealth off.`,
      related: [related],
    });
  },
});

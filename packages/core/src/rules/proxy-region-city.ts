import { defineRule } from "../rule.js";
import { anchorProxyTypes, defaultProxyType } from "../generated/countries.js";
import { getAt, isObject } from "./util.js";

const PROXY = "/configuration/session/proxy";

export default defineRule({
  meta: {
    id: "proxy-region-city",
    description: "Proxy region and city work only with anchor_proxy, and a city needs a region.",
    defaultSeverity: "error",
    fixable: false,
    category: "semantic",
  },
  check(context) {
    const proxy = getAt(context.root, ["configuration", "session", "proxy"]);
    if (!isObject(proxy)) return;
    const type = proxy["type"] === undefined ? defaultProxyType : proxy["type"];
    // A custom proxy has neither key (known-property reports them) and an unknown type is valid-enum's finding.
    if (typeof type !== "string" || !(anchorProxyTypes as readonly string[]).includes(type)) return;
    const region = proxy["region"];
    const city = proxy["city"];
    const typeRelated = { pointer: `${PROXY}/type`, message: `The proxy type is ${type} here.` };

    if (type !== defaultProxyType) {
      // A city asks for a precision these types cannot give, while a stray region only goes unused: hence
      // the two gravities. With the type wrong, a missing region is beside the point.
      if (typeof region === "string") {
        context.report({
          pointer: `${PROXY}/region`,
          severity: "warning",
          message: `"region" works only with ${defaultProxyType}; an ${type} proxy does not use it.`,
          related: [typeRelated],
        });
      }
      if (typeof city === "string") {
        context.report({
          pointer: `${PROXY}/city`,
          severity: "error",
          message: `"city" works only with ${defaultProxyType}; an ${type} proxy cannot target a city.`,
          related: [typeRelated],
        });
      }
      return;
    }

    // A region of the wrong type is valid-type's finding; only a missing region leaves the city ignored.
    if (typeof city === "string" && region === undefined) {
      context.report({
        pointer: `${PROXY}/city`,
        severity: "warning",
        message: `"city" is ignored without "region"; add the region the city is in, or drop the city.`,
        related: [{ pointer: PROXY, message: "This proxy has no region." }],
      });
    }
  },
});

import { defineRule } from "../rule.js";
import { docOf } from "../schema/property-info.js";
import { getAt } from "./util.js";

/** The spec's default (`false`: headful). */
const HEADLESS_DEFAULT = docOf("/configuration/browser/headless/active")?.default;

export default defineRule({
  meta: {
    id: "one-time-url-requires-headful",
    description: "A one-time live view URL is requested for a headless browser; one-time URLs require a headful browser.",
    defaultSeverity: "warning",
    fixable: false,
    category: "semantic",
  },
  check(context) {
    const root = context.root;
    // Only a one-time URL the user asked for can be made pointless; headless counts as its default
    // (off) when not written, so only an explicit `true` conflicts.
    if (getAt(root, ["configuration", "session", "live_view", "one_time_url"]) !== true) return;
    if ((getAt(root, ["configuration", "browser", "headless", "active"]) ?? HEADLESS_DEFAULT) !== true) return;
    context.report({
      pointer: "/configuration/session/live_view/one_time_url",
      message:
        "one_time_url requires a headful browser, but headless is on; " +
        "set browser.headless.active to false or drop one_time_url.",
      related: [{ pointer: "/configuration/browser/headless/active", message: "the browser is made headless here" }],
    });
  },
});

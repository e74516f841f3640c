import { defineRule } from "../rule.js";
import { getAt } from "./util.js";

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
    // headless defaults to off, so only an explicit `true` conflicts.
    if (getAt(root, ["configuration", "session", "live_view", "one_time_url"]) !== true) return;
    if (getAt(root, ["configuration", "browser", "headless", "active"]) !== true) return;
    context.report({
      pointer: "/configuration/session/live_view/one_time_url",
      message:
        "one_time_url requires a headful browser, but headless is on; " +
        "set browser.headless.active to false or drop one_time_url.",
      related: [{ pointer: "/configuration/browser/headless/active", message: "the browser is made headless here" }],
    });
  },
});

import { defineRule } from "../rule.js";
import { getAt } from "./util.js";

export default defineRule({
  meta: {
    id: "no-disable-web-security",
    description: "Web security (same-origin policy and CORS) is disabled for the browser sessions.",
    defaultSeverity: "warning",
    fixable: false,
    category: "semantic",
  },
  check(context) {
    if (getAt(context.root, ["configuration", "browser", "disable_web_security", "active"]) !== true) return;
    context.report({
      pointer: "/configuration/browser/disable_web_security/active",
      message:
        "disable_web_security turns off the same-origin policy and CORS: any page the session opens can read " +
        "responses from every other site, including ones the session is signed in to. " +
        "Keep it off unless the task needs cross-origin frames or requests.",
    });
  },
});

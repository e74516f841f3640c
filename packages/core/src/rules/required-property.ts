import { defineRule } from "../rule.js";
import { displayPath, patternOf } from "../schema/schema-errors.js";
import { docOf } from "../schema/property-info.js";
import { getAt } from "./util.js";

export default defineRule({
  meta: {
    id: "required-property",
    description: "Properties the API requires must be present (count; a custom proxy's server, username and password; an integration's id, type and configuration).",
    defaultSeverity: "error",
    fixable: false,
    category: "schema",
  },
  check(context) {
    for (const error of context.schemaErrors()) {
      if (error.keyword !== "required") continue;
      const missing = String(error.params.missingProperty);
      const pattern = patternOf(context.root, error.pointer);
      const doc = docOf(`${pattern}/${missing}`);
      const where = error.pointer === "" ? "the request" : displayPath(error.pointer);
      const about = doc?.description ? ` (${firstSentence(doc.description)})` : "";
      const needs = error.pointer === PROXY && missing === "active" ? proxyNeeds(context.root) : [];
      context.report({
        pointer: error.pointer,
        target: "key",
        message: `Missing required property ${JSON.stringify(missing)} in ${where}${about}.${needs.map((need) => ` ${need.message}`).join("")}`,
        ...(needs.length > 0 ? { related: needs.map((need) => need.related) } : {}),
      });
    }
  },
});

const PROXY = "/configuration/session/proxy";

/**
 * What else depends on the proxy being active. One omission, one finding: the rules about those
 * settings leave a missing `active` to this one, which says what it also breaks and where.
 */
function proxyNeeds(root: unknown): { message: string; related: { pointer: string; message: string } }[] {
  const needs: { message: string; related: { pointer: string; message: string } }[] = [];
  if (getAt(root, ["configuration", "browser", "captcha_solver", "active"]) === true) {
    needs.push({
      message: 'The CAPTCHA solver is on, and the API rejects it without an active proxy ("CAPTCHA solver requires proxy to be active"): add "active": true.',
      related: { pointer: "/configuration/browser/captcha_solver/active", message: "The CAPTCHA solver is turned on here; it requires an active proxy." },
    });
  }
  const type = getAt(root, ["configuration", "session", "proxy", "type"]);
  if (getAt(root, ["configuration", "browser", "extra_stealth", "active"]) === true && type !== "custom") {
    needs.push({
      message: 'Extra stealth is on, and it works only with an active Anchor proxy: add "active": true.',
      related: { pointer: "/configuration/browser/extra_stealth/active", message: "Extra stealth is turned on here; it requires an active Anchor proxy." },
    });
  }
  return needs;
}

function firstSentence(text: string): string {
  const plain = text.replace(/\*\*/g, "").split("\n")[0]!.trim();
  const end = plain.search(/\.(\s|$)/);
  return (end > 0 ? plain.slice(0, end) : plain).replace(/\.$/, "");
}

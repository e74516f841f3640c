import { defineRule } from "../rule.js";
import { displayPath, patternOf } from "../schema/schema-errors.js";
import { docOf } from "../schema/property-info.js";
import { fitsAtHome, misplacedRequired, movesSafely, placeOfPointer, type MisplacedRequired } from "../schema/moves.js";
import type { FixProposal, Report, RuleContext } from "../rule.js";
import { getAt, quotedList } from "./util.js";

export default defineRule({
  meta: {
    id: "required-property",
    description: "Properties the API requires must be present (count; a custom proxy's server, username and password; an integration's id, type and configuration).",
    defaultSeverity: "error",
    // Only a missing property that is written elsewhere: moving it is the fix.
    fixable: "safe",
    category: "schema",
  },
  check(context) {
    const written = new Map(misplacedRequired(context.root, context.schemaErrors()).map((entry) => [`${entry.parent}\u0000${entry.missing}`, entry]));
    for (const error of context.schemaErrors()) {
      if (error.keyword !== "required") continue;
      const missing = String(error.params.missingProperty);
      const elsewhere = written.get(`${error.pointer}\u0000${missing}`);
      const pattern = patternOf(context.root, error.pointer);
      const doc = docOf(`${pattern}/${missing}`);
      const where = error.pointer === "" ? "the request" : displayPath(error.pointer);
      const about = doc?.description ? ` (${firstSentence(doc.description)})` : "";
      const needs = error.pointer === PROXY && missing === "active" ? proxyNeeds(context.root) : [];
      const move = elsewhere ? misplacement(context, elsewhere) : undefined;
      const related = [...needs.map((need) => need.related), ...(move?.related ?? [])];
      context.report({
        pointer: error.pointer,
        target: "key",
        message: `Missing required property ${JSON.stringify(missing)} in ${where}${about}.${needs.map((need) => ` ${need.message}`).join("")}${move ? ` ${move.message}` : ""}`,
        ...(related.length > 0 ? { related } : {}),
        ...(move?.fix?.safety === "safe" ? { fix: move.fix } : {}),
        ...(move?.fix?.safety === "unsafe" ? { suggestions: [move.fix] } : {}),
      });
    }
  },
});

const PROXY = "/configuration/session/proxy";

/**
 * What to say and offer when the missing property is written where the API ignores it. One move
 * is offered when there is one copy and its value is valid at home; it is safe on the terms of
 * known-property's moves (docs/rules/known-property.md), which the same mistake would otherwise get.
 */
function misplacement(context: RuleContext, entry: MisplacedRequired): { message: string; related: NonNullable<Report["related"]>; fix?: FixProposal } {
  const one = entry.copies.length === 1;
  const own = entry.copies.every((copy) => copy.key === entry.missing);
  const places = [...new Set(entry.copies.map((copy) => placeOfPointer(copy.pointer)))].join(" and ");
  const message = own
    ? `It is written ${places}, where the API ignores it: move ${one ? "it" : "one"} here.`
    : `${quotedList(entry.copies.map((copy) => copy.key), "and")} ${one ? "is" : "are"} written ${places}, where the API ignores ${one ? "it" : "them"}: move ${one ? "it" : "them"} into ${JSON.stringify(entry.missing)}.`;
  const related = entry.copies.map((copy) => ({ pointer: copy.pointer, target: "key" as const, message: `${JSON.stringify(copy.key)} is written here, where the API ignores it.` }));
  const copy = entry.copies[0]!;
  const fits = one ? fitsAtHome(context.root, copy.pointer, copy.home) : false;
  if (!fits) return { message, related };
  // An object the move creates would lack keys the API requires, or the key has other homes the
  // user may have meant: the user knows what goes where.
  const safety = fits === "fits" && !copy.guessed && movesSafely(copy.pointer.slice(0, copy.pointer.lastIndexOf("/")), copy.key) ? "safe" : "unsafe";
  const title = `Move ${JSON.stringify(copy.key)} ${own ? "here" : `into ${JSON.stringify(entry.missing)}`}${fits === "incomplete" ? " (then add the keys it requires)" : ""}`;
  return { message, related, fix: { title, safety, edits: context.source.moveProperty(copy.pointer, copy.home) } };
}

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

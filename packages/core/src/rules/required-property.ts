import { defineRule } from "../rule.js";
import { displayPath, patternOf } from "../schema/schema-errors.js";
import { docOf } from "../schema/property-info.js";

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
      context.report({
        pointer: error.pointer,
        target: "key",
        message: `Missing required property ${JSON.stringify(missing)} in ${where}${about}.`,
      });
    }
  },
});

function firstSentence(text: string): string {
  const plain = text.replace(/\*\*/g, "").split("\n")[0]!.trim();
  const end = plain.search(/\.(\s|$)/);
  return (end > 0 ? plain.slice(0, end) : plain).replace(/\.$/, "");
}

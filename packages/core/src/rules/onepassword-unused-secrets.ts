import type { FixProposal } from "../rule.js";
import { defineRule } from "../rule.js";
import { getAt, isObject, pointerOf } from "./util.js";

export default defineRule({
  meta: {
    id: "onepassword-unused-secrets",
    description: 'A 1Password integration lists secrets while its load_mode is "all", which ignores the list.',
    defaultSeverity: "warning",
    fixable: "unsafe",
    category: "semantic",
  },
  check(context) {
    const integrations = getAt(context.root, ["configuration", "integrations"]);
    if (!Array.isArray(integrations)) return;
    integrations.forEach((integration, i) => {
      const configuration = getAt(integration, ["configuration"]);
      if (!isObject(configuration) || getAt(configuration, ["load_mode"]) !== "all") return;
      const secrets = getAt(configuration, ["secrets"]);
      // A list of another type is valid-type's finding.
      if (!Array.isArray(secrets)) return;
      const secretsPointer = pointerOf(["configuration", "integrations", i, "configuration", "secrets"]);
      const loadModePointer = pointerOf(["configuration", "integrations", i, "configuration", "load_mode"]);
      const suggestions: FixProposal[] = [];
      // "specific" needs at least one secret, so switching only helps a non-empty list.
      if (secrets.length > 0) {
        suggestions.push({
          title: 'Set load_mode to "specific" to load only the listed secrets',
          safety: "unsafe",
          edits: context.source.replaceValue(loadModePointer, "specific"),
        });
      }
      context.report({
        pointer: secretsPointer,
        target: "key",
        message:
          'These secrets are ignored: load_mode "all" loads every secret the integration can reach. ' +
          'Remove the list, or set load_mode to "specific" to load only these.',
        fix: { title: "Remove the ignored secrets list", safety: "unsafe", edits: context.source.removeProperty(secretsPointer) },
        suggestions,
        related: [{ pointer: loadModePointer, message: 'load_mode "all" loads every secret' }],
      });
    });
  },
});

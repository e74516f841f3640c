import { defineRule } from "../rule.js";
import { getAt, isObject } from "./util.js";

const PERSIST = "/configuration/browser/profile/persist";

export default defineRule({
  meta: {
    id: "profile-persist",
    description: "A browser profile is persisted without a profile name, or by several sessions at once.",
    defaultSeverity: "warning",
    fixable: false,
    category: "semantic",
  },
  check(context) {
    const root = context.root;
    const profile = getAt(root, ["configuration", "browser", "profile"]);
    if (!isObject(profile) || getAt(profile, ["persist"]) !== true) return;

    const name = getAt(profile, ["name"]);
    if (name === undefined) {
      context.report({
        pointer: PERSIST,
        message: "persist is on but the profile has no name, so the saved profile cannot be found again; add profile.name.",
        related: [{ pointer: "/configuration/browser/profile", message: "this profile has no name" }],
      });
    } else if (typeof name === "string" && name.trim() === "") {
      context.report({
        pointer: PERSIST,
        message: "persist is on but the profile name is empty; give the profile a name to save it under.",
        related: [{ pointer: "/configuration/browser/profile/name", message: "empty profile name" }],
      });
    }
    // A name of another type is valid-type's finding.

    const count = getAt(root, ["count"]);
    if (typeof count === "number" && Number.isInteger(count) && count > 1) {
      context.report({
        pointer: PERSIST,
        message:
          `persist is on for a batch of ${count} sessions: each one saves its state into the same profile when it ends, ` +
          "so what the profile holds afterwards depends on which session finished last. Persist from a single session (count 1).",
        related: [{ pointer: "/count", message: `${count} sessions share this profile` }],
      });
    }
  },
});

import { defineRule } from "../rule.js";
import { getAt } from "./util.js";

const POPUP = ["configuration", "browser", "popup_blocker", "active"] as const;
const ADBLOCK = ["configuration", "browser", "adblock", "active"] as const;

export default defineRule({
  meta: {
    id: "popup-blocker-requires-adblock",
    description: "The popup blocker is turned on while adblock is turned off; the popup blocker only works with adblock.",
    defaultSeverity: "warning",
    fixable: false,
    category: "semantic",
  },
  check(context) {
    // Both settings default to on. Only an explicit contradiction is reported: turning adblock off
    // without mentioning the popup blocker is a plain "no blocking" choice, not a mistake to nag about.
    if (getAt(context.root, POPUP) !== true || getAt(context.root, ADBLOCK) !== false) return;
    context.report({
      pointer: "/configuration/browser/popup_blocker/active",
      message:
        "The popup blocker is on but adblock is off; the popup blocker requires adblock, so no popups are blocked. " +
        "Turn adblock on or turn the popup blocker off.",
      related: [{ pointer: "/configuration/browser/adblock/active", message: "adblock is turned off here" }],
    });
  },
});

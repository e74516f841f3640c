import { defineRule } from "../rule.js";
import { docOf } from "../schema/property-info.js";
import { getAt } from "./util.js";

const POPUP = ["configuration", "browser", "popup_blocker", "active"] as const;
const ADBLOCK = ["configuration", "browser", "adblock", "active"] as const;
/** The spec's default (`true`). */
const ADBLOCK_DEFAULT = docOf("/configuration/browser/adblock/active")?.default;

export default defineRule({
  meta: {
    id: "popup-blocker-requires-adblock",
    description: "The popup blocker is turned on while adblock is turned off; the popup blocker only works with adblock.",
    defaultSeverity: "warning",
    fixable: false,
    category: "semantic",
  },
  check(context) {
    // Only a popup blocker the user turned on can be made pointless. Adblock counts as its default
    // (on) when not written. Turning adblock off while the popup blocker is only on by default is a
    // plain "no blocking" choice: that setting does what it says, so it is not nagged about.
    if (getAt(context.root, POPUP) !== true) return;
    const adblock = getAt(context.root, ADBLOCK) ?? ADBLOCK_DEFAULT;
    if (adblock !== false) return;
    context.report({
      pointer: "/configuration/browser/popup_blocker/active",
      message:
        "The popup blocker is on but adblock is off; the popup blocker requires adblock, so no popups are blocked. " +
        "Turn adblock on or turn the popup blocker off.",
      related: [{ pointer: "/configuration/browser/adblock/active", message: "adblock is turned off here" }],
    });
  },
});

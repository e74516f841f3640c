import { defineRule } from "../rule.js";
import { displayPath, patternOf } from "../schema/schema-errors.js";
import { docOf, homesOf } from "../schema/property-info.js";
import { fitsAtHome, knownByFor, misplacedRequired, movesSafely, moveTitle, placeOf } from "../schema/moves.js";
import { didYouMean, escapePointerSegment, getAt, isObject, parsePointer, quotedList } from "./util.js";

const PROXY_PATTERN = "/configuration/session/proxy";
const MAX_LISTED = 12;

export default defineRule({
  meta: {
    id: "known-property",
    description: "Every key must be one the API knows at that place; a typo or a key in the wrong object is silently ignored. `metadata` is free-form.",
    defaultSeverity: "warning",
    fixable: "safe",
    category: "schema",
    // The API ignores an unknown or misplaced key.
    tags: ["unnecessary"],
  },
  check(context) {
    // What every unknown key of one object shares, worked out once per object: an object with
    // thousands of unknown keys would otherwise list its keys once per key.
    const parents = new Map<string, { parentPattern: string; known: readonly string[]; parentValue: unknown; absent: string[]; present: string[]; where: string }>();
    const parentOf = (parentPointer: string) => {
      let parent = parents.get(parentPointer);
      if (!parent) {
        const parentPattern = patternOf(context.root, parentPointer);
        const known = docOf(parentPattern)?.children ?? [];
        const parentValue = getAt(context.root, parsePointer(parentPointer));
        const has = (candidate: string) => isObject(parentValue) && Object.prototype.hasOwnProperty.call(parentValue, candidate);
        parent = { parentPattern, known, parentValue, absent: known.filter((candidate) => !has(candidate)), present: known.filter(has), where: displayPath(parentPointer) };
        parents.set(parentPointer, parent);
      }
      return parent;
    };
    // A required property written in the wrong place is required-property's one finding.
    const required = new Set(misplacedRequired(context.root, context.schemaErrors()).flatMap((entry) => entry.copies.map((copy) => copy.pointer)));
    for (const error of context.schemaErrors()) {
      if (error.keyword !== "additionalProperties") continue;
      const key = String(error.params.additionalProperty);
      const pointer = `${error.pointer}/${escapePointerSegment(key)}`;
      if (required.has(pointer)) continue;
      const { parentPattern, known, parentValue, absent, present, where } = parentOf(error.pointer);

      if (parentPattern === PROXY_PATTERN && homesOf(key).includes(`${PROXY_PATTERN}/${key}`)) {
        const custom = isObject(parentValue) && parentValue.type === "custom";
        // A proxy without "type" holding a custom proxy's keys is one mistake, the missing type:
        // custom-proxy-missing-type reports it once, with the fix, rather than once per key here.
        const untyped = isObject(parentValue) && !Object.prototype.hasOwnProperty.call(parentValue, "type");
        if (untyped) continue;
        context.report({
          pointer,
          target: "key",
          message: custom
            ? `${JSON.stringify(key)} applies only to Anchor proxies; a custom proxy ("type": "custom") does not use it.`
            : `${JSON.stringify(key)} applies only to a custom proxy ("type": "custom"); this is an Anchor proxy.`,
        });
        continue;
      }

      const typo = didYouMean(key, absent);
      if (typo) {
        context.report({
          pointer,
          target: "key",
          message: `Unknown property ${JSON.stringify(key)} in ${where}; did you mean ${JSON.stringify(typo)}?`,
          fix: fitsAtHome(context.root, pointer, `${error.pointer}/${escapePointerSegment(typo)}`) === "fits"
            ? { title: `Rename to ${JSON.stringify(typo)}`, safety: "safe", edits: context.source.renameKey(pointer, typo) }
            : undefined,
        });
        continue;
      }

      // A misspelt copy of a key that is also written correctly: renaming would make a duplicate.
      const shadowed = didYouMean(key, present);
      if (shadowed) {
        context.report({
          pointer,
          target: "key",
          message: `Unknown property ${JSON.stringify(key)} in ${where}; it looks like ${JSON.stringify(shadowed)}, which is already set here, so this one is ignored.`,
        });
        continue;
      }

      const homes = homesOf(key).filter((home) => home !== `${parentPattern}/${key}`);
      const knownBy = knownByFor(parentPattern, key, absent);
      if (knownBy) {
        context.report({
          pointer,
          target: "key",
          message: `Unknown property ${JSON.stringify(key)} in ${where}; did you mean ${JSON.stringify(knownBy.key)}? ${knownBy.what} is known by its ${knownBy.key}; ${JSON.stringify(key)} belongs ${homes.map(placeOf).join(" or ")}.`,
          suggestions: [{ title: `Rename to ${JSON.stringify(knownBy.key)}`, safety: "unsafe", edits: context.source.renameKey(pointer, knownBy.key) }],
        });
        continue;
      }
      if (homes.length > 0 && homes.length <= 3) {
        const home = homes[0]!;
        const fits = homes.length === 1 && !home.includes("*") ? fitsAtHome(context.root, pointer, home) : false;
        // Moving onto a key that is already set would only swap which of the two is ignored.
        const taken = homes.length === 1 && !home.includes("*") && getAt(context.root, parsePointer(home)) !== undefined;
        context.report({
          pointer,
          target: "key",
          message:
            `${JSON.stringify(key)} does not belong in ${where}; it belongs ${homes.map(placeOf).join(" or ")}` +
            (taken ? `, which already has one, so this one is ignored.` : "."),
          ...(fits === "fits" && movesSafely(error.pointer, key) ? { fix: { title: moveTitle(key, home), safety: "safe" as const, edits: context.source.moveProperty(pointer, home) } } : {}),
          ...(fits === "fits" && !movesSafely(error.pointer, key) ? { suggestions: [{ title: moveTitle(key, home), safety: "unsafe" as const, edits: context.source.moveProperty(pointer, home) }] } : {}),
          // The object the move creates would miss required keys: the user knows what goes there.
          ...(fits === "incomplete" ? { suggestions: [{ title: `${moveTitle(key, home)} (then add the keys it requires)`, safety: "unsafe" as const, edits: context.source.moveProperty(pointer, home) }] } : {}),
        });
        continue;
      }

      // `$schema` is an editor's key, allowed but not one of the API's: the list names the API's.
      const apiKeys = known.filter((candidate) => candidate !== "$schema");
      const listed = apiKeys.length > 0 && apiKeys.length <= MAX_LISTED ? ` Known properties: ${quotedList(apiKeys, "and")}.` : "";
      context.report({ pointer, target: "key", message: `Unknown property ${JSON.stringify(key)} in ${where}.${listed}` });
    }
  },
});

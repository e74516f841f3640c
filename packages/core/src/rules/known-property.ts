import { defineRule } from "../rule.js";
import { collectSchemaErrors, displayPath, patternOf } from "../schema/schema-errors.js";
import { docOf, homesOf } from "../schema/property-info.js";
import { didYouMean, escapePointerSegment, getAt, isObject, parsePointer, quotedList } from "./util.js";

const PROXY_PATTERN = "/configuration/session/proxy";
const MAX_LISTED = 12;

/** `/configuration/session/recording` -> `configuration.session` (where the key goes). */
function parentDisplay(pattern: string): string {
  return displayPath(pattern.slice(0, pattern.lastIndexOf("/")).replace(/\/\*/g, "/0"))
    .replace(/\[0\]/g, "[]");
}

/** Where a key with this home goes, for messages: "under configuration.session", "at the top level". */
function placeOf(home: string): string {
  return home.lastIndexOf("/") === 0 ? "at the top level" : `under ${parentDisplay(home)}`;
}

/** A stand-in for a sibling off the way to a home: same type, none of its content. */
function standIn(value: unknown): unknown {
  return Array.isArray(value) ? [] : isObject(value) ? {} : value;
}

function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  // Assigning `__proto__` would set the prototype; only it needs defineProperty (which would make
  // every object a slow dictionary).
  if (key === "__proto__") Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/**
 * Whether a misplaced or misspelt value would be valid at its home: moving or renaming it must not
 * trade one finding for several (a `recording` object with its own typos stays put, with the warning).
 * "incomplete" when the value is valid there but an object the move creates lacks required keys
 * (`country_code` moved into a new `proxy` without `active`): a new error, so only a suggestion.
 *
 * The validator runs on a skeleton, not on a copy of the request: the objects on the way to the
 * home hold only their known properties, those off the way as empty stand-ins. Errors at or under
 * the home depend only on the value itself and on scalar siblings on the way (a proxy's `type`),
 * so the check costs the size of the value, not of the request: a file with thousands of typos
 * would otherwise validate the whole request once per typo.
 */
function fitsAtHome(root: unknown, fromPointer: string, home: string): "fits" | "incomplete" | false {
  const value = getAt(root, parsePointer(fromPointer));
  const segments = parsePointer(home);
  if (!isObject(root)) return false;
  let pattern = "";
  const skeleton = (object: Record<string, unknown>): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    for (const key of docOf(pattern)?.children ?? []) {
      if (Object.prototype.hasOwnProperty.call(object, key)) setOwn(result, key, standIn(object[key]));
    }
    return result;
  };
  const candidate = skeleton(root);
  let parent: Record<string, unknown> | unknown[] = candidate;
  let original: unknown = root;
  // The first object the move has to create, if any.
  let created: string | undefined;
  let pointer = "";
  for (const segment of segments.slice(0, -1)) {
    pointer += "/" + escapePointerSegment(segment);
    // Homes inside arrays (an integration's configuration) go through items that already exist.
    const inArray = Array.isArray(original);
    const has = inArray || (isObject(original) && Object.prototype.hasOwnProperty.call(original, segment));
    const existing: unknown = inArray ? (original as unknown[])[Number(segment)] : has ? (original as Record<string, unknown>)[segment] : {};
    if (!has) created ??= pointer;
    pattern += inArray ? "/*" : `/${segment}`;
    // An array on the way keeps its length but only the item on the way (errors elsewhere are ignored).
    const next: Record<string, unknown> | unknown[] | undefined = Array.isArray(existing) ? new Array<unknown>(existing.length) : isObject(existing) ? skeleton(existing) : undefined;
    if (next === undefined) return false;
    if (Array.isArray(parent)) parent[Number(segment)] = next;
    else setOwn(parent, segment, next);
    parent = next;
    original = existing;
  }
  if (Array.isArray(parent)) return false;
  setOwn(parent, segments[segments.length - 1]!, value);
  const errors = collectSchemaErrors(candidate);
  const within = (root: string) => (error: { pointer: string }) => error.pointer === root || error.pointer.startsWith(root + "/");
  if (errors.some(within(home))) return false;
  return created !== undefined && errors.some(within(created)) ? "incomplete" : "fits";
}

/**
 * The sections people mix up. A key written in the wrong one of them is a placement mistake, so the
 * move keeps what the file meant and --fix may apply it. A key inside any deeper object (an array
 * item such as an integration or identity, the proxy, adblock, a profile, a viewport) more likely
 * describes that object, and `name` labels whatever holds it: moving either into its one home
 * (`browser.profile`) would change what the batch does, turning an integration's name or `persist`
 * into a profile to load or save. Those moves are only offered.
 */
const MIXED_UP_SECTIONS: ReadonlySet<string> = new Set(["", "/configuration", "/configuration/session", "/configuration/browser"]);

function movesSafely(parentPointer: string, key: string): boolean {
  return MIXED_UP_SECTIONS.has(parentPointer) && key !== "name";
}

function moveTitle(key: string, home: string): string {
  return `Move ${JSON.stringify(key)} to ${home.lastIndexOf("/") === 0 ? "the top level" : parentDisplay(home)}`;
}

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
    for (const error of context.schemaErrors()) {
      if (error.keyword !== "additionalProperties") continue;
      const key = String(error.params.additionalProperty);
      const pointer = `${error.pointer}/${escapePointerSegment(key)}`;
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

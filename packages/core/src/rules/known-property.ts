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

/**
 * Whether a misplaced or misspelt value would be valid at its home: moving or renaming it must not
 * trade one finding for several (a `recording` object with its own typos stays put, with the warning).
 * "incomplete" when the value is valid there but an object the move creates lacks required keys
 * (`country_code` moved into a new `proxy` without `active`): a new error, so only a suggestion.
 */
function fitsAtHome(root: unknown, fromPointer: string, home: string): "fits" | "incomplete" | false {
  const value = getAt(root, parsePointer(fromPointer));
  const segments = parsePointer(home);
  // Copy only the objects on the way to the home; the validator reads, never writes, the rest.
  // Spread copies an own `__proto__` key as data; only assigning one needs defineProperty. Plain
  // objects keep the validator's property lookups fast (defineProperty would make them dictionaries).
  const copy = (object: Record<string, unknown>): Record<string, unknown> => ({ ...object });
  const set = (object: Record<string, unknown>, key: string, value: unknown): void => {
    if (key === "__proto__") Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    else object[key] = value;
  };
  if (!isObject(root)) return false;
  const candidate = copy(root);
  let parent: Record<string, unknown> | unknown[] = candidate;
  // The first object the move has to create, if any.
  let created: string | undefined;
  let pointer = "";
  for (const segment of segments.slice(0, -1)) {
    pointer += "/" + escapePointerSegment(segment);
    // Homes inside arrays (an integration's configuration) go through items that already exist.
    const has = Array.isArray(parent) || Object.prototype.hasOwnProperty.call(parent, segment);
    const existing: unknown = Array.isArray(parent) ? parent[Number(segment)] : has ? parent[segment] : {};
    if (!has) created ??= pointer;
    const next: Record<string, unknown> | unknown[] | undefined = Array.isArray(existing) ? [...existing] : isObject(existing) ? copy(existing) : undefined;
    if (next === undefined) return false;
    if (Array.isArray(parent)) parent[Number(segment)] = next;
    else set(parent, segment, next);
    parent = next;
  }
  if (Array.isArray(parent)) return false;
  set(parent, segments[segments.length - 1]!, value);
  const errors = collectSchemaErrors(candidate);
  const within = (root: string) => (error: { pointer: string }) => error.pointer === root || error.pointer.startsWith(root + "/");
  if (errors.some(within(home))) return false;
  return created !== undefined && errors.some(within(created)) ? "incomplete" : "fits";
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
    for (const error of context.schemaErrors()) {
      if (error.keyword !== "additionalProperties") continue;
      const key = String(error.params.additionalProperty);
      const pointer = `${error.pointer}/${escapePointerSegment(key)}`;
      const parentPattern = patternOf(context.root, error.pointer);
      const known = docOf(parentPattern)?.children ?? [];
      const parentValue = getAt(context.root, parsePointer(error.pointer));
      const present = isObject(parentValue) ? Object.keys(parentValue) : [];
      const where = displayPath(error.pointer);

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

      const typo = didYouMean(key, known.filter((candidate) => !present.includes(candidate)));
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
      const shadowed = didYouMean(key, known.filter((candidate) => present.includes(candidate)));
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
          ...(fits === "fits" ? { fix: { title: moveTitle(key, home), safety: "safe" as const, edits: context.source.moveProperty(pointer, home) } } : {}),
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

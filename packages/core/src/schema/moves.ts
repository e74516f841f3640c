/**
 * Keys written in the wrong object, shared by the rules that report them: whether a key would be
 * valid at its home, whether moving it there is safe, and which misplaced keys are the very key a
 * required property lacks (required-property reports those, known-property leaves them).
 */
import { collectSchemaErrors, displayPath, patternOf, type SchemaError } from "./schema-errors.js";
import { docOf, homesOf } from "./property-info.js";
import { prefixesOf } from "../fix.js";
import { requiredSynonymOf } from "./required-synonyms.js";
import { partsList, serverPartsOf } from "../proxy-server.js";
import { guessKey } from "./key-guesses.js";
import { didYouMean, escapePointerSegment, getAt, isObject, parsePointer } from "../rules/util.js";

/** `/configuration/session/recording` -> `configuration.session` (where the key goes). */
function parentDisplay(pattern: string): string {
  return displayPath(pattern.slice(0, pattern.lastIndexOf("/")).replace(/\/\*/g, "/0"))
    .replace(/\[0\]/g, "[]");
}

/** Where a key with this home goes, for messages: "under configuration.session", "at the top level". */
export function placeOf(home: string): string {
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
export function fitsAtHome(root: unknown, fromPointer: string, home: string): "fits" | "incomplete" | false {
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
  // The first object the move has to create, if any, and the home, as pointers into the skeleton.
  let created: string | undefined;
  let pointer = "";
  for (const segment of segments.slice(0, -1)) {
    // Homes inside arrays (an integration's configuration) go through items that already exist. An
    // array on the way holds only the item on the way, as its first: an item's errors do not depend
    // on its index, and a skeleton as long as the array made a typo in each of 2,000 integrations
    // validate 2,000 items per typo.
    const inArray = Array.isArray(original);
    const slot = inArray ? "0" : segment;
    pointer += "/" + escapePointerSegment(slot);
    const has = inArray || (isObject(original) && Object.prototype.hasOwnProperty.call(original, segment));
    const existing: unknown = inArray ? (original as unknown[])[Number(segment)] : has ? (original as Record<string, unknown>)[segment] : {};
    if (!has) created ??= pointer;
    pattern += inArray ? "/*" : `/${segment}`;
    const next: Record<string, unknown> | unknown[] | undefined = Array.isArray(existing) ? [] : isObject(existing) ? skeleton(existing) : undefined;
    if (next === undefined) return false;
    if (Array.isArray(parent)) parent[0] = next;
    else setOwn(parent, slot, next);
    parent = next;
    original = existing;
  }
  if (Array.isArray(parent)) return false;
  const last = segments[segments.length - 1]!;
  setOwn(parent, last, value);
  const errors = collectSchemaErrors(candidate);
  const within = (root: string) => (error: { pointer: string }) => error.pointer === root || error.pointer.startsWith(root + "/");
  if (errors.some(within(`${pointer}/${escapePointerSegment(last)}`))) return false;
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

export function movesSafely(parentPointer: string, key: string): boolean {
  return MIXED_UP_SECTIONS.has(parentPointer) && key !== "name";
}

/**
 * Objects known by a key other than `id`: an `id` written in one means that key (a profile is
 * loaded by its `name`), though `id` has homes elsewhere (identities, integrations), where it would
 * describe something else. A guess: the rename is only offered.
 */
const KNOWN_BY: Readonly<Record<string, { key: string; what: string }>> = { "/configuration/browser/profile": { key: "name", what: "A profile" } };

/** The key an object is known by, when `key` is an `id` written for it and that key is not set. */
export function knownByFor(parentPattern: string, key: string, absent: readonly string[]): { key: string; what: string } | undefined {
  const known = Object.prototype.hasOwnProperty.call(KNOWN_BY, parentPattern) ? KNOWN_BY[parentPattern] : undefined;
  return key === "id" && known !== undefined && absent.includes(known.key) ? known : undefined;
}

export function moveTitle(key: string, home: string): string {
  return `Move ${JSON.stringify(key)} to ${home.lastIndexOf("/") === 0 ? "the top level" : parentDisplay(home)}`;
}

/** A required property that is missing where it belongs and written somewhere the API ignores it. */
export interface MisplacedRequired {
  /** Pointer of the object that lacks the property (the `required` error's). */
  parent: string;
  missing: string;
  /**
   * The misplaced keys that belong there: the property itself, or keys of the missing object, or
   * the property misspelt or by another name in the object that lacks it.
   * `guessed`: the key has other homes too, so where it goes is a guess the user confirms.
   * `rename`: a misspelt copy, renamed rather than moved: "spelling" when it is the name spelt
   * another way (`Count`), "guess" when it is a farther near-miss or another word (`sessions`),
   * "opposite" when it means the opposite (`inactive`), renamed only with its value negated.
   */
  copies: { pointer: string; key: string; home: string; guessed?: boolean; rename?: "spelling" | "guess" | "opposite" }[];
  /**
   * A custom proxy's `host` and port (and protocol, when written) in keys of their own, written for
   * its missing `server`: all are copies, joined (proxy-server.ts).
   */
  hostAndPort?: { host: string; port: string; protocol?: string };
}

/**
 * Missing required properties that are written elsewhere: one mistake, reported once, by
 * required-property (an error: the API rejects the request), so turning known-property off hides
 * nothing. A copy is a key known-property would call misplaced (not a typo of a key of its object)
 * whose home is
 * - the missing property itself (`count` inside `configuration`), written anywhere when the home
 *   is a single place, inside the object that lacks it when the home is in an array item (an
 *   integration's `id` belongs to that integration only) or the key has other homes too;
 * - the missing property of a child object, written beside that child (`active` next to a proxy
 *   that lacks it), when exactly one child lacks the key there;
 * - or a key of the missing object written in the object that lacks it (an integration's
 *   `load_mode` next to where its `configuration` should be).
 * Each unknown key looks up the few required errors it could answer, above it or at its one home:
 * a file may have thousands of unknown keys and thousands of items missing a key.
 */
export function misplacedRequired(root: unknown, errors: readonly SchemaError[]): MisplacedRequired[] {
  // known-property and required-property both ask, with the lint's one list of schema errors (none
  // for a valid request: no weak map entry for each of them).
  if (errors.length === 0) return [];
  let found = misplacedByErrors.get(errors);
  if (found === undefined || found.root !== root) misplacedByErrors.set(errors, (found = { root, entries: findMisplacedRequired(root, errors) }));
  return found.entries;
}

const misplacedByErrors = new WeakMap<readonly SchemaError[], { root: unknown; entries: MisplacedRequired[] }>();

function findMisplacedRequired(root: unknown, errors: readonly SchemaError[]): MisplacedRequired[] {
  const missingAt = new Map<string, MisplacedRequired>();
  const missingIn = new Map<string, string[]>();
  for (const error of errors) {
    if (error.keyword !== "required") continue;
    const missing = String(error.params.missingProperty);
    missingAt.set(`${error.pointer}\u0000${missing}`, { parent: error.pointer, missing, copies: [] });
    missingIn.set(error.pointer, [...(missingIn.get(error.pointer) ?? []), missing]);
  }
  if (missingAt.size === 0) return [];
  // The keys each object with an unknown key lacks, worked out once per object, as known-property does.
  const absentIn = new Map<string, readonly string[]>();
  const absentOf = (parent: string, children: readonly string[]): readonly string[] => {
    let absent = absentIn.get(parent);
    if (absent === undefined) {
      const value = getAt(root, parsePointer(parent));
      absent = children.filter((child) => !(isObject(value) && Object.prototype.hasOwnProperty.call(value, child)));
      absentIn.set(parent, absent);
    }
    return absent;
  };
  for (const error of errors) {
    if (error.keyword !== "additionalProperties") continue;
    const key = String(error.params.additionalProperty);
    const pointer = `${error.pointer}/${escapePointerSegment(key)}`;
    const parentPattern = patternOf(root, error.pointer);
    const children = docOf(parentPattern)?.children ?? [];
    const found = (parent: string, missing: string) => missingAt.get(`${parent}\u0000${missing}`);
    // A near-miss of a key its object lacks is a typo there: known-property's "did you mean", unless
    // the key it misses is required (`"Count"`), which makes it one mistake, reported as missing.
    // So is another word for a required key (`sessions`), when the key is a near-miss of none.
    // known-property's reading of the key (key-guesses.ts): a key meaning the opposite of the
    // missing one (`inactive`) is no typo of it, and is renamed only with its value negated.
    // Only an object that lacks a required key can hold a misspelt one (most unknown keys sit in one that lacks none).
    const guess = missingIn.has(error.pointer) ? guessKey(key, parentPattern, absentOf(error.pointer, children), children) : undefined;
    const near = guess ?? guessKey(key, parentPattern, children, children);
    const typo = guess?.kind === "unit" ? undefined : guess?.key;
    const name = near === undefined ? requiredSynonymOf(parentPattern, key, missingIn.get(error.pointer) ?? []) : typo;
    const misspelt = name === undefined ? undefined : found(error.pointer, name);
    if (misspelt !== undefined) {
      const home = `${error.pointer}/${escapePointerSegment(name!)}`;
      const rename = guess?.kind === "opposite" ? "opposite" : guess?.kind === "spelling" && guess.certain ? "spelling" : "guess";
      misspelt.copies.push({ pointer, key, home, rename });
      // `host`, `port` and `protocol` together are the parts of one `server`.
      const parentValue = getAt(root, parsePointer(error.pointer));
      const parts = name === "server" && /^host(name)?$/i.test(key) && isObject(parentValue) ? serverPartsOf(parentValue, error.pointer) : {};
      const { port, protocol } = parts;
      if (port !== undefined && misspelt.hostAndPort === undefined && !children.includes(port.key)) {
        for (const part of partsList(parts)) misspelt.copies.push({ pointer: part.pointer, key: part.key, home, rename: "guess" });
        misspelt.hostAndPort = { host: pointer, port: port.pointer, ...(protocol ? { protocol: protocol.pointer } : {}) };
      }
    }
    if (near !== undefined || misspelt !== undefined) continue;
    const homes = homesOf(key).filter((home) => home !== `${parentPattern}/${key}`);
    // The key itself, missing at its one home, a single place (`count`, a proxy's `server`).
    const single = homes.length === 1 && !homes[0]!.includes("*") ? homes[0]! : undefined;
    let entry = single === undefined ? undefined : found(single.slice(0, single.lastIndexOf("/")), key);
    let home = single;
    let guessed = false;
    // The key itself, missing in an object holding it, at a home in an array item or one of several
    // homes (an `id` in an integration's configuration is that integration's, not an identity's).
    if (entry === undefined) {
      const above = prefixesOf(error.pointer).reverse().filter((parent) => parent !== "");
      const parent = above.find((candidate) => found(candidate, key) !== undefined && homes.includes(`${patternOf(root, candidate)}/${key}`));
      if (parent !== undefined) [entry, home] = [found(parent, key), `${parent}/${escapePointerSegment(key)}`];
    }
    // A key of the missing object, written in the object that lacks it (an integration's `load_mode`).
    // The key of an object written beside it, one level too high, where that object lacks it and
    // has the key as a home (`active` next to a proxy without one; recording has an `active` too).
    if (entry === undefined) {
      const below = homes.filter((candidate) => candidate.startsWith(parentPattern + "/") && candidate.endsWith(`/${key}`) && candidate.split("/").length === parentPattern.split("/").length + 2 && !candidate.endsWith(`/*/${key}`));
      const lacking = below.map((candidate) => `${error.pointer}/${candidate.split("/").at(-2)!}`).filter((child) => found(child, key) !== undefined);
      if (lacking.length === 1) [entry, home, guessed] = [found(lacking[0]!, key), `${lacking[0]!}/${escapePointerSegment(key)}`, homes.length > 1];
    }
    if (entry === undefined && homes.length === 1 && homes[0]!.startsWith(parentPattern + "/")) {
      const rest = homes[0]!.slice(parentPattern.length + 1).split("/");
      if (rest.length === 2 && rest[1] === key) {
        entry = found(error.pointer, rest[0]!);
        home = `${error.pointer}/${escapePointerSegment(rest[0]!)}/${escapePointerSegment(key)}`;
      }
    }
    if (entry !== undefined) entry.copies.push({ pointer, key, home: home!, ...(guessed ? { guessed } : {}) });
  }
  return [...missingAt.values()].filter((entry) => entry.copies.length > 0);
}

/** `configuration.session`, "the top level": where the object holding a pointer is, for messages. */
export function placeOfPointer(pointer: string): string {
  const parent = pointer.slice(0, pointer.lastIndexOf("/"));
  return parent === "" ? "at the top level" : `under ${displayPath(parent)}`;
}

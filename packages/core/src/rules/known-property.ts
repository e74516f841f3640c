import { defineRule } from "../rule.js";
import { displayPath, patternOf } from "../schema/schema-errors.js";
import { docOf, homesOf } from "../schema/property-info.js";
import { fitsAtHome, knownByFor, misplacedRequired, movesSafely, moveTitle, placeOf } from "../schema/moves.js";
import { guessKey, type KeyGuess } from "../schema/key-guesses.js";
import { RenameBatch, type RenameRequest } from "../schema/renames.js";
import { proxyTheSolverNeeds } from "../schema/misplaced-proxy.js";
import { wrappedRequired } from "../schema/wrapped-required.js";
import { mergeableKeys, mergeInto } from "../schema/merge-copy.js";
import { splitServerKeys } from "../proxy-server.js";
import type { RuleContext } from "../rule.js";
import { escapePointerSegment, getAt, isObject, parsePointer, quotedList } from "./util.js";

const PROXY_PATTERN = "/configuration/session/proxy";
const MAX_LISTED = 12;
const MAX_MERGES = 4;

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
    // Renames are reported at the end, checked together against the other rules.
    const renames = new RenameBatch(context);
    const required = new Set(misplacedRequired(context.root, context.schemaErrors()).flatMap((entry) => entry.copies.map((copy) => copy.pointer)));
    // So is a proxy the CAPTCHA solver needs, written where the API ignores it: captcha-requires-proxy's.
    const neededProxy = proxyTheSolverNeeds(context.root, context.schemaErrors());
    if (neededProxy !== undefined) required.add(neededProxy);
    // And a key holding required keys one level too deep (`"credentials": {"username": ...}`).
    for (const entry of wrappedRequired(context.root, context.schemaErrors())) required.add(entry.pointer);
    // And a custom proxy server's port or protocol written in a key of its own: custom-proxy-server's.
    for (const pointer of splitServerKeys(context.root)) required.add(pointer);
    let merges = MAX_MERGES;
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
        renames.plain({
          pointer,
          target: "key",
          message: custom
            ? `${JSON.stringify(key)} applies only to Anchor proxies; a custom proxy ("type": "custom") does not use it.`
            : `${JSON.stringify(key)} applies only to a custom proxy ("type": "custom"); this is an Anchor proxy.`,
        });
        continue;
      }

      // A key near none of its object's keys is near none of those absent or present: one look for
      // the usual unknown key (a file may hold 100,000 of them).
      const nearAny = guessKey(key, parentPattern, known, known) !== undefined;
      const guess = nearAny ? guessKey(key, parentPattern, absent, known) : undefined;
      if (guess) {
        reportGuess(context, renames, { pointer, key, where, parentPattern }, guess);
        continue;
      }

      // A misspelt copy of a key that is also written correctly: renaming would make a duplicate.
      const shadowed = nearAny ? guessKey(key, parentPattern, present, known) : undefined;
      if (shadowed) {
        const into = `${error.pointer}/${escapePointerSegment(shadowed.key)}`;
        // What the ignored copy holds goes into the real one, when the two hold no key with different values.
        // Each merge re-parses the text a few times: a handful per file, however many copies a hostile one holds.
        const merge = shadowed.kind === "opposite" || merges-- <= 0 ? undefined : mergeableKeys(getAt(context.root, parsePointer(pointer)), getAt(context.root, parsePointer(into)));
        const edits = merge && context.source.text !== undefined ? mergeInto(context.source.text, pointer, into, merge.moved) : undefined;
        const real = JSON.stringify(shadowed.key);
        const start = `Unknown property ${JSON.stringify(key)} in ${where}; it looks like ${real}, which is already set here, so this one is ignored`;
        renames.plain({
          pointer,
          target: "key",
          message:
            shadowed.kind === "opposite"
              ? `Unknown property ${JSON.stringify(key)} in ${where}; ${real} means the opposite and is already set here, so this one is ignored.`
              : !edits || !merge
                ? `${start}.`
                : merge.moved.length === 0
                  ? `${start}, and what it holds (${quotedList(merge.repeated, "and")}) repeats what ${real} has.`
                  : `${start}: what it holds (${quotedList(merge.moved, "and")}) belongs in ${real}` +
                    (merge.repeated.length > 0 ? `, which already has the same ${quotedList(merge.repeated, "and")}.` : "."),
          ...(edits && merge
            ? { suggestions: [{ title: merge.moved.length === 0 ? `Remove ${JSON.stringify(key)}, which repeats ${real}` : `Move ${quotedList(merge.moved, "and")} into ${real}`, safety: "unsafe" as const, edits }] }
            : {}),
        });
        continue;
      }

      const homes = homesOf(key).filter((home) => home !== `${parentPattern}/${key}`);
      const knownBy = knownByFor(parentPattern, key, absent);
      if (knownBy) {
        renames.plain({
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
        renames.move({
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
      renames.plain({ pointer, target: "key", message: `Unknown property ${JSON.stringify(key)} in ${where}.${listed}` });
    }
    renames.flush();
  },
});

interface Unknown {
  pointer: string;
  key: string;
  /** The object, for messages: `configuration.session.timeout`. */
  where: string;
  parentPattern: string;
}

/** `{"active": true}` or `true` with the setting reversed, where the written value is one of those. */
function negated(pointer: string, value: unknown): { pointer: string; value: boolean; shown: (key: string) => string } | undefined {
  if (typeof value === "boolean") return { pointer, value: !value, shown: (key) => `${JSON.stringify(key)}: ${!value}` };
  if (isObject(value) && Object.keys(value).length === 1 && typeof value.active === "boolean") {
    return { pointer: `${pointer}/active`, value: !value.active, shown: (key) => `${JSON.stringify(key)}: {"active": ${!value.active}}` };
  }
  return undefined;
}

function reportGuess(context: RuleContext, renames: RenameBatch, unknown: Unknown, guess: KeyGuess): void {
  const { pointer, key, where, parentPattern } = unknown;
  const start = `Unknown property ${JSON.stringify(key)} in ${where}`;
  const known = JSON.stringify(guess.key);
  const value = getAt(context.root, parsePointer(pointer));
  const rename = (safety: "safe" | "unsafe", title = `Rename to ${known}`, rewrite?: { pointer: string; value: unknown }): RenameRequest =>
    ({ from: pointer, key: guess.key, safety, title, ...(rewrite ? { rewrite } : {}) });
  const report = (message: string, request?: RenameRequest) =>
    request ? renames.report({ pointer, target: "key", message }, request) : renames.plain({ pointer, target: "key", message });

  if (guess.kind === "opposite") {
    // "did you mean" the antonym would reverse the setting: the known key with the value reversed
    // says what the file meant, but which of the two words was the slip is the user's call.
    const reversed = negated(pointer, value);
    if (!reversed) {
      report(`${start}; ${known} means the opposite, so renaming it would reverse the setting.`);
      return;
    }
    const home = `${parentPattern}/${guess.key}${reversed.pointer === pointer ? "" : "/active"}`;
    const isDefault = docOf(home)?.default === reversed.value ? " (the default)" : "";
    const request = rename("unsafe", `Replace with ${reversed.shown(guess.key)}`, { pointer: reversed.pointer, value: reversed.value });
    report(`${start}; ${known} means the opposite: did you mean ${reversed.shown(guess.key)}${isDefault}?`, request);
    return;
  }

  if (guess.kind === "unit") {
    const { unit } = guess;
    // Minutes spelled out ("_min", "_minutes"): the value is already what the key takes, so the
    // rename keeps the meaning exactly and --fix may apply it. Any other unit would need the
    // number converted, and a unit in a key name is the user's claim, not a fact: only offered.
    if (unit.spelledMinutes) {
      report(`${start}; did you mean ${known}? It is in minutes, as written.`, rename("safe"));
      return;
    }
    if (unit.name === "minutes") {
      report(`${start}; did you mean ${known}? It is in minutes, if that is what "m" stands for.`, rename("unsafe"));
      return;
    }
    const minutes = typeof value === "number" ? (value === -1 ? -1 : (value * unit.per) / unit.of) : undefined;
    if (minutes !== undefined && Number.isInteger(minutes)) {
      const shown = `${known}: ${minutes}`;
      const request = rename("unsafe", `Replace with ${shown}`, { pointer, value: minutes });
      report(`${start}; ${known} is in minutes: did you mean ${shown} (${value === -1 ? "no limit" : `${value} ${unit.name}`})?`, request);
      return;
    }
    const why = typeof value === "number" ? ` (${value} ${unit.name} is not a whole number of minutes)` : "";
    report(`${start}; ${known} is in minutes: did you mean ${known}, with the value in minutes${why}?`, rename("unsafe", `Rename to ${known} (the value must be in minutes)`));
    return;
  }

  // A spelling variant is certain enough for --fix; a synonym or a farther typo is a guess.
  const certain = guess.kind === "spelling" && guess.certain;
  report(`${start}; did you mean ${known}?`, rename(certain ? "safe" : "unsafe"));
}

import { defineRule } from "../rule.js";
import { displayPath, patternOf } from "../schema/schema-errors.js";
import { docOf } from "../schema/property-info.js";
import { fitsAtHome, misplacedRequired, movesSafely, placeOfPointer, type MisplacedRequired } from "../schema/moves.js";
import type { FixProposal, Report, RuleContext, SourceDocument } from "../rule.js";
import { serverOf, serverPartsOf } from "../proxy-server.js";
import { editsInTurn } from "../source/edits/in-turn.js";
import { RenameBatch, renameEdits } from "../schema/renames.js";
import { unwrapFix, wrappedRequired, type WrappedRequired } from "../schema/wrapped-required.js";
import { getAt, isObject, parsePointer, quotedList } from "./util.js";

export default defineRule({
  meta: {
    id: "required-property",
    description: "Properties the API requires must be present (count; a custom proxy's server, username and password; an integration's id, type and configuration).",
    defaultSeverity: "error",
    // Only a missing property that is written elsewhere: moving it is the fix.
    fixable: "safe",
    category: "schema",
  },
  check(context) {
    // A safe move or rename is checked against the other rules before it is called safe.
    const batch = new RenameBatch(context);
    const written = new Map(misplacedRequired(context.root, context.schemaErrors()).map((entry) => [`${entry.parent}\u0000${entry.missing}`, entry]));
    const wrappers = new Map<string, WrappedRequired>();
    for (const entry of wrappedRequired(context.root, context.schemaErrors())) {
      for (const name of entry.missing) wrappers.set(`${entry.parent}\u0000${name}`, entry);
    }
    for (const error of context.schemaErrors()) {
      if (error.keyword !== "required") continue;
      const missing = String(error.params.missingProperty);
      const wrapper = wrappers.get(`${error.pointer}\u0000${missing}`);
      if (wrapper !== undefined) {
        // One finding for the wrapper, at its first missing key's turn.
        if (wrapper.missing[0] === missing) batch.plain(wrappedReport(context, wrapper));
        continue;
      }
      const elsewhere = written.get(`${error.pointer}\u0000${missing}`);
      const pattern = patternOf(context.root, error.pointer);
      const doc = docOf(`${pattern}/${missing}`);
      const where = error.pointer === "" ? "the request" : displayPath(error.pointer);
      const about = doc?.description ? ` (${firstSentence(doc.description)})` : "";
      const needs = error.pointer === PROXY && missing === "active" ? proxyNeeds(context.root) : [];
      const move = elsewhere ? misplacement(context, elsewhere) : undefined;
      const related = [...needs.map((need) => need.related), ...(move?.related ?? [])];
      const report: Report = {
        pointer: error.pointer,
        target: "key",
        message: `Missing required property ${JSON.stringify(missing)} in ${where}${about}.${needs.map((need) => ` ${need.message}`).join("")}${move ? ` ${move.message}` : ""}`,
        ...(related.length > 0 ? { related } : {}),
        ...(move?.fix?.safety === "safe" ? { fix: move.fix } : {}),
        ...(move?.fix?.safety === "unsafe" ? { suggestions: [move.fix] } : {}),
      };
      if (move?.fix?.safety === "safe") batch.move(report, move.fix.title.startsWith("Rename") ? "Renaming it" : "Moving it");
      else batch.plain(report);
    }
    batch.flush();
  },
});

const PROXY = "/configuration/session/proxy";

/** `"credentials": {"username": ..., "password": ...}` in a proxy: the keys are there, one level too deep. */
function wrappedReport(context: RuleContext, entry: WrappedRequired): Report {
  const one = entry.missing.length === 1;
  const parent = entry.parent === "" ? "the request" : displayPath(entry.parent);
  const fix = unwrapFix(context, entry);
  return {
    pointer: entry.pointer,
    target: "key",
    message:
      `Missing required ${one ? "property" : "properties"} ${quotedList(entry.missing, "and")} in ${parent}: ` +
      `${one ? "it is" : "they are"} written inside ${JSON.stringify(entry.key)}, which the API does not know, so it ignores ${one ? "it" : "them"}; ` +
      `${one ? "it goes" : "they go"} directly ${entry.parent === "" ? "at the top level" : `in ${parent}`}.`,
    related: [{ pointer: entry.parent, target: "key", message: `${parent === "the request" ? "The request" : parent} lacks ${one ? "it" : "them"} here.` }],
    ...(fix ? { suggestions: [fix] } : {}),
  };
}

/**
 * What to say and offer when the missing property is written where the API ignores it. One move
 * is offered when there is one copy and its value is valid at home; it is safe on the terms of
 * known-property's moves (docs/rules/known-property.md), which the same mistake would otherwise get.
 */
function misplacement(context: RuleContext, entry: MisplacedRequired): { message: string; related: NonNullable<Report["related"]>; fix?: FixProposal } {
  const renamed = entry.copies.filter((copy) => copy.rename !== undefined);
  const moved = entry.copies.filter((copy) => copy.rename === undefined);
  const related = entry.copies.map((copy) => ({
    pointer: copy.pointer,
    target: "key" as const,
    message: `${JSON.stringify(copy.key)} is written here, where the API ignores it${copy.pointer === entry.hostAndPort?.port ? `; the port goes into "server" (PROTOCOL://HOST:PORT).` : copy.pointer === entry.hostAndPort?.protocol ? `; the protocol goes into "server" (PROTOCOL://HOST:PORT).` : copy.rename === "opposite" ? `; ${JSON.stringify(entry.missing)} means the opposite.` : copy.rename ? `; did you mean ${JSON.stringify(entry.missing)}?` : "."}`,
  }));
  const messages = [...(moved.length > 0 ? [movedMessage(entry, moved)] : []), ...(renamed.length > 0 ? [renamedMessage(context, entry, renamed)] : [])];
  const message = messages.join(" ");
  if (joinsServer(entry)) return { message, related, ...joinedServer(context, entry) };
  if (entry.copies.length !== 1) return { message, related };
  const copy = entry.copies[0]!;
  const fits = fitsAtHome(context.root, copy.pointer, copy.home);
  if (copy.rename === "opposite") {
    // `"inactive": false` is `"active": true`: the rename carries the value negated, and only as a
    // suggestion (the user may have meant the key, not its opposite).
    const value = getAt(context.root, parsePointer(copy.pointer));
    if (typeof value !== "boolean") return { message, related };
    const edits = renameEdits(context, copy.pointer, entry.missing, { pointer: copy.pointer, value: !value });
    return { message, related, fix: { title: `Replace with ${JSON.stringify(entry.missing)}: ${String(!value)}`, safety: "unsafe", edits } };
  }
  if (copy.rename) {
    // Only the key spelt another way, with a value valid as the property, is certain; a farther
    // near-miss or another word is a guess, and so is a value that would then be wrong.
    const safety = copy.rename === "spelling" && fits === "fits" ? "safe" : "unsafe";
    return { message, related, fix: { title: `Rename ${JSON.stringify(copy.key)} to ${JSON.stringify(entry.missing)}`, safety, edits: context.source.renameKey(copy.pointer, entry.missing) } };
  }
  if (!fits) return { message, related };
  const own = copy.key === entry.missing;
  // An object the move creates would lack keys the API requires, or the key has other homes the
  // user may have meant: the user knows what goes where.
  const safety = fits === "fits" && !copy.guessed && movesSafely(copy.pointer.slice(0, copy.pointer.lastIndexOf("/")), copy.key) ? "safe" : "unsafe";
  const title = `Move ${JSON.stringify(copy.key)} ${own ? "here" : `into ${JSON.stringify(entry.missing)}`}${fits === "incomplete" ? " (then add the keys it requires)" : ""}`;
  return { message, related, fix: { title, safety, edits: context.source.moveProperty(copy.pointer, copy.home) } };
}

function movedMessage(entry: MisplacedRequired, copies: MisplacedRequired["copies"]): string {
  const one = copies.length === 1;
  const places = [...new Set(copies.map((copy) => placeOfPointer(copy.pointer)))].join(" and ");
  return copies.every((copy) => copy.key === entry.missing)
    ? `It is written ${places}, where the API ignores it: move ${one ? "it" : "one"} here.`
    : `${quotedList(copies.map((copy) => copy.key), "and")} ${one ? "is" : "are"} written ${places}, where the API ignores ${one ? "it" : "them"}: move ${one ? "it" : "them"} into ${JSON.stringify(entry.missing)}.`;
}

/** `"Count" is written instead, ...: did you mean "count"?`; a host and port, the server they make. */
function renamedMessage(context: RuleContext, entry: MisplacedRequired, copies: MisplacedRequired["copies"]): string {
  const one = copies.length === 1;
  const written = `${quotedList(copies.map((copy) => copy.key), "and")} ${one ? "is" : "are"} written instead, which the API ignores`;
  if (joinsServer(entry)) {
    const server = serverOfCopies(context, entry);
    return `${written}: did you mean ${server ? `"server": ${JSON.stringify(server)}` : `one "server" in PROTOCOL://HOST:PORT format`}?`;
  }
  const opposite = one && copies[0]!.rename === "opposite" ? copies[0]! : undefined;
  if (opposite) {
    const value = getAt(context.root, parsePointer(opposite.pointer));
    return typeof value === "boolean"
      ? `${written}; ${JSON.stringify(entry.missing)} means the opposite: did you mean ${JSON.stringify(entry.missing)}: ${String(!value)}?`
      : `${written}; ${JSON.stringify(entry.missing)} means the opposite, so renaming it would reverse the setting.`;
  }
  return `${written}: did you mean ${JSON.stringify(entry.missing)}?`;
}

/** The server's parts written apart, and nothing else, are the copies of the missing `server`. */
function joinsServer(entry: MisplacedRequired): boolean {
  return entry.hostAndPort !== undefined && entry.copies.length === (entry.hostAndPort.protocol === undefined ? 2 : 3);
}

function serverOfCopies(context: RuleContext, entry: MisplacedRequired): string | undefined {
  const { host } = entry.hostAndPort!;
  const proxy = getAt(context.root, parsePointer(entry.parent));
  return isObject(proxy) ? serverOf(getAt(context.root, parsePointer(host)), serverPartsOf(proxy, entry.parent)) : undefined;
}

/**
 * A custom proxy's `host`, port and protocol become one `server` (the host's key renamed, its value
 * the address they make, the port and protocol keys removed), offered only: the protocol may be a
 * guess, and `host` another word for the server. Without a plain host and port to join, no fix:
 * what to write is the user's to say.
 */
function joinedServer(context: RuleContext, entry: MisplacedRequired): { fix?: FixProposal } {
  const { host, port, protocol } = entry.hostAndPort!;
  const server = serverOfCopies(context, entry);
  if (server === undefined) return {};
  const removed = protocol === undefined ? [port] : [port, protocol];
  const home = `${entry.parent}/server`;
  const edits = editsInTurn(context.source.text, [
    (source) => source.renameKey(host, "server"),
    (source) => source.replaceValue(home, server),
    ...removed.map((pointer) => (source: SourceDocument) => source.removeProperty(pointer)),
  ], { kind: "replace", pointer: entry.parent });
  return { fix: { title: `Replace ${quotedList(entry.copies.map((copy) => copy.key), "and")} with "server": ${JSON.stringify(server)}`, safety: "unsafe", edits } };
}

/**
 * What else depends on the proxy being active. One omission, one finding: the rules about those
 * settings leave a missing `active` to this one, which says what it also breaks and where.
 */
function proxyNeeds(root: unknown): { message: string; related: { pointer: string; message: string } }[] {
  const needs: { message: string; related: { pointer: string; message: string } }[] = [];
  if (getAt(root, ["configuration", "browser", "captcha_solver", "active"]) === true) {
    needs.push({
      message: 'The CAPTCHA solver is on, and the API rejects it without an active proxy ("CAPTCHA solver requires proxy to be active"): add "active": true.',
      related: { pointer: "/configuration/browser/captcha_solver/active", message: "The CAPTCHA solver is turned on here; it requires an active proxy." },
    });
  }
  const type = getAt(root, ["configuration", "session", "proxy", "type"]);
  if (getAt(root, ["configuration", "browser", "extra_stealth", "active"]) === true && type !== "custom") {
    needs.push({
      message: 'Extra stealth is on, and it works only with an active Anchor proxy: add "active": true.',
      related: { pointer: "/configuration/browser/extra_stealth/active", message: "Extra stealth is turned on here; it requires an active Anchor proxy." },
    });
  }
  return needs;
}

function firstSentence(text: string): string {
  const plain = text.replace(/\*\*/g, "").split("\n")[0]!.trim();
  const end = plain.search(/\.(\s|$)/);
  return (end > 0 ? plain.slice(0, end) : plain).replace(/\.$/, "");
}

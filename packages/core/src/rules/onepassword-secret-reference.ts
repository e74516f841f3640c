import { defineRule } from "../rule.js";
import { didYouMean, getAt, isObject, pointerOf, quote, quotedList } from "./util.js";

const SHAPE = '"op://<vault>/<item>[/<section>]/<field>"';
const NAME_CHAR = /^[A-Za-z0-9 ._-]$/;
const FIELD_ATTRIBUTES = ["type", "value", "id", "purpose", "otp"];
const FILE_ATTRIBUTES = ["type", "content", "size", "id", "name"];
const ALL_ATTRIBUTES = [...new Set([...FIELD_ATTRIBUTES, ...FILE_ATTRIBUTES])];
const QUERY_PARAMETERS = ["attribute", "ssh-format"];

function roles(count: number): string[] {
  return count === 4 ? ["vault", "item", "section", "field"] : ["vault", "item", "field"];
}

function ordinal(n: number): string {
  return n === 1 ? "1st" : n === 2 ? "2nd" : n === 3 ? "3rd" : `${n}th`;
}

/**
 * What is wrong with a secret reference, or undefined when it is well formed.
 * 1Password matches references case-insensitively, so the scheme and the query's names and values
 * are compared without case; names themselves are only checked for their characters.
 */
function secretReferenceProblem(reference: string): string | undefined {
  const q = quote(reference);
  if (reference.trim() === "") return `Secret reference ${q} is empty; expected ${SHAPE}.`;
  if (/^\s/.test(reference)) return `Secret reference ${q} starts with whitespace; it must start with "op://".`;

  const otherScheme = /^([^:/?]+):\/\//.exec(reference);
  let rest: string;
  if (/^op:/i.test(reference)) {
    if (!reference.slice(3).startsWith("//")) {
      return `Secret reference ${q} must start with "op://" (two slashes after "op:").`;
    }
    rest = reference.slice(5);
  } else if (otherScheme) {
    return `Secret reference ${q} uses the ${quote(otherScheme[1] + "://")} scheme; 1Password secret references start with "op://".`;
  } else {
    const bare = reference.replace(/^\/+/, "");
    const segments = bare.split("?")[0]!.split("/");
    const hint = segments.length >= 3 && segments.length <= 4 ? `; did you mean ${quote("op://" + bare)}?` : `; expected ${SHAPE}.`;
    return `Secret reference ${q} does not start with "op://"${hint}`;
  }

  const queryStart = rest.indexOf("?");
  const path = queryStart === -1 ? rest : rest.slice(0, queryStart);
  const query = queryStart === -1 ? undefined : rest.slice(queryStart + 1);

  if (path === "") return `Secret reference ${q} names no vault, item or field; expected ${SHAPE}.`;
  if (path.endsWith("/")) return `Secret reference ${q} ends its path with "/"; the last segment must be a field name.`;
  const segments = path.split("/");
  const empty = segments.indexOf("");
  if (empty !== -1) {
    const role = segments.length === 3 || segments.length === 4 ? `${roles(segments.length)[empty]} name` : `${ordinal(empty + 1)} segment`;
    return `Secret reference ${q} has an empty ${role} ("//"); every segment of ${SHAPE} needs a name or an ID.`;
  }
  if (segments.length < 3) {
    return `Secret reference ${q} has ${segments.length === 1 ? "only 1 segment" : `only ${segments.length} segments`} after "op://"; expected ${SHAPE} (vault, item and field are required).`;
  }
  if (segments.length > 4) {
    return (
      `Secret reference ${q} has ${segments.length} segments after "op://"; expected at most 4, ${SHAPE}. ` +
      `A name that contains "/" must be referred to by its ID.`
    );
  }

  const segmentRoles = roles(segments.length);
  let position = 5; // 0-based index in the reference of the current segment's first character
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    let offset = 0;
    for (const char of segment) {
      if (!NAME_CHAR.test(char)) {
        const role = segmentRoles[index]!;
        return (
          `Secret reference ${q}: the ${role} name ${quote(segment)} contains ${quote(char)} at position ` +
          `${position + offset + 1}, which secret references do not allow (only ASCII letters, digits, "-", "_", "." and spaces); ` +
          `refer to the ${role} by its ID instead.`
        );
      }
      offset += char.length;
    }
    position += segment.length + 1;
  }

  if (query === undefined) return undefined;
  if (query === "") return `Secret reference ${q} ends with "?" but has no query; remove the "?" or add "attribute=..." or "ssh-format=openssh".`;
  const parameters = query.split("&");
  if (parameters.length > 1) {
    return `Secret reference ${q} has ${parameters.length} query parameters; only one is allowed: "attribute=..." or "ssh-format=openssh".`;
  }
  const parameter = parameters[0]!;
  const equals = parameter.indexOf("=");
  const writtenName = equals === -1 ? parameter : parameter.slice(0, equals);
  const name = writtenName.toLowerCase();
  const value = equals === -1 ? "" : parameter.slice(equals + 1);
  if (!QUERY_PARAMETERS.includes(name)) {
    const guess = didYouMean(name, QUERY_PARAMETERS);
    return (
      `Secret reference ${q} has an unknown query parameter ${quote(writtenName)}; ` +
      (guess ? `did you mean ${quote(guess)}?` : `use ${quotedList(QUERY_PARAMETERS)}.`)
    );
  }
  const allowed = name === "attribute" ? ALL_ATTRIBUTES : ["openssh"];
  if (value === "") {
    return `Secret reference ${q}: query parameter ${quote(writtenName)} has no value; use ${quotedList(allowed)}.`;
  }
  if (allowed.includes(value.toLowerCase())) return undefined;
  if (name === "attribute") {
    const guess = didYouMean(value, allowed);
    // Whether the last segment is a field or a file attachment is only known to 1Password: name both sets.
    return (
      `Secret reference ${q} asks for an unknown attribute ${quote(value)}` +
      (guess ? `; did you mean ${quote(guess)}? ` : ". ") +
      `Fields have ${quotedList(FIELD_ATTRIBUTES)}; file attachments have ${quotedList(FILE_ATTRIBUTES)}.`
    );
  }
  return `Secret reference ${q} asks for ssh-format ${quote(value)}; the only format is "openssh".`;
}

export default defineRule({
  meta: {
    id: "onepassword-secret-reference",
    description: "A 1Password secret is not a valid secret reference of the form op://vault/item[/section]/field.",
    defaultSeverity: "error",
    fixable: false,
    category: "semantic",
  },
  check(context) {
    const integrations = getAt(context.root, ["configuration", "integrations"]);
    if (!Array.isArray(integrations)) return;
    integrations.forEach((integration, i) => {
      if (!isObject(integration)) return;
      const type = getAt(integration, ["type"]);
      // Another integration type may use another secret syntax; an unknown type is valid-enum's finding.
      if (typeof type === "string" && type.toLowerCase() !== "1password") return;
      const secrets = getAt(integration, ["configuration", "secrets"]);
      if (!Array.isArray(secrets)) return;
      secrets.forEach((secret, j) => {
        if (typeof secret !== "string") return;
        const message = secretReferenceProblem(secret);
        if (message) {
          context.report({ pointer: pointerOf(["configuration", "integrations", i, "configuration", "secrets", j]), message });
        }
      });
    });
  },
});

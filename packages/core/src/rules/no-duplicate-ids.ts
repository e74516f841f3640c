import type { FixProposal } from "../rule.js";
import { defineRule } from "../rule.js";
import { getAt, isObject, pointerOf, quote } from "./util.js";

interface Entry {
  /** Index in the array. */
  index: number;
  value: string;
  /** Path of the id value. */
  path: (string | number)[];
}

interface Group {
  /** Path of the array the entries come from. */
  arrayPath: (string | number)[];
  entries: Entry[];
  /** Comparison key: ids that are the same to the API map to the same key. */
  key(value: string): string;
  describe(value: string): string;
  /** Why two differently written ids count as one, when `key` ignores case. */
  caseReason?: string;
  /** Whether a repeat is the whole array element (a plain string) and can be removed as such. */
  removable: boolean;
}

const exact = (value: string) => value;
// Extension and integration ids are UUIDs and secret references are matched without case by 1Password.
const caseless = (value: string) => value.toLowerCase();

function stringEntries(array: unknown, arrayPath: (string | number)[]): Entry[] {
  if (!Array.isArray(array)) return [];
  const entries: Entry[] = [];
  array.forEach((value, index) => {
    if (typeof value === "string") entries.push({ index, value, path: [...arrayPath, index] });
  });
  return entries;
}

function idEntries(array: unknown, arrayPath: (string | number)[]): Entry[] {
  if (!Array.isArray(array)) return [];
  const entries: Entry[] = [];
  array.forEach((element, index) => {
    const id = getAt(element, ["id"]);
    if (typeof id === "string") entries.push({ index, value: id, path: [...arrayPath, index, "id"] });
  });
  return entries;
}

export default defineRule({
  meta: {
    id: "no-duplicate-ids",
    description: "An extension, integration, identity or 1Password secret is listed more than once.",
    defaultSeverity: "warning",
    fixable: "unsafe",
    category: "semantic",
  },
  check(context) {
    const root = context.root;
    // Most requests list none of these arrays: nothing can repeat, so no groups are built.
    const configuration = getAt(root, ["configuration"]);
    if (
      !Array.isArray(getAt(configuration, ["browser", "extensions"])) &&
      !Array.isArray(getAt(configuration, ["integrations"])) &&
      !Array.isArray(getAt(configuration, ["identities"]))
    ) {
      return;
    }
    const groups: Group[] = [];

    const extensionsPath = ["configuration", "browser", "extensions"];
    groups.push({
      arrayPath: extensionsPath,
      entries: stringEntries(getAt(root, extensionsPath), extensionsPath),
      key: caseless,
      describe: (value) => `Extension ${quote(value)}`,
      caseReason: "extension ids are UUIDs, which ignore case",
      removable: true,
    });

    const integrationsPath = ["configuration", "integrations"];
    const integrations = getAt(root, integrationsPath);
    groups.push({
      arrayPath: integrationsPath,
      entries: idEntries(integrations, integrationsPath),
      key: caseless,
      describe: (value) => `Integration id ${quote(value)}`,
      caseReason: "integration ids are UUIDs, which ignore case",
      removable: false,
    });
    if (Array.isArray(integrations)) {
      integrations.forEach((integration, i) => {
        if (!isObject(integration)) return;
        const secretsPath = [...integrationsPath, i, "configuration", "secrets"];
        groups.push({
          arrayPath: secretsPath,
          entries: stringEntries(getAt(root, secretsPath), secretsPath),
          key: caseless,
          describe: (value) => `Secret ${quote(value)}`,
          caseReason: "1Password matches secret references without regard to case",
          removable: true,
        });
      });
    }

    // Identity ids have no documented format, so only identical strings count as repeats.
    const identitiesPath = ["configuration", "identities"];
    groups.push({
      arrayPath: identitiesPath,
      entries: idEntries(getAt(root, identitiesPath), identitiesPath),
      key: exact,
      describe: (value) => `Identity id ${quote(value)}`,
      removable: false,
    });

    for (const group of groups) {
      const first = new Map<string, Entry>();
      const array = getAt(root, group.arrayPath);
      const arrayLength = Array.isArray(array) ? array.length : 0;
      for (const entry of group.entries) {
        const key = group.key(entry.value);
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, entry);
          continue;
        }
        const sameText = earlier.value === entry.value;
        const message = sameText
          ? `${group.describe(entry.value)} is listed more than once (first at index ${earlier.index}).`
          : `${group.describe(entry.value)} is listed more than once (first at index ${earlier.index}, ` +
            `as ${quote(earlier.value)}: ${group.caseReason}).`;
        let fix: FixProposal | undefined;
        if (group.removable) {
          fix = {
            title: `Remove the repeated ${quote(entry.value)}`,
            safety: "unsafe",
            edits: context.source.removeElement(pointerOf(group.arrayPath), entry.index, arrayLength),
          };
        }
        context.report({
          pointer: pointerOf(entry.path),
          message,
          ...(fix ? { fix } : {}),
          related: [{ pointer: pointerOf(earlier.path), message: "first listed here" }],
        });
      }
    }
  },
});

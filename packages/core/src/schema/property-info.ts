import { propertyDocs, propertyHomes, type PropertyDoc } from "../generated/property-docs.js";

const docs = propertyDocs as Readonly<Record<string, PropertyDoc>>;
const homes = propertyHomes as Readonly<Record<string, readonly string[]>>;

/** Documentation of the property at a schema path pattern (`/configuration/integrations/*\/type`). */
export function docOf(pattern: string): PropertyDoc | undefined {
  return Object.prototype.hasOwnProperty.call(docs, pattern) ? docs[pattern] : undefined;
}

/** Patterns where a key name is a known property. */
export function homesOf(key: string): readonly string[] {
  return Object.prototype.hasOwnProperty.call(homes, key) ? homes[key]! : [];
}

import { rules } from "@anchor-lint/core";
import { configSchema } from "../src/config-schema.js";

/** The editor schema's text, as build.mjs writes it to schema/. */
export function configSchemaText(): string {
  return `${JSON.stringify(configSchema(rules.map((rule) => rule.id)), null, 2)}\n`;
}

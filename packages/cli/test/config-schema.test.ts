import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rules } from "@anchor-lint/core";
import { configSchema } from "../src/config-schema.js";

describe("editor schema", () => {
  it("lists exactly the core's rule ids and is up to date (pnpm --filter @anchor-lint/cli generate writes it)", () => {
    const shipped = JSON.parse(readFileSync(new URL("../schema/anchor-lint.config.schema.json", import.meta.url), "utf8"));
    expect(Object.keys(shipped.properties.rules.properties)).toEqual(rules.map((rule) => rule.id));
    expect(shipped).toEqual(configSchema(rules.map((rule) => rule.id)));
  });
});

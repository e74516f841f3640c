// Choices docs/spec-decisions.md records where the sources leave room: what each gives a user.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lint, load, requestSchema } from "@anchor-lint/core";

const shipped = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { exports: Record<string, unknown> };
const ruleIdsOf = (text: string) => lint(text).map((finding) => [finding.ruleId, finding.pointer, finding.message]);

describe("$schema in a *.anchor.json", () => {
  const withSchema = (value: unknown) => JSON.stringify({ $schema: value, count: 1 }, null, 2);

  it("is accepted at the top level as a string, the way editors attach the shipped schema", () => {
    expect(shipped.exports["./schema.json"]).toBe("./dist/generated/request.schema.json");
    expect(ruleIdsOf(withSchema("./node_modules/@anchor-lint/core/dist/generated/request.schema.json"))).toEqual([]);
    expect(ruleIdsOf(withSchema("https://example.com/anchor.schema.json"))).toEqual([]);
  });

  it("is in the shipped schema, so an editor validating with it does not flag the key either", () => {
    const properties = (requestSchema as { properties: Record<string, { type?: string }>; additionalProperties?: unknown }).properties;
    expect(properties.$schema?.type).toBe("string");
  });

  it("must be a string", () => {
    expect(ruleIdsOf(withSchema(7)).map(([id, pointer]) => [id, pointer])).toEqual([["valid-type", "/$schema"]]);
  });

  it("is unknown anywhere but the top level", () => {
    const text = JSON.stringify({ count: 1, configuration: { $schema: "x" } }, null, 2);
    expect(lint(text).map((finding) => [finding.ruleId, finding.pointer])).toEqual([["known-property", "/configuration/$schema"]]);
  });

  it("is left out of the request load() returns: it is not part of the API's body", () => {
    const request = load(withSchema("./schema.json"));
    expect(request).toEqual({ count: 1 });
  });
});

describe("an integration's id", () => {
  const integration = (item: Record<string, unknown>) =>
    JSON.stringify({ count: 1, configuration: { integrations: [{ type: "1PASSWORD", configuration: { load_mode: "all" }, ...item }] } }, null, 2);

  it("is required, as the vendor spec, the baseline's schema and the official SDK all have it", () => {
    expect(ruleIdsOf(integration({}))).toEqual([
      [
        "required-property",
        "/configuration/integrations/0",
        'Missing required property "id" in configuration.integrations[0] (Unique integration ID).',
      ],
    ]);
    expect(ruleIdsOf(integration({ id: "550e8400-e29b-41d4-a716-446655440000" }))).toEqual([]);
  });
});

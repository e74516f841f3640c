import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generate, generatedRoot } from "../scripts/generate.mjs";
import validate from "../src/generated/validate-request.js";
import { countryCodesByProxyType } from "../src/generated/countries.js";
import { propertyDocs, propertyHomes } from "../src/generated/property-docs.js";
import schema from "../src/generated/request.schema.json" with { type: "json" };

function specExamples(): Record<string, unknown> {
  const md = readFileSync(join(generatedRoot, "spec/create-batch-sessions.md"), "utf8");
  const block = /````yaml[^\n]*\n([\s\S]*?)\n````/.exec(md)?.[1] ?? "";
  const examples = parse(block).paths.request.body["application/json"].examples as Record<string, { value: unknown }>;
  return Object.fromEntries(Object.entries(examples).map(([k, v]) => [k, v.value]));
}

function errorsOf(value: unknown): { instancePath: string; keyword: string; params: unknown }[] {
  validate(value);
  return (validate.errors ?? []).map(({ instancePath, keyword, params }) => ({ instancePath, keyword, params }));
}

const withProxy = (proxy: unknown) => ({ count: 1, configuration: { session: { proxy } } });
const withOnePassword = (configuration: unknown) => ({
  count: 1,
  configuration: {
    integrations: [{ id: "550e8400-e29b-41d4-a716-446655440000", type: "1PASSWORD", configuration }],
  },
});

describe("generated files", () => {
  it.each(Object.entries(generate()))("%s is up to date", (rel, expected) => {
    const actual = readFileSync(join(generatedRoot, rel), "utf8");
    expect(actual === expected, `${rel} is stale: run \`pnpm generate\` in packages/core`).toBe(true);
  });
});

describe("request validator", () => {
  const examples = specExamples();

  it("accepts the spec's small_batch example", () => {
    expect(validate(examples.small_batch)).toBe(true);
  });

  it("reports exactly the count maximum and the misplaced recording in large_batch, nothing for session.tags", () => {
    expect(errorsOf(examples.large_batch)).toEqual([
      { instancePath: "/count", keyword: "maximum", params: { comparison: "<=", limit: 1000 } },
      { instancePath: "/configuration/browser", keyword: "additionalProperties", params: { additionalProperty: "recording" } },
    ]);
  });

  it("checks country codes against the list of the proxy's own type", () => {
    expect(validate(withProxy({ active: true, type: "anchor_mobile", country_code: "bt" }))).toBe(true);
    expect(errorsOf(withProxy({ active: true, type: "anchor_residential", country_code: "bt" }))).toContainEqual({
      instancePath: "/configuration/session/proxy/country_code",
      keyword: "enum",
      params: { allowedValues: countryCodesByProxyType.anchor_residential },
    });
  });

  it("treats a proxy without type as anchor_proxy", () => {
    expect(validate(withProxy({ active: true, country_code: "bt" }))).toBe(false);
    expect(validate(withProxy({ active: true, country_code: "ad" }))).toBe(true);
  });

  it.each(["anchor_proxy", "anchor_residential", "anchor_mobile", "anchor_gov"])(
    "accepts fr, listed for every type, with %s (a naive oneOf would reject it)",
    (type) => {
      expect(validate(withProxy({ active: true, type, country_code: "fr" }))).toBe(true);
    },
  );

  it("requires server, username and password on a custom proxy", () => {
    const missing = errorsOf(withProxy({ active: true, type: "custom" }))
      .filter((e) => e.keyword === "required")
      .map((e) => (e.params as { missingProperty: string }).missingProperty);
    expect(missing).toEqual(["server", "username", "password"]);
    expect(
      validate(withProxy({ active: true, type: "custom", server: "http://p.example:8080", username: "u", password: "p" })),
    ).toBe(true);
  });

  it("requires secrets when load_mode is specific", () => {
    expect(validate(withOnePassword({ load_mode: "all" }))).toBe(true);
    expect(errorsOf(withOnePassword({ load_mode: "specific" }))).toContainEqual({
      instancePath: "/configuration/integrations/0/configuration",
      keyword: "required",
      params: { missingProperty: "secrets" },
    });
    expect(validate(withOnePassword({ load_mode: "specific", secrets: ["op://vault/item/field"] }))).toBe(true);
  });

  it("accepts -1 as no limit for both timeouts, and 0 (no minimum is documented), and rejects other negative numbers", () => {
    expect(validate({ count: 1, configuration: { session: { timeout: { max_duration: -1, idle_timeout: -1 } } } })).toBe(true);
    expect(validate({ count: 1, configuration: { session: { timeout: { idle_timeout: 0 } } } })).toBe(true);
    expect(validate({ count: 1, configuration: { session: { timeout: { idle_timeout: -2 } } } })).toBe(false);
  });

  it("leaves metadata free-form", () => {
    expect(validate({ count: 1, metadata: { anything: { nested: [1, 2] } } })).toBe(true);
  });
});

describe("schema and docs tables", () => {
  it("has no oneOf left anywhere", () => {
    expect(JSON.stringify(schema)).not.toContain('"oneOf"');
  });

  it("knows where a misplaced key belongs", () => {
    expect(propertyHomes.recording).toEqual(["/configuration/session/recording"]);
  });

  it("documents defaults, per-value descriptions and secrets", () => {
    expect(propertyDocs["/configuration/browser/viewport/width"]?.default).toBe(1440);
    expect(propertyDocs["/configuration/session/proxy/type"]?.enumDescriptions?.anchor_gov).toMatch(/governmental/);
    expect(propertyDocs["/configuration/session/proxy/password"]?.secret).toBe(true);
  });
});

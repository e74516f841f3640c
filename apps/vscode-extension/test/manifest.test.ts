// The extension's manifest against what the server and the core actually do: a setting, rule id
// or command that drifts apart from them would fail silently in VS Code.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { rules } from "@anchor-lint/core";
import { describe, expect, it } from "vitest";
import { defaultSettings } from "../../../packages/language-server/src/settings.js";

const here = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const manifest = JSON.parse(readFileSync(here("package.json"), "utf8"));
const source = readFileSync(here("src/extension.ts"), "utf8");
const vscodeignore = readFileSync(here(".vscodeignore"), "utf8").split("\n");
const properties = manifest.contributes.configuration.properties;

describe("extension manifest", () => {
  it("activates for *.anchor.json in json and jsonc, and for workspaces holding one", () => {
    expect(manifest.activationEvents).toEqual(["onLanguage:json", "onLanguage:jsonc", "workspaceContains:**/*.anchor.json"]);
    expect(source).toMatch(/\{ language: "json", pattern \}/);
    expect(source).toMatch(/\{ language: "jsonc", pattern \}/);
  });

  it("contributes exactly the settings the server reads, with the server's defaults, and the client's trace", () => {
    // anchorLint.trace.server is read by vscode-languageclient itself (client id "anchorLint").
    expect(Object.keys(properties).sort()).toEqual([...Object.keys(defaultSettings).map((k) => `anchorLint.${k}`), "anchorLint.trace.server"].sort());
    expect(source).toContain('new AnchorLintClient("anchorLint"');
    expect(properties["anchorLint.trace.server"]).toMatchObject({ enum: ["off", "messages", "verbose"], default: "off" });
    expect(properties["anchorLint.enable"].default).toBe(defaultSettings.enable);
    expect(properties["anchorLint.filePattern"].default).toBe(defaultSettings.filePattern);
    expect(properties["anchorLint.rules"].default).toEqual(defaultSettings.rules);
    expect(properties["anchorLint.maxCount"].default).toBeNull();
  });

  it("completes every rule id, and only rule ids, in anchorLint.rules", () => {
    const schema = properties["anchorLint.rules"];
    expect(schema.propertyNames.enum).toEqual(rules.map((r) => r.id));
    expect(schema.additionalProperties.enum).toEqual(["off", "warn", "error"]);
  });

  it("registers every command it contributes, under the anchor-lint category", () => {
    const titles = manifest.contributes.commands.map((c: { category: string; title: string }) => `${c.category}: ${c.title}`);
    expect(titles).toEqual(["anchor-lint: Fix all problems in file", "anchor-lint: Restart server", "anchor-lint: Show output"]);
    for (const { command } of manifest.contributes.commands) expect(source).toContain(`registerCommand("${command}"`);
  });

  it("ships what the manifest points at, and nothing else", () => {
    const shipped = (file: string) => vscodeignore.includes(`!${file.replace(/^\.\//, "")}`) || vscodeignore.includes("!schemas/*.json") && file.startsWith("./schemas/");
    expect(vscodeignore[1]).toBe("**");
    expect(shipped(manifest.main)).toBe(true);
    expect(shipped("dist/server.cjs")).toBe(true);
    for (const { url } of manifest.contributes.jsonValidation) expect(shipped(url), url).toBe(true);
  });

  it("associates with *.anchor.json a schema that only allows comments and trailing commas", () => {
    // Anything more would make VS Code's own validation repeat the server's findings without rule ids.
    const entry = manifest.contributes.jsonValidation.find((v: { fileMatch: string }) => v.fileMatch === "*.anchor.json");
    const schema = JSON.parse(readFileSync(here(entry.url), "utf8"));
    const { $comment, ...rest } = schema;
    expect($comment).toBeTypeOf("string");
    expect(rest).toEqual({ allowComments: true, allowTrailingCommas: true });
    const config = manifest.contributes.jsonValidation.find((v: { fileMatch: string }) => v.fileMatch === "anchor-lint.config.json");
    expect(config.url).toBe("./dist/anchor-lint.config.schema.json");
    expect(existsSync(fileURLToPath(new URL("../../../packages/cli/schema/anchor-lint.config.schema.json", import.meta.url)))).toBe(true);
  });
});

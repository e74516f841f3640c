import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { allRules } from "../src/rules/index.js";
import { lint } from "@anchor-lint/core";

const docsDir = new URL("../../../docs/rules/", import.meta.url);
const testsDir = new URL("./rules/", import.meta.url);
const rulesDir = new URL("../src/rules/", import.meta.url);
const examplesDir = new URL("../../../examples/", import.meta.url);

function section(doc: string, heading: string): string | undefined {
  const match = new RegExp(`^## ${heading}\\n([\\s\\S]*?)(?=^## |$(?![\\s\\S]))`, "m").exec(doc);
  return match?.[1];
}

function jsonBlocks(text: string | undefined): string[] {
  return [...(text ?? "").matchAll(/```jsonc?\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

describe("rule catalog", () => {
  it("the registry is sorted by id and holds every rule file", () => {
    const ids = allRules.map((rule) => rule.meta.id);
    expect(ids).toEqual([...ids].sort());
    const files = readdirSync(rulesDir).filter((file) => file.endsWith(".ts") && file !== "index.ts" && file !== "util.ts").map((file) => file.replace(/\.ts$/, ""));
    expect(ids).toEqual(files.sort());
  });

  for (const rule of allRules) {
    const id = rule.meta.id;
    describe(id, () => {
      const docUrl = new URL(`${id}.md`, docsDir);

      it("has a doc whose summary is the rule's description", () => {
        expect(existsSync(docUrl), `docs/rules/${id}.md is missing`).toBe(true);
        const doc = readFileSync(docUrl, "utf8");
        const [title, , summary] = doc.split("\n");
        expect(title).toBe(`# ${id}`);
        expect(summary).toBe(rule.meta.description);
        for (const heading of ["Why", "Invalid", "Valid"]) expect(section(doc, heading), `## ${heading}`).toBeDefined();
        // A rule that reads the request's values says which documented defaults it counts for omitted ones.
        if (rule.meta.category === "semantic") expect(section(doc, "Defaults"), "## Defaults").toMatch(/\S/);
      });

      it("has its own test table", () => {
        expect(existsSync(new URL(`${id}.test.ts`, testsDir)), `test/rules/${id}.test.ts is missing`).toBe(true);
      });

      it("the doc's invalid examples trigger it and its valid examples do not", () => {
        const doc = readFileSync(docUrl, "utf8");
        const invalid = jsonBlocks(section(doc, "Invalid"));
        if (rule.meta.category !== "syntax") expect(invalid.length).toBeGreaterThan(0);
        for (const example of invalid) expect(lint(example).map((finding) => finding.ruleId)).toContain(id);
        for (const example of jsonBlocks(section(doc, "Valid"))) expect(lint(example).map((finding) => finding.ruleId)).not.toContain(id);
      });
    });
  }
});

describe("docs/rules/README.md", () => {
  it("is the index generated from the metadata (run `pnpm --filter @anchor-lint/core docs:rules`)", async () => {
    const { rulesReadme } = await import("../scripts/rules-readme.mjs");
    const { rules } = await import("@anchor-lint/core");
    expect(readFileSync(new URL("README.md", docsDir), "utf8")).toBe(rulesReadme(rules));
  });
});

describe("finding messages", () => {
  // The one message that is not a sentence: it is the API's own 400 text, kept verbatim so users can match it.
  const apiWording = "CAPTCHA solver requires proxy to be active";
  const sources = [
    ...readdirSync(docsDir)
      .filter((file) => file.endsWith(".md"))
      .flatMap((file) =>
        jsonBlocks(readFileSync(new URL(file, docsDir), "utf8")).map((text, index) => ({ name: `docs/rules/${file} example ${index + 1}`, text })),
      ),
    ...readdirSync(examplesDir)
      .filter((file) => file.endsWith(".anchor.json"))
      .map((file) => ({ name: `examples/${file}`, text: readFileSync(new URL(file, examplesDir), "utf8") })),
  ];

  it("has examples to read", () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it.each(sources)("$name: every message is a full sentence ending with \".\" or \"?\"", ({ text }) => {
    for (const finding of lint(text)) {
      if (finding.message === apiWording) continue;
      expect(finding.message, finding.ruleId).toMatch(/[.?]$/);
    }
  });
});

// Writes docs/rules/README.md, the rule index, from the rules' metadata (run after `pnpm build`).
import { writeFileSync } from "node:fs";

/** The index page for a list of rule metadata; a test compares it with the committed file. */
export function rulesReadme(rules) {
  const rows = rules.map((rule) => {
    const fix = rule.fixable ? `${rule.fixable}` : "";
    return `| [\`${rule.id}\`](${rule.id}.md) | ${rule.category} | ${rule.defaultSeverity} | ${fix} | ${rule.description.replace(/\|/g, "\\|")} |`;
  });
  return [
    "# Rules",
    "",
    "Generated from the rules' metadata by `packages/core/scripts/rules-readme.mjs`; do not edit.",
    "Ids are stable and public. Set any rule to `\"off\"`, `\"warn\"` or `\"error\"` in `anchor-lint.config.json`.",
    "",
    "| rule | category | default | fix | what it checks |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rules } = await import("../dist/index.js");
  writeFileSync(new URL("../../../docs/rules/README.md", import.meta.url), rulesReadme(rules));
}

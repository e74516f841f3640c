/** JSON Schema of anchor-lint.config.json, for editors; the CLI validates configs itself. */
export function configSchema(ruleIds: readonly string[]): object {
  const setting = { enum: ["off", "warn", "error"], description: "off: not checked; warn: reported, exit code unaffected; error: exit code 1." };
  const rules = {
    type: "object",
    description: "Rule settings by rule id.",
    properties: Object.fromEntries(
      ruleIds.map((id) => [id, { ...setting, markdownDescription: `[${id}](https://github.com/anchor-lint/anchor-lint/blob/main/docs/rules/${id}.md)` }]),
    ),
    additionalProperties: false,
  };
  const globs = { type: "array", items: { type: "string", minLength: 1 } };
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "https://github.com/anchor-lint/anchor-lint/blob/main/packages/cli/schema/anchor-lint.config.schema.json",
    title: "anchor-lint configuration",
    description: "anchor-lint.config.json: the nearest one above a linted file (up to the repository root) applies.",
    type: "object",
    properties: {
      $schema: { type: "string" },
      rules,
      maxCount: { type: "integer", minimum: 1, description: "Highest allowed session count (default 1000, the API's limit)." },
      ignores: { ...globs, description: "Globs, relative to this file's folder, of files not to lint; \"dir/\" means everything below dir." },
      overrides: {
        type: "array",
        description: "Rule settings for some files; later entries win.",
        items: {
          type: "object",
          properties: {
            files: { ...globs, minItems: 1, description: "Globs relative to this file's folder." },
            rules,
          },
          required: ["files", "rules"],
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  };
}

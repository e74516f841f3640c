// Turns the spec files in ../spec into the tables the engine needs (see docs/spec-decisions.md).
// Plain JS: Node 20 cannot strip types; scripts/generate.d.mts types it for the test. One module per
// responsibility under generate/: reading the spec (spec.mjs), building the schema (schema.mjs), the
// ajv standalone validator (validator.mjs), the TypeScript types (types.mjs), the country tables
// (countries.mjs), the country names (country-names.mjs), the language codes (language-codes.mjs), the alpha-3 codes (country-alpha3.mjs) and
// the property docs (property-docs.mjs).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { countriesTs } from "./generate/countries.mjs";
import { countryAlpha3Ts } from "./generate/country-alpha3.mjs";
import { COUNTRY_NAMES_FILE, countryNamesTs } from "./generate/country-names.mjs";
import { LANGUAGE_CODES_FILE, languageCodesTs } from "./generate/language-codes.mjs";
import { propertyDocsTs } from "./generate/property-docs.mjs";
import { buildModel } from "./generate/schema.mjs";
import { packageRoot } from "./generate/spec.mjs";
import { typesTs } from "./generate/types.mjs";
import { VALIDATOR_DTS, validatorCode } from "./generate/validator.mjs";

/** Every generated file, keyed by path relative to packages/core; deterministic. */
export function generate() {
  const model = buildModel();
  return {
    "src/generated/request.schema.json": `${JSON.stringify(model.schema, null, 2)}\n`,
    "src/generated/validate-request.js": validatorCode(model.schema),
    "src/generated/validate-request.d.ts": VALIDATOR_DTS,
    "src/generated/request-types.ts": typesTs(model),
    "src/generated/countries.ts": countriesTs(model.extracted),
    "src/generated/property-docs.ts": propertyDocsTs(model),
    [COUNTRY_NAMES_FILE]: countryNamesTs(),
    [LANGUAGE_CODES_FILE]: languageCodesTs(),
    "src/generated/country-alpha3.ts": countryAlpha3Ts(),
  };
}

export const generatedRoot = packageRoot;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [rel, text] of Object.entries(generate())) {
    const file = join(packageRoot, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`wrote ${rel}`);
  }
}

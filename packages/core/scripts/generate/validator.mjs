// The validator: ajv's standalone code of request.schema.json as an ES module, and its types.
import { Ajv, _ } from "ajv";
import addFormats from "ajv-formats";
import standaloneCode from "ajv/dist/standalone/index.js";
import { BASELINE, VENDOR, fail, header } from "./spec.mjs";

export function validatorCode(schema) {
  // Formats come from a variable the prelude imports, so the code holds no require().
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true, esm: true, formats: _`formats`, lines: true } });
  addFormats.default(ajv, ["uri", "uuid"]);
  const validate = ajv.compile(schema);
  let code = standaloneCode.default(ajv, validate);
  const imports = [];
  code = code.replace(/require\("([^"]+)"\)/g, (_m, spec) => {
    const name = `runtime${imports.length}`;
    imports.push(`import ${name} from "${spec.endsWith(".js") ? spec : `${spec}.js`}";`);
    return name;
  });
  if (/\brequire\(/.test(code)) fail("standalone validator still calls require");
  code = code.replace(/^"use strict";\n?/, "");
  // The schema is exported from here rather than imported as JSON by the index: an import attribute
  // (\`with { type: "json" }\`) in the published code breaks older bundlers and Node versions, and this
  // file already holds the schema once.
  const embedded = [...code.matchAll(/^const (schema\d+) = (\{.*\});$/gm)].find((m) => JSON.stringify(JSON.parse(m[2])) === JSON.stringify(schema));
  if (!embedded) fail("standalone validator does not embed the request schema");
  code = `${code.trimEnd()}\nexport const requestSchema = ${embedded[1]};\n`;
  const prelude = [
    header(`${BASELINE} and ${VENDOR}`).trimEnd(),
    "// ajv standalone code of request.schema.json; browser-safe (no node: imports).",
    // Not ajv-formats' formats: its uri expression overflows the stack on a long URL (see formats.ts).
    `import { formats } from "../schema/formats.js";`,
    ...imports,
    "",
  ].join("\n");
  return `${prelude}${code.trimEnd()}\n`;
}

export const VALIDATOR_DTS = `${header(`${BASELINE} and ${VENDOR}`)}import type { ErrorObject } from "ajv";

/** Validates a batch-session request body against request.schema.json; on false, \`.errors\` says why. */
declare const validate: {
  (data: unknown): boolean;
  errors: ErrorObject[] | null;
};
export default validate;

/** The schema the validator was compiled from (request.schema.json). */
export declare const requestSchema: Readonly<Record<string, unknown>>;
`;

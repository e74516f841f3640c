// tsc does not copy JSON that is only imported with attributes; the schema ships as a file too.
import { cpSync, mkdirSync } from "node:fs";
mkdirSync(new URL("../dist/generated/", import.meta.url), { recursive: true });
cpSync(new URL("../src/generated/request.schema.json", import.meta.url), new URL("../dist/generated/request.schema.json", import.meta.url));

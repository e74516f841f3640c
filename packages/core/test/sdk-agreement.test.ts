// The core must know session creation as the vendor's official SDK types it: a config written from
// `SessionCreateParams` must never get "Unknown property", and whatever the core knows beyond the SDK
// must have a documented source in spec/FACTS.md.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { propertyDocs, type PropertyDoc } from "../src/generated/property-docs.js";
import { countryCodesByProxyType } from "../src/generated/countries.js";

const here = dirname(fileURLToPath(import.meta.url));
const SDK_VERSION = "0.16.3";

/** What the SDK's type says about one property; `*` in a path stands for an array item. */
interface SdkProperty {
  kinds: Set<string>;
  /** String literal values, when the type is a union of them. */
  enum?: Set<string>;
  required: boolean;
}

/** Walks `SessionCreateParams` with the compiler API: every property at every depth, keyed by pointer pattern. */
function sdkProperties(): Map<string, SdkProperty> {
  const probe = join(here, "__sdk_probe__.ts");
  const source = `import type Anchorbrowser from "anchorbrowser";\nexport type Probe = Anchorbrowser.SessionCreateParams;\n`;
  const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true, skipLibCheck: true, types: [] };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language) => (name === probe ? ts.createSourceFile(name, source, language) : getSourceFile(name, language));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === probe || fileExists(name);
  const program = ts.createProgram([probe], options, host);
  const diagnostics = ts.getPreEmitDiagnostics(program, program.getSourceFile(probe));
  expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(probe)!;
  const alias = checker.getSymbolAtLocation(file)!.exports!.get(ts.escapeLeadingUnderscores("Probe"))!;
  const root = checker.getDeclaredTypeOfSymbol(alias);

  const found = new Map<string, SdkProperty>();
  const entry = (path: string, required: boolean): SdkProperty => {
    let property = found.get(path);
    if (!property) found.set(path, (property = { kinds: new Set(), required }));
    else property.required &&= required;
    return property;
  };
  const walk = (type: ts.Type, path: string, property: SdkProperty | undefined): void => {
    const members = (type.isUnion() ? type.types : [type]).filter((member) => !(member.flags & ts.TypeFlags.Undefined));
    for (const member of members) {
      if (member.flags & ts.TypeFlags.StringLiteral) {
        property!.kinds.add("string");
        (property!.enum ??= new Set()).add((member as ts.StringLiteralType).value);
      } else if (member.flags & (ts.TypeFlags.String)) property!.kinds.add("string");
      else if (member.flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) property!.kinds.add("number");
      else if (member.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) property!.kinds.add("boolean");
      else if (checker.isArrayType(member)) {
        property!.kinds.add("array");
        const item = checker.getTypeArguments(member as ts.TypeReference)[0]!;
        walk(item, `${path}/*`, entry(`${path}/*`, false));
      } else if (member.flags & ts.TypeFlags.Object) {
        property?.kinds.add("object");
        for (const symbol of checker.getPropertiesOfType(member)) {
          const childPath = `${path}/${symbol.name}`;
          const required = !(symbol.flags & ts.SymbolFlags.Optional);
          // A property only some branches of a union have is optional in the union.
          const inAll = members.every((other) => !(other.flags & ts.TypeFlags.Object) || checker.getPropertyOfType(other, symbol.name));
          walk(checker.getTypeOfSymbol(symbol), childPath, entry(childPath, required && inAll));
        }
      } else throw new Error(`${path}: SDK type ${checker.typeToString(member)} is not handled by this walker`);
    }
  };
  walk(root, "/configuration", undefined);
  return found;
}

const docs = propertyDocs as Record<string, PropertyDoc>;
const coreConfigurationPaths = Object.keys(docs).filter((path) => path.startsWith("/configuration/"));

/** `/configuration/integrations/*\/id` -> `configuration.integrations[].id`, as FACTS.md writes paths. */
function dotted(path: string): string {
  return path.slice(1).replace(/\/\*/g, "[]").replace(/\//g, ".");
}

/** FACTS.md's list of fields the core knows beyond the SDK: dotted path -> source. */
function factsBeyondSdk(): Map<string, string> {
  const facts = readFileSync(join(here, "../spec/FACTS.md"), "utf8");
  const section = /^Fields the core knows beyond the official SDK[^\n]*\n([\s\S]*?)(?:\n\n|$(?![\s\S]))/m.exec(facts)?.[1] ?? "";
  const listed = new Map<string, string>();
  for (const match of section.matchAll(/^- `(configuration[^`]*)`: (.*)$/gm)) listed.set(match[1]!, match[2]!.trim());
  return listed;
}

describe("the official SDK (anchorbrowser) and the core agree on SessionCreateParams", () => {
  const sdk = sdkProperties();
  const require = createRequire(import.meta.url);

  it(`is the pinned SDK ${SDK_VERSION}, the version FACTS.md and the spec data cite`, () => {
    const manifest = JSON.parse(readFileSync(join(dirname(require.resolve("anchorbrowser")), "package.json"), "utf8")) as { version: string };
    expect(manifest.version).toBe(SDK_VERSION);
    expect(readFileSync(join(here, "../spec/FACTS.md"), "utf8")).toContain(`anchorbrowser\` ${SDK_VERSION}`);
    expect(readFileSync(join(here, "../spec/sdk-session-create-params.yml"), "utf8")).toContain(`anchorbrowser ${SDK_VERSION}`);
  });

  it("the walk finds the SDK's properties at every depth", () => {
    expect(sdk.size).toBeGreaterThan(40);
    for (const path of ["/configuration/browser/cross_origin_support/active", "/configuration/session/proxy/server", "/configuration/integrations/*/configuration/secrets/*"]) {
      expect([...sdk.keys()]).toContain(path);
    }
  });

  it.each([...sdkProperties().keys()])("%s is known to the core with a compatible type and enum", (path) => {
    const property = sdk.get(path)!;
    const doc = docs[path];
    expect(doc, `the core does not know ${dotted(path)}`).toBeDefined();
    const coreKind = doc!.type === "integer" ? "number" : doc!.type;
    // Items of an array of strings have no doc of their own: the array's type is checked instead.
    expect([...property.kinds], `${dotted(path)}: the SDK's type`).toEqual([coreKind]);
    if (property.enum) {
      // The SDK's AnchorProxy is the `anchor_proxy` type only: its codes are that type's list.
      const allowed = path === "/configuration/session/proxy/country_code" ? countryCodesByProxyType.anchor_proxy : doc!.enum;
      expect(allowed, `${dotted(path)}: the core has no enum`).toBeDefined();
      const missing = [...property.enum].filter((value) => !allowed!.includes(value));
      expect(missing, `${dotted(path)}: values the SDK allows and the core rejects`).toEqual([]);
    }
    // Whatever the core requires, the SDK requires too: an SDK-typed body never misses a property.
    if (doc!.required) expect(property.required, `${dotted(path)} is required by the core, optional in the SDK`).toBe(true);
  });

  it("every property the core knows is in the SDK or listed in FACTS.md with its source", () => {
    const listed = factsBeyondSdk();
    expect(listed.size).toBeGreaterThan(0);
    const unexplained = coreConfigurationPaths.filter((path) => {
      if (sdk.has(path)) return false;
      // A listed object covers what is inside it.
      const segments = path.split("/");
      for (let end = segments.length; end > 2; end--) if (listed.has(dotted(segments.slice(0, end).join("/")))) return false;
      return true;
    });
    expect(unexplained.map(dotted)).toEqual([]);
    for (const [path, source] of listed) {
      expect(source, `${path}: no source`).toMatch(/\S/);
      expect(coreConfigurationPaths.map(dotted), `FACTS.md lists ${path}, which the core does not know`).toContain(path);
      expect(sdk.has(`/${path.replace(/\[\]/g, "/*").replace(/\./g, "/")}`), `FACTS.md lists ${path}, which the SDK has`).toBe(false);
    }
  });
});

// property-docs.ts: what hover and completion show for each property path, and where each key belongs.
import { ANCHOR_PROXY_TYPES, BASELINE, DEFAULT_PROXY_TYPE, PROXY, VENDOR, header } from "./spec.mjs";

function propertyDocs(model) {
  const docs = {};
  const ex = model.extracted;
  const visit = (node, path, required) => {
    if (path === PROXY) return visitProxy(node);
    const doc = { description: node.description ?? "", type: node.type ?? "object" };
    if (node.default !== undefined) doc.default = node.default;
    if (node.enum) doc.enum = [...node.enum];
    if (node.format) doc.format = node.format;
    if (path.endsWith("/configuration/load_mode")) doc.enumDescriptions = { ...ex.loadModeDescriptions };
    if (required) doc.required = true;
    if (node.properties) doc.children = Object.keys(node.properties);
    docs[path] = doc;
    for (const [k, c] of Object.entries((node.properties ?? {}))) visit(c, `${path}/${k}`, (node.required ?? []).includes(k));
    if (node.items) visit(node.items, `${path}/*`, false);
    if (node.additionalProperties && typeof node.additionalProperties === "object") visit(node.additionalProperties, `${path}/*`, false);
  };
  const visitProxy = (node) => {
    const anchor = node.else;
    const custom = node.then;
    const children = [...new Set([...Object.keys(custom.properties), ...Object.keys(anchor.properties)])];
    children.sort((a, b) => proxyOrder(a) - proxyOrder(b));
    docs[PROXY] = { description: node.description, type: "object", children };
    for (const key of children) {
      const a = anchor.properties[key];
      const c = custom.properties[key];
      const src = a ?? c;
      const description = src.description ?? "";
      const doc = { description, type: src.type };
      if (key === "active") {
        doc.required = true;
      } else if (key === "type") {
        doc.description = `One of the Anchor proxy types (\`${DEFAULT_PROXY_TYPE}\` when absent) or \`custom\` for your own proxy server.\n\n${description}`;
        doc.enum = [...ANCHOR_PROXY_TYPES, "custom"];
        doc.enumDescriptions = {
          ...ex.proxyTypeDescriptions,
          custom: "Use your own proxy server: needs `server`, `username` and `password`.",
        };
        doc.default = DEFAULT_PROXY_TYPE;
      } else if (!c) {
        // Per the vendor's proxy docs (FACTS.md): region and city work with anchor_proxy only.
        const scope = key === "region" || key === "city" ? "`anchor_proxy` only" : "Anchor proxy types only";
        doc.description = description.includes("anchor_proxy only") ? description : `${description}\n\n${scope}.`;
        if (key === "country_code") doc.description += " The allowed codes depend on `type`.";
      } else if (!a) {
        doc.description = `${description}\n\nCustom proxy only (\`type\`: \`custom\`), where it is required.`;
        if (key === "username" || key === "password") doc.secret = true;
      }
      if (src.default !== undefined && doc.default === undefined) doc.default = src.default;
      docs[`${PROXY}/${key}`] = doc;
    }
  };
  visit(model.schema, "", false);
  return docs;
}
function proxyOrder(k) {
  const order = ["active", "type", "country_code", "region", "city", "server", "username", "password"];
  const i = order.indexOf(k);
  return i === -1 ? order.length : i;
}

export function propertyDocsTs(model) {
  const docs = propertyDocs(model);
  const homes = {};
  for (const path of Object.keys(docs)) {
    const key = path.slice(path.lastIndexOf("/") + 1);
    if (key === "*" || path === "") continue;
    (homes[key] ??= []).push(path);
  }
  const sortedHomes = {};
  for (const k of Object.keys(homes).sort()) sortedHomes[k] = (homes[k] ?? []).sort();
  return [
    header(`${BASELINE} and ${VENDOR}`).trimEnd(),
    "",
    "/** What hover and completion show for one property; `*` in a path stands for any array index or map key. */",
    "export interface PropertyDoc {",
    "  description: string;",
    "  /** JSON type: string, integer, boolean, object or array. */",
    "  type: string;",
    "  default?: unknown;",
    "  enum?: string[];",
    "  enumDescriptions?: Record<string, string>;",
    "  format?: string;",
    "  /** Always required in its parent object. */",
    "  required?: boolean;",
    "  /** A credential: never echo its value. */",
    "  secret?: boolean;",
    "  /** Known child keys of an object. */",
    "  children?: string[];",
    "}",
    "",
    "/** Keyed by JSON pointer pattern, e.g. `/configuration/browser/headless/active`; Anchor and custom proxy keys are merged. */",
    `export const propertyDocs = ${JSON.stringify(docs, null, 2)};`,
    "",
    "/** Key name -> the path patterns where that key is known (for \"belongs under ...\" hints). */",
    `export const propertyHomes = ${JSON.stringify(sortedHomes, null, 2)};`,
    "",
  ].join("\n");
}

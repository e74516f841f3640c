// request-types.ts: TypeScript types of the request body, with the spec's descriptions as doc comments.
import { ANCHOR_PROXY_TYPES, BASELINE, INTEGRATION, PROXY, VENDOR, header } from "./spec.mjs";

const TYPE_NAMES = {
  "": "BatchSessionRequest",
  "/configuration": "SessionCreateRequest",
  "/configuration/session": "SessionConfig",
  "/configuration/browser": "BrowserConfig",
  "/configuration/session/timeout": "TimeoutConfig",
  "/configuration/session/live_view": "LiveViewConfig",
  "/configuration/browser/profile": "ProfileConfig",
  "/configuration/browser/viewport": "ViewportConfig",
  "/configuration/browser/tracing": "TracingConfig",
  "/configuration/browser/sensitive_data_mask": "SensitiveDataMaskConfig",
  "/configuration/identities/*": "Identity",
  [INTEGRATION]: "OnePasswordIntegration",
};

function tsDoc(node, indent, extra = []) {
  const lines = [];
  if (node.description) lines.push(...String(node.description).split("\n"));
  if (node.format) lines.push(`Format: \`${node.format}\`.`);
  if (node.default !== undefined) lines.push(`@defaultValue \`${JSON.stringify(node.default)}\``);
  lines.push(...extra);
  if (!lines.length) return "";
  const safe = lines.map((l) => l.replace(/\*\//g, "*\\/"));
  if (safe.length === 1) return `${indent}/** ${safe[0]} */\n`;
  return `${indent}/**\n${safe.map((l) => `${indent} *${l ? ` ${l}` : ""}`).join("\n")}\n${indent} */\n`;
}

export function typesTs(model) {
  const out = [];
  const ex = model.extracted;
  const pending = [];
  const nodes = {};
  const literal = (v) => JSON.stringify(v);
  const union = (vs) => vs.map(literal).join(" | ");

  const typeOf = (node, path, indent) => {
    if (path === PROXY) return "ProxyConfig";
    if (path === `${INTEGRATION}/configuration`) return "OnePasswordConfig";
    if (path === INTEGRATION && path !== currentNamed) {
      if (!nodes[path]) {
        nodes[path] = node;
        pending.push(path);
      }
      return "Integration";
    }
    const name = TYPE_NAMES[path];
    if (name && path !== currentNamed) {
      if (!nodes[path]) {
        nodes[path] = node;
        pending.push(path);
      }
      return name;
    }
    if (node.enum) return union(node.enum);
    if (node.const !== undefined) return literal(node.const);
    switch (node.type) {
      case "string":
        return "string";
      case "integer":
      case "number":
        return "number";
      case "boolean":
        return "boolean";
      case "array": {
        const item = typeOf(node.items ?? {}, `${path}/*`, indent);
        return /[|&]/.test(item) ? `(${item})[]` : `${item}[]`;
      }
      case "object":
        return objectType(node, path, indent);
      default:
        return "unknown";
    }
  };
  let currentNamed = "";
  const objectType = (node, path, indent) => {
    const props = node.properties;
    if (!props) {
      const ap = node.additionalProperties;
      return ap && typeof ap === "object" ? `Record<string, ${typeOf(ap, `${path}/*`, indent)}>` : "Record<string, unknown>";
    }
    return `{\n${members(node, path, `${indent}  `)}${indent}}`;
  };
  const members = (node, path, indent, overrides = {}) => {
    const required = node.required ?? [];
    let body = "";
    for (const [key, child] of Object.entries(node.properties)) {
      body += tsDoc(child, indent);
      const t = overrides[key] ?? typeOf(child, `${path}/${key}`, indent);
      body += `${indent}${key}${required.includes(key) ? "" : "?"}: ${t};\n`;
    }
    return body;
  };

  out.push(header(`${BASELINE} and ${VENDOR}`));
  const emitNamed = (path) => {
    const node = nodes[path];
    currentNamed = path;
    out.push(tsDoc(node, ""));
    out.push(`export interface ${TYPE_NAMES[path]} {\n${members(node, path, "  ")}}\n\n`);
  };
  nodes[""] = model.schema;
  pending.push("");
  while (pending.length) emitNamed(pending.shift());

  const proxy = model.schema.properties.configuration.properties.session.properties.proxy;
  out.push("/** Anchor-managed proxy types; a proxy without `type` is `anchor_proxy`. */\n");
  out.push(`export type AnchorProxyType = ${union(ANCHOR_PROXY_TYPES)};\n\n`);
  const countryTypeName = {
    anchor_proxy: "AnchorProxyCountryCode",
    anchor_residential: "ResidentialCountryCode",
    anchor_mobile: "MobileCountryCode",
    anchor_gov: "GovCountryCode",
  };
  for (const t of ANCHOR_PROXY_TYPES) {
    out.push(`/** Country codes supported by \`${t}\`. */\n`);
    out.push(`export type ${countryTypeName[t]} =\n  | ${(ex.countries[t] ?? []).map(literal).join("\n  | ")};\n\n`);
  }
  out.push("/** A country code supported by at least one Anchor proxy type. */\n");
  out.push(`export type CountryCode = ${ANCHOR_PROXY_TYPES.map((t) => countryTypeName[t]).join(" | ")};\n\n`);
  currentNamed = "";
  out.push(tsDoc(proxy.else, "", ["Allowed `country_code` values depend on `type` (see countryCodesByProxyType)."]));
  out.push(`export interface AnchorProxy {\n${members(proxy.else, `${PROXY}(anchor)`, "  ", { type: "AnchorProxyType", country_code: "CountryCode" })}}\n\n`);
  out.push(tsDoc(proxy.then, ""));
  out.push(`export interface CustomProxy {\n${members(proxy.then, `${PROXY}(custom)`, "  ")}}\n\n`);
  out.push(tsDoc(proxy, "", ["Dispatched on `type`: `custom` is a CustomProxy, anything else (or no type) an AnchorProxy."]));
  out.push("export type ProxyConfig = AnchorProxy | CustomProxy;\n\n");

  const config = model.schema.properties.configuration.properties.integrations.items.properties.configuration;
  const secretsDoc = tsDoc(config.properties.secrets, "  ");
  const loadModeDoc = (mode) => tsDoc({ description: ex.loadModeDescriptions[mode] }, "  ");
  out.push("/** Loads every secret of the 1Password integration. */\n");
  out.push(
    `export interface OnePasswordAllSecretsConfig {\n${loadModeDoc("all")}  load_mode: "all";\n  /** Ignored when \`load_mode\` is \`all\`. */\n  secrets?: string[];\n}\n\n`,
  );
  out.push("/** Loads only the listed secrets of the 1Password integration. */\n");
  out.push(`export interface OnePasswordSpecificSecretsConfig {\n${loadModeDoc("specific")}  load_mode: "specific";\n${secretsDoc}  secrets: string[];\n}\n\n`);
  out.push(tsDoc(config, ""));
  out.push("export type OnePasswordConfig = OnePasswordAllSecretsConfig | OnePasswordSpecificSecretsConfig;\n\n");
  out.push("/** Only one integration type exists so far. */\nexport type Integration = OnePasswordIntegration;\n");
  return out.join("");
}

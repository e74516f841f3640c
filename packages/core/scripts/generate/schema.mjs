// Schema building: the baseline's request body converted to JSON Schema, the vendor spec's additions
// merged in, the proxy and integration shapes rebuilt, defaults added; the model every output comes from.
import { ANCHOR_PROXY_TYPES, DEFAULT_PROXY_TYPE, INTEGRATION, PROXY, SDK, deref, fail, readSpec, resolveRef, tidy } from "./spec.mjs";

/**
 * Plain OpenAPI -> JSON Schema. Every object is closed (additionalProperties false) so that unknown keys
 * are reported, except where the spec opens it on purpose (`additionalProperties: true` or a schema).
 */
function convert(doc, raw, path, special) {
  const node = deref(doc, raw);
  const replaced = special(doc, node, path);
  if (replaced) return replaced;
  const out = {};
  if (node.description) out.description = tidy(node.description);
  if (node.type) out.type = node.type;
  for (const k of ["format", "minimum", "maximum", "minItems", "enum", "default"]) {
    if (node[k] !== undefined) out[k] = node[k];
  }
  if (node.type === "object") {
    if (node.properties) {
      out.properties = {};
      for (const [key, child] of Object.entries(node.properties)) {
        out.properties[key] = convert(doc, child, `${path}/${key}`, special);
      }
    }
    const req = node.requiredProperties ?? node.required;
    if (Array.isArray(req) && req.length) out.required = [...req];
    if (node.additionalProperties === true) {
      // open on purpose (metadata): nothing checked inside
    } else if (node.additionalProperties && typeof node.additionalProperties === "object") {
      out.additionalProperties = convert(doc, node.additionalProperties, `${path}/*`, special);
    } else out.additionalProperties = false;
  }
  if (node.type === "array" && node.items) out.items = convert(doc, node.items, `${path}/*`, special);
  return out;
}

/** The baseline repeats one enum in four oneOf branches (so no value can match exactly one): one enum, titles kept. */
function anchorProxyType(node) {
  const branches = node.oneOf;
  if (!branches?.length) fail("AnchorProxy.type: expected the oneOf of duplicated enums");
  const values = JSON.stringify(branches[0]?.enum);
  const byTitle = {};
  for (const b of branches) {
    if (JSON.stringify(b.enum) !== values) fail("AnchorProxy.type: oneOf branches no longer share one enum");
    byTitle[b.title] = tidy(b.description);
  }
  const enumValues = JSON.parse(values);
  if (JSON.stringify(enumValues) !== JSON.stringify(ANCHOR_PROXY_TYPES)) fail(`AnchorProxy.type: unexpected values ${values}`);
  const enumDescriptions = {};
  for (const t of enumValues) enumDescriptions[t] = byTitle[t] ?? fail(`AnchorProxy.type: no branch titled ${t}`);
  return {
    schema: { description: tidy(node.description), type: "string", enum: enumValues, default: DEFAULT_PROXY_TYPE },
    enumDescriptions,
  };
}

function countryLists(doc, node) {
  const lists = {};
  for (const ref of node.oneOf) {
    const s = deref(doc, ref);
    const title = s.title;
    if (!ANCHOR_PROXY_TYPES.includes(title)) fail(`country list with unknown title ${title}`);
    if (s.default !== "us") fail(`country list ${title}: default is no longer "us"`);
    lists[title] = s.enum.map(String).sort();
  }
  for (const t of ANCHOR_PROXY_TYPES) if (!lists[t]) fail(`no country list for ${t}`);
  return lists;
}

function buildProxy(doc, node, ex) {
  const [anchorRef, customRef] = node.oneOf;
  const anchor = deref(doc, anchorRef);
  const custom = deref(doc, customRef);
  const plain = () => undefined;
  const t = anchorProxyType(deref(doc, anchor.properties.type));
  ex.proxyTypeDescriptions = t.enumDescriptions;
  ex.countries = countryLists(doc, anchor.properties.country_code);
  const anchorProps = {};
  for (const [key, child] of Object.entries(anchor.properties)) {
    if (key === "type") anchorProps.type = t.schema;
    else if (key === "country_code") {
      anchorProps.country_code = { description: tidy(child.description), type: "string", default: "us" };
    } else anchorProps[key] = convert(doc, child, `${PROXY}/${key}`, plain);
  }
  const isType = (type) => ({ properties: { type: { const: type } }, required: ["type"] });
  const anchorSchema = {
    title: anchor.title,
    type: "object",
    properties: anchorProps,
    required: [...anchor.required],
    additionalProperties: false,
    // Absent `type` means anchor_proxy (vendor docs); each type has its own list, and the lists overlap.
    allOf: ANCHOR_PROXY_TYPES.map((type) => ({
      if: type === DEFAULT_PROXY_TYPE ? { anyOf: [{ not: { required: ["type"] } }, isType(type)] } : isType(type),
      then: { properties: { country_code: { enum: ex.countries[type] } } },
    })),
  };
  const customSchema = convert(doc, custom, PROXY, plain);
  customSchema.title = custom.title;
  // The spec leaves these undescribed; hover should still say something.
  customSchema.properties.type.description = "`custom`: use your own proxy server.";
  customSchema.properties.active.description = "Enable or disable the proxy.";
  anchorProps.active.description = "Enable or disable the proxy.";
  return {
    description: tidy(node.description),
    type: "object",
    // Dispatch on `type` rather than oneOf, so an error points at the one branch the user meant.
    if: isType("custom"),
    then: customSchema,
    else: anchorSchema,
  };
}

function buildIntegration(doc, node, ex) {
  const branches = node.oneOf;
  if (branches.length !== 1 || node.discriminator?.propertyName !== "type") fail("Integration: expected one oneOf branch");
  const one = deref(doc, branches[0]);
  const plain = () => undefined;
  const props = {};
  for (const [key, child] of Object.entries(one.properties)) {
    if (key !== "configuration") props[key] = convert(doc, child, `${INTEGRATION}/${key}`, plain);
  }
  const modes = deref(doc, one.properties.configuration).oneOf.map((b) => deref(doc, b));
  let secrets;
  for (const m of modes) {
    const lm = m.properties.load_mode;
    ex.loadModeDescriptions[lm.enum[0]] = tidy(lm.description);
    if (m.properties.secrets) secrets = convert(doc, m.properties.secrets, `${INTEGRATION}/configuration/secrets`, plain);
  }
  if (!secrets) fail("OnePasswordConfig: no secrets property");
  props.configuration = {
    description: "How the 1Password integration loads secrets.",
    type: "object",
    properties: {
      load_mode: {
        description: "Which secrets to load: `all` of them, or the `specific` ones listed in `secrets`.",
        type: "string",
        enum: Object.keys(ex.loadModeDescriptions),
      },
      secrets,
    },
    required: ["load_mode"],
    additionalProperties: false,
    if: { properties: { load_mode: { const: "specific" } }, required: ["load_mode"] },
    then: { required: ["secrets"] },
  };
  return {
    title: "1Password integration",
    description: "A 1Password integration created beforehand with the Integrations API.",
    type: "object",
    properties: props,
    required: [...one.required],
    additionalProperties: false,
  };
}

/** Adds what the later vendor spec documents and the baseline lacks; never overrides a baseline constraint. */
function mergeVendor(base, vendor, path, added) {
  if (path === PROXY) return; // the vendor's proxy is a one-type simplification: the baseline rules
  if (VENDOR_DESCRIPTIONS.includes(path) && vendor.description) base.description = vendor.description;
  const vp = vendor.properties;
  if (vp && base.properties) {
    for (const [key, child] of Object.entries(vp)) {
      if (base.properties[key]) mergeVendor(base.properties[key], child, `${path}/${key}`, added);
      else {
        base.properties[key] = child;
        added.push(`${path}/${key}`);
      }
    }
  }
  if (vendor.items && base.items) mergeVendor(base.items, vendor.items, `${path}/*`, added);
}

// The vendor text is the better one here: it documents -1 and the Anchor-proxy requirement.
const VENDOR_DESCRIPTIONS = [
  "/configuration/session/timeout/max_duration",
  "/configuration/session/timeout/idle_timeout",
  "/configuration/browser/extra_stealth",
];

// What the official SDK's SessionCreateParams types beyond both spec files (spec/sdk-session-create-params.yml).
const EXPECTED_SDK_ADDITIONS = ["/configuration/browser/cross_origin_support"];

const EXPECTED_VENDOR_ADDITIONS = [
  "/configuration/identities",
  "/configuration/session/tags",
  "/configuration/session/live_view/one_time_url",
  "/configuration/browser/pdf_viewer",
  "/configuration/browser/force_popups_as_tabs",
  "/configuration/browser/web_bot_auth",
  "/configuration/browser/disable_dialogs",
  "/configuration/browser/tracing",
  "/configuration/browser/sensitive_data_mask",
];

const SCHEMA_PROPERTY = {
  description:
    "The JSON Schema editors check this file against, such as the one anchor-lint ships: " +
    "`./node_modules/@anchor-lint/core/dist/generated/request.schema.json`. Not part of the API's body: `load()` leaves it out.",
  type: "string",
};

function parseDefault(text) {
  if (text === "true" || text === "false") return text === "true";
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/** Defaults stated in the descriptions ("Defaults to `x`."); FACTS.md states the same ones in prose. */
function addDefaults(node) {
  if (node.description && node.default === undefined) {
    const m = /Defaults to `([^`]*)`/.exec(node.description);
    if (m?.[1] !== undefined) node.default = parseDefault(m[1]);
  }
  for (const c of Object.values(node.properties ?? {})) addDefaults(c);
  for (const k of ["items", "additionalProperties", "then", "else"]) if (node[k] && typeof node[k] === "object") addDefaults(node[k]);
}

const KEY_ORDER = [
  "$schema", "title", "description", "type", "format", "const", "enum", "default", "minimum", "maximum", "anyOf",
  "minItems", "items", "properties", "required", "additionalProperties", "if", "then", "else", "allOf", "not",
];

function ordered(node, inProperties = false) {
  if (Array.isArray(node)) return node.map((n) => ordered(n));
  if (!node || typeof node !== "object") return node;
  const keys = inProperties
    ? Object.keys(node)
    : Object.keys(node).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out = {};
  for (const k of keys) out[k] = ordered(node[k], !inProperties && k === "properties");
  return out;
}
function rank(k) {
  const i = KEY_ORDER.indexOf(k);
  return i === -1 ? KEY_ORDER.length : i;
}

export function buildModel() {
  const { baseline, vendor, facts, sdk } = readSpec();
  const ex = { countries: {}, proxyTypeDescriptions: {}, loadModeDescriptions: {} };
  const special = (doc, node, path) => {
    if (path === PROXY) return buildProxy(doc, node, ex);
    if (path === INTEGRATION) return buildIntegration(doc, node, ex);
    return undefined;
  };
  const body = baseline.paths?.request?.body?.["application/json"]?.schemaArray?.[0];
  if (!body) fail("baseline: no request body schema");
  const root = convert(baseline, body, "", special);

  const vendorRoot = convert(vendor, resolveRef(vendor, "#/components/schemas/BatchSessionRequestSchema"), "", (_d, _n, path) =>
    path === PROXY || path === INTEGRATION ? { type: "object" } : undefined,
  );
  const vendorAdded = [];
  const vendorServer = resolveRef(vendor, "#/components/schemas/CustomProxy").properties?.server?.description;
  if (vendorServer) root.properties.configuration.properties.session.properties.proxy.then.properties.server.description = tidy(vendorServer);
  mergeVendor(root, vendorRoot, "", vendorAdded);
  const missing = EXPECTED_VENDOR_ADDITIONS.filter((p) => !vendorAdded.includes(p));
  if (missing.length) fail(`vendor spec no longer adds ${missing.join(", ")}`);
  const sdkAdded = [];
  const sdkConfiguration = convert(sdk, resolveRef(sdk, "#/components/schemas/SessionCreateRequestSchema"), "/configuration", () => undefined);
  mergeVendor(root.properties.configuration, sdkConfiguration, "/configuration", sdkAdded);
  if (JSON.stringify(sdkAdded) !== JSON.stringify(EXPECTED_SDK_ADDITIONS)) fail(`${SDK} adds ${sdkAdded.join(", ")}, expected ${EXPECTED_SDK_ADDITIONS.join(", ")}`);

  // count: the schema and the API's 400 message say 1..1000; the prose's "5,000" is not enforced.
  const count = root.properties.count;
  if (count.minimum !== 1 || count.maximum !== 1000) fail("count is no longer 1..1000 in the baseline schema");
  if (!facts.includes("Session count must be between 1 and 1000")) fail("FACTS.md no longer states the 1..1000 400 message");

  const session = root.properties.configuration.properties.session;
  for (const key of ["max_duration", "idle_timeout"]) {
    const t = session.properties.timeout.properties[key];
    if (!/-1/.test(t.description)) fail(`timeout ${key}: vendor description no longer mentions -1`);
    // -1 is documented as "no limit"; nothing documents a minimum, so 0 is left to number-range's
    // judgement (a warning for max_duration) rather than refused as the API might not.
    t.anyOf = [{ const: -1 }, { minimum: 0 }];
  }
  for (const key of ["width", "height"]) root.properties.configuration.properties.browser.properties.viewport.properties[key].minimum = 1;

  // Editors attach a schema to a file by its `$schema` (docs/spec-decisions.md): allowed at the top, as a string.
  root.properties.$schema = SCHEMA_PROPERTY;

  addDefaults(root);
  const schema = {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "Anchor Browser batch-session request",
    description: "Body of `POST /v1/batch-sessions`: creates `count` browser sessions with one configuration.",
    ...root,
  };
  assertNoOneOf(schema, "");
  return { schema: ordered(schema), extracted: ex, vendorAdded };
}

function assertNoOneOf(node, path) {
  if (!node || typeof node !== "object") return;
  if (!Array.isArray(node) && "oneOf" in node) fail(`oneOf left at ${path}`);
  for (const [k, v] of Object.entries(node)) assertNoOneOf(v, `${path}/${k}`);
}

// countries.ts: the Anchor proxy types and the country codes each one supports.
import { ANCHOR_PROXY_TYPES, BASELINE, DEFAULT_PROXY_TYPE, header } from "./spec.mjs";

export function countriesTs(ex) {
  const lines = [
    header(BASELINE).trimEnd(),
    `import type { AnchorProxyType } from "./request-types.js";`,
    "",
    "/** The four Anchor proxy types, in the order the spec lists them. */",
    `export const anchorProxyTypes = ${JSON.stringify(ANCHOR_PROXY_TYPES)};`,
    "",
    "/** A proxy without `type` is an Anchor proxy of this type. */",
    `export const defaultProxyType = ${JSON.stringify(DEFAULT_PROXY_TYPE)};`,
    "",
    "/** Every country list defaults to this code. */",
    `export const defaultCountryCode = "us";`,
    "",
    "/** Lowercase ISO 3166-1 alpha-2 codes each Anchor proxy type supports (sorted; the lists overlap). */",
    "export const countryCodesByProxyType = {",
  ];
  for (const t of ANCHOR_PROXY_TYPES) lines.push(`  ${t}: ${wrapList(ex.countries[t] ?? [], 4)},`);
  lines.push("};", "");
  return lines.join("\n");
}

function wrapList(values, indent) {
  const pad = " ".repeat(indent);
  const rows = [];
  let row = "";
  for (const v of values.map((x) => JSON.stringify(x))) {
    if (row && row.length + v.length + 2 > 110) {
      rows.push(row);
      row = "";
    }
    row += (row ? " " : "") + v + ",";
  }
  if (row) rows.push(row);
  return `[\n${rows.map((r) => pad + r).join("\n")}\n${" ".repeat(indent - 2)}]`;
}

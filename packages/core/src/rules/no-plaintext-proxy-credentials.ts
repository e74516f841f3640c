import { defineRule } from "../rule.js";
import { getAt, isObject } from "./util.js";

const PROXY = "/configuration/session/proxy";
const PLACEHOLDER = /^\$\{env:[A-Za-z_][A-Za-z0-9_]*\}$/;
const CREDENTIALS = [
  { key: "username", variable: "ANCHOR_PROXY_USERNAME" },
  { key: "password", variable: "ANCHOR_PROXY_PASSWORD" },
] as const;

export default defineRule({
  meta: {
    id: "no-plaintext-proxy-credentials",
    description: "A custom proxy's username or password is written literally instead of an ${env:NAME} placeholder.",
    defaultSeverity: "warning",
    fixable: "unsafe",
    category: "semantic",
  },
  check(context) {
    const proxy = getAt(context.root, ["configuration", "session", "proxy"]);
    // Only a custom proxy has credentials; on an Anchor proxy these keys are known-property's finding.
    if (!isObject(proxy) || proxy["type"] !== "custom") return;
    for (const { key, variable } of CREDENTIALS) {
      const value = proxy[key];
      // An empty value holds no secret (a proxy without authentication); wrong types are valid-type's.
      if (typeof value !== "string" || value === "" || PLACEHOLDER.test(value)) continue;
      const pointer = `${PROXY}/${key}`;
      const placeholder = `\${env:${variable}}`;
      // Nothing derived from the value goes into the message or the fix: it may be the secret itself
      // (a password can well start with "$"), so the fix proposes a fixed variable name.
      const message = value.includes("${")
        ? `The proxy ${key} is a malformed placeholder (${malformation(value)}); ` +
          `write \${env:NAME}, NAME made of letters, digits and "_", not starting with a digit.`
        : `The proxy ${key} is written in plain text; use an \${env:NAME} placeholder such as ${placeholder}, ` +
          "which load() resolves from the environment, and keep the secret out of the file.";
      context.report({
        pointer,
        message,
        fix: {
          title: `Replace with ${placeholder} (then set ${variable} in the environment)`,
          safety: "unsafe",
          edits: context.source.replaceValue(pointer, placeholder),
        },
      });
    }
  },
});

/** Why a `${...}` value is not a placeholder, in words that never repeat the value. */
function malformation(value: string): string {
  const match = /\$\{([^}]*)\}/.exec(value);
  if (!match) return 'no closing "}"';
  if (match[0] !== value) return "text around the placeholder; it must be the whole value";
  const inner = match[1]!;
  if (!inner.startsWith("env:")) return 'it must start with "env:"';
  if (inner === "env:") return "no variable name";
  return "an invalid variable name";
}

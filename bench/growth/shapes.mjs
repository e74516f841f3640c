// Inputs whose findings grow with their size: one per shape the stress tests of issue 13 measured.
// Each builder takes the number of findings it should produce and returns the text of a config.
// Long keys: 17 letters or more give enough case variants for 100,000 distinct typos without duplicates.
const BROWSER_KEYS = ["disable_web_security", "force_popups_as_tabs", "sensitive_data_mask"];

/** A key of `configuration.browser` with its letters' case flipped by the bits of `variant`. */
function caseVariant(key, variant) {
  let out = "";
  let bit = 0;
  for (const char of key) {
    if (/[a-z]/.test(char)) out += (variant >> bit++) & 1 ? char.toUpperCase() : char;
    else out += char;
  }
  return out;
}

export const shapes = {
  "unknown keys": (n) =>
    `{"count": 1, "configuration": {"browser": {\n${Array.from({ length: n }, (_, i) => `  "zq${i}xw": ${i}`).join(",\n")}\n}}}`,
  "misspelt keys": (n) =>
    `{"count": 1, "configuration": {"browser": {\n${Array.from({ length: n }, (_, i) => `  ${JSON.stringify(caseVariant(BROWSER_KEYS[i % 3], 1 + Math.floor(i / 3)))}: {"active": true}`).join(",\n")}\n}}}`,
  // A proxy of a type no one knows, with misspelt keys: its errors are worked out per proxy type.
  "proxy of unknown type, misspelt keys": (n) =>
    `{"count": 1, "configuration": {"session": {"proxy": {"type": 1, "active": true,\n${Array.from({ length: n }, (_, i) => `  "countr${i}_code": "de"`).join(",\n")}\n}}}}`,
  "duplicate keys": (n) =>
    `{"count": 1, "metadata": {\n${Array.from({ length: n }, (_, i) => `  "k${i}": 1,\n  "k${i}": 2`).join(",\n")}\n}}`,
  "invalid extension ids": (n) =>
    `{"count": 1, "configuration": {"browser": {"extensions": [\n${Array.from({ length: n }, (_, i) => `  "ext-${i}"`).join(",\n")}\n]}}}`,
  // Syntax errors, one per line: each error's line was once counted from the start of the text.
  "unquoted keys (syntax)": (n) => `{"count": 1, "metadata": {\n${Array.from({ length: n }, (_, i) => `k${i}: v${i}`).join(",\n")}}}`,
  "duplicate extension ids": (n) =>
    `{"count": 1, "configuration": {"browser": {"extensions": [\n${Array.from({ length: n + 1 }, () => `  "3c90c3cc-0d44-4b50-8888-8dd25736052a"`).join(",\n")}\n]}}}`,
};

/** The 140 KB file: 10,000 unknown keys in `configuration.browser`, one per line, no indentation. */
export function unknownKeysCompact(n) {
  return `{"count":1,"configuration":{"browser":{\n${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(",\n")}\n}}}\n`;
}

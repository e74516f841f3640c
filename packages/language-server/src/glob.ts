/**
 * Glob matching for the `anchorLint.filePattern` setting: `**`, `*`, `?`, `{a,b}` and `[...]`,
 * as in VS Code's document selectors. A pattern without `/` matches the file name.
 */
export function globMatcher(pattern: string): (path: string) => boolean {
  const source = toRegExpSource(pattern.trim() || "**/*.anchor.json");
  const regexp = new RegExp(`^${source}$`);
  const byName = !pattern.includes("/");
  return (path) => {
    const normalized = path.replace(/\\/g, "/");
    if (byName) return regexp.test(normalized.slice(normalized.lastIndexOf("/") + 1));
    if (regexp.test(normalized)) return true;
    // `**/x` also matches at the root of a relative path.
    return pattern.startsWith("**/") && regexp.test("/" + normalized);
  };
}

function toRegExpSource(pattern: string): string {
  let out = "";
  let inGroup = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        i++;
        if (pattern[i + 1] === "/") {
          i++;
          out += "(?:.*/)?";
        } else {
          out += ".*";
        }
      } else {
        out += "[^/]*";
      }
    } else if (c === "?") {
      out += "[^/]";
    } else if (c === "{") {
      inGroup++;
      out += "(?:";
    } else if (c === "}" && inGroup > 0) {
      inGroup--;
      out += ")";
    } else if (c === "," && inGroup > 0) {
      out += "|";
    } else if (c === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) {
        out += "\\[";
      } else {
        const body = pattern.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\");
        out += `[${body}]`;
        i = end;
      }
    } else {
      out += c.replace(/[.+^$()|\\\]{}]/g, "\\$&");
    }
  }
  return out + ")".repeat(inGroup);
}

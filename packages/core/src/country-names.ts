let displayNames: Intl.DisplayNames | null | undefined;

/**
 * English name of an ISO 3166-1 alpha-2 code ("bt": "Bhutan"), or undefined when it is not one or
 * the runtime's Intl has no region names. Shared by the proxy-country rule's messages and the
 * editor features (hover, completion). CLDR names "zz" "Unknown Region": that is no country either.
 */
export function regionName(code: string): string | undefined {
  if (!/^[a-z]{2}$/i.test(code)) return undefined;
  if (displayNames === undefined) {
    try {
      displayNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
    } catch {
      displayNames = null;
    }
  }
  if (displayNames === null) return undefined;
  try {
    const name = displayNames.of(code.toUpperCase());
    return name === undefined || name === code.toUpperCase() || name === "Unknown Region" ? undefined : name;
  } catch {
    return undefined;
  }
}

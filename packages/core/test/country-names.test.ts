import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { alpha2OfAlpha3, codesNamed, regionName } from "../src/country-names.js";
import { alpha2ByAlpha3 } from "../src/generated/country-alpha3.js";
import { countryCodesByProxyType } from "../src/generated/countries.js";

const pinned = /^\/\/ CLDR ([^\s:]+)/m.exec(readFileSync(join(import.meta.dirname, "../src/generated/country-names.ts"), "utf8"))?.[1];
const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("");
const codes = letters.flatMap((a) => letters.map((b) => a + b));

describe("regionName (generated table)", () => {
  // The names the lookup gave when it called Intl at run time, for every two-letter code.
  it.runIf(process.versions.cldr === pinned)("gives exactly Intl.DisplayNames' names of this Node's CLDR", () => {
    const intl = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
    for (const code of codes) {
      const name = intl.of(code);
      const expected = name === undefined || name === code || name === "Unknown Region" ? undefined : name;
      expect(regionName(code), code).toBe(expected);
      expect(regionName(code.toLowerCase()), code).toBe(expected);
    }
  });

  it("names every code a proxy type offers, and nothing that is not two ASCII letters", () => {
    for (const list of Object.values(countryCodesByProxyType)) for (const code of list) expect(regionName(code), code).toBeTypeOf("string");
    expect(regionName("de")).toBe("Germany");
    expect(regionName("zz")).toBeUndefined();
    expect(regionName("\u212Ar")).toBeUndefined();
    expect(regionName("deu")).toBeUndefined();
    expect(regionName("to")).toBe("Tonga");
    expect(regionName("__")).toBeUndefined();
  });
});

describe("codesNamed (names back to codes)", () => {
  it("answers, for every name in the table and in any case, exactly the codes regionName gives that name", () => {
    for (const code of codes) {
      const name = regionName(code);
      if (name === undefined) continue;
      const lower = code.toLowerCase();
      for (const written of [name, name.toUpperCase(), name.toLowerCase()]) expect(codesNamed(written), written).toContain(lower);
      expect(codesNamed(name).every((other) => regionName(other)?.toLowerCase() === name.toLowerCase()), name).toBe(true);
    }
    // CLDR names the old East German code "Germany" too: a guess keeps the first code a type offers.
    expect(codesNamed("germany")).toEqual(["dd", "de"]);
    expect(codesNamed("no such country")).toEqual([]);
  });
});

describe("alpha2OfAlpha3 (generated table)", () => {
  it("maps ISO 3166-1 alpha-3 codes in any case to alpha-2 codes the names table knows", () => {
    expect(Object.keys(alpha2ByAlpha3).length).toBeGreaterThanOrEqual(249);
    for (const [alpha3, alpha2] of Object.entries(alpha2ByAlpha3)) expect(regionName(alpha2), alpha3).toBeTypeOf("string");
    expect(alpha2OfAlpha3("ukr")).toBe("ua");
    expect(alpha2OfAlpha3("UKR")).toBe("ua");
    expect(alpha2OfAlpha3("gbr")).toBe("gb");
    expect(alpha2OfAlpha3("deu")).toBe("de");
  });

  it("answers nothing for what is not an alpha-3 code", () => {
    for (const input of ["ua", "uk", "ger", "ukra", " ukr", "\u212Aor", "__proto__", "con", ""]) expect(alpha2OfAlpha3(input), input).toBeUndefined();
  });
});

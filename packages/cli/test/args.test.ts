import { describe, expect, it } from "vitest";
import { HELP, parseCliArgs } from "../src/args.js";
import { shouldColor } from "../src/formatters/color.js";

describe("parseCliArgs", () => {
  it("has ESLint-like defaults", () => {
    expect(parseCliArgs([])).toMatchObject({ paths: [], format: "stylish", maxWarnings: -1, concurrency: 0, color: undefined, quiet: false, fix: false });
  });

  it("reads every option", () => {
    const options = parseCliArgs([
      "a", "-f", "sarif", "-o", "out.sarif", "-c", "cfg.json", "--rule", "known-property:off", "--rule", "strict-json:warn",
      "--max-count", "5000", "--max-warnings", "0", "--quiet", "--fix-dry-run", "--no-color", "--concurrency", "3", "--debug", "b",
    ]);
    expect(options).toMatchObject({
      paths: ["a", "b"],
      format: "sarif",
      outputFile: "out.sarif",
      config: "cfg.json",
      rules: [{ id: "known-property", setting: "off" }, { id: "strict-json", setting: "warn" }],
      maxCount: 5000,
      maxWarnings: 0,
      quiet: true,
      fixDryRun: true,
      color: false,
      concurrency: 3,
      debug: true,
    });
    expect(parseCliArgs(["--format=json", "--concurrency=auto", "--color"])).toMatchObject({ format: "json", concurrency: 0, color: true });
    expect(parseCliArgs(["--stdin", "--stdin-filename", "x.anchor.json"])).toMatchObject({ stdin: true, stdinFilename: "x.anchor.json" });
  });

  it.each([
    [["--frob"], "unknown option '--frob'. See 'anchor-lint --help'."],
    [["-x"], "unknown option '-x'. See 'anchor-lint --help'."],
    [["--format"], "option '--format' needs a value. See 'anchor-lint --help'."],
    [["--quiet=yes"], "option '--quiet' takes no value. See 'anchor-lint --help'."],
    [["-f", "xml"], "unknown format 'xml'; use one of: stylish, json, sarif, github, junit, compact."],
    [["--rule", "known-property"], "option '--rule' expects <rule-id>:<off|warn|error>, got 'known-property'."],
    [["--rule", "known-property:warning"], "option '--rule' expects <rule-id>:<off|warn|error>, got 'known-property:warning'."],
    [["--max-warnings", "many"], "option '--max-warnings' expects an integer >= -1, got 'many'."],
    [["--max-count", "0"], "option '--max-count' expects an integer >= 1, got '0'."],
    [["--concurrency", "0"], "option '--concurrency' expects a number >= 1 or 'auto', got '0'."],
    [["--fix", "--fix-dry-run"], "options '--fix' and '--fix-dry-run' cannot be used together."],
    [["--stdin", "--fix"], "option '--fix' cannot be used with '--stdin'; use '--fix-dry-run --format json' to get the fixed text."],
    [["--stdin", "a.json"], "paths cannot be given with '--stdin'; use '--stdin-filename' to name the input."],
    [["--stdin-filename", "a.json"], "option '--stdin-filename' needs '--stdin'."],
    [["--color", "--no-color"], "options '--color' and '--no-color' cannot be used together."],
    [["-c", "x.json", "--no-config"], "options '--config' and '--no-config' cannot be used together."],
  ])("rejects %j with one clear line", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it("documents every option and shows examples in --help", () => {
    for (const option of ["--format", "--output-file", "--config", "--no-config", "--rule", "--max-count", "--max-warnings", "--quiet", "--fix", "--fix-dry-run", "--stdin", "--stdin-filename", "--color", "--no-color", "--list-rules", "--print-config", "--init", "--concurrency", "--debug", "--version", "--help"]) {
      expect(HELP).toContain(option);
    }
    expect(HELP).toContain("Examples:");
  });
});

describe("shouldColor", () => {
  it("follows the flag, then NO_COLOR, then FORCE_COLOR, then the terminal", () => {
    expect(shouldColor(true, { NO_COLOR: "1" }, false)).toBe(true);
    expect(shouldColor(false, { FORCE_COLOR: "1" }, true)).toBe(false);
    expect(shouldColor(undefined, { NO_COLOR: "1", FORCE_COLOR: "1" }, true)).toBe(false);
    expect(shouldColor(undefined, { NO_COLOR: "" }, true)).toBe(true);
    expect(shouldColor(undefined, { FORCE_COLOR: "1" }, false)).toBe(true);
    expect(shouldColor(undefined, { FORCE_COLOR: "0" }, true)).toBe(false);
    expect(shouldColor(undefined, {}, true)).toBe(true);
    expect(shouldColor(undefined, {}, false)).toBe(false);
  });
});

import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Finding } from "@anchor-lint/core";
import { compact } from "../src/formatters/compact.js";
import { escapeData, escapeProperty, github } from "../src/formatters/github.js";
import { json, toEslintFix, toJsonResult } from "../src/formatters/json.js";
import { junit } from "../src/formatters/junit.js";
import { sarif } from "../src/formatters/sarif.js";
import { stylish } from "../src/formatters/stylish.js";
import type { FileResult } from "../src/results.js";
import { CONTEXT, COUNT, COUNTRY, RULES, UNKNOWN, range, results } from "./fixtures.js";

describe("stylish", () => {
  it("groups by file with aligned columns and a summary counting fixable findings", () => {
    expect(stylish(results(), CONTEXT)).toBe(
      [
        "",
        "jobs/a.anchor.json",
        "  2:12  error    Session count must be between 1 and 1000 (found 5000).    count-range",
        '  5:25  error    "US" must be written in lower case: "us".                 proxy-country',
        '  7:7   warning  Unknown property "recordng" (did you mean "recording"?).  known-property',
        "",
        "jobs/locked.anchor.json",
        "  0:0  error  Cannot read file: permission denied",
        "",
        "✖ 4 problems (3 errors, 1 warning)",
        "  1 error and 0 warnings potentially fixable with the `--fix` option.",
        "",
      ].join("\n"),
    );
  });

  it("prints nothing when there is nothing to report", () => {
    expect(stylish([{ filePath: "/a", path: "a", findings: [] }], CONTEXT)).toBe("");
  });

  it("omits the fixable line when nothing is fixable and uses singular words", () => {
    const out = stylish([{ filePath: "/a", path: "a", findings: [COUNT] }], CONTEXT);
    expect(out).toContain("✖ 1 problem (1 error, 0 warnings)");
    expect(out).not.toContain("--fix");
  });

  it("colours only when asked", () => {
    const plain = stylish(results(), CONTEXT);
    const coloured = stylish(results(), { ...CONTEXT, color: true });
    expect(plain).not.toContain("\u001b[");
    expect(coloured).toContain("\u001b[31merror\u001b[39m");
    expect(coloured).toContain("\u001b[33mwarning\u001b[39m");
    expect(coloured.replace(/\u001b\[\d+m/g, "")).toBe(plain);
  });
});

describe("json (public contract: ESLint's shape plus pointer)", () => {
  const parsed = JSON.parse(json(results(), CONTEXT));

  it("has one entry per file with ESLint's keys and counts", () => {
    expect(parsed).toHaveLength(3);
    expect(Object.keys(parsed[0])).toEqual([
      "filePath",
      "messages",
      "suppressedMessages",
      "errorCount",
      "fatalErrorCount",
      "warningCount",
      "fixableErrorCount",
      "fixableWarningCount",
      "usedDeprecatedRules",
    ]);
    expect(parsed[0]).toMatchObject({ filePath: "/repo/jobs/a.anchor.json", errorCount: 2, fatalErrorCount: 0, warningCount: 1, fixableErrorCount: 1, fixableWarningCount: 0 });
    expect(parsed[1]).toMatchObject({ filePath: "/repo/jobs/clean.anchor.json", messages: [], errorCount: 0, warningCount: 0 });
  });

  it("writes clean files' entries exactly as it writes any other, whatever their paths", () => {
    const clean = (filePath: string): FileResult => ({ filePath, path: "x", findings: [] });
    const mixed = [...results(), clean('/repo/"quoted"\\back\u2028.anchor.json'), clean("/repo/ünïcode.anchor.json")];
    // The U+2028 in a path is written as an escape (docs/security.md): the same JSON value.
    const out = json(mixed, CONTEXT);
    expect(out).toBe(JSON.stringify(mixed.map(toJsonResult)).replace("\u2028", "\\u2028"));
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(mixed.map(toJsonResult))));
  });

  it("maps severity to 2/1, ranges to line/column/endLine/endColumn, and keeps the pointer", () => {
    expect(parsed[0].messages[0]).toEqual({
      ruleId: "count-range",
      severity: 2,
      message: "Session count must be between 1 and 1000 (found 5000).",
      line: 2,
      column: 12,
      endLine: 2,
      endColumn: 16,
      pointer: "/count",
    });
    expect(parsed[0].messages[2].severity).toBe(1);
  });

  it("gives a safe fix as ESLint's { range, text }", () => {
    expect(parsed[0].messages[1].fix).toEqual({ range: [424, 428], text: '"us"' });
  });

  it("offers unsafe fixes and suggestions as suggestions, never as fix", () => {
    const message = parsed[0].messages[2];
    expect(message.fix).toBeUndefined();
    expect(message.suggestions).toEqual([
      { desc: 'Rename to "recording"', fix: { range: [606, 616], text: '"recording"' } },
      { desc: "Remove the property", fix: { range: [600, 630], text: "" } },
    ]);
  });

  it("reports an unreadable file as a fatal message without a place", () => {
    expect(parsed[2].messages).toEqual([{ ruleId: null, severity: 2, message: "Cannot read file: permission denied", pointer: "", fatal: true }]);
    expect(parsed[2]).toMatchObject({ errorCount: 1, fatalErrorCount: 1 });
  });

  it("includes the fixed text as output when fixing changed it", () => {
    const out = JSON.parse(json([{ filePath: "/a", path: "a", findings: [], output: '{"count": 1}\n' }], CONTEXT));
    expect(out[0].output).toBe('{"count": 1}\n');
  });

  it("merges a multi-edit fix into one replacement, keeping the text between edits", () => {
    const source = '{"a": 1, "b": 2}';
    const fix = toEslintFix({ title: "t", safety: "safe", edits: [{ offset: 10, length: 1, newText: "B" }, { offset: 2, length: 1, newText: "A" }] }, source);
    expect(fix).toEqual({ range: [2, 11], text: 'A": 1, "B' });
    const applied = source.slice(0, fix!.range[0]) + fix!.text + source.slice(fix!.range[1]);
    expect(applied).toBe('{"A": 1, "B": 2}');
  });

  it("passes related locations along", () => {
    const finding: Finding = { ...COUNT, related: [{ pointer: "/configuration", message: "because of this", range: range(3, 3, 3, 18) }] };
    const out = JSON.parse(json([{ filePath: "/a", path: "a", findings: [finding] }], CONTEXT));
    expect(out[0].messages[0].related).toEqual([{ pointer: "/configuration", message: "because of this", line: 3, column: 3, endLine: 3, endColumn: 18 }]);
  });
});

function sarifValidator() {
  // ajv is the core's dependency; the schema is the official one shipped in @microsoft/jest-sarif.
  const require = createRequire(new URL("../../core/package.json", import.meta.url));
  type Validator = ((data: unknown) => boolean) & { errors?: unknown[] | null };
  const { Ajv } = require("ajv") as { Ajv: new (options: object) => { compile(schema: object): Validator } };
  const addFormats = require("ajv-formats") as (ajv: object) => void;
  const schemaPath = new URL("../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json", import.meta.url);
  const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
  // The file is draft-04 but uses nothing draft-07 reads differently: only the id keyword moved.
  expect(schema.$schema).toBe("http://json-schema.org/draft-04/schema#");
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  // The schema's patterns are ECMAScript regexes without the u flag (one is invalid with it).
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe("sarif", () => {
  const log = JSON.parse(sarif(results(), CONTEXT));
  const run = log.runs[0];

  it("is valid against the official SARIF 2.1.0 schema", () => {
    const validate = sarifValidator();
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // And a log whose result lacks a message is not: the check can fail.
    const broken = structuredClone(log);
    delete broken.runs[0].results[0].message;
    expect(validate(broken)).toBe(false);
  });

  it("describes the tool and every rule", () => {
    expect(log.version).toBe("2.1.0");
    expect(run.tool.driver).toMatchObject({ name: "anchor-lint", version: "1.2.3", informationUri: "https://github.com/anchor-lint/anchor-lint" });
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    expect(run.tool.driver.rules[1]).toMatchObject({
      id: "known-property",
      shortDescription: { text: "Properties must be known." },
      helpUri: "https://example.test/known-property.md",
      defaultConfiguration: { level: "warning" },
    });
    expect(run.tool.driver.rules[1].fullDescription.text).toContain("Properties must be known.");
  });

  it("gives each result its rule index, level, message and region with a relative uri", () => {
    expect(run.results).toHaveLength(3);
    expect(run.results[1]).toMatchObject({
      ruleId: "proxy-country",
      ruleIndex: 2,
      level: "error",
      message: { text: '"US" must be written in lower case: "us".' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "jobs/a.anchor.json", uriBaseId: "%SRCROOT%" },
            region: { startLine: 5, startColumn: 25, endLine: 5, endColumn: 29 },
          },
        },
      ],
    });
    expect(run.results[2].level).toBe("warning");
  });

  it("reports an unreadable file as a tool notification, not a result", () => {
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0]).toMatchObject({ level: "error", message: { text: "Cannot read file: permission denied" } });
  });

  it("keeps fingerprints when lines move, and tells apart different files and pointers", () => {
    const moved = results();
    moved[0]!.findings = moved[0]!.findings.map((finding) => ({ ...finding, range: range(40, 1, 40, 9) }));
    const again = JSON.parse(sarif(moved, CONTEXT)).runs[0].results;
    const prints = (list: { partialFingerprints: Record<string, string> }[]) => list.map((result) => JSON.stringify(result.partialFingerprints));
    expect(prints(again)).toEqual(prints(run.results));
    expect(new Set(prints(run.results)).size).toBe(3);
    const elsewhere = JSON.parse(sarif([{ filePath: "/repo/b", path: "b.anchor.json", findings: [COUNT] }], CONTEXT)).runs[0].results;
    expect(prints(elsewhere)[0]).not.toBe(prints(run.results)[0]);
  });

  it("percent-encodes paths into uri references", () => {
    const out = JSON.parse(sarif([{ filePath: "/r/a b#1.json", path: "dir/a b#1.json", findings: [COUNT] }], CONTEXT));
    expect(out.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("dir/a%20b%231.json");
  });
});

describe("sarif: what GitHub and the SARIF validator expect", () => {
  // Run from /repo/jobs (a workflow step's working-directory) in a repository rooted at /repo.
  const inJobs = [{ filePath: "/repo/jobs/a.anchor.json", path: "a.anchor.json", findings: [COUNT, COUNTRY, UNKNOWN] }];
  const context = { ...CONTEXT, cwd: "/repo/jobs", repositoryRoot: "/repo" };

  it("gives paths relative to the repository root, which originalUriBaseIds names", () => {
    const run = JSON.parse(sarif(inJobs, context)).runs[0];
    expect(run.originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: "file:///repo/" } });
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: "jobs/a.anchor.json", uriBaseId: "%SRCROOT%" });
    // Without a repository the working folder is the base, and paths stay relative to it.
    const alone = JSON.parse(sarif(inJobs, { ...CONTEXT, cwd: "/tmp/jobs" })).runs[0];
    expect(alone.originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: "file:///tmp/jobs/" } });
    expect(alone.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("a.anchor.json");
  });

  it("names each rule in PascalCase, distinct from its id (SARIF1001)", () => {
    const rules = JSON.parse(sarif(inJobs, context)).runs[0].tool.driver.rules;
    expect(rules.map((rule: { id: string; name: string }) => [rule.id, rule.name])).toEqual([
      ["count-range", "CountRange"],
      ["known-property", "KnownProperty"],
      ["proxy-country", "ProxyCountry"],
    ]);
  });

  it("carries fixes and suggestions as SARIF fixes, and related places as relatedLocations, and stays valid", () => {
    const captcha = {
      ...COUNT,
      ruleId: "captcha-requires-proxy",
      related: [{ pointer: "/configuration/session/proxy", message: "The proxy is off here.", range: range(9, 5, 9, 12) }],
    };
    const log = JSON.parse(sarif([{ ...inJobs[0]!, findings: [COUNTRY, UNKNOWN, captcha] }], context));
    const [country, unknown, related] = log.runs[0].results;
    expect(country.fixes).toEqual([
      {
        description: { text: 'Write "us"' },
        artifactChanges: [{ artifactLocation: { uri: "jobs/a.anchor.json", uriBaseId: "%SRCROOT%" }, replacements: [{ deletedRegion: { charOffset: 424, charLength: 4 }, insertedContent: { text: '"us"' } }] }],
      },
    ]);
    expect(unknown.fixes.map((fix: { description: { text: string } }) => fix.description.text)).toEqual([
      'Rename to "recording" (unsafe: changes behaviour)',
      "Remove the property (unsafe: changes behaviour)",
    ]);
    expect(related.relatedLocations).toEqual([
      {
        id: 0,
        message: { text: "The proxy is off here." },
        physicalLocation: { artifactLocation: { uri: "jobs/a.anchor.json", uriBaseId: "%SRCROOT%" }, region: { startLine: 9, startColumn: 5, endLine: 9, endColumn: 12 } },
        logicalLocations: [{ fullyQualifiedName: "/configuration/session/proxy", kind: "object" }],
      },
    ]);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe("github: paths", () => {
  it("are relative to the repository root, whatever folder the step runs in", () => {
    const out = github([{ filePath: "/repo/jobs/a.anchor.json", path: "a.anchor.json", findings: [COUNT] }], { ...CONTEXT, cwd: "/repo/jobs", repositoryRoot: "/repo" });
    expect(out).toBe("::error file=jobs/a.anchor.json,line=2,col=12,endLine=2,endColumn=16,title=count-range::Session count must be between 1 and 1000 (found 5000).\n");
  });
});

describe("github", () => {
  it("writes one workflow command per finding with GitHub's escaping", () => {
    expect(github(results(), CONTEXT).split("\n")).toEqual([
      "::error file=jobs/a.anchor.json,line=2,col=12,endLine=2,endColumn=16,title=count-range::Session count must be between 1 and 1000 (found 5000).",
      '::error file=jobs/a.anchor.json,line=5,col=25,endLine=5,endColumn=29,title=proxy-country::"US" must be written in lower case: "us".',
      '::warning file=jobs/a.anchor.json,line=7,col=7,endLine=7,endColumn=17,title=known-property::Unknown property "recordng" (did you mean "recording"?).',
      "::error file=jobs/locked.anchor.json,title=anchor-lint::Cannot read file: permission denied",
      "",
    ]);
  });

  it("escapes % CR LF in data, and also : and , in properties", () => {
    expect(escapeData("50% done\r\nnext: a,b")).toBe("50%25 done%0D%0Anext: a,b");
    expect(escapeProperty("dir,x/a:b%.json")).toBe("dir%2Cx/a%3Ab%25.json");
    const out = github([{ filePath: "/x", path: "odd,name:1.json", findings: [{ ...COUNT, message: "line1\nline2 100%" }] }], CONTEXT);
    // A newline in file text is shown escaped (the one rule) before the workflow-command encoding.
    expect(out).toBe("::error file=odd%2Cname%3A1.json,line=2,col=12,endLine=2,endColumn=16,title=count-range::line1\\u000aline2 100%25\n");
  });

  it("stops at 10 annotations of a kind and says how many more there are, listing them plainly", () => {
    const errors = Array.from({ length: 13 }, (_, i) => ({ ...COUNT, range: range(i + 1, 1, i + 1, 2) }));
    const warnings = Array.from({ length: 2 }, () => UNKNOWN);
    const lines = github([{ filePath: "/a", path: "a.json", findings: [...errors, ...warnings] }], CONTEXT).trimEnd().split("\n");
    expect(lines.filter((line) => line.startsWith("::error "))).toHaveLength(10);
    expect(lines.filter((line) => line.startsWith("::warning "))).toHaveLength(2);
    expect(lines).toContain(
      "::notice title=anchor-lint::3 more findings not shown as annotations (GitHub shows at most 10 errors and 10 warnings per step); they are listed below.",
    );
    expect(lines.slice(-3)).toEqual([
      "a.json:11:1: error Session count must be between 1 and 1000 (found 5000). [count-range]",
      "a.json:12:1: error Session count must be between 1 and 1000 (found 5000). [count-range]",
      "a.json:13:1: error Session count must be between 1 and 1000 (found 5000). [count-range]",
    ]);
  });
});

describe("junit", () => {
  const xml = junit(results(), CONTEXT);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => name === "testsuite" || name === "testcase" });

  it("is valid XML with a testsuite per file and a testcase per finding", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.testsuites).toMatchObject({ name: "anchor-lint", tests: "5", failures: "3", errors: "1" });
    const suites = doc.testsuites.testsuite;
    expect(suites.map((suite: { name: string }) => suite.name)).toEqual(["jobs/a.anchor.json", "jobs/clean.anchor.json", "jobs/locked.anchor.json"]);
    expect(suites[0].testcase).toHaveLength(3);
    expect(suites[0].testcase[1].failure).toMatchObject({ type: "error", message: '"US" must be written in lower case: "us".' });
    expect(suites[0].testcase[2].failure.type).toBe("warning");
  });

  it("gives a clean file one passing testcase and an unreadable one an error", () => {
    const suites = parser.parse(xml).testsuites.testsuite;
    expect(suites[1]).toMatchObject({ tests: "1", failures: "0" });
    expect(suites[1].testcase[0].failure).toBeUndefined();
    expect(suites[2].testcase[0].error).toMatchObject({ message: "Cannot read file: permission denied" });
  });

  it("escapes markup, shows control characters escaped and drops characters XML cannot carry", () => {
    const nasty: FileResult = { filePath: "/x", path: 'a&b<"c">.json', findings: [{ ...COUNT, message: "bad ]]> <tag> & \"q\" 'a' \u0001 \ud800 end" }] };
    const out = junit([nasty], CONTEXT);
    expect(XMLValidator.validate(out)).toBe(true);
    const doc = parser.parse(out);
    expect(out).toContain('name="a&amp;b&lt;&quot;c&quot;&gt;.json"');
    expect(doc.testsuites.testsuite[0].testcase[0].failure.message).toBe("bad ]]> <tag> & \"q\" 'a' \\u0001 \ufffd end");
  });
});

describe("junit: testcase names", () => {
  it("stay unique in a file when two findings share a rule and a pointer", () => {
    const second = { ...COUNT, message: "Another problem with the same count." };
    const out = junit([{ filePath: "/x", path: "x.anchor.json", findings: [COUNT, second, { ...COUNT }] }], CONTEXT);
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => name === "testcase" });
    const names = parser.parse(out).testsuites.testsuite.testcase.map((testcase: { name: string }) => testcase.name);
    expect(names).toEqual(["count-range /count", "count-range /count (2)", "count-range /count (3)"]);
  });
});

describe("compact", () => {
  it("prints path:line:col: severity message [rule-id], one line each", () => {
    expect(compact(results(), CONTEXT)).toBe(
      [
        "jobs/a.anchor.json:2:12: error Session count must be between 1 and 1000 (found 5000). [count-range]",
        'jobs/a.anchor.json:5:25: error "US" must be written in lower case: "us". [proxy-country]',
        'jobs/a.anchor.json:7:7: warning Unknown property "recordng" (did you mean "recording"?). [known-property]',
        "jobs/locked.anchor.json:0:0: error Cannot read file: permission denied",
        "",
      ].join("\n"),
    );
  });
});


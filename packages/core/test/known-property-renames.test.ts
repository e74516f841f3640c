import { expect, it } from "vitest";
import { fix, lint } from "../src/index.js";
import { applyEdits } from "../src/fix.js";
import { MINUTE_VALUED } from "../src/schema/key-guesses.js";
import { propertyDocs } from "../src/generated/property-docs.js";
import rule from "../src/rules/known-property.js";
import { ruleTester } from "./rule-tester.js";

ruleTester(rule, {
  // Minute-valued keys written as they should be.
  valid: ['{"count":1,"configuration":{"session":{"timeout":{"max_duration":30,"idle_timeout":-1}}}}'],
  invalid: [
    // A unit in the name of a minute-valued key: the number is in that unit, the API reads minutes.
    {
      name: "max_duration_ms, maxDurationSec, max_duration_h: converted to minutes, only offered",
      code: '{"count":1,"configuration":{"session":{"timeout":{"max_duration_ms":1800000}}}}',
      errors: [{ message: 'Unknown property "max_duration_ms" in configuration.session.timeout; "max_duration" is in minutes: did you mean "max_duration": 30 (1800000 milliseconds)?', suggestions: ['Replace with "max_duration": 30'] }],
      safeOutput: '{"count":1,"configuration":{"session":{"timeout":{"max_duration_ms":1800000}}}}',
      output: '{"count":1,"configuration":{"session":{"timeout":{"max_duration":30}}}}',
    },
    {
      name: "seconds and hours, camel case and spelled out",
      code: '{"count":1,"configuration":{"session":{"timeout":{"maxDurationSec":1800,"idle_timeout_h":2}}}}',
      errors: [
        { message: 'Unknown property "maxDurationSec" in configuration.session.timeout; "max_duration" is in minutes: did you mean "max_duration": 30 (1800 seconds)?', suggestions: ['Replace with "max_duration": 30'] },
        { message: 'Unknown property "idle_timeout_h" in configuration.session.timeout; "idle_timeout" is in minutes: did you mean "idle_timeout": 120 (2 hours)?', suggestions: ['Replace with "idle_timeout": 120'] },
      ],
      safeOutput: '{"count":1,"configuration":{"session":{"timeout":{"maxDurationSec":1800,"idle_timeout_h":2}}}}',
      output: '{"count":1,"configuration":{"session":{"timeout":{"max_duration":30,"idle_timeout":120}}}}',
    },
    {
      name: "max_duration_seconds and idleTimeoutMs get the did-you-mean too",
      code: '{"count":1,"configuration":{"session":{"timeout":{"max_duration_seconds":1800,"idleTimeoutMs":300000}}}}',
      errors: [
        { message: 'Unknown property "max_duration_seconds" in configuration.session.timeout; "max_duration" is in minutes: did you mean "max_duration": 30 (1800 seconds)?' },
        { message: 'Unknown property "idleTimeoutMs" in configuration.session.timeout; "idle_timeout" is in minutes: did you mean "idle_timeout": 5 (300000 milliseconds)?' },
      ],
      safeOutput: '{"count":1,"configuration":{"session":{"timeout":{"max_duration_seconds":1800,"idleTimeoutMs":300000}}}}',
    },
    {
      name: "a value that is no whole number of minutes: the rename only, saying the value must be in minutes",
      code: '{"count":1,"configuration":{"session":{"timeout":{"idle_timeout_s":90}}}}',
      errors: [
        {
          message: 'Unknown property "idle_timeout_s" in configuration.session.timeout; "idle_timeout" is in minutes: did you mean "idle_timeout", with the value in minutes (90 seconds is not a whole number of minutes)?',
          suggestions: ['Rename to "idle_timeout" (the value must be in minutes)'],
        },
      ],
      safeOutput: '{"count":1,"configuration":{"session":{"timeout":{"idle_timeout_s":90}}}}',
    },
    {
      name: "minutes spelled out: the value is already minutes, so --fix renames it",
      code: '{"count":1,"configuration":{"session":{"timeout":{"idle_timeout_minutes":5,"max_duration_min":30}}}}',
      errors: [
        { message: 'Unknown property "idle_timeout_minutes" in configuration.session.timeout; did you mean "idle_timeout"? It is in minutes, as written.' },
        { message: 'Unknown property "max_duration_min" in configuration.session.timeout; did you mean "max_duration"? It is in minutes, as written.' },
      ],
      safeOutput: '{"count":1,"configuration":{"session":{"timeout":{"idle_timeout":5,"max_duration":30}}}}',
    },
    {
      name: "a lone m is only offered; idle_timeouts is a plural, not seconds",
      code: '{"count":1,"configuration":{"session":{"timeout":{"max_duration_m":30,"idle_timeouts":5}}}}',
      errors: [
        { message: 'Unknown property "max_duration_m" in configuration.session.timeout; did you mean "max_duration"? It is in minutes, if that is what "m" stands for.', suggestions: ['Rename to "max_duration"'] },
        { message: 'Unknown property "idle_timeouts" in configuration.session.timeout; did you mean "idle_timeout"?' },
      ],
      safeOutput: '{"count":1,"configuration":{"session":{"timeout":{"max_duration_m":30,"idle_timeout":5}}}}',
    },
  ],
});

// What a user gets from --fix (fix()) and from an editor (lint() with every rule): the value's
// mistake at the new name is told in the same finding, and a rename --fix would refuse (it adds an
// error) is never announced as safe.
const S = (session: string) => `{"count":1,"configuration":{"session":${session}}}`;

it("countryCode: DE is renamed and lower-cased in one safe fix, which --fix applies", () => {
  const text = S('{"proxy":{"active":true,"countryCode":"DE"}}');
  const findings = lint(text);
  expect(findings.map((finding) => [finding.ruleId, finding.message, finding.fix?.safety, finding.fix?.title])).toEqual([
    ["known-property", 'Unknown property "countryCode" in configuration.session.proxy; did you mean "country_code"? Its value would then be wrong too: "DE" must be written in lower case: "de".', "safe", 'Replace with "country_code": "de"'],
  ]);
  const result = fix(text);
  expect(result.output).toBe(S('{"proxy":{"active":true,"country_code":"de"}}'));
  expect(result.findings).toEqual([]);
});

it("every safe fix announced by lint() is applied by fix(): nothing left potentially fixable", () => {
  const texts = [
    S('{"proxy":{"active":true,"countryCode":"DE"}}'),
    S('{"timeout":{"maxDuration":30,"idle_timeout_minutes":5},"recordng":{"active":false}}'),
    S('{"proxy":{"active":true,"Country_Code":"GB"},"initialUrl":"https://a.example"}'),
  ];
  for (const text of texts) {
    expect(lint(text).some((finding) => finding.fix?.safety === "safe"), text).toBe(true);
    expect(fix(text).findings.filter((finding) => finding.fix?.safety === "safe"), text).toEqual([]);
  }
});

it("the value's problem at the new name, with its fix, is offered for Germany, a URL without scheme and a quoted number", () => {
  const text = S('{"proxy":{"active":true,"countryCode":"Germany"},"initialUrl":"shop.example.com/catalog","timeout":{"maxDuration":"30"}}');
  const findings = lint(text);
  expect(findings.map((finding) => [finding.ruleId, finding.message, finding.fix, finding.suggestions?.map((suggestion) => suggestion.title)])).toEqual([
    [
      "known-property",
      'Unknown property "countryCode" in configuration.session.proxy; did you mean "country_code"? Its value would then be wrong too: "Germany" is not a country code offered by anchor_proxy ("type" is not set, so it is anchor_proxy). Did you mean "de" (Germany)?',
      undefined,
      ['Replace with "country_code": "de"'],
    ],
    [
      "known-property",
      'Unknown property "initialUrl" in configuration.session; did you mean "initial_url"? Its value would then be wrong too: "shop.example.com/catalog" is not a valid URI in configuration.session.initial_url; expected an absolute URL such as "https://example.com". Did you mean "https://shop.example.com/catalog"?',
      undefined,
      ['Replace with "initial_url": "https://shop.example.com/catalog"'],
    ],
    [
      "known-property",
      'Unknown property "maxDuration" in configuration.session.timeout; did you mean "max_duration"? Its value would then be wrong too: "max_duration" (configuration.session.timeout.max_duration) must be an integer; found a string ("30"); did you mean 30 without quotes?',
      undefined,
      ['Replace with "max_duration": 30'],
    ],
  ]);
  expect(fix(text).output).toBe(text);
  // Each suggestion does both steps; applied together (as an editor would one by one), nothing is left.
  const applied = applyEdits(text, findings.flatMap((finding) => finding.suggestions![0]!.edits));
  expect(applied).toBe(S('{"proxy":{"active":true,"country_code":"de"},"initial_url":"https://shop.example.com/catalog","timeout":{"max_duration":30}}'));
  expect(lint(applied)).toEqual([]);
});

it("--fix leaves opposites, units and synonyms alone, and keeps every value the user wrote", () => {
  const text =
    '{"count":1,"configuration":{"browser":{"enable_web_security":{"active":true},"headless":{"inactive":true},"no_adblock":{"active":true},"enable_dialogs":{"active":true},"disable_adblock":{"active":true},"profile":{"name":"p","no_persist":true}},' +
    '"session":{"recording":{"inactive":true},"proxy":{"active":true,"country":"de"},"url":"https://a.example","timeout":{"max_duration_ms":1800000,"idle_timeout_s":90}}}}';
  const result = fix(text);
  expect(result.output).toBe(text);
  expect(result.findings.filter((finding) => finding.ruleId === "known-property").map((finding) => finding.fix)).toEqual(new Array(11).fill(undefined));
});

it("--fix renames spelling variants and keeps the values as written", () => {
  const text = S('{"timeout":{"maxDuration":30,"idle_timeout_minutes":1e1},"recordng":{"active":false},"proxy":{"active":true,"Country_Code":"de"}}');
  expect(fix(text).output).toBe(S('{"timeout":{"max_duration":30,"idle_timeout":1e1},"recording":{"active":false},"proxy":{"active":true,"country_code":"de"}}'));
});

it("a rename that would add another rule's error elsewhere is not announced as safe", () => {
  // Renaming would turn the captcha solver on without a proxy: an error at captcha_solver.
  const text = '{"count":1,"configuration":{"browser":{"captcha_solvr":{"active":true}}}}';
  const finding = lint(text).find((candidate) => candidate.ruleId === "known-property")!;
  expect(finding.fix).toBeUndefined();
  expect(finding.message).toMatch(/^Unknown property "captcha_solvr" in configuration\.browser; did you mean "captcha_solver"\? Its value would then be wrong too: /);
  expect(fix(text).output).toBe(text);
});

it("the minute-valued keys are the ones the spec gives in minutes", () => {
  const inMinutes = Object.entries(propertyDocs).filter(([, doc]) => /\bin minutes\b/.test(doc.description)).map(([pattern]) => pattern);
  expect([...MINUTE_VALUED].sort()).toEqual(inMinutes.sort());
});

it("a typo before thousands of unknown keys keeps its place among the first 1,000 findings listed, with its rename", () => {
  const keys = Array.from({ length: 2_000 }, (_, index) => `"zq${index}xw": ${index}`).join(", ");
  const findings = lint(`{"count": 1, "configuration": {"browser": {"headles": {"active": true}, ${keys}}}}`);
  expect(findings[0]).toMatchObject({ pointer: "/configuration/browser/headles", fix: { title: 'Rename to "headless"' } });
});

it("a rename checked alone: all of them in a small file, the first only in a file of 300 KB (each check lints the whole text)", () => {
  // Renaming "tpe" makes a custom proxy without a server: an error on the proxy, which the batch
  // cannot tell apart from the other rename's, so each is checked alone.
  const text = (notes: string) => JSON.stringify({ count: 1, metadata: { notes }, configuration: { session: { recordng: { active: false }, proxy: { active: true, tpe: "custom" } } } });
  const outcome = (input: string) => lint(input).map((finding) => [finding.pointer, finding.fix?.safety ?? "offered", finding.message.includes("Renaming it would give another error: Missing required property")]);
  expect(outcome(text("small"))).toEqual([
    ["/configuration/session/recordng", "safe", false],
    ["/configuration/session/proxy/tpe", "offered", true],
  ]);
  expect(outcome(text("x".repeat(300_000)))).toEqual([
    ["/configuration/session/recordng", "safe", false],
    ["/configuration/session/proxy/tpe", "offered", false],
  ]);
});

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allOutputs, cli, leakIn, unsafeOutput, workspace } from "./security-helpers.js";

const PASSWORD = "S3cret-Pa55";
const proxy = (password: unknown = PASSWORD, extra: Record<string, unknown> = {}) => ({
  type: "custom",
  server: "http://proxy.example.com:8080",
  username: "alice-the-user",
  password,
  active: true,
  ...extra,
});

/** Each case of issue 9: a file, the credentials it holds. */
const CASES: { name: string; request?: unknown; text?: string; credentials: string[] }[] = [
  { name: "a proxy under configuration", request: { count: 1, configuration: { proxy: proxy() } }, credentials: [PASSWORD, "alice-the-user"] },
  { name: "a top-level proxy", request: { count: 1, proxy: proxy() }, credentials: [PASSWORD, "alice-the-user"] },
  { name: "a proxy under configuration.browser", request: { count: 1, configuration: { browser: { proxy: proxy() } } }, credentials: [PASSWORD] },
  {
    name: "credentials with quotes, backslashes and control characters, fixes on both sides",
    request: { count: 1, configuration: { session: { proxy: proxy('pa"ss\\wo\u0007rd-1', { country_code: "US" }), recordng: { active: true } } } },
    credentials: ['pa"ss\\wo\u0007rd-1'],
  },
  { name: "a number and an array as credentials", request: { count: 1, configuration: { proxy: { ...proxy(918273645), username: ["bob-the-user"] } } }, credentials: ["918273645", "bob-the-user"] },
  {
    name: "credentials in a server URL",
    request: { count: 1, configuration: { session: { proxy: proxy(undefined, { server: "http://alice:S3cret-url@proxy.example.com:8080" }) } } },
    credentials: ["S3cret-url", PASSWORD],
  },
  {
    name: "a long credential reused in another field",
    request: { count: 1, configuration: { session: { proxy: proxy(`${"L0ng".repeat(20)}-end`), initial_url: `${"L0ng".repeat(20)}-end` } } },
    credentials: [`${"L0ng".repeat(20)}-end`, "L0ngL0ngL0ngL0ng"],
  },
  { name: "a key equal to the password", request: { count: 1, configuration: { session: { proxy: proxy(), [PASSWORD]: 1 } }, [PASSWORD]: { x: 1 } }, credentials: [PASSWORD] },
  // A rotated password written under the old one: JSON keeps the last, the file (and a fix's output) both.
  {
    name: "a password overridden by a duplicate key, beside a fix",
    text: '{"count": 1, "configuration": {"session": {"proxy": {"active": true, "type": "custom", "server": "http://p.example.com:8080", "username": "${env:U}", "password": "Old-Pw-1111", "password": "New-Pw-2222"}}, "browser": {"initial_url": "https://example.com"}}}',
    credentials: ["Old-Pw-1111", "New-Pw-2222"],
  },
  {
    name: "a whole proxy overridden by a duplicate key",
    text: '{"count": 1, "configuration": {"session": {"proxy": {"active": true, "type": "custom", "server": "http://p.example.com:8080", "username": "${env:U}", "password": "Parent-Old-55"}, "proxy": {"active": true, "type": "custom", "server": "http://p.example.com:8080", "username": "${env:U}", "password": "${env:P}"}}, "browser": {"initial_url": "https://example.com"}}}',
    credentials: ["Parent-Old-55"],
  },
  {
    name: "credentials under misspelt and other names for username and password",
    request: { count: 1, configuration: { session: { proxy: { active: true, type: "custom", server: "http://p.example.com:8080", usrename: "svc-user-31", passwd: "Typo-Pw-9876", proxy_password: "Pp-777777", "Password ": "Sp-888888", user: "bob-1234" } }, browser: { initial_url: "https://example.com" } } },
    credentials: ["svc-user-31", "Typo-Pw-9876", "Pp-777777", "Sp-888888", "bob-1234"],
  },
];

describe("credentials never printed by the CLI", () => {
  for (const testCase of CASES) {
    it(`${testCase.name}: in none of the six formats, with --debug, -o or --fix-dry-run`, async () => {
      const text = testCase.text ?? JSON.stringify(testCase.request, null, 2);
      const { cwd, remove } = workspace({ "a.anchor.json": text });
      try {
        const outputs = await allOutputs(cwd);
        // The files are linted: every run found something to say.
        expect(outputs.stylish).toContain("a.anchor.json");
        for (const [channel, output] of Object.entries(outputs)) {
          for (const credential of testCase.credentials) expect(leakIn(output, credential), `${channel} shows ${credential}`).toBeUndefined();
        }
        expect(readFileSync(join(cwd, "a.anchor.json"), "utf8")).toBe(text);
      } finally {
        remove();
      }
    });
  }

  it("--fix still moves a misplaced proxy with its credentials into the file, and prints none", async () => {
    const { cwd, remove } = workspace({ "a.anchor.json": JSON.stringify({ count: 1, configuration: { proxy: proxy() } }, null, 2) });
    try {
      const result = await cli(cwd, ["--fix", "-f", "json"]);
      expect(JSON.parse(readFileSync(join(cwd, "a.anchor.json"), "utf8")).configuration.session.proxy.password).toBe(PASSWORD);
      expect(leakIn(result.stdout + result.stderr, PASSWORD)).toBeUndefined();
    } finally {
      remove();
    }
  });

  it("--fix-dry-run shows the fixed text with every credential masked", async () => {
    const initial = "https://carol:Hunter2-xyz@example.com/";
    const request = { count: 1, configuration: { session: { initial_url: initial }, proxy: proxy() } };
    const { cwd, remove } = workspace({ "a.anchor.json": JSON.stringify(request, null, 2) });
    try {
      const [result] = JSON.parse((await cli(cwd, ["--fix-dry-run", "-f", "json"])).stdout);
      expect(result.output).toContain('"password": "****"');
      expect(result.output).toContain('"username": "****"');
      expect(result.output).toContain("https://****@example.com/");
      expect(leakIn(result.output, "Hunter2-xyz")).toBeUndefined();
      expect(JSON.parse(result.output).configuration.session.proxy.type).toBe("custom");
    } finally {
      remove();
    }
  });
});

describe("file text never executed by a terminal or a CI log", () => {
  const forged = "\n::error file=src/app.js,line=1::Forged";
  const terminal = "\u001b[2J\u001b]0;title\u0007\u009b2K\u202e";

  it("escapes keys and values that forge workflow commands or terminal sequences, in every output", async () => {
    const request = { count: 1, configuration: { session: { [`x${forged}`]: 1, [`y${terminal}`]: 2, initial_url: `${forged}${terminal}##[error]legacy`, "##vso[task.setvariable variable=X]evil": `##VSO[task.complete result=Succeeded]` } } };
    const { cwd, remove } = workspace({ "a.anchor.json": JSON.stringify(request) });
    try {
      for (const [channel, output] of Object.entries(await allOutputs(cwd))) expect(unsafeOutput(channel, output)).toBeUndefined();
    } finally {
      remove();
    }
  });

  it("shows an invisible character in a key (a zero-width space pasted with it) as \\u200b, so the finding makes sense", async () => {
    const request = { count: 1, configuration: { session: { "recording\u200b": { active: false } }, "\ufeffbrowser": {} } };
    const { cwd, remove } = workspace({ "a.anchor.json": JSON.stringify(request) });
    try {
      const outputs = await allOutputs(cwd);
      expect(outputs.stylish).toContain('"recording\\u200b"');
      expect(outputs.stylish).toContain('"\\ufeffbrowser"');
      for (const [channel, output] of Object.entries(outputs)) expect(unsafeOutput(channel, output)).toBeUndefined();
    } finally {
      remove();
    }
  });

  it("escapes file names, past the github format's annotation limit too", async () => {
    const many = { count: 0, configuration: { session: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, i])) } };
    const { cwd, remove } = workspace({});
    try {
      for (const name of ["::error file=x::Forged.anchor.json", ` ::add-mask::m${terminal}.anchor.json`, `n\n::error file=x.js,line=1::Forged.anchor.json`, "##[error]x.anchor.json", "##vso[task.setvariable variable=X]evil.anchor.json"]) {
        writeFileSync(join(cwd, name), JSON.stringify(many));
      }
      const outputs = await allOutputs(cwd);
      expect(outputs.github).toContain("listed below");
      expect(outputs.stylish).toContain("./::error file=x::Forged.anchor.json");
      for (const [channel, output] of Object.entries(outputs)) expect(unsafeOutput(channel, output)).toBeUndefined();
    } finally {
      remove();
    }
  });

  it("escapes paths and arguments quoted on stderr", async () => {
    const { cwd, remove } = workspace({});
    try {
      const missing = await cli(cwd, [`gone${forged}${terminal}.anchor.json`]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("\\u001b");
      expect(unsafeOutput("stderr", missing.stderr)).toBeUndefined();
      // With a file to lint as well, the unmatched path is reported as the run goes on: escaped too.
      writeFileSync(join(cwd, "a.anchor.json"), '{"count":1}');
      const alongside = await cli(cwd, [`gone${forged}${terminal}.anchor.json`, "a.anchor.json"]);
      expect(alongside.code).toBe(2);
      expect(alongside.stderr.split("\n")).toEqual([expect.stringMatching(/^anchor-lint: No files matching the pattern "gone\\u000a::error .*\\u001b/), ""]);
      const option = await cli(cwd, [`--x${forged}`]);
      expect(unsafeOutput("stderr", option.stderr)).toBeUndefined();
    } finally {
      remove();
    }
  });

  it("keeps each mistake of a config file on one line, whatever the file says and its folder is called", async () => {
    const { cwd, remove } = workspace({});
    // What each line must show: the newline escaped, or (broken JSON no longer quotes the text as
    // V8's message did) the place instead of the text.
    const cases = [
      ["a key", "keys", '{"rules":{"x\\n  anchor-lint: config OK, 0 problems":"off"}}', "\\u000a"],
      ["broken JSON", "json", '{"rules":\n\n x}', "invalid JSON at line 3, column 2: "],
      ["the folder's name", "nl\nanchor-lint: forged", '{"rules":{"zz":"off"}}', "\\u000a"],
    ];
    // What --debug may add: its own lines, the stack's head and V8's frames.
    const debugLine = /^(anchor-lint: debug: |UsageError: |    at |$)/;
    try {
      for (const [what, folder, config, shown] of cases) {
        mkdirSync(join(cwd, folder!));
        writeFileSync(join(cwd, folder!, "a.anchor.json"), '{"count":1}');
        writeFileSync(join(cwd, folder!, "anchor-lint.config.json"), config!);
        const plain = await cli(cwd, [folder!]);
        expect(plain.code, what).toBe(2);
        expect(plain.stderr.split("\n"), what).toEqual([expect.stringMatching(/^\S.*\/anchor-lint\.config\.json: /), ""]);
        expect(plain.stderr, what).toContain(shown);
        const debug = await cli(cwd, ["--debug", folder!]);
        expect(debug.stderr.split("\n").filter((line) => !debugLine.test(line)), what).toEqual([plain.stderr.slice(0, -1)]);
      }
    } finally {
      remove();
    }
  });
});

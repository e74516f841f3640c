import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { allOutputs, leakIn, workspace } from "./security-helpers.js";

// Copies of a password percent-encoded into other strings of the file (a tag, a URL's query), which
// a message quoting the value or --fix-dry-run's text would print: decoded, each is the password.

const builtCli = fileURLToPath(new URL("../dist/anchor-lint.js", import.meta.url));

/** Every character as `%XX` (UTF-8), as strict encoders write even letters. */
function encodeAll(text: string, lower = false): string {
  const hex = [...new TextEncoder().encode(text)].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");
  return lower ? hex : hex.toUpperCase();
}

/** RFC 3986's strict form (`!'()*` encoded too, which encodeURIComponent leaves), hex in either case. */
function strict(text: string, lower = false): string {
  const encoded = encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return lower ? encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()) : encoded;
}

/** The ways a copy of `password` is percent-encoded: whole, by either encoder, in either case, mixed, twice. */
function percentForms(password: string): string[] {
  const chars = [...password];
  const mixed = chars.map((char, index) => (index % 2 === 0 ? encodeAll(char, index % 4 === 0) : char)).join("");
  const forms = [strict(password), strict(password, true), encodeURI(password), encodeURIComponent(password), encodeAll(password), encodeAll(password, true), mixed, strict(password).replace(/%/g, "%25")];
  return [...new Set(forms)].filter((form) => form !== password);
}

/** A file with the password in its proxy and a copy of it, encoded so, where a message quotes the value. */
function fileWith(password: string, copy: string): string {
  return JSON.stringify(
    {
      count: 1,
      configuration: {
        session: {
          proxy: { active: true, type: "custom", server: "http://p.example.com:8080", username: "bob-the-user", password },
          // Quoted by valid-format and valid-type; a moved key (tags) carries its value into a fix.
          initial_url: copy,
          recording: { active: copy },
          timeout: { max_duration: `x${copy}` },
        },
        browser: { initial_url: "https://example.com" },
      },
      [copy]: 1,
      tags: [copy, `https://example.com/login?next=1&pw=${copy}`],
      metadata: { note: copy, [copy]: copy },
    },
    null,
    2,
  );
}

function leaks(output: string, password: string): string | undefined {
  return [password, ...percentForms(password)].find((form) => leakIn(output, form) !== undefined);
}

describe("a percent-encoded copy of a credential is never printed by the CLI", () => {
  for (const password of ["Pw-Mixed!9", "S3 cr/ét-Pa55"]) {
    for (const copy of percentForms(password)) {
      it(`${password} copied as ${copy}: in none of the six formats, with --debug, -o or --fix-dry-run`, async () => {
        const text = fileWith(password, copy);
        const { cwd, remove } = workspace({ "a.anchor.json": text });
        try {
          const outputs = await allOutputs(cwd);
          // The messages that quote a value are there, with the copy masked.
          expect(outputs.stylish).toContain("is not a valid URI in configuration.session.initial_url");
          expect(outputs.stylish).toContain('found a string ("****")');
          for (const [channel, output] of Object.entries(outputs)) expect(leaks(output, password), `${channel} shows a copy`).toBeUndefined();
          expect(readFileSync(join(cwd, "a.anchor.json"), "utf8")).toBe(text);
        } finally {
          remove();
        }
      });
    }
  }

  it("the built CLI's --fix-dry-run text masks each copy and stays JSON", () => {
    const password = "Pw-Mixed!9";
    const copies = ["Pw-Mixed%219", "Pw%2dMixed%219", "%50w-Mixed!9", "Pw%2DMixed%219", "bob-the-user%3APw-Mixed%219"];
    const text = fileWith(password, copies[0]!).replace('"note": "Pw-Mixed%219"', `"note": "Pw-Mixed%219", "copies": ${JSON.stringify(copies)}`);
    const { cwd, remove } = workspace({ "a.anchor.json": text });
    try {
      for (const format of ["json", "stylish"]) {
        const run = spawnSync(process.execPath, [builtCli, "-f", format, "--fix-dry-run", "a.anchor.json"], { cwd, encoding: "utf8", env: { PATH: process.env.PATH, NO_COLOR: "1" } });
        expect(run.status, run.stderr).toBe(1);
        expect(leaks(run.stdout + run.stderr, password), format).toBeUndefined();
        for (const copy of copies) expect(run.stdout, format).not.toContain(copy);
        if (format === "json") {
          const output = JSON.parse(JSON.parse(run.stdout)[0].output);
          expect(output.metadata.copies).toEqual(["****", "****", "****", "****", "****%3A****"]);
          expect(output.configuration.session.tags).toEqual(["****", "https://example.com/login?next=1&pw=****"]);
        }
      }
    } finally {
      remove();
    }
  });
});

describe("the base64 of username:password (a Basic Proxy-Authorization header) is never printed by the CLI", () => {
  it("in none of the six formats, with --debug, -o or --fix-dry-run", async () => {
    const encoded = Buffer.from("bob-the-user:S3cr?t~~").toString("base64");
    const forms = [encoded, encoded.replace(/=+$/, ""), encoded.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")];
    const text = fileWith("S3cr?t~~", `Basic ${encoded}`).replace('"note": "Basic', `"forms": ${JSON.stringify(forms)}, "note": "Basic`);
    const { cwd, remove } = workspace({ "a.anchor.json": text });
    try {
      const outputs = await allOutputs(cwd);
      expect(outputs.stylish).toContain('found a string ("Basic ****")');
      for (const [channel, output] of Object.entries(outputs)) {
        for (const form of forms) expect(leakIn(output, form), `${channel} shows ${form}`).toBeUndefined();
      }
      expect(JSON.parse(JSON.parse(outputs["json --fix-dry-run"]!)[0].output).metadata.forms).toEqual(["****", "****", "****"]);
    } finally {
      remove();
    }
  });
});

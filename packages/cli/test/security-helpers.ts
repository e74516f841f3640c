import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { escapeControls } from "@anchor-lint/core";
import { run, type Io } from "../src/main.js";

export const FORMATS = ["stylish", "json", "sarif", "github", "junit", "compact"] as const;

/** A fresh folder (a repository root) with the given files, removed by the returned function. */
export function workspace(files: Record<string, string>): { cwd: string; remove: () => void } {
  const cwd = mkdtempSync(join(tmpdir(), "anchor-lint-security-"));
  mkdirSync(join(cwd, ".git"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, name), text);
  return { cwd, remove: () => rmSync(cwd, { recursive: true, force: true }) };
}

export async function cli(cwd: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    cwd,
    env: {},
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdoutIsTTY: false,
    readStdin: async () => "",
    workerUrl: undefined,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/**
 * Everything one linted folder can print, channel by channel: every format on stdout, with --debug
 * (stderr too), into a file with -o, and --fix-dry-run's JSON with the fixed text. Files are not
 * changed by any of these.
 */
export async function allOutputs(cwd: string, paths: string[] = ["."]): Promise<Record<string, string>> {
  const outputs: Record<string, string> = {};
  for (const format of FORMATS) {
    const plain = await cli(cwd, ["-f", format, ...paths]);
    outputs[format] = plain.stdout + plain.stderr;
    const debug = await cli(cwd, ["-f", format, "--debug", ...paths]);
    outputs[`${format} --debug`] = debug.stdout + debug.stderr;
    const toFile = await cli(cwd, ["-f", format, "-o", "report.out", ...paths]);
    outputs[`${format} -o`] = readFileSync(join(cwd, "report.out"), "utf8") + toFile.stdout + toFile.stderr;
    rmSync(join(cwd, "report.out"));
    const dry = await cli(cwd, ["-f", format, "--fix-dry-run", ...paths]);
    outputs[`${format} --fix-dry-run`] = dry.stdout + dry.stderr;
  }
  return outputs;
}

/** Shortish, plain-word values are only masked as whole values (secrets.ts, docs/security.md). */
export function distinctive(value: string): boolean {
  return value.length >= 8 || (value.length >= 6 && !/^[A-Za-z]+$/.test(value));
}

function xml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

function workflow(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/**
 * Every way a credential could show in one of the outputs: as written, JSON-escaped, display-escaped,
 * then encoded for JSON, XML, workflow commands or a pointer. A distinctive value in all of those; a
 * short one as a quoted value.
 */
export function credentialForms(credential: string): string[] {
  const json = JSON.stringify(credential);
  const base = [json, escapeControls(json)];
  if (distinctive(credential)) base.push(credential, json.slice(1, -1), escapeControls(credential), escapeControls(json.slice(1, -1)));
  const forms = new Set<string>();
  for (const form of base) {
    for (const encoded of [form, JSON.stringify(form).slice(1, -1), escapeControls(JSON.stringify(form).slice(1, -1)), xml(form), workflow(form), form.replace(/~/g, "~0").replace(/\//g, "~1")]) {
      if (encoded !== "") forms.add(encoded);
    }
  }
  return [...forms];
}

/** The first form of a credential found in an output, or undefined. */
export function leakIn(output: string, credential: string): string | undefined {
  return credentialForms(credential).find((form) => output.includes(form));
}

const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;

/** An annotation line of ours: properties cannot hold `:` (escaped), so the command ends at the first `::`. */
const OUR_COMMAND = /^::(error|warning|notice) [a-zA-Z]+=[^:,]*(,[a-zA-Z]+=[^:,]*)*::/;

/** What is wrong with an output a CI log or a terminal would show, or undefined. */
export function unsafeOutput(name: string, output: string): string | undefined {
  const control = RAW_CONTROL.exec(output);
  if (control) return `${name}: raw U+${control[0].charCodeAt(0).toString(16).padStart(4, "0")}`;
  if (output.includes("##[")) return `${name}: "##[" (GitHub's legacy command prefix)`;
  if (/##vso\[/i.test(output)) return `${name}: "##vso[" (Azure Pipelines' logging command prefix)`;
  for (const line of output.split("\n")) {
    const start = line.trimStart();
    if (!start.startsWith("::")) continue;
    if (name.startsWith("github") && OUR_COMMAND.test(start)) continue;
    return `${name}: a line starts with "::": ${JSON.stringify(line.slice(0, 80))}`;
  }
  return undefined;
}

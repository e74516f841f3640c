import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";

export const FORMATS = ["stylish", "json", "sarif", "github", "junit", "compact"] as const;
export type FormatName = (typeof FORMATS)[number];

export interface CliOptions {
  paths: string[];
  format: FormatName;
  outputFile: string | undefined;
  config: string | undefined;
  noConfig: boolean;
  /** `--rule id:severity` in command-line order (later wins). */
  rules: { id: string; setting: "off" | "warn" | "error" }[];
  maxCount: number | undefined;
  /** -1: no limit (as ESLint). */
  maxWarnings: number;
  quiet: boolean;
  fix: boolean;
  fixDryRun: boolean;
  stdin: boolean;
  stdinFilename: string | undefined;
  /** undefined: decide from NO_COLOR, FORCE_COLOR and whether stdout is a terminal. */
  color: boolean | undefined;
  listRules: boolean;
  printConfig: string | undefined;
  init: boolean;
  /** False for `--no-error-on-unmatched-pattern`: a folder or glob without files is not an error. */
  errorOnUnmatchedPattern: boolean;
  /** 0 means "auto". */
  concurrency: number;
  debug: boolean;
  version: boolean;
  help: boolean;
}

const OPTIONS = {
  format: { type: "string", short: "f" },
  "output-file": { type: "string", short: "o" },
  config: { type: "string", short: "c" },
  "no-config": { type: "boolean" },
  rule: { type: "string", multiple: true },
  "max-count": { type: "string" },
  "max-warnings": { type: "string" },
  quiet: { type: "boolean" },
  fix: { type: "boolean" },
  "fix-dry-run": { type: "boolean" },
  stdin: { type: "boolean" },
  "stdin-filename": { type: "string" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  "list-rules": { type: "boolean" },
  "print-config": { type: "string" },
  init: { type: "boolean" },
  "no-error-on-unmatched-pattern": { type: "boolean" },
  concurrency: { type: "string" },
  debug: { type: "boolean" },
  version: { type: "boolean", short: "v" },
  help: { type: "boolean", short: "h" },
} as const;

const SETTINGS = new Set(["off", "warn", "error"]);
/** ESLint's numeric severities, which its users write in `--rule` too. */
const NUMERIC_SETTINGS: Record<string, "off" | "warn" | "error"> = { "0": "off", "1": "warn", "2": "error" };

export const HELP = `Usage: anchor-lint [options] [paths...]

Checks Anchor Browser batch-session configs (*.anchor.json). Directories are searched
recursively (skipping node_modules, .git and what .gitignore files ignore); files named
explicitly are linted whatever their names; globs are accepted. Default path: .

Output:
  -f, --format <name>        stylish (default), json, sarif, github, junit, compact
  -o, --output-file <path>   write the report to a file instead of stdout
      --color, --no-color    force or disable colours (default: on a terminal only;
                             NO_COLOR and FORCE_COLOR are honoured)
      --quiet                report errors only

Configuration:
  -c, --config <path>        use this config file instead of looking for
                             anchor-lint.config.json next to each file and upward
      --no-config            ignore config files
      --rule <id>:<setting>  set a rule to off, warn or error (repeatable)
      --max-count <n>        highest allowed session count (default 1000)
      --print-config <file>  print the configuration that applies to a file
      --init [dir]           write a starter anchor-lint.config.json and example.anchor.json
                             (in dir, default .)

Fixing:
      --fix                  apply safe fixes to the files
      --fix-dry-run          compute fixes without writing; --format json shows them in "output"

Input:
      --stdin                lint the text on standard input
      --stdin-filename <p>   path used for stdin in the report and to find its config

Other:
      --max-warnings <n>     exit with 1 when there are more than n warnings
      --no-error-on-unmatched-pattern
                             a folder or glob with no file to lint, or a missing path, is no error
      --concurrency <n|auto> worker threads for large runs (default auto)
      --list-rules           list the rules with their default severity
      --debug                print timings and stack traces to stderr
  -v, --version              print the version
  -h, --help                 print this help

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many
warnings, 2 usage or configuration problem.

Examples:
  anchor-lint                                 lint every *.anchor.json under .
  anchor-lint configs/ batch.json             a folder and a file with any name
  anchor-lint "jobs/**/*.json" --quiet        a glob, errors only
  anchor-lint --fix                           fix what can be fixed safely
  anchor-lint -f sarif -o anchor-lint.sarif   SARIF for GitHub code scanning
  anchor-lint -f github                       annotations in GitHub Actions
  anchor-lint --rule known-property:off --max-warnings 0
  cat body.json | anchor-lint --stdin --stdin-filename jobs/body.anchor.json
`;

function integer(raw: string, option: string, min: number): number {
  if (!/^-?\d+$/.test(raw.trim()) || Number(raw) < min) {
    throw new UsageError(`option '${option}' expects an integer >= ${min}, got '${raw}'.`);
  }
  return Number(raw);
}

/** Parses `argv` (without node and script). Throws UsageError on anything it cannot make sense of. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  // Non-strict parsing with tokens lets us word every mistake ourselves, in one line.
  const { tokens, positionals } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const seen = new Map<string, string | undefined>();
  const rules: CliOptions["rules"] = [];
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const def = (OPTIONS as Record<string, { type: string; multiple?: boolean }>)[token.name];
    if (!def) {
      throw new UsageError(`unknown option '${token.rawName}'. See 'anchor-lint --help'.`);
    }
    if (def.type === "string" && token.value === undefined) {
      throw new UsageError(`option '${token.rawName}' needs a value. See 'anchor-lint --help'.`);
    }
    if (def.type === "boolean" && token.value !== undefined) {
      throw new UsageError(`option '${token.rawName}' takes no value. See 'anchor-lint --help'.`);
    }
    if (token.name === "rule") {
      const raw = token.value!;
      // ESLint's users write `--rule 'count-range: off'` (its own syntax has the space) or `...: 0`.
      const colon = raw.lastIndexOf(":");
      const id = raw.slice(0, colon).trim();
      const written = raw.slice(colon + 1).trim();
      const setting = NUMERIC_SETTINGS[written] ?? written;
      if (colon <= 0 || id === "" || !SETTINGS.has(setting)) {
        throw new UsageError(`option '--rule' expects <rule-id>:<off|warn|error>, got '${raw}'.`);
      }
      rules.push({ id, setting: setting as "off" | "warn" | "error" });
      continue;
    }
    seen.set(token.name, token.value);
  }
  const has = (name: string) => seen.has(name);
  const str = (name: string) => seen.get(name);

  const format = str("format") ?? "stylish";
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format '${format}'; use one of: ${FORMATS.join(", ")}.`);
  }
  if (has("color") && has("no-color")) {
    throw new UsageError("options '--color' and '--no-color' cannot be used together.");
  }
  if (has("config") && has("no-config")) {
    throw new UsageError("options '--config' and '--no-config' cannot be used together.");
  }
  let concurrency = 0;
  const rawConcurrency = str("concurrency");
  if (rawConcurrency !== undefined && rawConcurrency !== "auto") {
    if (!/^\d+$/.test(rawConcurrency) || Number(rawConcurrency) < 1) {
      throw new UsageError(`option '--concurrency' expects a number >= 1 or 'auto', got '${rawConcurrency}'.`);
    }
    concurrency = Number(rawConcurrency);
  }
  const options: CliOptions = {
    paths: positionals,
    format: format as FormatName,
    outputFile: str("output-file"),
    config: str("config"),
    noConfig: has("no-config"),
    rules,
    maxCount: has("max-count") ? integer(str("max-count")!, "--max-count", 1) : undefined,
    maxWarnings: has("max-warnings") ? integer(str("max-warnings")!, "--max-warnings", -1) : -1,
    quiet: has("quiet"),
    fix: has("fix"),
    fixDryRun: has("fix-dry-run"),
    stdin: has("stdin"),
    stdinFilename: str("stdin-filename"),
    color: has("color") ? true : has("no-color") ? false : undefined,
    listRules: has("list-rules"),
    printConfig: str("print-config"),
    init: has("init"),
    errorOnUnmatchedPattern: !has("no-error-on-unmatched-pattern"),
    concurrency,
    debug: has("debug"),
    version: has("version"),
    help: has("help"),
  };
  if (options.fix && options.fixDryRun) {
    throw new UsageError("options '--fix' and '--fix-dry-run' cannot be used together.");
  }
  if (options.stdin && options.fix) {
    throw new UsageError("option '--fix' cannot be used with '--stdin'; use '--fix-dry-run --format json' to get the fixed text.");
  }
  if (options.stdin && options.paths.length > 0) {
    throw new UsageError("paths cannot be given with '--stdin'; use '--stdin-filename' to name the input.");
  }
  // As ESLint: the paths would otherwise be dropped without a word, and the config printed for the file alone.
  if (options.printConfig !== undefined && options.paths.length > 0) {
    throw new UsageError("option '--print-config' takes exactly one file, and no other paths.");
  }
  if (options.init && options.paths.length > 1) {
    throw new UsageError("option '--init' takes one folder at most.");
  }
  if (options.stdinFilename !== undefined && !options.stdin) {
    throw new UsageError("option '--stdin-filename' needs '--stdin'.");
  }
  return options;
}

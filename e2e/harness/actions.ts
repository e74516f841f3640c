// Runs a composite GitHub Action's steps on this machine the way a runner would: inputs with their
// defaults, `${{ }}` expressions, `if:` conditions, `$GITHUB_OUTPUT`, and bash run as
// `bash --noprofile --norc -eo pipefail`. Steps that `uses:` another action are recorded, not run.
// Only the expression forms action.yml uses are understood; anything else throws, so the Action
// cannot drift into syntax this runner would get wrong.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parse } from "yaml";

interface Step {
  id?: string;
  if?: string;
  run?: string;
  shell?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

interface ActionFile {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

export interface StepResult {
  id: string | undefined;
  /** `skipped` when its `if:` was false. */
  outcome: "success" | "failure" | "skipped";
  uses?: string;
  with?: Record<string, string>;
  stdout: string;
  stderr: string;
  status: number | null;
}

export interface ActionRun {
  steps: StepResult[];
  outputs: Record<string, string>;
  /** Whether the job would fail. */
  failed: boolean;
}

interface Context {
  inputs: Record<string, string>;
  steps: Record<string, { outputs: Record<string, string> }>;
  actionPath: string;
  failed: boolean;
}

function reference(name: string, context: Context): string {
  let match: RegExpExecArray | null;
  if ((match = /^inputs\.([\w-]+)$/.exec(name))) {
    if (!(match[1]! in context.inputs)) throw new Error(`action.yml refers to an undeclared input: ${name}`);
    return context.inputs[match[1]!]!;
  }
  if ((match = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(name))) return context.steps[match[1]!]?.outputs[match[2]!] ?? "";
  if (name === "github.action_path") return context.actionPath;
  throw new Error(`this test's runner does not know the expression ${JSON.stringify(name)}`);
}

function evaluate(expression: string, context: Context): string | boolean {
  const trimmed = expression.trim();
  const parts = trimmed.split("&&");
  if (parts.length > 1) return parts.every((part) => truthy(evaluate(part, context)));
  const comparison = /^(.+?)\s*(==|!=)\s*'([^']*)'$/.exec(trimmed);
  if (comparison) {
    const equal = evaluate(comparison[1]!, context) === comparison[3];
    return comparison[2] === "==" ? equal : !equal;
  }
  if (trimmed === "always()") return true;
  if (trimmed === "success()") return !context.failed;
  if (trimmed === "failure()") return context.failed;
  return reference(trimmed, context);
}

const truthy = (value: string | boolean) => value !== false && value !== "";

function interpolate(text: string, context: Context): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_whole, expression: string) => String(evaluate(expression, context)));
}

/** A step's `if:` as GitHub reads it: without a status function, `success() && (...)`. */
function shouldRun(condition: string | undefined, context: Context): boolean {
  if (condition === undefined) return !context.failed;
  const bare = condition.replace(/^\$\{\{(.*)\}\}$/s, "$1");
  const hasStatus = /\b(always|success|failure|cancelled)\(\)/.test(bare);
  return (hasStatus || !context.failed) && truthy(evaluate(bare, context));
}

function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const at = line.indexOf("=");
    if (at > 0) outputs[line.slice(0, at)] = line.slice(at + 1);
  }
  return outputs;
}

/**
 * Runs `actionFile`'s steps in `workspace` with the given inputs (as a workflow's `with:`), a
 * simulated GITHUB_* environment and `env` on top.
 */
export function runAction(actionFile: string, workspace: string, given: Record<string, string>, env: NodeJS.ProcessEnv = {}): ActionRun {
  const action = parse(readFileSync(actionFile, "utf8")) as ActionFile;
  if (action.runs.using !== "composite") throw new Error("not a composite action");
  for (const name of Object.keys(given)) if (!(name in action.inputs)) throw new Error(`unknown input ${name}`);
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, given[name] ?? input.default ?? ""]));
  const context: Context = { inputs, steps: {}, actionPath: path.dirname(actionFile), failed: false };
  const scratch = mkdtempSync(path.join(tmpdir(), "anchor-lint-action-"));
  const github = {
    GITHUB_ACTIONS: "true",
    CI: "true",
    GITHUB_WORKSPACE: workspace,
    GITHUB_ACTION_PATH: context.actionPath,
    GITHUB_REPOSITORY: "octo/configs",
    GITHUB_SHA: "0000000000000000000000000000000000000000",
    GITHUB_REF: "refs/pull/1/merge",
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_STEP_SUMMARY: path.join(scratch, "summary.md"),
    RUNNER_TEMP: scratch,
  };
  const steps: StepResult[] = [];
  action.runs.steps.forEach((step, index) => {
    if (!shouldRun(step.if, context)) {
      steps.push({ id: step.id, outcome: "skipped", stdout: "", stderr: "", status: null, ...(step.uses ? { uses: step.uses } : {}) });
      return;
    }
    if (step.uses) {
      const withInputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, interpolate(String(value), context)]));
      steps.push({ id: step.id, outcome: "success", uses: step.uses, with: withInputs, stdout: "", stderr: "", status: 0 });
      return;
    }
    if (step.shell !== "bash") throw new Error(`step ${index}: only bash steps are run here`);
    const script = path.join(scratch, `step-${index}.sh`);
    const outputFile = path.join(scratch, `output-${index}`);
    writeFileSync(script, interpolate(step.run!, context));
    writeFileSync(outputFile, "");
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, interpolate(String(value), context)]));
    const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
      cwd: workspace,
      encoding: "utf8",
      env: { ...process.env, ...env, ...github, ...stepEnv, GITHUB_OUTPUT: outputFile },
    });
    const outcome = result.status === 0 ? "success" : "failure";
    if (outcome === "failure") context.failed = true;
    if (step.id) context.steps[step.id] = { outputs: readOutputs(outputFile) };
    steps.push({ id: step.id, outcome, stdout: result.stdout, stderr: result.stderr, status: result.status });
  });
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, output]) => [name, interpolate(output.value, context)]));
  return { steps, outputs, failed: context.failed };
}

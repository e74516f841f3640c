import { describe, expect, it } from "vitest";
import { build } from "esbuild";
import { runInNewContext } from "node:vm";
import { fileURLToPath } from "node:url";

describe("the core in a browser", () => {
  it("bundles for the browser with no Node built-ins, and lints inside a bare JavaScript context", async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL("../src/index.ts", import.meta.url))],
      bundle: true,
      platform: "browser",
      format: "iife",
      globalName: "anchorLint",
      mainFields: ["browser", "module", "main"],
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]!.text;
    // A context with only what browsers also have: no require, process or Buffer.
    const sandbox: Record<string, unknown> = { Intl, TextEncoder, TextDecoder, console };
    runInNewContext(`${code}\nglobalThis.result = anchorLint.lint('{"count": 2500, "configuration": {"browser": {"captcha_solver": {"active": true}}}}');`, sandbox);
    const findings = sandbox.result as { ruleId: string; message: string }[];
    expect(findings.map((finding) => finding.message)).toEqual([
      "Session count must be between 1 and 1000 (found 2500). The API enforces 1000 although its page mentions up to 5,000; if your account allows more, set maxCount in the anchor-lint config.",
      "CAPTCHA solver requires proxy to be active",
    ]);
    expect(typeof sandbox.require).toBe("undefined");
  });
});

import { describe, expect, it } from "vitest";
import { lint, redactCredentials } from "../src/index.js";

// findCredentials skips its walk when the text has no "@", no backslash and no username/password in
// any case: credentials written only through escapes must still be found.
describe("credential search on texts that spell credentials with escapes", () => {
  it("masks a password whose key is written with an escape", () => {
    const out = redactCredentials('{"count": 1, "metadata": {"pass\\u0077ord": "hunter2-secret"}}');
    expect(out).not.toContain("hunter2-secret");
    expect(out).toContain('"****"');
  });

  it("masks URL userinfo whose @ is written as an escape", () => {
    const text = '{"count": 1, "configuration": {"session": {"initial_url": "ftp://bob:s3cret-pass\\u0040host.example/"}}}';
    const findings = lint(text);
    expect(findings.length).toBeGreaterThan(0);
    expect(JSON.stringify(findings)).not.toContain("s3cret-pass");
  });

  it("masks a key in mixed case", () => {
    expect(redactCredentials('{"count": 1, "metadata": {"PassWord": "hunter2-secret"}}')).not.toContain("hunter2-secret");
  });
});

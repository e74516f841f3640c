// examples/sdk/preflight-and-send.ts against a local stand-in for the API that answers as the contract
// (spec/create-batch-sessions.md) documents: 200 with a batch_id, 400 with its two messages.
import { spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import Anchorbrowser from "anchorbrowser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PreflightError } from "@anchor-lint/core";
import { createBatch, exampleBody } from "./preflight-and-send.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const API_KEY = "test-key";

interface Received {
  method: string | undefined;
  url: string | undefined;
  apiKey: string | string[] | undefined;
  body: string;
}

/** The API as its contract documents it, for the two 400s it names and the 200. */
function answer(body: string): { status: number; json: unknown } {
  const request = JSON.parse(body) as { count?: unknown; configuration?: { browser?: { captcha_solver?: { active?: unknown } }; session?: { proxy?: { active?: unknown } } } };
  const count = request.count;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > 1000) {
    return { status: 400, json: { error: { code: 400, message: "Session count must be between 1 and 1000" } } };
  }
  if (request.configuration?.browser?.captcha_solver?.active === true && request.configuration.session?.proxy?.active !== true) {
    return { status: 400, json: { error: { code: 400, message: "CAPTCHA solver requires proxy to be active" } } };
  }
  return {
    status: 200,
    json: { data: { batch_id: "3c90c3cc-0d44-4b50-8888-8dd25736052a", status: "pending", total_requests: count, created_at: "2023-11-07T05:31:56Z" } },
  };
}

let server: Server;
let client: Anchorbrowser;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      received.push({ method: request.method, url: request.url, apiKey: request.headers["anchor-api-key"], body });
      const { status, json } = answer(body);
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  client = new Anchorbrowser({ apiKey: API_KEY, baseURL: `http://127.0.0.1:${port}`, maxRetries: 0, timeout: 10_000 });
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
});

describe("examples/sdk/preflight-and-send.ts", () => {
  it("type-checks, with this test, against the SDK's and the core's types (tsc, as CI runs it)", () => {
    const run = spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, "-p", "examples/sdk/tsconfig.json"], { cwd: root, encoding: "utf8" });
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("sends a body preflight accepts, unchanged, and returns the API's batch", async () => {
    const created = await createBatch(client, exampleBody);
    expect(created.data.batch_id).toBe("3c90c3cc-0d44-4b50-8888-8dd25736052a");
    expect(created.data.total_requests).toBe(25);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: "POST", url: "/v1/batch-sessions", apiKey: API_KEY });
    expect(received[0]!.body).toBe(JSON.stringify(exampleBody));
  });

  it("sends a body that has only warnings: preflight stops errors, not advice", async () => {
    const body = { count: 2, configuration: { session: { timeout: { idle_timeout: 30 } } } };
    await createBatch(client, body);
    expect(received.map((request) => request.body)).toEqual([JSON.stringify(body)]);
  });

  it.each([
    ["a count over 1000", { count: 2500, configuration: {} }, "Session count must be between 1 and 1000"],
    ["the CAPTCHA solver without a proxy", { count: 1, configuration: { browser: { captcha_solver: { active: true } } } }, "CAPTCHA solver requires proxy to be active"],
  ])("never sends %s: preflight throws with the API's own message", async (_name, body, apiMessage) => {
    const error = await createBatch(client, body).then(() => undefined, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as PreflightError).message).toContain(apiMessage);
    expect(received).toEqual([]);

    // The stand-in is honest: sent without preflight, the same body gets the contract's 400.
    const rejected = await client.post("/v1/batch-sessions", { body }).then(() => undefined, (thrown: unknown) => thrown);
    expect(rejected).toBeInstanceOf(Anchorbrowser.BadRequestError);
    expect((rejected as InstanceType<typeof Anchorbrowser.BadRequestError>).status).toBe(400);
    expect((rejected as InstanceType<typeof Anchorbrowser.BadRequestError>).error).toEqual({ error: { code: 400, message: apiMessage } });
  });

  it("never sends a proxy without its type, and never shows its credentials in the error", async () => {
    const body = { count: 1, configuration: { session: { proxy: { active: true, server: "http://proxy.example.com:8080", username: "alice", password: "s3cret-Pass!" } } } };
    const error = await createBatch(client, body).then(() => undefined, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as PreflightError).findings.map((finding) => finding.ruleId)).toEqual(["custom-proxy-missing-type"]);
    expect((error as PreflightError).message).not.toContain("s3cret-Pass!");
    expect(received).toEqual([]);
  });
});

// Check a batch-session body with anchor-lint, then send it with Anchor Browser's official SDK.
//
//   npm install anchorbrowser @anchor-lint/core
//   ANCHORBROWSER_API_KEY=... npx tsx preflight-and-send.ts
//
// The SDK has no batch method; its generic `client.post()` reaches `POST /v1/batch-sessions`.
import Anchorbrowser from "anchorbrowser";
import { preflight, PreflightError, type BatchSessionRequest } from "@anchor-lint/core";

/** The 200 answer of `POST /v1/batch-sessions` (the contract's BatchSessionResponseSchema). */
export interface BatchCreated {
  data: { batch_id: string; status: string; total_requests: number; created_at: string };
}

/**
 * Sends `body` as it is, after anchor-lint found no error in it. A body with an error throws
 * PreflightError (its message lists every finding, credentials masked) and no request is made.
 */
export async function createBatch(client: Anchorbrowser, body: unknown): Promise<BatchCreated> {
  const checked: BatchSessionRequest = preflight(body);
  return client.post<BatchCreated>("/v1/batch-sessions", { body: checked });
}

// The SDK's own type for a session's configuration is accepted as a batch's configuration.
const configuration: Anchorbrowser.SessionCreateParams = {
  browser: { adblock: { active: true }, cross_origin_support: { active: true } },
  session: {
    proxy: { active: true, type: "anchor_proxy", country_code: "de" },
    timeout: { max_duration: 30, idle_timeout: 5 },
    tags: ["catalog-sync"],
  },
};

export const exampleBody: BatchSessionRequest = { count: 25, configuration, metadata: { job: "catalog-sync" } };

async function main(): Promise<void> {
  const client = new Anchorbrowser({ apiKey: process.env["ANCHORBROWSER_API_KEY"] });
  try {
    const { data } = await createBatch(client, exampleBody);
    console.log(`batch ${data.batch_id}: ${data.status}, ${data.total_requests} sessions`);
  } catch (error) {
    if (!(error instanceof PreflightError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

if (process.argv[1]?.endsWith("preflight-and-send.ts")) await main();

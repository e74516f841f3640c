// The README's debounce, on a fake clock: "The first change after a quiet spell is checked at once;
// changes that follow within 150 ms wait for a pause (50 ms for files under 20 KB)."
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { settle, startInProcess, type InProcessClient } from "../in-process.js";

let client: InProcessClient | undefined;

beforeEach(() => {
  // setImmediate stays real: the streams and the server's own turns need it; only the clock is fake.
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
});

afterEach(() => {
  client?.dispose();
  client = undefined;
  vi.useRealTimers();
});

/** Lets the server read what was sent at this instant, moves the fake clock on, then lets what became due run to its publish. */
async function elapse(ms: number): Promise<void> {
  await settle();
  await vi.advanceTimersByTimeAsync(ms);
  await settle();
}

const small = (count: number) => `{ "count": ${count} }`;
// Over 20 KB: a long note in the metadata.
const large = (count: number) => `{ "count": ${count}, "metadata": { "note": "${"x".repeat(20_000)}" } }`;

async function versionsPublished(uri: string, from: number): Promise<(number | undefined)[]> {
  await settle();
  return client!.published.slice(from).filter((p) => p.uri === uri).map((p) => p.version);
}

describe.each([
  { size: "under 20 KB", text: small, pause: 50 },
  { size: "of 20 KB and more", text: large, pause: 150 },
])("debounce of a document $size", ({ text, pause }) => {
  it(`checks the first change after a quiet spell at once, and a burst of changes once, ${pause} ms after its last change`, async () => {
    client = await startInProcess();
    const uri = "file:///w/typing.anchor.json";
    await client.open(uri, text(0));
    await elapse(0);
    expect(await versionsPublished(uri, 0)).toEqual([1]);
    expect(client.published[0]!.diagnostics.map((d) => d.code)).toEqual(["count-range"]);

    // A quiet spell, then one change: checked without the clock moving.
    await elapse(1000);
    let from = client.published.length;
    await client.change(uri, text(2000));
    await elapse(0);
    expect(await versionsPublished(uri, from)).toEqual([2]);

    // A burst right after: each change puts the check off again; only the last version is checked.
    from = client.published.length;
    await client.change(uri, text(3000));
    await elapse(pause - 10);
    await client.change(uri, text(4000));
    await elapse(pause - 10);
    const last = await client.change(uri, text(1));
    await elapse(pause - 1);
    expect(await versionsPublished(uri, from)).toEqual([]);
    await elapse(1);
    expect(await versionsPublished(uri, from)).toEqual([last]);
    expect(client.published.at(-1)!.diagnostics).toEqual([]);
  });

  it("counts a change 149 ms after the one before as part of the burst, and one 150 ms after as after a quiet spell", async () => {
    client = await startInProcess();
    const uri = "file:///w/pauses.anchor.json";
    await client.open(uri, text(0));
    await elapse(0);

    await elapse(149);
    let from = client.published.length;
    const within = await client.change(uri, text(2000));
    await elapse(pause - 1);
    expect(await versionsPublished(uri, from)).toEqual([]);
    await elapse(1);
    expect(await versionsPublished(uri, from)).toEqual([within]);

    // 150 ms after that change (not after its check).
    await elapse(150 - pause);
    from = client.published.length;
    const after = await client.change(uri, text(1));
    await elapse(0);
    expect(await versionsPublished(uri, from)).toEqual([after]);
  });
});

// In process, a client that aborts its request while the mock reads the body: the mock's handler ends (no answer,
// nothing recorded, as startMockServer does for a client that leaves mid-body) instead of waiting forever on a body
// stream nobody will finish. No clock: the abort follows the stream's own pulls, and the handler's end is awaited.
import { getResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMock, createMockState } from "../src/index.js";

const mock = createMock({ state: createMockState({ buckets: 5, seed: 42 }) });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  mock.reset();
  server.events.removeAllListeners();
});
afterAll(() => server.close());

const ensUrl = "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10&Format=JSON";

/**
 * A body that sends 16 chunks, then never another nor its end; `reading` resolves when the reader asks for the 17th.
 * Cloning a request (MSW does, the mock does) tees its body, and a tee takes at most one chunk per branch until its
 * branches are read: only a reader draining the body asks for the 17th, so `reading` says the mock is reading.
 */
function stalledBody() {
  let asked!: () => void;
  const reading = new Promise<void>((resolve) => (asked = resolve));
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent === 16) return void asked();
        sent++;
        controller.enqueue(new TextEncoder().encode(sent === 1 ? "PageSize=10&Prefix=" : "a"));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, reading };
}

const post = (body: ReadableStream<Uint8Array>, signal: AbortSignal) =>
  ({ method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body, duplex: "half", signal }) as RequestInit;

describe("a client that aborts mid-body, in process", () => {
  it("through the handlers (getResponse): the handler ends once the request aborts, answering nothing", async () => {
    const { stream, reading } = stalledBody();
    const client = new AbortController();
    const answer = getResponse(mock.handlers, new Request(ensUrl, post(stream, client.signal)));
    await reading;
    client.abort();
    const response = await answer;
    expect(response?.type).toBe("error");
    expect(mock.requests).toEqual([]);
  });

  it("a request aborted before the mock reads its body: the same", async () => {
    const { stream } = stalledBody();
    const response = await getResponse(mock.handlers, new Request(ensUrl, post(stream, AbortSignal.abort())));
    expect(response?.type).toBe("error");
    expect(mock.requests).toEqual([]);
  });

  it("through MSW's fetch interception: the fetch rejects, and the handler ends (MSW reports its match)", async () => {
    const { stream, reading } = stalledBody();
    const client = new AbortController();
    // MSW emits request:match once a handler has returned its response: never while the handler waits.
    const handled = new Promise<void>((resolve) => server.events.on("request:match", () => resolve()));
    const sent = fetch(ensUrl, post(stream, client.signal));
    await reading;
    client.abort();
    await expect(sent).rejects.toMatchObject({ name: "AbortError" });
    await handled;
    expect(mock.requests).toEqual([]);
  });
});

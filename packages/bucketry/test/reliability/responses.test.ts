// Bad responses — malformed, truncated, empty, wrong content type, over the size cap, JSON where XML is
// expected and back — become a BucketryError (MalformedResponse for a 2xx) with status and request id, with
// retries on or off; never a TypeError, an unhandled rejection or a hang. Property-based (fast-check, fixed
// seeds): random bytes and random near-valid JSON/XML through every provider's read path.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { gzipSync } from "node:zlib";
import { scenario } from "@bucketry/mocks";
import { startMockServer, type MockServer } from "@bucketry/mocks/server";
import fc from "fast-check";
import { Agent } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BucketryError, createBucketClient, type Provider } from "../../src/index.js";
import { callOnce, clientFor, PROVIDERS, rawServer, rejection, REQUEST_ID_HEADER, STUB_ENDPOINT, stubFetch, VALID_BODY, within, type Raw } from "./helpers.js";

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on("unhandledRejection", onUnhandled);
});
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
  expect(unhandled).toEqual([]);
});

const html = "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>";
const JSON_SAMPLE = VALID_BODY["aliyun-ens"].body;
const XML_SAMPLE = VALID_BODY["aliyun-oss"].body;

/** Bodies a 200 must not be accepted with, per provider. */
function badBodies(provider: Provider): [string, string, string][] {
  const valid = VALID_BODY[provider];
  const foreign = valid.type.includes("xml") ? { type: "application/json", body: JSON_SAMPLE } : { type: "application/xml", body: XML_SAMPLE };
  return [
    ["empty", valid.type, ""],
    ["whitespace", valid.type, "  \n"],
    ["truncated", valid.type, valid.body.slice(0, Math.floor(valid.body.length / 2))],
    ["malformed", valid.type, valid.body.replace(/[{<]/, "[")],
    ["HTML page", "text/html", html],
    ["HTML labelled as the right type", valid.type, html],
    ["the other format", foreign.type, foreign.body],
    ["the other format, labelled right", valid.type, foreign.body],
    ["a JSON string", "application/json", '"ok"'],
    ["JSON null", "application/json", "null"],
    ["a number", valid.type, "42"],
    ["binary", "application/octet-stream", "\u0000\u0001\u0002\u00ff"],
  ];
}

describe.each(PROVIDERS)("%s: a 200 that is not what the vendor documents", (provider) => {
  it.each(badBodies(provider))("%s → MalformedResponse with status and request id, not retried", async (_, type, body) => {
    for (const retry of [false, { baseDelayMs: 0 }]) {
      const fetch = stubFetch(() => new Response(body, { status: 200, headers: { "content-type": type, ...(REQUEST_ID_HEADER[provider] ? { [REQUEST_ID_HEADER[provider]!]: "REQ-9" } : {}) } }));
      const client = clientFor(provider, STUB_ENDPOINT[provider], { fetch, retry });
      const err = await within(rejection(callOnce(client, provider)), 5_000);
      expect(err).toMatchObject({ kind: "MalformedResponse", status: 200, retryable: false, attempts: 1 });
      if (REQUEST_ID_HEADER[provider]) expect(err.requestId).toBe("REQ-9");
      expect(fetch.requests).toHaveLength(1);
    }
  });
});

// The OSS package's XML middleware answers an empty XML body with an empty JSON one, so the message named the
// middleware's content type: "expected an XML body, got application/json" for an application/xml 200.
it.each([["application/xml", ""], ["text/xml; charset=utf-8", "  \n"], ["application/json", ""]])("OSS: a 200 %s with an empty body says the body was empty", async (type, body) => {
  const fetch = stubFetch(() => new Response(body, { status: 200, headers: { "content-type": type } }));
  const client = clientFor("aliyun-oss", STUB_ENDPOINT["aliyun-oss"], { fetch, retry: false });
  const err = await rejection(callOnce(client, "aliyun-oss"));
  expect(err).toMatchObject({ kind: "MalformedResponse", status: 200 });
  expect(err.message).toContain("expected an XML body, got an empty body");
});

describe("a 200 whose JSON body is the vendor's error, not a listing", () => {
  it.each([
    ["aliyun-ens", { RequestId: "R-1", Code: "Forbidden.RAM", Message: "User not authorized to operate on the specified resource." }, "Forbidden.RAM"],
    ["hitachi-vsp-one-object", { code: "USER_NOT_FOUND", message: "user 1 does not exist" }, "USER_NOT_FOUND"],
    ["huaweicloud-mpc", { error_code: "MPC.10208", error_msg: "Failed to obtain the OBS bucket list." }, "MPC.10208"],
  ] as const)("%s → MalformedResponse naming the vendor's code, not an empty listing", async (provider, body, code) => {
    const fetch = stubFetch(() => Response.json(body));
    const client = clientFor(provider, STUB_ENDPOINT[provider], { fetch, retry: false });
    const err = await rejection(callOnce(client, provider));
    expect(err).toMatchObject({ kind: "MalformedResponse", status: 200, retryable: false });
    expect(err.message).toContain(`the body is a ${code} error`);
  });

  it.each([
    ["aliyun-ens", {}, "RequestId is missing: not a ListBuckets answer"],
    ["aliyun-ens", { Status: "ok" }, "RequestId is missing"],
    ["huaweicloud-mpc", { bucket_list: [{ bucket: "b1" }] }, "no buckets, and fields the vendor does not send (bucket_list)"],
    ["hitachi-vsp-one-object", { items: [{ bucketId: 1, bucketName: "b1" }] }, "no buckets, and fields the vendor does not send (items)"],
  ] as const)("%s: a 200 object without the listing, holding fields the vendor does not send (%j) → MalformedResponse, not an empty listing", async (provider, body, says) => {
    const fetch = stubFetch(() => Response.json(body));
    const client = clientFor(provider, STUB_ENDPOINT[provider], { fetch, retry: false });
    const err = await rejection(callOnce(client, provider));
    expect(err).toMatchObject({ kind: "MalformedResponse", status: 200, retryable: false });
    expect(err.message).toContain(says);
  });

  it.each([
    ["huaweicloud-mpc", {}],
    ["hitachi-vsp-one-object", {}],
    ["hitachi-vsp-one-object", { pageToken: "" }],
    ["aliyun-ens", { RequestId: "R-3" }],
    ["aliyun-ens", { requestId: "r-3" }], // lower-case, as the error reader also accepts
  ] as const)("%s: %j is still no buckets (the SDKs leave an empty list out)", async (provider, body) => {
    const fetch = stubFetch(() => Response.json(body));
    const client = clientFor(provider, STUB_ENDPOINT[provider], { fetch, retry: false });
    await expect(callOnce(client, provider)).resolves.toMatchObject({ buckets: [] });
  });

  it.each([
    ["aliyun-ens", { RequestId: "RID-BODY", BucketInfos: "oops" }, "BucketInfos is not an array"],
    ["huaweicloud-mpc", { buckets: "oops", request_id: "RID-BODY" }, "buckets is not an array"],
    ["baidu-bos", { code: "RequestRateLimitExceeded", message: "Your request rate is too high.", requestId: "RID-BODY" }, "the body is a RequestRateLimitExceeded error"],
  ] as const)("%s: a malformed 200 carries the request id its body gives when no header does", async (provider, body, says) => {
    const fetch = stubFetch(() => Response.json(body));
    const client = clientFor(provider, STUB_ENDPOINT[provider], { fetch, retry: false });
    const err = await rejection(callOnce(client, provider));
    expect(err).toMatchObject({ kind: "MalformedResponse", status: 200, requestId: "RID-BODY" });
    expect(err.message).toContain(says);
  });

  it("an ENS body with BucketInfos but no error code is still a listing (an empty one here)", async () => {
    const fetch = stubFetch(() => Response.json({ RequestId: "R-2", TotalCount: 0, BucketInfos: [] }));
    const client = clientFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"], { fetch, retry: false });
    await expect(callOnce(client, "aliyun-ens")).resolves.toEqual({ buckets: [] });
  });
});

describe("the mock server's body faults, over real sockets", () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({ buckets: 20, seed: 9 });
  });
  afterAll(() => server.close());
  afterEach(() => server.mock.reset());

  const faults = ["truncated", "malformed", "invalid", "empty", "wrong-content-type"] as const;
  const cases = PROVIDERS.flatMap((p) => faults.map((f) => [p, f] as const));
  it.each(cases)("%s %s → MalformedResponse", async (provider, fault) => {
    server.mock.use(scenario.body(provider, fault, { always: true }));
    const client = createBucketClient({ ...server.clientOptions[provider], retry: { baseDelayMs: 0 } } as never);
    const call = provider === "aliyun-oss" || provider === "baidu-bos"
      ? (client as never as { getBucketAcl(b: string): Promise<unknown> }).getBucketAcl(server.mock.state.buckets[0]!.name)
      : (client as never as { listBucketsPage(o: object): Promise<unknown> }).listBucketsPage({ userId: 0 });
    const err = await within(rejection(call), 5_000);
    expect(err).toMatchObject({ kind: "MalformedResponse", status: 200, attempts: 1 });
    if (REQUEST_ID_HEADER[provider]) expect(err.requestId).toBeTruthy();
  });
});

describe("maxResponseBytes (default 10 MiB), enforced while the body is read", () => {
  let http: Server | undefined;
  afterEach(async () => {
    http?.closeAllConnections();
    await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
    http = undefined;
  });

  /** Streams `total` bytes of a JSON-looking body; records how much the client let it write. */
  async function streamer(total: number, status = 200, withLength = false): Promise<{ url: string; written: () => number; closed: Promise<{ early: boolean }> }> {
    let written = 0;
    let closed!: (outcome: { early: boolean }) => void;
    const closedPromise = new Promise<{ early: boolean }>((resolve) => (closed = resolve));
    http = createServer((req, res) => {
      req.resume();
      res.writeHead(status, { "content-type": "application/json", "x-acs-request-id": "BIG-1", ...(withLength ? { "content-length": String(total) } : {}) });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      res.on("close", () => closed({ early: written < total }));
      const pump = () => {
        while (written < total) {
          const n = Math.min(chunk.length, total - written);
          written += n;
          if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return res.once("drain", pump);
        }
        res.end();
      };
      res.write("{");
      pump();
    });
    await new Promise<void>((resolve) => http!.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, written: () => written, closed: closedPromise };
  }

  it("a 64 MiB chunked body with the default cap: MalformedResponse, and the download is cut off", async () => {
    const s = await streamer(64 * 1024 * 1024);
    const client = clientFor("aliyun-ens", s.url, { retry: { baseDelayMs: 0 } });
    const err = await within(rejection(callOnce(client, "aliyun-ens")), 20_000);
    expect(err).toMatchObject({ kind: "MalformedResponse", status: 200, requestId: "BIG-1", attempts: 1 });
    expect(err.message).toMatch(/larger than 10485760 bytes/);
    // The server sees its response closed before the whole body went out.
    expect(await within(s.closed, 10_000, "the server's response closing")).toEqual({ early: true });
    expect(s.written()).toBeLessThan(40 * 1024 * 1024);
  });

  it("a configured cap, with and without Content-Length", async () => {
    for (const withLength of [true, false]) {
      const s = await streamer(5_000, 200, withLength);
      const client = clientFor("aliyun-ens", s.url, { maxResponseBytes: 1_000 });
      const err = await rejection(callOnce(client, "aliyun-ens"));
      expect(err).toMatchObject({ kind: "MalformedResponse", status: 200, requestId: "BIG-1" });
      http!.closeAllConnections();
      await new Promise<void>((resolve) => http!.close(() => resolve()));
      http = undefined;
    }
  });

  it("an error body past 64 KiB (and the cap) is cut and still read by its status (a 503 stays retryable)", async () => {
    let n = 0;
    const big = JSON.stringify({ Code: "ServiceUnavailable", Message: "x".repeat(100_000) });
    const fetch = stubFetch(() => (n++ === 0 ? new Response(big, { status: 503, headers: { "x-acs-request-id": "E-1" } }) : new Response(VALID_BODY["aliyun-ens"].body)));
    const client = clientFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"], { fetch, maxResponseBytes: 1_000, retry: { baseDelayMs: 0, maxAttempts: 1 } });
    const err = await rejection(callOnce(client, "aliyun-ens"));
    expect(err).toMatchObject({ kind: "Unavailable", status: 503, requestId: "E-1", retryable: true });
    await expect(callOnce(client, "aliyun-ens")).resolves.toBeTruthy();
  });

  it("with the default cap (10 MiB), an endless error body is read no further than 64 KiB", async () => {
    // A proxy's error page that never ends: the caller's fetch hands back a stream that counts what is pulled.
    let pulled = 0;
    const chunk = new TextEncoder().encode(`{"Code":"ServiceUnavailable","Message":"${"x".repeat(16 * 1024)}`);
    const fetch = stubFetch(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              pulled += chunk.byteLength;
              controller.enqueue(chunk);
            },
          }),
          { status: 503, headers: { "x-acs-request-id": "E-2" } },
        ),
    );
    const client = clientFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"], { fetch, retry: false });
    const err = await within(rejection(callOnce(client, "aliyun-ens")), 5_000);
    expect(err).toMatchObject({ kind: "Unavailable", status: 503, requestId: "E-2", retryable: true });
    // 64 KiB, plus the chunk that crossed it and one the stream queued ahead.
    expect(pulled).toBeLessThanOrEqual(64 * 1024 + 2 * chunk.byteLength);
  });

  it("under a small cap, an error body up to 64 KiB is read whole: its code decides the kind (OSS SignatureDoesNotMatch, ENS Throttling.User)", async () => {
    const canonical = "GET\n/examplebucket/\nacl=\n" + "x-oss-meta-padding:".padEnd(3_000, "p");
    const oss = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message><RequestId>OSS-1</RequestId><CanonicalRequest>${canonical}</CanonicalRequest></Error>`;
    const ossClient = clientFor("aliyun-oss", STUB_ENDPOINT["aliyun-oss"], { fetch: stubFetch(() => new Response(oss, { status: 403, headers: { "content-type": "application/xml" } })), maxResponseBytes: 1_000, retry: false });
    expect(await rejection(callOnce(ossClient, "aliyun-oss"))).toMatchObject({ kind: "SignatureMismatch", code: "SignatureDoesNotMatch", requestId: "OSS-1" });
    // Padded past the cap (1 000 bytes), the code last: cut at the cap, the document would not parse at all.
    const ens = JSON.stringify({ RequestId: "ENS-1", Message: "Request was denied due to user flow control.".padEnd(5_000, "."), Code: "Throttling.User" });
    let calls = 0;
    const ensClient = clientFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"], {
      fetch: stubFetch(() => (calls++ === 0 ? new Response(ens, { status: 400 }) : new Response(VALID_BODY["aliyun-ens"].body))),
      maxResponseBytes: 1_000,
      retry: { baseDelayMs: 0 },
    });
    await expect(callOnce(ensClient, "aliyun-ens")).resolves.toBeTruthy(); // Throttled, so retried
    expect(calls).toBe(2);
  });

  it("a compressed body is capped after decoding (a 20 KiB gzip that inflates to 32 MiB)", async () => {
    const bomb = gzipSync(Buffer.concat([Buffer.from('{"BucketInfos":"'), Buffer.alloc(32 * 1024 * 1024, 0x61), Buffer.from('"}')]));
    expect(bomb.length).toBeLessThan(100 * 1024);
    http = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": String(bomb.length), "x-acs-request-id": "GZ-1" });
      res.end(bomb);
    });
    await new Promise<void>((resolve) => http!.listen(0, "127.0.0.1", resolve));
    const client = clientFor("aliyun-ens", `http://127.0.0.1:${(http.address() as AddressInfo).port}`, { maxResponseBytes: 1024 * 1024 });
    const err = await within(rejection(callOnce(client, "aliyun-ens")), 10_000);
    expect(err).toMatchObject({ kind: "MalformedResponse", status: 200, requestId: "GZ-1" });
    expect(err.message).toMatch(/larger than 1048576 bytes/);
  });

  it("a body marked gzip that is not gzip is a MalformedResponse sent once, not a retried network error", async () => {
    let requests = 0;
    http = createServer((req, res) => {
      requests++;
      req.resume();
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "x-acs-request-id": "GZ-2" });
      res.end(VALID_BODY["aliyun-ens"].body);
    });
    await new Promise<void>((resolve) => http!.listen(0, "127.0.0.1", resolve));
    const client = clientFor("aliyun-ens", `http://127.0.0.1:${(http.address() as AddressInfo).port}`, { retry: { baseDelayMs: 0 } });
    const err = await within(rejection(callOnce(client, "aliyun-ens")), 10_000);
    // The answer's status and request id are on it, as on every other MalformedResponse.
    expect(err).toMatchObject({ kind: "MalformedResponse", retryable: false, attempts: 1, status: 200, requestId: "GZ-2" });
    expect(err.message).toContain("does not decode as its Content-Encoding header says (Z_DATA_ERROR)");
    expect(requests).toBe(1);
  });

  it("a body marked br that is not br is a MalformedResponse sent once too (brotli's own code, not zlib's)", async () => {
    let requests = 0;
    http = createServer((req, res) => {
      requests++;
      req.resume();
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "br", "x-acs-request-id": "BR-1" });
      res.end(VALID_BODY["aliyun-ens"].body);
    });
    await new Promise<void>((resolve) => http!.listen(0, "127.0.0.1", resolve));
    for (const fetch of [undefined, (request: Request) => globalThis.fetch(request)]) {
      requests = 0;
      const client = clientFor("aliyun-ens", `http://127.0.0.1:${(http.address() as AddressInfo).port}`, { retry: { baseDelayMs: 0 }, ...(fetch ? { fetch } : {}) });
      const err = await within(rejection(callOnce(client, "aliyun-ens")), 10_000);
      expect(err, fetch ? "Node's fetch" : "default transport").toMatchObject({ kind: "MalformedResponse", retryable: false, attempts: 1, status: 200, requestId: "BR-1" });
      expect(err.message).toMatch(/does not decode as its Content-Encoding header says \(ERR__ERROR_FORMAT_\w+\)/);
      expect(requests).toBe(1);
    }
  });

  it("a body framed by Transfer-Encoding is capped whatever its Content-Length says (a custom fetch passing both)", async () => {
    const body = `{"BucketInfos":{"BucketInfo":[]},"TotalCount":0,"Pad":"${"p".repeat(50_000)}"}`;
    for (const encoding of ["chunked", "identity"]) {
      const fetch = stubFetch(() => new Response(body, { headers: { "content-type": "application/json", "content-length": "10", "transfer-encoding": encoding } }));
      const client = clientFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"], { fetch, maxResponseBytes: 1_000 });
      const err = await rejection(callOnce(client, "aliyun-ens"));
      expect(err, encoding).toMatchObject({ kind: "MalformedResponse", status: 200 });
      expect(err.message).toMatch(/larger than 1000 bytes/);
    }
  });

  it("an error answer whose body does not decode is read by its status: a 503 labelled gzip is retried, then the call succeeds", async () => {
    let requests = 0;
    http = createServer((req, res) => {
      req.resume();
      if (requests++ === 0) {
        res.writeHead(503, { "content-type": "text/html", "content-encoding": "gzip", "retry-after": "0" });
        return res.end(html);
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(VALID_BODY["aliyun-ens"].body);
    });
    await new Promise<void>((resolve) => http!.listen(0, "127.0.0.1", resolve));
    const client = clientFor("aliyun-ens", `http://127.0.0.1:${(http.address() as AddressInfo).port}`, { retry: { baseDelayMs: 0 } });
    await expect(within(callOnce(client, "aliyun-ens"), 10_000)).resolves.toBeTruthy();
    expect(requests).toBe(2);
    // Without a retry left, it is the 503 it was: Unavailable, retryable.
    requests = 0;
    const once = clientFor("aliyun-ens", `http://127.0.0.1:${(http.address() as AddressInfo).port}`, { retry: false });
    expect(await within(rejection(callOnce(once, "aliyun-ens")), 10_000)).toMatchObject({ kind: "Unavailable", status: 503, retryable: true });
  });

  it("a body within the cap is read normally", async () => {
    const fetch = stubFetch(() => new Response(VALID_BODY["aliyun-oss"].body, { headers: { "content-type": "application/xml" } }));
    const client = clientFor("aliyun-oss", STUB_ENDPOINT["aliyun-oss"], { fetch, maxResponseBytes: VALID_BODY["aliyun-oss"].body.length });
    await expect(client.getBucketAcl("example-bucket")).resolves.toMatchObject({ acl: "public-read" });
  });
});

describe("a response larger than the caller's fetch accepts (an undici Agent's maxResponseSize)", () => {
  let raw: Raw | undefined;
  let agent: Agent | undefined;
  afterEach(async () => {
    await agent?.close();
    await raw?.close();
    raw = agent = undefined;
  });

  /** The facade's `fetch` option as a caller writes it: the platform's fetch through an undici Agent with a cap. */
  function cappedFetch(maxResponseSize: number): (request: Request) => Promise<Response> {
    const dispatcher = (agent = new Agent({ maxResponseSize }));
    return (request) => globalThis.fetch(request, { dispatcher } as RequestInit);
  }
  const padded = (status: number, framing: Record<string, string>, body: string) => (res: ServerResponse) => {
    res.writeHead(status, { "content-type": "application/json", "x-acs-request-id": "CAP-1", ...framing });
    res.end(body);
  };
  const BIG = VALID_BODY["aliyun-ens"].body + " ".repeat(5_000);

  it.each([
    ["with Content-Length", { "content-length": String(Buffer.byteLength(BIG)) }],
    ["chunked", {}],
  ] as const)("a 200 past it (%s) is a MalformedResponse sent once, naming maxResponseSize: not a retried network error", async (_, framing) => {
    raw = await rawServer((_req, res) => padded(200, framing, BIG)(res));
    const client = clientFor("aliyun-ens", raw.url, { fetch: cappedFetch(1_000), retry: { baseDelayMs: 0, maxAttempts: 3 } });
    const err = await within(rejection(callOnce(client, "aliyun-ens")), 10_000);
    expect(err).toMatchObject({ kind: "MalformedResponse", retryable: false, attempts: 1 });
    expect(err.message).toMatch(/larger than the fetch's limit .*maxResponseSize/);
    expect(raw.hits).toBe(1);
  });

  it("an error answer past it is read by its status, as one past 64 KiB is (a 503 is retried), and the retry's 200 within it succeeds", async () => {
    const unavailable = JSON.stringify({ Code: "ServiceUnavailable", Message: "x".repeat(5_000) });
    raw = await rawServer((_req, res, index) => (index === 0 ? padded(503, {}, unavailable)(res) : padded(200, {}, VALID_BODY["aliyun-ens"].body)(res)));
    const client = clientFor("aliyun-ens", raw.url, { fetch: cappedFetch(1_000), retry: { baseDelayMs: 0, maxAttempts: 2 } });
    await within(callOnce(client, "aliyun-ens"), 10_000);
    expect(raw.hits).toBe(2);
    // And a 200 past it through the same client is not retried.
    raw.server.removeAllListeners("request");
    raw.server.on("request", (req: IncomingMessage, res: ServerResponse) => (req.resume(), padded(200, {}, BIG)(res)));
    const err = await within(rejection(callOnce(client, "aliyun-ens")), 10_000);
    expect(err).toMatchObject({ kind: "MalformedResponse", status: 200, requestId: "CAP-1", retryable: false, attempts: 1 });
  });
});

describe("redirects are not followed (signed headers stay with the host they were signed for)", () => {
  it.each(PROVIDERS)("%s: a 302 to another host is an error, the other host is never called", async (provider) => {
    let elsewhere = 0;
    const fetch = stubFetch((request) => {
      if (request.url.startsWith("http://evil.test")) {
        elsewhere++;
        return new Response(VALID_BODY[provider].body);
      }
      expect(request.redirect).toBe("manual");
      return new Response(null, { status: 302, headers: { location: "http://evil.test/steal" } });
    });
    const client = clientFor(provider, STUB_ENDPOINT[provider], { fetch, retry: { baseDelayMs: 0 } });
    const err = await rejection(callOnce(client, provider));
    expect(err.status).toBe(302);
    // Only the client's options can fix a redirect (the wrong endpoint or region): not retried.
    expect(err).toMatchObject({ kind: "Configuration", retryable: false });
    // The facade's own error for every provider (Hitachi's session leaves a 3xx the facade does not follow to it).
    expect(err).toBeInstanceOf(BucketryError);
    expect(err.message).toContain("redirects are not followed (it points to evil.test): check the endpoint and region");
    expect(elsewhere).toBe(0);
  });

  it("hitachi-vsp-one-object: a redirect answering the session's CSRF handshake is a Configuration error too, naming where it points", async () => {
    // Not stubFetch, which answers the CSRF GET itself.
    const requests: string[] = [];
    const fetch = async (request: Request) => {
      requests.push(`${request.method} ${new URL(request.url).pathname}`);
      if (new URL(request.url).pathname.endsWith("/v1/csrf")) return new Response(null, { status: 301, headers: { location: "https://other.example/mapi/v1/csrf" } });
      return new Response(VALID_BODY["hitachi-vsp-one-object"].body);
    };
    const client = clientFor("hitachi-vsp-one-object", STUB_ENDPOINT["hitachi-vsp-one-object"], { fetch, retry: { baseDelayMs: 0 } });
    const err = await rejection(callOnce(client, "hitachi-vsp-one-object"));
    expect(err).toMatchObject({ kind: "Configuration", retryable: false, status: 301 });
    expect(err.message).toContain("a redirect to https://other.example, not followed: use the URL it points to");
    // Not retried, and the MAPI call is not made without its session.
    expect(requests).toEqual(["GET /mapi/v1/csrf"]);
  });

  it("with the global fetch too: a real 307 is returned, not followed", async () => {
    let followed = 0;
    const http = createServer((req, res) => {
      if (req.url?.startsWith("/elsewhere")) followed++;
      res.writeHead(307, { location: "/elsewhere" });
      res.end();
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    try {
      const client = clientFor("baidu-bos", `http://127.0.0.1:${(http.address() as AddressInfo).port}`);
      expect(await rejection(client.getBucketAcl("example-bucket"))).toMatchObject({ status: 307 });
      expect(followed).toBe(0);
    } finally {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  });
});

// ------------------------------------------------------------------------------------------------------------------
// Property-based: any bytes, any status, any content type → a result or a BucketryError, promptly.

const STATUSES = [200, 200, 200, 201, 203, 400, 401, 403, 404, 408, 409, 429, 500, 502, 503, 504];
const TYPES = ["application/json", "application/xml", "text/xml", "text/html", "text/plain", "application/octet-stream", "", "application/json; charset=gbk"];

/** JSON values shaped like `sample`, with any node possibly replaced, dropped, or retyped. */
function nearValid(sample: unknown, depth = 0): fc.Arbitrary<unknown> {
  const anything = fc.oneof(fc.constant(null), fc.boolean(), fc.double(), fc.integer(), fc.string(), fc.constant(""), fc.constant([]), fc.constant({}));
  if (depth > 6) return anything;
  if (Array.isArray(sample)) {
    const item = sample.length ? nearValid(sample[0], depth + 1) : anything;
    return fc.oneof({ weight: 4, arbitrary: fc.array(item, { maxLength: 4 }) }, { weight: 1, arbitrary: anything });
  }
  if (sample && typeof sample === "object") {
    const entries = Object.entries(sample as Record<string, unknown>);
    const rec = fc.record(Object.fromEntries(entries.map(([k, v]) => [k, nearValid(v, depth + 1)])), { requiredKeys: [] });
    return fc.oneof({ weight: 6, arbitrary: rec }, { weight: 1, arbitrary: anything }, { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), anything, { maxKeys: 3 }) });
  }
  return fc.oneof({ weight: 2, arbitrary: fc.constant(sample) }, { weight: 2, arbitrary: anything });
}

/** XML shaped like the ACL body: random names, text, entities, CDATA, DOCTYPEs, nesting, truncation. */
const xmlName = fc.constantFrom("AccessControlPolicy", "Owner", "ID", "DisplayName", "AccessControlList", "Grant", "Error", "Code", "a", "x:y", "1bad", "");
const xmlText = fc.oneof(
  fc.constantFrom("private", "public-read", "public-read-write", "0022012", "", "&amp;", "&lol;", "&#0;", "&#x110000;", "]]>", "<![CDATA[x]]>", "<!-- c -->"),
  fc.string({ maxLength: 20 }),
);
const xmlNode: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    xmlText,
    fc.tuple(xmlName, fc.array(tie("node"), { maxLength: 4 }), fc.boolean()).map(([n, kids, close]) => `<${n}>${kids.join("")}${close ? `</${n}>` : ""}`),
  ),
})).node as fc.Arbitrary<string>;
const nearXml = fc
  .tuple(
    fc.constantFrom("", '<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="2.0"?>', '<!DOCTYPE a [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>', '<!DOCTYPE x SYSTEM "file:///etc/passwd">'),
    fc.oneof(
      xmlNode,
      fc.tuple(xmlText, xmlText, xmlText).map(
        ([id, name, grant]) => `<AccessControlPolicy><Owner><ID>${id}</ID><DisplayName>${name}</DisplayName></Owner><AccessControlList><Grant>${grant}</Grant></AccessControlList></AccessControlPolicy>`,
      ),
      fc.nat(60).map((d) => `${"<a>".repeat(d * 50)}${"</a>".repeat(d * 50)}`),
    ),
    fc.option(fc.nat(200)),
  )
  .map(([prolog, body, cut]) => {
    const s = prolog + body;
    return cut === null ? s : s.slice(0, cut);
  });

const bodyArb = (provider: Provider) => {
  const sample = JSON.parse(provider === "aliyun-oss" ? VALID_BODY["aliyun-ens"].body : VALID_BODY[provider].body) as unknown;
  return fc.oneof(
    fc.constant(VALID_BODY[provider].body),
    fc.uint8Array({ maxLength: 300 }),
    fc.string({ maxLength: 200 }),
    nearValid(sample).map((v) => JSON.stringify(v) ?? ""),
    fc.tuple(nearValid(sample), fc.nat(300)).map(([v, cut]) => (JSON.stringify(v) ?? "").slice(0, cut)),
    nearXml,
    provider === "hitachi-vsp-one-object" ? nearValid([{ bucketName: "b", bucketId: 1 }]).map((v) => JSON.stringify(v) ?? "") : fc.constant(""),
  );
};

describe.each(PROVIDERS)("%s: random responses (fast-check, fixed seed)", (provider) => {
  it("only a result or a BucketryError, with status; a 2xx failure is a MalformedResponse", async () => {
    let answer: { status: number; type: string; body: string | Uint8Array } = { status: 200, type: "", body: "" };
    const fetch = stubFetch(() => {
      const headers: Record<string, string> = {};
      if (answer.type) headers["content-type"] = answer.type;
      if (REQUEST_ID_HEADER[provider]) headers[REQUEST_ID_HEADER[provider]!] = "PB-1";
      return new Response(answer.body as BodyInit, { status: answer.status, headers });
    });
    const retrying = clientFor(provider, STUB_ENDPOINT[provider], { fetch, retry: { baseDelayMs: 0, maxDelayMs: 0 }, retryBudget: false });
    const single = clientFor(provider, STUB_ENDPOINT[provider], { fetch, retry: false });
    const seen = { accepted: 0, malformed: 0, other: 0 };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...STATUSES), fc.constantFrom(...TYPES), bodyArb(provider), fc.boolean(), async (status, type, body, retry) => {
        answer = { status, type, body };
        let outcome: unknown;
        try {
          outcome = await within(callOnce(retry ? retrying : single, provider), 5_000);
        } catch (err) {
          if (!(err instanceof BucketryError)) throw new Error(`escaped: ${String(err)} (${(err as Error)?.stack})`);
          if (err.kind === "Configuration" || err.kind === "Unknown") throw new Error(`unexpected kind ${err.kind}: ${err.message}`);
          expect(err.status).toBe(status);
          if (status < 300) expect(err.kind).toBe("MalformedResponse");
          if (REQUEST_ID_HEADER[provider]) expect(err.requestId).toBeDefined();
          seen[err.kind === "MalformedResponse" ? "malformed" : "other"]++;
          return;
        }
        // Accepted: only a 2xx, and a normalized record.
        expect(status).toBeLessThan(300);
        seen.accepted++;
        expect(outcome).toMatchObject(provider === "aliyun-oss" || provider === "baidu-bos" ? { provider, owner: {}, grants: expect.any(Array) } : { buckets: expect.any(Array) });
      }),
      { seed: 20_250_101, numRuns: 400 },
    );
    // The generators reach all three outcomes (a property that only ever saw garbage would prove little).
    expect(seen.accepted, JSON.stringify(seen)).toBeGreaterThan(0);
    expect(seen.malformed, JSON.stringify(seen)).toBeGreaterThan(50);
    expect(seen.other, JSON.stringify(seen)).toBeGreaterThan(50);
  });
});

describe("an answer that is not valid HTTP/1.1 is a MalformedResponse sent once, not a retried network error", () => {
  let raw: Raw | undefined;
  afterEach(async () => {
    await raw?.close();
    raw = undefined;
  });

  it.each([
    ["a 403", 403, "AccessDenied", false, 1],
    ["a 503", 503, "Unavailable", true, 2],
  ] as const)("%s whose body the connection cuts short is read by its status (not a retried network error)", async (_, status, kind, retryable, hits) => {
    // The status line and headers arrive; the socket closes 30 bytes into a body of 500.
    raw = await rawServer((_req, res) => res.socket!.end(`HTTP/1.1 ${status} X\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"error_code":"MPC.10208","err`));
    const client = clientFor("huaweicloud-mpc", raw.url, { retry: { baseDelayMs: 0, maxAttempts: 2 } });
    const err = await within(rejection(callOnce(client, "huaweicloud-mpc")), 10_000);
    expect(err).toMatchObject({ kind, status, retryable, attempts: hits });
    expect(raw.hits).toBe(hits);
  });

  it.each([403, 503])("a %i whose body breaks HTTP/1.1 framing mid-way is a MalformedResponse sent once (not read by its status)", async (status) => {
    raw = await rawServer((_req, res) => res.socket!.end(`HTTP/1.1 ${status} X\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"err\r\nzz\r\nor"}\r\n0\r\n\r\n`));
    const client = clientFor("huaweicloud-mpc", raw.url, { retry: { baseDelayMs: 0, maxAttempts: 3 } });
    const err = await within(rejection(callOnce(client, "huaweicloud-mpc")), 10_000);
    expect(err).toMatchObject({ kind: "MalformedResponse", retryable: false, attempts: 1 });
    expect(err.message).toMatch(/not valid HTTP\/1\.1/);
    expect(raw.hits).toBe(1);
  });

  const BODY = VALID_BODY["aliyun-ens"].body;
  const answers: [string, string][] = [
    // Read by Transfer-Encoding, the body would run past the Content-Length a reader trusts to bound it.
    ["both Content-Length and Transfer-Encoding: chunked", `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10\r\nTransfer-Encoding: chunked\r\n\r\n${BODY.length.toString(16)}\r\n${BODY}\r\n0\r\n\r\n`],
    ["both Content-Length and Transfer-Encoding: identity", `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10\r\nTransfer-Encoding: identity\r\n\r\n${BODY}`],
    ["an invalid status line", `HTTX/1.1 200 OK\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`],
    ["an invalid Content-Length", `HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n${BODY}`],
    ["an invalid chunk size (mid-body)", `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n${BODY}\r\n0\r\n\r\n`],
    // A value the platform's Headers refuses, with a message quoting it: neither the error nor its causes show it.
    // Past the client's cap on a response head (undici: UND_ERR_HEADERS_OVERFLOW): the same head comes back.
    ["a response head of 100 kB", `HTTP/1.1 200 OK\r\nX-Padding: ${"x".repeat(100_000)}\r\nContent-Type: application/json\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`],
    ["a NUL in a header value (a Set-Cookie)", `HTTP/1.1 200 OK\r\nSet-Cookie: session=S3ntinel\0cookie\r\nContent-Type: application/json\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`],
  ];
  // The Node transport (the default) and the platform's fetch (undici: llhttp's HPE_* codes) say it alike.
  describe.each([
    ["the Node transport", {}],
    ["global fetch", { fetch: (request: Request) => globalThis.fetch(request) }],
  ] as const)("through %s", (_, transport) => {
    it.each(answers)("%s", async (_, answer) => {
      raw = await rawServer((_req, res) => res.socket!.end(answer));
      const client = clientFor("aliyun-ens", raw.url, { ...transport, retry: { baseDelayMs: 0 } });
      const err = await within(rejection(callOnce(client, "aliyun-ens")), 10_000);
      expect(err).toMatchObject({ kind: "MalformedResponse", retryable: false, attempts: 1 });
      expect(err.message).toMatch(/not valid HTTP\/1\.1/);
      expect(inspect(err, { depth: null }) + inspect(err.cause, { depth: null })).not.toContain("S3ntinel");
      expect(raw.hits).toBe(1);
    });

    // A port that speaks another protocol and keeps the connection open: the Node transport waited for a
    // CRLF CRLF, so each attempt ran into its timeout and the call ended as a retried Timeout.
    it.each([
      ["an SMTP banner", "220 mail.example.com ESMTP ready\r\n"],
      ["a TLS alert", "\x15\x03\x01\x00\x02\x02\x46"],
    ])("%s on a connection kept open", async (_, answer) => {
      raw = await rawServer((_req, res) => void res.socket!.write(Buffer.from(answer, "latin1")));
      const client = clientFor("aliyun-ens", raw.url, { ...transport, retry: { baseDelayMs: 0 } });
      const err = await within(rejection(callOnce(client, "aliyun-ens")), 10_000);
      expect(err).toMatchObject({ kind: "MalformedResponse", retryable: false, attempts: 1 });
      expect(raw.hits).toBe(1);
    });
  });
});

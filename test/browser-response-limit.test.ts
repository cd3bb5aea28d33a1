// A 2xx body past `maxResponseBytes` in a browser, where its length is known only as it is read (chunked, or
// gzip that fetch decodes): Chromium's `text()` rejects with its own "Failed to fetch" TypeError whatever error
// the body's stream raised. The facade must still report the cap (MalformedResponse, not retried), as it does on
// Node, Deno, Bun and workerd — not a network error it retries. Headless Chromium, the facade's per-provider
// entries bundled for the browser, a loopback server on the page's origin.
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { resultInChromium } from "./support/browser.js";

const PROGRAM = `
import { createBucketClient as ens } from "bucketry/aliyun-ens";
import { createBucketClient as oss } from "bucketry/aliyun-oss";
const credentials = { accessKeyId: "LTAIlimit", accessKeySecret: "limit-secret" };
const common = { credentials, maxResponseBytes: 1000, retry: { maxAttempts: 3, baseDelayMs: 1 } };
const outcome = (p) => p.then(() => ({ ok: true }), (e) => ({ kind: e.kind, status: e.status, retryable: e.retryable, attempts: e.attempts, message: e.message }));
(async () => {
  window.__result = {
    ensChunked: await outcome(ens({ ...common, endpoint: location.origin + "/ens-chunked" }).listBucketsPage({})),
    ensGzip: await outcome(ens({ ...common, endpoint: location.origin + "/ens-gzip" }).listBucketsPage({})),
    ossChunked: await outcome(oss({ ...common, region: "cn-hangzhou", endpoint: location.origin + "/oss-chunked" }).getBucketAcl("examplebucket")),
  };
})();
`;

const ENS_BODY = JSON.stringify({ RequestId: "R1", TotalCount: 100, PageNumber: 1, PageSize: 100, BucketInfos: Array.from({ length: 100 }, (_, i) => ({ BucketName: `bucket-${i}` })) });
const OSS_BODY =
  '<?xml version="1.0" encoding="UTF-8"?><AccessControlPolicy><Owner><ID>1</ID><DisplayName>' +
  "x".repeat(4000) +
  "</DisplayName></Owner><AccessControlList><Grant>private</Grant></AccessControlList></AccessControlPolicy>";

const requests = new Map<string, number>();

/** The vendor stand-ins: each answer past the 1000-byte cap, its size known only as it is read. */
function answer(req: IncomingMessage, res: ServerResponse): boolean {
  const route = /^\/(ens-chunked|ens-gzip|oss-chunked)\//.exec(req.url ?? "")?.[1];
  if (!route) return false;
  requests.set(route, (requests.get(route) ?? 0) + 1);
  req.resume();
  req.on("end", () => {
    if (route === "ens-gzip") {
      const zipped = gzipSync(ENS_BODY);
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": String(zipped.length) });
      return void res.end(zipped);
    }
    // No Content-Length: chunked, its size known only as it is read.
    res.writeHead(200, { "content-type": route === "oss-chunked" ? "application/xml" : "application/json" });
    res.write(route === "oss-chunked" ? OSS_BODY : ENS_BODY);
    res.end();
  });
  return true;
}

describe("a success body past maxResponseBytes in headless Chromium", () => {
  it("is a MalformedResponse naming the cap, sent once — not a retried network error", async () => {
    const { result, log } = await resultInChromium<Record<string, unknown>>({ contents: PROGRAM }, { answer });
    for (const [call, provider] of [["ensChunked", "aliyun-ens"], ["ensGzip", "aliyun-ens"], ["ossChunked", "aliyun-oss"]] as const) {
      expect(result[call], call).toEqual({
        kind: "MalformedResponse",
        status: 200,
        retryable: false,
        attempts: 1,
        message: `${provider} sent a response bucketry cannot read: response body larger than 1000 bytes (maxResponseBytes) (HTTP 200)`,
      });
    }
    expect(Object.fromEntries(requests)).toEqual({ "ens-chunked": 1, "ens-gzip": 1, "oss-chunked": 1 });
    expect(log.external).toEqual([]);
    expect(log.pageErrors).toEqual([]);
  }, 90_000);
});

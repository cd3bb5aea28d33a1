// openapi-fetch middleware written as openapi-fetch documents it works with each generated client signed by
// @bucketry/signing and with the facade (its calls and its `raw` client), through every transport on Node and
// through the browser's fetch in headless Chromium, against @bucketry/mocks' server, which checks every
// signature. The middleware itself is in middleware/documented.ts (one copy for both runtimes).
import { fileURLToPath } from "node:url";
import * as ens from "@bucketry/aliyun-ens";
import * as oss from "@bucketry/aliyun-oss";
import * as bos from "@bucketry/baidu-bos";
import * as hitachi from "@bucketry/hitachi-vsp-one-object";
import * as mpc from "@bucketry/huaweicloud-mpc";
import { startMockServer, type MockServer } from "@bucketry/mocks/server";
import * as signing from "@bucketry/signing";
import { fetchTransport, platformTransport } from "@bucketry/signing/fetch";
import { createBucketClient } from "bucketry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultInChromium } from "./support/browser.js";
import { COPY, runDocumented, TRACE, VENDORS, type MockInfo, type Vendor, type VendorResult } from "./middleware/documented.js";

const modules = { createBucketClient, signing, clients: { "aliyun-ens": ens, "huaweicloud-mpc": mpc, "baidu-bos": bos, "hitachi-vsp-one-object": hitachi, "aliyun-oss": oss } };

let server: MockServer;
let info: MockInfo;
beforeAll(async () => {
  server = await startMockServer({ buckets: 40, seed: 1 });
  info = { endpoints: server.endpoints, clientOptions: server.clientOptions as unknown as MockInfo["clientOptions"], bucket: server.mock.state.buckets[0]!.name };
});
afterAll(() => server?.close());

/** The answer each vendor's bare call reads, as the middleware saw it. */
const ANSWERS: Record<Vendor, (answer: unknown) => boolean> = {
  "aliyun-ens": (a) => Array.isArray((a as { BucketInfos?: unknown }).BucketInfos),
  "huaweicloud-mpc": (a) => Array.isArray((a as { buckets?: unknown }).buckets),
  "baidu-bos": (a) => Array.isArray((a as { accessControlList?: unknown }).accessControlList),
  "hitachi-vsp-one-object": (a) => Array.isArray((a as { buckets?: unknown }).buckets),
  // OSS answers XML; the client's own xmlBodies middleware (which runs after this one) turns it into JSON.
  "aliyun-oss": (a) => typeof a === "string" && a.includes("<AccessControlPolicy>"),
};
const BARE: Record<Vendor, string> = {
  "aliyun-ens": "200 3",
  "huaweicloud-mpc": "200 true",
  "baidu-bos": "200 string",
  "hitachi-vsp-one-object": "200 true",
  "aliyun-oss": "200 true",
};
const FACADE: Record<Vendor, string> = {
  "aliyun-ens": "string,string",
  "huaweicloud-mpc": "string,string",
  "baidu-bos": "string",
  "hitachi-vsp-one-object": "string,string",
  "aliyun-oss": "string",
};

/** Checks one vendor's results, and that the server got the middleware's headers on correctly signed requests. */
function check(v: Vendor, r: VendorResult, since: number): void {
  expect(r.bare, `${v} bare client`).toBe(BARE[v]);
  expect(r.facade, `${v} facade call`).toBe(FACADE[v]);
  expect(r.raw, `${v} facade raw client`).toBe("200");
  expect(r.bareSeen).toHaveLength(1);
  expect(r.facadeSeen).toHaveLength(2); // the facade call and the raw call
  for (const seen of [...r.bareSeen, ...r.facadeSeen]) {
    expect(seen.platformRequest, v).toBe(true);
    expect(ANSWERS[v](seen.answer), `${v}: ${JSON.stringify(seen.answer).slice(0, 120)}`).toBe(true);
  }
  if (v === "hitachi-vsp-one-object") {
    expect(r.bareSeen[0]!.body).toBe('{"id":1,"count":3}');
    expect(JSON.parse(r.facadeSeen[0]!.body!)).toMatchObject({ id: 1, count: 2 });
  } else {
    for (const seen of [...r.bareSeen, ...r.facadeSeen]) expect(seen.body, v).toBeNull();
  }
  const calls = server.mock.requests.filter((c) => c.seq > since && c.provider === v && c.operationId !== "GetCsrfToken");
  for (const tag of [`bare-${v}`, `facade-${v}`]) {
    const sent = calls.filter((c) => c.headers[TRACE] === tag && c.headers[COPY] === tag);
    expect(sent.length, `${v}: requests carrying ${tag}`).toBe(tag.startsWith("bare") ? 1 : 2);
    for (const c of sent) expect(c.auth?.ok ?? true, `${v} ${c.operationId}: ${c.auth?.reason}`).toBe(true);
  }
}

const lastSeq = () => server.mock.requests.at(-1)?.seq ?? 0;

describe.each([
  ["platformTransport (on Node: the keep-alive transport)", platformTransport],
  ["fetchTransport (the platform's fetch)", fetchTransport],
  ["each client's default fetch", undefined],
] as const)("on Node, through %s", (_name, transport) => {
  let results: Record<Vendor, VendorResult>;
  let since = 0;
  beforeAll(async () => {
    since = lastSeq();
    results = await runDocumented(modules, info, transport);
  });
  it.each(VENDORS)("%s: bare client, facade call and raw client", (v) => check(v, results[v], since));
});

describe("in headless Chromium, through the browser's fetch", () => {
  let results: Record<Vendor, VendorResult> & { error?: string };
  let since = 0;

  beforeAll(async () => {
    since = lastSeq();
    const run = await resultInChromium<typeof results>(fileURLToPath(new URL("./middleware/browser-entry.ts", import.meta.url)), {
      files: { "/options.json": info },
      allowedOrigin: "http://127.0.0.1:", // the page's and the mock server's ports
    });
    expect(run.log.external).toEqual([]);
    expect(run.log.pageErrors).toEqual([]);
    results = run.result;
  }, 120_000);

  it("the page ran every call", () => expect(results.error).toBeUndefined());
  it.each(VENDORS)("%s: bare client, facade call and raw client", (v) => check(v, results[v], since));
});

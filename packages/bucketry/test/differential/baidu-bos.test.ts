// BOS get bucket ACL, request for request against @baiducloud/sdk (the official Node SDK): the SDK is given a
// capture proxy on 127.0.0.1 as its HTTP proxy, so its requests — virtual-hosted hosts included — arrive
// there in absolute form without any name being resolved; the facade and the bare generated client with
// @bucketry/signing's middleware hand their signed Request to a capturing `fetch`. Differences are listed in
// docs-src (Differences from the official SDKs).
import { createRequire } from "node:module";
import { createClient } from "@bucketry/baidu-bos";
import { bceV1Signer, signBceV1 } from "@bucketry/signing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createBucketClient } from "../../src/index.js";
import { captureProxy, capturingFetch, differences, only, seeded, wireOf, type Wire } from "./helpers.js";

const require = createRequire(import.meta.url);
const { BosClient } = require("@baiducloud/sdk") as { BosClient: new (config: Record<string, unknown>) => { getBucketAcl(name: string): Promise<unknown> } };

const NOW = Date.UTC(2026, 4, 17, 8, 9, 10);
const KEYS = { accessKeyId: "bce-differential-ak-0123456789", accessKeySecret: "bce-differential-sk-0123456789" };
const ACL = JSON.stringify({ owner: { id: "16df583fe6824d73a5f858f06de0af03" }, accessControlList: [{ grantee: [{ id: "16df583fe6824d73a5f858f06de0af03" }], permission: ["FULL_CONTROL"] }] });
/** What BOS reads besides method, host, path and query (the signature covers host and every x-bce-* header). */
const READ = ["authorization", "x-bce-date", "x-bce-security-token", "x-bce-content-sha256", "content-md5"];

type Form =
  | "region"
  | "region-endpoint"
  | "bucket-domain"
  | "bucket-domain-virtual-hosted"
  | "bucket-domain-cname-false"
  | "other-bucket-domain"
  | "cdn-domain"
  | "cdn-domain-virtual-hosted"
  | "custom-host"
  | "custom-host-port-virtual-hosted"
  | "ip"
  | "path"
  | "cname";
const FORMS: readonly Form[] = [
  "region",
  "region-endpoint",
  "bucket-domain",
  "bucket-domain-virtual-hosted",
  "bucket-domain-cname-false",
  "other-bucket-domain",
  "cdn-domain",
  "cdn-domain-virtual-hosted",
  "custom-host",
  "custom-host-port-virtual-hosted",
  "ip",
  "path",
  "cname",
];
const REGIONS = ["bj", "bd", "su", "gz", "cd", "yq", "hkg", "fwh"];

interface Case {
  form: Form;
  region: string;
  bucket: string;
  securityToken?: string;
}

let proxy: Awaited<ReturnType<typeof captureProxy>>;

function cases(): Case[] {
  const r = seeded(20260601);
  const out: Case[] = [];
  for (const form of FORMS) for (const sts of [false, true]) out.push({ form, region: r.pick(REGIONS), bucket: r.bucket(), ...(sts ? { securityToken: r.token(48) } : {}) });
  while (out.length < 72) out.push({ form: r.pick(FORMS), region: r.pick(REGIONS), bucket: r.bucket(), ...(r.next() < 0.5 ? { securityToken: r.token(48) } : {}) });
  return out;
}

/** The endpoint each side is given (the SDK speaks HTTP to the capture proxy; every endpoint here is http). */
function endpointOf(c: Case): string | undefined {
  switch (c.form) {
    case "region":
      return undefined;
    case "region-endpoint":
    case "path":
      return `http://${c.region}.bcebos.com`;
    case "bucket-domain":
    case "bucket-domain-virtual-hosted":
    case "bucket-domain-cname-false":
      return `http://${c.bucket}.${c.region}.bcebos.com`;
    case "other-bucket-domain":
      return `http://other-${c.bucket}.${c.region}.bcebos.com`;
    case "cdn-domain":
    case "cdn-domain-virtual-hosted":
      return `http://${c.bucket}.cdn.bcebos.com`;
    case "custom-host":
      return "http://bos.private-cloud.example.com";
    case "custom-host-port-virtual-hosted":
      return "http://bos.private-cloud.example.com:8080";
    case "ip":
      return "http://10.20.30.40:8080";
    case "cname":
      return `http://${c.bucket}.files.example.com`;
  }
}

async function viaSdk(c: Case): Promise<Wire> {
  const before = proxy.seen.length;
  const client = new BosClient({
    endpoint: endpointOf(c) ?? `http://${c.region}.bcebos.com`,
    credentials: { ak: KEYS.accessKeyId, sk: KEYS.accessKeySecret },
    ...(c.securityToken ? { sessionToken: c.securityToken } : {}),
    ...(c.form === "path" ? { pathStyleEnable: true } : {}),
    ...(c.form.endsWith("-virtual-hosted") ? { pathStyleEnable: false } : {}),
    ...(c.form === "cname" ? { cname_enabled: true } : {}),
    ...(c.form === "bucket-domain-cname-false" ? { cname_enabled: false } : {}),
    proxy: { host: "127.0.0.1", port: proxy.port },
  });
  await client.getBucketAcl(c.bucket);
  return only(proxy.seen.slice(before));
}

function credentialsOf(c: Case) {
  return { ...KEYS, ...(c.securityToken ? { securityToken: c.securityToken } : {}) };
}

async function viaFacade(c: Case): Promise<Wire> {
  const capture = capturingFetch(() => new Response(ACL, { headers: { "content-type": "application/json" } }));
  const endpoint = endpointOf(c);
  const bos = createBucketClient({
    provider: "baidu-bos",
    region: c.region,
    credentials: credentialsOf(c),
    ...(endpoint ? { endpoint } : {}),
    ...(c.form === "path" ? { addressing: "path" as const } : {}),
    ...(c.form.endsWith("-virtual-hosted") ? { addressing: "virtual-hosted" as const } : {}),
    ...(c.form === "cname" ? { cname: true } : {}),
    ...(c.form === "bucket-domain-cname-false" ? { cname: false } : {}),
    fetch: capture.fetch,
    retry: false,
  });
  await bos.getBucketAcl(c.bucket);
  const request = only(capture.requests);
  return wireOf(request.method, request.url, request.headers);
}

/** The bare generated client on the URL the SDK used, signed by the middleware. */
async function viaBareClient(c: Case, theirs: Wire): Promise<Wire> {
  const capture = capturingFetch(() => new Response(ACL, { headers: { "content-type": "application/json" } }));
  const raw = createClient({ baseUrl: `${theirs.scheme}://${theirs.host}`, fetch: capture.fetch });
  raw.use(bceV1Signer({ credentials: credentialsOf(c) }));
  if (theirs.path === "/") await raw.GET("/", {});
  else await raw.GET("/v1/{bucketName}", { params: { path: { bucketName: theirs.path.replace(/^\/(v1\/)?/, "") } } });
  const request = only(capture.requests);
  return wireOf(request.method, request.url, request.headers);
}

/** The SDK's own request re-signed by @bucketry/signing, over the headers it signed. */
async function resigned(c: Case, theirs: Wire): Promise<string | null> {
  const signed = theirs.headers.authorization!.split("/")[4]!.split(";");
  const headers = new Headers(Object.entries(theirs.headers).filter(([name]) => signed.includes(name) && name !== "host"));
  const query = theirs.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
  const request = { method: theirs.method, url: new URL(`${theirs.scheme}://${theirs.host}${theirs.path}${query ? `?${query}` : ""}`), headers, body: undefined };
  await signBceV1(request, { credentials: credentialsOf(c), clock: () => NOW, headersToSign: signed });
  return request.headers.get("authorization");
}

/**
 * Known, documented differences (docs-src/differences.html):
 * - no endpoint: bucketry uses HTTPS on `{bucket}.{region}.bcebos.com`; the SDK's default protocol is HTTP;
 * - path-style: bucketry sends the API page's `/v1/{bucket}`, the SDK `/{bucket}` (BOS serves both);
 * - a non-BOS hostname endpoint: bucketry addresses it path-style on the host as given (bce-sdk-go's rule,
 *   services/bos/api/util.go setUriAndEndpoint); the Node SDK sends `GET /?acl` there, as if it were the
 *   bucket's own domain; with `addressing: "virtual-hosted"` bucketry prefixes the bucket to it (port kept),
 *   the Node SDK still sends to the host as given;
 * - another bucket's domain (`{other}.{region}.bcebos.com`): bucketry puts the called bucket in its first
 *   label (bce-sdk-go's replaceEndpointByBucket); the Node SDK sends to the other bucket's host;
 * - the SDK signs `content-type` (its default `application/json; charset=utf-8`), `content-length` and
 *   `x-bce-date` besides `host`; bucketry signs `host` and `x-bce-date` (what the BOS pages ask for), so the
 *   Authorization strings differ while each is valid for its request.
 */
function expectedDifferences(c: Case, theirs: Wire, ours: Wire): string[] {
  const out: string[] = [];
  if (c.form === "region") out.push("scheme: https | http");
  if (c.form === "other-bucket-domain") out.push(`host: ${c.bucket}.${c.region}.bcebos.com | other-${c.bucket}.${c.region}.bcebos.com`);
  if (c.form === "custom-host") out.push(`path: /v1/${c.bucket} | /`);
  if (c.form === "custom-host-port-virtual-hosted") out.push(`host: ${c.bucket}.bos.private-cloud.example.com:8080 | bos.private-cloud.example.com:8080`);
  if (c.form === "ip" || c.form === "path") out.push(`path: /v1/${c.bucket} | /${c.bucket}`);
  out.push(`header authorization: ${ours.headers.authorization} | ${theirs.headers.authorization}`);
  return out;
}

const all = cases();

describe("BOS get bucket ACL against @baiducloud/sdk", () => {
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
    proxy = await captureProxy({ body: ACL, headers: { "x-bce-request-id": "4db2b34d-654d-4d8a-b49b-3049ca786409" } });
  });
  afterAll(async () => {
    vi.useRealTimers();
    await proxy.close();
  });

  it(`covers at least 50 calls over every endpoint form and STS tokens (${all.length})`, () => {
    expect(all.length).toBeGreaterThanOrEqual(50);
    expect(new Set(all.map((c) => c.form)).size).toBe(FORMS.length);
  });

  it.each(all.map((c, i) => [i, c.form, c.securityToken ? "sts" : "keys", c] as const))("#%i %s %s: the facade sends what the SDK sends", async (_i, _form, _sts, c) => {
    const theirs = await viaSdk(c);
    const ours = await viaFacade(c);
    expect(differences(ours, theirs, READ)).toEqual(expectedDifferences(c, theirs, ours));
    expect(await resigned(c, theirs)).toBe(theirs.headers.authorization);
    const bare = await viaBareClient(c, theirs);
    // The spec's path-style operation is the API page's `/v1/{bucketName}`.
    expect(differences(bare, theirs, READ.filter((h) => h !== "authorization"))).toEqual(c.form === "ip" || c.form === "path" ? [`path: /v1/${c.bucket} | /${c.bucket}`] : []);
  });
});

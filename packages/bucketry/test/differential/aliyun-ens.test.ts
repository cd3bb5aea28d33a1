// ENS ListBuckets, request for request against @alicloud/openapi-core (the runtime the official ENS SDK
// `@alicloud/ens20171110` is generated on), ACS3 (V3, the default) and RPC HMAC-SHA1 (`signatureAlgorithm:
// "v2"`, bucketry's "v1"), and for RPC also against the legacy core SDK @alicloud/pop-core. The runtime's HTTP requests reach a capture server on 127.0.0.1 through node:http's
// Agent (protocol HTTP so the request can be read; the call's own protocol is HTTPS, which is what is
// compared); the facade and the
// bare generated client with @bucketry/signing's middleware hand their signed Request to a capturing `fetch`.
// Nonces are random on both sides: the runtime's signature is recomputed by @bucketry/signing from its
// captured nonce and date. Differences are listed in docs-src (Differences from the official SDKs).
import { createRequire } from "node:module";
import { createClient } from "@bucketry/aliyun-ens";
import { acs3Signer, acsRpcV1Signer, signAcs3, signAcsRpcV1 } from "@bucketry/signing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createBucketClient } from "../../src/index.js";
import { captureProxy, capturingFetch, differences, httpAgentsTo, only, seeded, wireOf, type Wire } from "./helpers.js";

const require = createRequire(import.meta.url);
const openapi = require("@alicloud/openapi-core") as {
  default: new (config: unknown) => { callApi(params: unknown, request: unknown, runtime: unknown): Promise<unknown> };
  $OpenApiUtil: {
    Config: new (values: Record<string, unknown>) => unknown;
    Params: new (values: Record<string, unknown>) => unknown;
    OpenApiRequest: new (values: Record<string, unknown>) => unknown;
  };
};
const core = { ...openapi.$OpenApiUtil, default: openapi.default };
const { RPCClient } = require("@alicloud/pop-core") as {
  RPCClient: new (config: Record<string, unknown>) => { request(action: string, params: Record<string, string>, options: Record<string, unknown>): Promise<unknown> };
};
const dara = require("@darabonba/typescript") as { RuntimeOptions: new (values: Record<string, unknown>) => unknown };

const NOW = Date.UTC(2026, 4, 17, 8, 9, 10);
const KEYS = { accessKeyId: "LTAI5tEnsDifferential", accessKeySecret: "ens-differential-secret-0123456789" };
const PAGE = JSON.stringify({ RequestId: "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853", BucketInfos: [], TotalCount: 0 });
/** What ENS reads besides method, host, path and query (nonce and signature compared after recomputation). */
const READ_V3 = ["x-acs-action", "x-acs-version", "x-acs-date", "x-acs-content-sha256", "x-acs-security-token", "x-acs-accesskey-id", "accept", "content-type"];
const READ_RPC = ["accept", "content-type"];

type Form = "default" | "table-region" | "unlisted-region" | "vpc" | "custom-host" | "ip";
const FORMS: readonly Form[] = ["default", "table-region", "unlisted-region", "vpc", "custom-host", "ip"];
const PREFIXES = ["", "img", "logs/2024-01", "a b", "a+b=c&d", "~tilde*star", "it's(1)!", "照片", "%41", "semi;colon"];

interface Case {
  form: Form;
  version: "v3" | "v1";
  region?: string;
  prefix: string;
  pageSize: number;
  securityToken?: string;
}

/** The host the official SDK uses for a case: its endpoint rule is empty, so the central host unless one is given. */
function sdkHost(c: Case): string {
  if (c.form === "vpc") return "ens-vpc.cn-zhangjiakou.aliyuncs.com";
  if (c.form === "custom-host") return "ens.private-gateway.example.com";
  if (c.form === "ip") return "10.20.30.40:8443";
  return "ens.aliyuncs.com";
}

/** The facade's options for a case (the same endpoint as the SDK's, or a region). */
function facadeEndpoint(c: Case): { endpoint?: string; region?: string } {
  if (c.form === "default") return {};
  if (c.form === "table-region" || c.form === "unlisted-region") return { region: c.region! };
  return { endpoint: `https://${sdkHost(c)}` };
}

function cases(): Case[] {
  const r = seeded(20171110);
  const out: Case[] = [];
  const region = (form: Form) => (form === "table-region" ? "ap-southeast-1" : form === "unlisted-region" ? r.pick(["cn-hangzhou", "cn-beijing", "ap-northeast-1", "eu-central-1", "cn-dalian-unicom"]) : undefined);
  for (const form of FORMS) {
    for (const version of ["v3", "v1"] as const) {
      for (const sts of [false, true]) {
        const reg = region(form);
        out.push({ form, version, prefix: r.pick(PREFIXES), pageSize: 1 + Math.floor(r.next() * 100), ...(reg ? { region: reg } : {}), ...(sts ? { securityToken: `CAIS${r.token(60)}` } : {}) });
      }
    }
  }
  for (const prefix of PREFIXES) out.push({ form: r.pick(FORMS.filter((f) => f !== "table-region")), version: r.pick(["v3", "v1"] as const), prefix, pageSize: 100 });
  while (out.length < 60) {
    const form = r.pick(FORMS);
    const reg = region(form);
    out.push({ form, version: r.pick(["v3", "v1"] as const), prefix: r.pick(PREFIXES), pageSize: 1 + Math.floor(r.next() * 100), ...(reg ? { region: reg } : {}), ...(r.next() < 0.5 ? { securityToken: `CAIS${r.token(60)}` } : {}) });
  }
  // A region for the cases that picked a region form without one.
  return out.map((c) => (c.form === "table-region" ? { ...c, region: "ap-southeast-1" } : c.form === "unlisted-region" && !c.region ? { ...c, region: "cn-shanghai" } : c));
}

let proxy: Awaited<ReturnType<typeof captureProxy>>;
let restoreAgent: () => void = () => undefined;

function query(c: Case): Record<string, string> {
  return { PageNumber: "1", PageSize: String(c.pageSize), ...(c.prefix ? { Prefix: c.prefix } : {}) };
}

async function viaSdk(c: Case): Promise<Wire> {
  const before = proxy.seen.length;
  const client = new core.default(
    new core.Config({
      ...KEYS,
      ...(c.securityToken ? { securityToken: c.securityToken } : {}),
      endpoint: sdkHost(c),
      protocol: "HTTP",
      ...(c.version === "v1" ? { signatureAlgorithm: "v2" } : {}),
    }),
  );
  const params = new core.Params({ action: "ListBuckets", version: "2017-11-10", protocol: "HTTPS", pathname: "/", method: "POST", authType: "AK", style: "RPC", reqBodyType: "formData", bodyType: "json" });
  await client.callApi(params, new core.OpenApiRequest({ query: query(c) }), new dara.RuntimeOptions({}));
  // The call's protocol is HTTPS; HTTP was only the way to the capture proxy.
  return { ...only(proxy.seen.slice(before)), scheme: "https" };
}

/** The legacy core SDK (`@alicloud/pop-core`) for RPC: it POSTs every parameter as a form body. */
async function viaPopCore(c: Case): Promise<Wire> {
  const before = proxy.seen.length;
  const client = new RPCClient({ ...KEYS, ...(c.securityToken ? { securityToken: c.securityToken } : {}), endpoint: `http://${sdkHost(c)}`, apiVersion: "2017-11-10" });
  await client.request("ListBuckets", query(c), { method: "POST", formatParams: false });
  return { ...only(proxy.seen.slice(before)), scheme: "https" };
}

/** The RPC parameters wherever they travel (query or form body), without the per-request nonce and signature. */
function rpcParams(w: Wire): string[] {
  return [...w.query, ...(w.form ?? [])].filter(([k]) => k !== "Signature" && k !== "SignatureNonce").map(([k, v]) => `${k}=${v}`).sort();
}

/** pop-core's request re-signed by @bucketry/signing from its parameters and nonce. */
async function resignedPop(c: Case, pop: Wire): Promise<string | null> {
  const all = [...pop.query, ...(pop.form ?? [])];
  const params = all.filter(([k]) => !["Signature", "SignatureNonce", "Timestamp", "SignatureMethod", "SignatureVersion", "AccessKeyId", "SecurityToken", "Format"].includes(k));
  const nonce = all.find(([k]) => k === "SignatureNonce")![1];
  const request = { method: pop.method, url: new URL(`${pop.scheme}://${pop.host}/?${new URLSearchParams(params).toString()}`), headers: new Headers(), body: undefined };
  await signAcsRpcV1(request, { credentials: credentialsOf(c), clock: () => NOW, nonce: () => nonce });
  return request.url.searchParams.get("Signature");
}

function credentialsOf(c: Case) {
  return { ...KEYS, ...(c.securityToken ? { securityToken: c.securityToken } : {}) };
}

async function viaFacade(c: Case): Promise<Wire> {
  const capture = capturingFetch(() => new Response(PAGE, { headers: { "content-type": "application/json" } }));
  const ens = createBucketClient({ provider: "aliyun-ens", credentials: credentialsOf(c), signatureVersion: c.version, ...facadeEndpoint(c), fetch: capture.fetch, retry: false });
  await ens.listBucketsPage({ pageSize: c.pageSize, ...(c.prefix ? { prefix: c.prefix } : {}) });
  const request = only(capture.requests);
  return wireOf(request.method, request.url, request.headers);
}

async function viaBareClient(c: Case, theirs: Wire): Promise<Wire> {
  const capture = capturingFetch(() => new Response(PAGE, { headers: { "content-type": "application/json" } }));
  const raw = createClient({ baseUrl: `${theirs.scheme}://${theirs.host}`, actionAndVersion: c.version === "v3" ? "headers" : "query", fetch: capture.fetch });
  raw.use(c.version === "v3" ? acs3Signer({ credentials: credentialsOf(c) }) : acsRpcV1Signer({ credentials: credentialsOf(c) }));
  await raw.POST("/", { params: { query: query(c) } });
  const request = only(capture.requests);
  return wireOf(request.method, request.url, request.headers);
}

/** The runtime's request re-signed by @bucketry/signing with its own nonce and date. */
async function resigned(c: Case, theirs: Wire): Promise<string | null> {
  if (c.version === "v3") {
    const names = /SignedHeaders=([^,]+)/.exec(theirs.headers.authorization!)![1]!.split(";");
    const headers = new Headers(Object.entries(theirs.headers).filter(([name]) => names.includes(name) && name !== "host" && name !== "x-acs-signature-nonce" && name !== "x-acs-date"));
    const search = new URLSearchParams(theirs.query).toString();
    const request = { method: theirs.method, url: new URL(`${theirs.scheme}://${theirs.host}${theirs.path}?${search}`), headers, body: undefined };
    await signAcs3(request, { credentials: credentialsOf(c), clock: () => NOW, nonce: () => theirs.headers["x-acs-signature-nonce"]! });
    return request.headers.get("authorization");
  }
  const params = theirs.query.filter(([k]) => !["Signature", "SignatureNonce", "Timestamp", "SignatureMethod", "SignatureVersion", "AccessKeyId", "SecurityToken", "Format"].includes(k));
  const nonce = theirs.query.find(([k]) => k === "SignatureNonce")![1];
  const format = theirs.query.find(([k]) => k === "Format")?.[1];
  const request = { method: theirs.method, url: new URL(`${theirs.scheme}://${theirs.host}${theirs.path}?${new URLSearchParams(params).toString()}`), headers: new Headers(), body: undefined };
  await signAcsRpcV1(request, { credentials: credentialsOf(c), clock: () => NOW, nonce: () => nonce, ...(format ? { format } : {}) });
  return request.url.searchParams.get("Signature");
}

/** Query and headers without the per-request random values (nonce, signature) and the client's User-Agent. */
function withoutRandom(w: Wire): Wire {
  const drop = new Set(["Signature", "SignatureNonce"]);
  return { ...w, query: w.query.filter(([k]) => !drop.has(k)) };
}

/**
 * Known, documented differences (docs-src/differences.html):
 * - `region: "ap-southeast-1"`: bucketry uses the host the ENS endpoint table lists (`ens.ap-southeast-1.aliyuncs.com`);
 *   the SDK's endpoint rule is empty, so it always uses the central host;
 * - RPC: the SDK sends `Format=json` (lower case), bucketry `Format=JSON`, the documented value (ENS reads both);
 * - RPC: bucketry also sends `Accept: application/json` (as every V3 request does); the runtime's RPC path sends
 *   no Accept and relies on `Format`;
 * - RPC: the SDK also sends the ACS3 headers `x-acs-action`, `x-acs-version` and `x-acs-signature-*`, which the
 *   RPC signature does not cover and ENS does not read there.
 */
function expectedDifferences(c: Case, theirs: Wire, ours: Wire): string[] {
  const out: string[] = [];
  if (c.form === "table-region") out.push(`host: ${ours.host} | ${theirs.host}`);
  if (c.version === "v1") {
    const format = (w: Wire) => w.query.map(([k, v]) => `${k}=${v}`).join("&");
    // Only the Format value's case may differ; any other query difference stays unexpected.
    const caseless = (w: Wire) => w.query.map(([k, v]) => `${k}=${k === "Format" ? v.toLowerCase() : v}`).join("&");
    if (caseless(ours) === caseless(theirs) && format(ours) !== format(theirs)) out.push(`query: ${format(ours)} | ${format(theirs)}`);
    out.push("header accept: application/json | (absent)");
  }
  return out;
}

describe("ENS error answers as @alicloud/openapi-core classes them", () => {
  // The runtime reads Code||code and RequestId||requestId from the body and throws a ThrottlingError for any code
  // that contains "Throttling" (wherever in the code), a ClientError for another 4xx and a ServerError for a 5xx.
  const answers: Array<[status: number, body: Record<string, string>]> = [
    [400, { Code: "Throttling", Message: "Request was denied due to request throttling." }],
    [400, { Code: "Throttling.User", Message: "Request was denied due to user flow control." }],
    [429, { Code: "Throttling.Api", Message: "Request was denied due to api flow control." }],
    [400, { Code: "Concurrency.Throttling", Message: "Request was denied due to concurrency flow control." }],
    [400, { code: "Api.Throttling.Burst", message: "lower-case fields, as the runtime also reads them" }],
    [400, { Code: "InvalidParameter", Message: "The specified parameter PageSize is invalid." }],
    [403, { Code: "Forbidden.RAM", Message: "User not authorized to operate on the specified resource." }],
    [500, { Code: "InternalError", Message: "The request processing has failed due to some unknown error." }],
  ];

  it.each(answers.map(([status, body]) => [status, body.Code ?? body.code, body] as const))("HTTP %i %s: the same code and request id, Throttled exactly when the runtime throws a ThrottlingError", async (status, _code, fields) => {
    const body = JSON.stringify({ RequestId: "8906582E-6722-409A-A6C4-0E7863B733A5", HostId: "ens.aliyuncs.com", ...fields, Recommend: "https://api.aliyun.com/troubleshoot" });
    // One server per answer, answering `connection: close`: no socket the runtime keeps alive outlives it. (This
    // suite runs before the request suite below, whose capture server leaves kept-alive sockets when it closes.)
    const server = await captureProxy({ status, body, headers: { connection: "close" } });
    const restore = await httpAgentsTo(server.port);
    try {
      const client = new core.default(new core.Config({ ...KEYS, endpoint: "ens.aliyuncs.com", protocol: "HTTP" }));
      const params = new core.Params({ action: "ListBuckets", version: "2017-11-10", protocol: "HTTPS", pathname: "/", method: "POST", authType: "AK", style: "RPC", reqBodyType: "formData", bodyType: "json" });
      const official = (await client.callApi(params, new core.OpenApiRequest({ query: { PageNumber: "1", PageSize: "10" } }), new dara.RuntimeOptions({})).catch((e: unknown) => e)) as { name: string; code: string; requestId: string; statusCode: number };
      const capture = capturingFetch(() => new Response(body, { status, headers: { "content-type": "application/json" } }));
      const ens = createBucketClient({ provider: "aliyun-ens", credentials: KEYS, fetch: capture.fetch, retry: false });
      const err = (await ens.listBucketsPage({ pageSize: 10 }).catch((e: unknown) => e)) as { kind: string; code: string; requestId: string; status: number };
      expect({ status: err.status, code: err.code, requestId: err.requestId }).toEqual({ status: official.statusCode, code: official.code, requestId: official.requestId });
      expect(err.kind === "Throttled").toBe(official.name === "ThrottlingError");
    } finally {
      restore();
      await server.close();
    }
  });
});

describe("an ENS XML error (the gateway's answer to a request that lost Format/Accept), as @alicloud/openapi-core reads it", () => {
  // The runtime parses a text/xml error with its XML reader and quotes <Message> in its error's message; the POP
  // gateway wraps a message in CDATA when it holds markup characters.
  const bodies: Array<[what: string, message: string]> = [
    ["a CDATA message with markup characters", "<![CDATA[The specified parameter \"PageSize\" is invalid: 0 < PageSize <= 100 & whole.]]>"],
    ["a CDATA message beside entities outside it", "Denied &amp; <![CDATA[<limits> & more]]> done"],
  ];

  it.each(bodies)("%s: the same code, message and request id", async (_what, message) => {
    const body = `<?xml version='1.0' encoding='UTF-8'?><Error><RequestId>8906582E-6722-409A-A6C4-0E7863B733A5</RequestId><HostId>ens.aliyuncs.com</HostId><Code>InvalidParameter</Code><Message>${message}</Message><Recommend><![CDATA[https://api.aliyun.com/troubleshoot]]></Recommend></Error>`;
    const headers = { "content-type": "text/xml;charset=utf-8" };
    const server = await captureProxy({ status: 400, body, headers: { ...headers, connection: "close" } });
    const restore = await httpAgentsTo(server.port);
    try {
      const client = new core.default(new core.Config({ ...KEYS, endpoint: "ens.aliyuncs.com", protocol: "HTTP" }));
      const params = new core.Params({ action: "ListBuckets", version: "2017-11-10", protocol: "HTTPS", pathname: "/", method: "POST", authType: "AK", style: "RPC", reqBodyType: "formData", bodyType: "json" });
      const official = (await client.callApi(params, new core.OpenApiRequest({ query: {} }), new dara.RuntimeOptions({})).catch((e: unknown) => e)) as { code: string; requestId: string; statusCode: number; message: string };
      const capture = capturingFetch(() => new Response(body, { status: 400, headers }));
      const ens = createBucketClient({ provider: "aliyun-ens", credentials: KEYS, fetch: capture.fetch, retry: false });
      const err = (await ens.listBucketsPage().catch((e: unknown) => e)) as { code: string; requestId: string; status: number; vendorMessage: string };
      expect({ status: err.status, code: err.code, requestId: err.requestId }).toEqual({ status: official.statusCode, code: official.code, requestId: official.requestId });
      // The runtime's message is "<Code>: code: <status>, <Message> request id: <RequestId>".
      expect(official.message).toBe(`${err.code}: code: 400, ${err.vendorMessage} request id: ${err.requestId}`);
    } finally {
      restore();
      await server.close();
    }
  });
});

const all = cases();

describe("ENS ListBuckets against @alicloud/openapi-core", () => {
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
    proxy = await captureProxy({ body: PAGE, headers: { "x-acs-request-id": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853" } });
    // The runtime (darabonba) takes no working proxy option; its HTTP agents are pointed at the capture server.
    restoreAgent = await httpAgentsTo(proxy.port);
  });
  afterAll(async () => {
    restoreAgent();
    vi.useRealTimers();
    await proxy.close();
  });

  it(`covers at least 50 calls over endpoints, regions, both signatures, STS tokens and awkward prefixes (${all.length})`, () => {
    expect(all.length).toBeGreaterThanOrEqual(50);
    expect(new Set(all.map((c) => c.form)).size).toBe(FORMS.length);
    // The RPC cases are also compared with @alicloud/pop-core (the count the differences page gives).
    expect(all.filter((c) => c.version === "v1")).toHaveLength(29);
  });

  it.each(all.map((c, i) => [i, c.form, c.version, c.securityToken ? "sts" : "keys", JSON.stringify(c.prefix), c] as const))("#%i %s %s %s prefix %s: the facade sends what the runtime sends", async (_i, _f, _v, _s, _p, c) => {
    const theirs = await viaSdk(c);
    const ours = await viaFacade(c);
    const read = c.version === "v3" ? READ_V3 : READ_RPC;
    expect(differences(withoutRandom(ours), withoutRandom(theirs), read)).toEqual(expectedDifferences(c, withoutRandom(theirs), withoutRandom(ours)));
    const signature = c.version === "v3" ? theirs.headers.authorization : theirs.query.find(([k]) => k === "Signature")?.[1];
    expect(await resigned(c, theirs)).toBe(signature);
    const bare = await viaBareClient(c, theirs);
    expect(differences(withoutRandom(bare), withoutRandom(theirs), read)).toEqual(c.version === "v1" ? expectedDifferences({ ...c, form: "default" }, withoutRandom(theirs), withoutRandom(bare)) : []);
    if (c.version === "v1") {
      // The legacy core SDK: the same parameters (in a form body rather than the query), the same signature.
      const pop = await viaPopCore(c);
      expect([pop.method, pop.host, pop.path]).toEqual([ours.method, c.form === "table-region" ? theirs.host : ours.host, ours.path]);
      expect(rpcParams(pop)).toEqual(rpcParams(ours));
      const popSignature = [...pop.query, ...(pop.form ?? [])].find(([k]) => k === "Signature")?.[1];
      expect(await resignedPop(c, pop)).toBe(popSignature);
    }
  });
});

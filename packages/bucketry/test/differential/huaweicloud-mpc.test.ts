// MPC ListAllBuckets (GET /v1/{project_id}/buckets), request for request against
// @huaweicloud/huaweicloud-sdk-core (the core the official MPC SDK is generated on: its HcClient, BasicCredentials
// and AK/SK signer, given the request the generated `listAllBuckets` builds). Its HTTP requests reach a capture
// server on 127.0.0.1 through node:http's Agent (the SDK is given `http://` endpoints so the request can be read;
// the real endpoints are HTTPS, which is what is compared); the facade and the bare generated client with
// @bucketry/signing's middleware hand their signed Request to a capturing `fetch`. Differences are listed in
// docs-src (Differences from the official SDKs).
import { createRequire } from "node:module";
import { createClient } from "@bucketry/huaweicloud-mpc";
import { sdkHmacSha256Signer, signSdkHmacSha256 } from "@bucketry/signing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createBucketClient } from "../../src/index.js";
import { captureProxy, capturingFetch, differences, httpAgentsTo, only, seeded, wireOf, type Wire } from "./helpers.js";
import { serve } from "../support/test-server.js";

const require = createRequire(import.meta.url);
const { BasicCredentials } = require("@huaweicloud/huaweicloud-sdk-core") as { BasicCredentials: new () => Record<string, (v: string) => unknown> };
const { ClientBuilder } = require("@huaweicloud/huaweicloud-sdk-core/ClientBuilder") as {
  ClientBuilder: new (init: (client: unknown) => unknown) => { withCredential(c: unknown): { withEndpoint(e: string): { build(): { sendRequest(o: unknown): Promise<unknown> } } } };
};

const NOW = Date.UTC(2026, 4, 17, 8, 9, 10);
const KEYS = { accessKeyId: "HPUADIFFERENTIAL0123", accessKeySecret: "mpc-differential-secret-0123456789abcdef" };
const BODY = JSON.stringify({ buckets: [{ bucket: "example-bucket", creation_date: "20221026152511", is_authorized: 1 }] });
/** What the API gateway reads besides method, host, path and query. */
const READ = ["authorization", "x-sdk-date", "x-project-id", "x-security-token", "content-type", "x-sdk-content-sha256"];

type Form = "region" | "region-endpoint" | "legacy-mts" | "custom-host" | "ip";
const FORMS: readonly Form[] = ["region", "region-endpoint", "legacy-mts", "custom-host", "ip"];
const REGIONS = ["cn-north-4", "cn-east-2", "cn-east-3", "cn-south-1", "ap-southeast-3"];

interface Case {
  form: Form;
  region: string;
  projectId: string;
  securityToken?: string;
}

function hostOf(c: Case): string {
  if (c.form === "legacy-mts") return "mts.cn-north-1.myhuaweicloud.com";
  if (c.form === "custom-host") return "mpc.private-gateway.example.com";
  if (c.form === "ip") return "10.20.30.40:8443";
  return `mpc.${c.region}.myhuaweicloud.com`;
}

function cases(): Case[] {
  const r = seeded(20221026);
  const project = () => Array.from({ length: 32 }, () => "0123456789abcdef"[Math.floor(r.next() * 16)]).join("");
  const out: Case[] = [];
  for (const form of FORMS) for (const sts of [false, true]) out.push({ form, region: form === "legacy-mts" ? "cn-north-1" : r.pick(REGIONS), projectId: project(), ...(sts ? { securityToken: r.token(80) } : {}) });
  while (out.length < 60) {
    const form = r.pick(FORMS);
    out.push({ form, region: form === "legacy-mts" ? "cn-north-1" : r.pick(REGIONS), projectId: project(), ...(r.next() < 0.5 ? { securityToken: r.token(80) } : {}) });
  }
  return out;
}

let proxy: Awaited<ReturnType<typeof captureProxy>>;
let restoreAgents: () => void = () => undefined;

function credentialsOf(c: Case) {
  return { ...KEYS, ...(c.securityToken ? { securityToken: c.securityToken } : {}) };
}

async function viaSdk(c: Case): Promise<Wire> {
  const before = proxy.seen.length;
  const credentials = new BasicCredentials();
  credentials.withAk!(KEYS.accessKeyId);
  credentials.withSk!(KEYS.accessKeySecret);
  credentials.withProjectId!(c.projectId);
  if (c.securityToken) credentials.withSecurityToken!(c.securityToken);
  const client = new ClientBuilder((hc) => hc).withCredential(credentials).withEndpoint(`http://${hostOf(c)}`).build();
  // What the generated MpcClient.listAllBuckets sends.
  await client.sendRequest({ method: "GET", url: "/v1/{project_id}/buckets", contentType: "application/json", queryParams: {}, pathParams: {}, headers: {} });
  return { ...only(proxy.seen.slice(before)), scheme: "https" };
}

async function viaFacade(c: Case): Promise<Wire> {
  const capture = capturingFetch(() => new Response(BODY, { headers: { "content-type": "application/json" } }));
  // The region form passes the region; every other form the endpoint alone (no region needed with it).
  const where = c.form === "region" ? { region: c.region } : { endpoint: `https://${hostOf(c)}` };
  const mpc = createBucketClient({ provider: "huaweicloud-mpc", ...where, projectId: c.projectId, credentials: credentialsOf(c), fetch: capture.fetch, retry: false });
  await mpc.listBucketsPage();
  const request = only(capture.requests);
  return wireOf(request.method, request.url, request.headers);
}

async function viaBareClient(c: Case, theirs: Wire): Promise<Wire> {
  const capture = capturingFetch(() => new Response(BODY, { headers: { "content-type": "application/json" } }));
  const raw = createClient({ baseUrl: `${theirs.scheme}://${theirs.host}`, fetch: capture.fetch });
  raw.use(sdkHmacSha256Signer({ credentials: credentialsOf(c), projectId: c.projectId }));
  await raw.GET("/v1/{project_id}/buckets", { params: { path: { project_id: c.projectId } } });
  const request = only(capture.requests);
  return wireOf(request.method, request.url, request.headers);
}

/** The SDK's request re-signed by @bucketry/signing over the headers it signed. */
async function resigned(c: Case, theirs: Wire): Promise<string | null> {
  const names = /SignedHeaders=([^,]+)/.exec(theirs.headers.authorization!)![1]!.split(";");
  const headers = new Headers(Object.entries(theirs.headers).filter(([name]) => names.includes(name) && name !== "host" && name !== "x-sdk-date"));
  const request = { method: theirs.method, url: new URL(`${theirs.scheme}://${theirs.host}${theirs.path}`), headers, body: undefined };
  await signSdkHmacSha256(request, { credentials: credentialsOf(c), projectId: c.projectId, clock: () => NOW });
  return request.headers.get("authorization");
}

const all = cases();

describe("MPC ListAllBuckets against @huaweicloud/huaweicloud-sdk-core", () => {
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
    proxy = await captureProxy({ body: BODY, headers: { "x-request-id": "c7a8d6f2e0b94d3f" } });
    restoreAgents = await httpAgentsTo(proxy.port);
  });
  afterAll(async () => {
    restoreAgents();
    vi.useRealTimers();
    await proxy.close();
  });

  it(`covers at least 50 calls over region endpoints, the legacy mts host, custom hosts, IPs and STS tokens (${all.length})`, () => {
    expect(all.length).toBeGreaterThanOrEqual(50);
    expect(new Set(all.map((c) => c.form)).size).toBe(FORMS.length);
  });

  it.each(all.map((c, i) => [i, c.form, c.region, c.securityToken ? "sts" : "keys", c] as const))("#%i %s %s %s: the facade sends what the SDK sends", async (_i, _f, _r, _s, c) => {
    const theirs = await viaSdk(c);
    const ours = await viaFacade(c);
    expect(differences(ours, theirs, READ)).toEqual([]);
    expect(await resigned(c, theirs)).toBe(theirs.headers.authorization);
    const bare = await viaBareClient(c, theirs);
    expect(differences(bare, theirs, READ)).toEqual([]);
  });
});

describe("error bodies: code, message and IAM's encoded denial as the SDK's ExceptionUtil reads them", () => {
  const { ExceptionUtil } = require("@huaweicloud/huaweicloud-sdk-core/exception/ExceptionUtil") as {
    ExceptionUtil: {
      generalException(e: { data?: unknown; status: number; message?: string; requestId?: string }): { errorCode?: string; errorMsg?: string; encodedAuthorizationMessage?: string };
    };
  };
  // MPC's and the API gateway's flat form, the nested form of other Huawei services (IAM: a numeric code), both
  // at once, and each half of a field in each form.
  const bodies: Record<string, unknown>[] = [
    { error_code: "MPC.10208", error_msg: "Failed to verify the tenant ID." },
    { error_code: "APIGW.0301", error_msg: "Incorrect IAM authentication information: verify aksk signature fail", request_id: "apig-1" },
    { error: { code: "IAM.0007", message: "Incorrect token." } },
    { error: { code: 401, message: "The request you have made requires authentication.", title: "Unauthorized" } },
    { error: { code: "APIG.1002", message: "nested first" }, error_code: "APIGW.0308", error_msg: "flat second" },
    { error: { code: "X.1" }, error_msg: "flat message" },
    { error: { message: "nested message" }, error_code: "X.2" },
    // An IAM policy's denial, flat and nested: the encoded reason, which IAM's DecodeAuthorizationMessage reads.
    { error_code: "MPC.10208", error_msg: "Policy doesn't allow mpc:bucket:view to be performed.", encoded_authorization_message: "ENC-FLAT" },
    { error: { code: "IAM.0002", message: "denied", encoded_authorization_message: "ENC-NESTED" }, encoded_authorization_message: "ENC-FLAT-2" },
  ];

  it.each(bodies.map((b) => [JSON.stringify(b), b] as const))("%s", async (_, body) => {
    const sdk = ExceptionUtil.generalException({ data: body, status: 403 });
    const server = await serve(() => ({ status: 403, headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
    const mpc = createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", projectId: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", endpoint: server.url, credentials: KEYS, retry: false });
    const err = (await mpc.listBucketsPage().catch((e: unknown) => e)) as { code?: string; vendorMessage?: string; accessDeniedDetail?: Record<string, string> };
    expect({ code: err.code, message: err.vendorMessage, encoded: err.accessDeniedDetail?.encodedAuthorizationMessage }).toEqual({
      code: sdk.errorCode === undefined ? undefined : String(sdk.errorCode),
      message: sdk.errorMsg,
      encoded: sdk.encodedAuthorizationMessage,
    });
  });
});

describe("gateway codes: APIG.xxxx (newer Huawei gateways) reads as its APIGW.xxxx twin", () => {
  // Huawei's OCR FAQ (support.huaweicloud.com/en-us/ocr_faq/ocr_01_0063.html) and APIG FAQ show a Huawei Cloud
  // service answering "APIG.0301 … verify aksk signature fail"; the OCE FAQ "APIG.0308 … throttling threshold".
  const cases: [string, number, Record<string, unknown>, string][] = [
    ["signature", 401, { error_code: "APIG.0301", error_msg: "Incorrect IAM authentication information: verify aksk signature fail, ......", request_id: "r1" }, "SignatureMismatch"],
    ["IAM down", 500, { error_code: "APIG.0613", error_msg: "IAM is unavailable", request_id: "r2" }, "Unavailable"],
    ["flat twin", 500, { error_code: "APIGW.0613", error_msg: "IAM is unavailable", request_id: "r3" }, "Unavailable"],
  ];
  it.each(cases)("%s", async (_, status, body, kind) => {
    const server = await serve(() => ({ status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
    const mpc = createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", projectId: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", endpoint: server.url, credentials: KEYS, retry: false });
    const err = (await mpc.listBucketsPage().catch((e: unknown) => e)) as { kind?: string; code?: string };
    expect({ kind: err.kind, code: err.code }).toEqual({ kind, code: body.error_code });
  });
});

// OSS GetBucketAcl, request for request against ali-oss (the official Node SDK), V1 and V4: the same call is
// made through ali-oss (its `urllib` option receives the request it would send), through the facade and
// through the bare generated client with @bucketry/signing's middleware (their `fetch` receives the signed
// Request). Nothing leaves the process. Differences are listed in docs-src (Differences from the official SDKs).
import { createRequire } from "node:module";
import { createClient, ossEndpoint } from "@bucketry/aliyun-oss";
import fc from "fast-check";
import { ossV1Signer, ossV4Signer, signOssV1, signOssV4 } from "@bucketry/signing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createBucketClient, isBucketryError } from "../../src/index.js";
import { checkOssBucket } from "../../src/providers/aliyun-oss.js";
import { capturingFetch, differences, only, seeded, wireOf, type Wire } from "./helpers.js";

const require = createRequire(import.meta.url);
const OSS = require("ali-oss") as new (options: Record<string, unknown>) => { getBucketACL(name: string): Promise<unknown> };
/** ali-oss's own bucket-name check: `createBucket` false is the rule for a request naming an existing bucket. */
const { checkBucketName: aliOssCheck } = require("ali-oss/lib/common/utils/checkBucketName") as { checkBucketName(name: string, createBucket?: boolean): void };

const NOW = Date.UTC(2026, 4, 17, 8, 9, 10);
const ACCESS_KEY = { accessKeyId: "LTAI5tDifferentialKey", accessKeySecret: "differential-secret-0123456789" };
const ACL_XML =
  '<?xml version="1.0" encoding="UTF-8"?><AccessControlPolicy><Owner><ID>1234</ID><DisplayName>1234</DisplayName></Owner><AccessControlList><Grant>private</Grant></AccessControlList></AccessControlPolicy>';
/** What OSS reads of a GetBucketAcl request besides method, host, path and query. */
const READ = ["authorization", "date", "x-oss-date", "x-oss-content-sha256", "x-oss-security-token", "content-type", "content-md5"];

type Form = "region" | "internal" | "internal-endpoint" | "dual-stack" | "accelerate" | "accelerate-overseas" | "custom-host" | "custom-host-port" | "ip" | "cname";
const FORMS: readonly Form[] = ["region", "internal", "internal-endpoint", "dual-stack", "accelerate", "accelerate-overseas", "custom-host", "custom-host-port", "ip", "cname"];
const REGIONS = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "ap-southeast-1", "eu-central-1", "us-west-1"];

interface Case {
  form: Form;
  region: string;
  bucket: string;
  version: "v1" | "v4";
  securityToken?: string;
}

/** The endpoint option of each form (undefined: the region decides). */
function endpointOf(c: Case): string | undefined {
  switch (c.form) {
    case "region":
    case "internal":
      return undefined;
    case "internal-endpoint":
      return `https://oss-${c.region}-internal.aliyuncs.com`;
    case "dual-stack":
      return `https://${c.region}.oss.aliyuncs.com`;
    case "accelerate":
      return "https://oss-accelerate.aliyuncs.com";
    case "accelerate-overseas":
      return "https://oss-accelerate-overseas.aliyuncs.com";
    case "custom-host":
      return "https://oss.private-cloud.example.com";
    case "custom-host-port":
      return "http://oss.private-cloud.example.com:8080";
    case "ip":
      return "http://10.20.30.40:8080";
    case "cname":
      return "https://static.example.com";
  }
}

function cases(): Case[] {
  const r = seeded(20260517);
  const out: Case[] = [];
  // Every form in both signature versions, with and without an STS token, then seeded regions and buckets.
  for (const form of FORMS) {
    for (const version of ["v1", "v4"] as const) {
      for (const sts of [false, true]) {
        out.push({ form, version, region: r.pick(REGIONS), bucket: form === "cname" ? "examplebucket" : r.bucket(), ...(sts ? { securityToken: `CAIS${r.token(60)}` } : {}) });
      }
    }
  }
  // Older buckets named with "_", which ali-oss reaches (its rule for naming an existing bucket allows "_"; see below).
  for (const [i, bucket] of ["legacy_bucket", "_lead", "trail_", "a_b"].entries()) {
    for (const version of ["v1", "v4"] as const) out.push({ form: (["region", "ip", "custom-host", "internal"] as const)[i]!, version, region: r.pick(REGIONS), bucket });
  }
  while (out.length < 72) {
    const form = r.pick(FORMS);
    out.push({ form, version: r.pick(["v1", "v4"] as const), region: r.pick(REGIONS), bucket: r.bucket(), ...(r.next() < 0.5 ? { securityToken: `CAIS${r.token(60)}` } : {}) });
  }
  return out;
}

async function viaAliOss(c: Case, keys: { accessKeyId: string; accessKeySecret: string } = ACCESS_KEY): Promise<Wire> {
  const sent: Array<{ url: string; method: string; headers: Record<string, string> }> = [];
  const urllib = {
    async request(url: string, params: { method: string; headers: Record<string, string> }) {
      sent.push({ url, method: params.method, headers: params.headers });
      return { status: 200, headers: { "x-oss-request-id": "0123456789ABCDEF01234567" }, data: Buffer.from(ACL_XML), res: { status: 200, headers: {} } };
    },
  };
  const endpoint = endpointOf(c);
  const client = new OSS({
    region: `oss-${c.region}`,
    ...keys,
    ...(c.securityToken ? { stsToken: c.securityToken, refreshSTSToken: async () => ({ ...keys, stsToken: c.securityToken }) } : {}),
    secure: true,
    authorizationV4: c.version === "v4",
    ...(c.form === "internal" ? { internal: true } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(c.form === "cname" ? { cname: true } : {}),
    urllib,
  });
  await client.getBucketACL(c.bucket);
  const request = only(sent);
  return wireOf(request.method, request.url, request.headers);
}

async function viaFacade(c: Case, keys: { accessKeyId: string; accessKeySecret: string } = ACCESS_KEY): Promise<Wire> {
  const capture = capturingFetch(() => new Response(ACL_XML, { headers: { "content-type": "application/xml" } }));
  const endpoint = c.form === "internal" ? `https://oss-${c.region}-internal.aliyuncs.com` : endpointOf(c);
  const oss = createBucketClient({
    provider: "aliyun-oss",
    region: c.region,
    credentials: { ...keys, ...(c.securityToken ? { securityToken: c.securityToken } : {}) },
    signatureVersion: c.version,
    ...(endpoint ? { endpoint } : {}),
    ...(c.form === "cname" ? { cname: true } : {}),
    fetch: capture.fetch,
    retry: false,
  });
  await oss.getBucketAcl(c.bucket);
  const request = only(capture.requests);
  return wireOf(request.method, request.url, request.headers);
}

/** The bare generated client, given the URL ali-oss used, signed by the middleware. */
async function viaBareClient(c: Case, theirs: Wire): Promise<Wire> {
  const capture = capturingFetch(() => new Response(ACL_XML, { headers: { "content-type": "application/xml" } }));
  const credentials = { ...ACCESS_KEY, ...(c.securityToken ? { securityToken: c.securityToken } : {}) };
  const raw = c.form === "region" ? createClient({ region: c.region, bucket: c.bucket, fetch: capture.fetch }) : createClient({ baseUrl: `${theirs.scheme}://${theirs.host}`, fetch: capture.fetch });
  const options = { credentials, bucket: c.bucket, addressing: "virtual-hosted" as const };
  raw.use(c.version === "v4" ? ossV4Signer({ ...options, region: c.region }) : ossV1Signer(options));
  await raw.GET("/", {});
  const request = only(capture.requests);
  return wireOf(request.method, request.url, request.headers);
}

/** What ali-oss sent, re-signed by @bucketry/signing from the captured values: the Authorization it computes. */
async function resigned(c: Case, theirs: Wire): Promise<string | null> {
  const headers = new Headers(Object.entries(theirs.headers).filter(([name]) => name !== "authorization" && name !== "host"));
  const request = { method: theirs.method, url: new URL(`${theirs.scheme}://${theirs.host}${theirs.path}?acl`), headers, body: undefined };
  const credentials = { ...ACCESS_KEY, ...(c.securityToken ? { securityToken: c.securityToken } : {}) };
  if (c.version === "v4") await signOssV4(request, { credentials, region: c.region, bucket: c.bucket, addressing: "virtual-hosted", clock: () => NOW });
  else await signOssV1(request, { credentials, bucket: c.bucket, addressing: "virtual-hosted", clock: () => NOW });
  return request.headers.get("authorization");
}

/**
 * Known, documented differences (docs-src/differences.html): with an IP-address endpoint ali-oss sends
 * `GET /?acl` to the IP with `Host: {bucket}.oss-{region}.aliyuncs.com`; bucketry sends path-style
 * `GET /{bucket}/?acl` (the OSS Go SDK v2 rule), which OSS-compatible servers behind an IP accept.
 */
function expectedDifferences(c: Case, theirs: Wire, ours: Wire): string[] {
  if (c.form !== "ip") return [];
  return [`host: ${ours.host} | ${theirs.host}`, `path: /${c.bucket}/ | /`];
}

const all = cases();

describe("OSS GetBucketAcl against ali-oss", () => {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  it(`covers at least 50 calls over every endpoint form, both signature versions and STS tokens (${all.length})`, () => {
    expect(all.length).toBeGreaterThanOrEqual(50);
    expect(new Set(all.map((c) => c.form)).size).toBe(FORMS.length);
  });

  it.each(all.map((c, i) => [i, c.form, c.version, c.securityToken ? "sts" : "keys", c] as const))("#%i %s %s %s: the facade sends what ali-oss sends", async (_i, _form, _version, _sts, c) => {
    const theirs = await viaAliOss(c);
    const ours = await viaFacade(c);
    expect(differences(ours, theirs, READ)).toEqual(expectedDifferences(c, theirs, ours));
    // The signature over ali-oss's own request, recomputed from its captured values.
    expect(await resigned(c, theirs)).toBe(theirs.headers.authorization);
    // The bare client with the signing middleware, on the host ali-oss used.
    const bare = await viaBareClient(c, theirs);
    expect(differences(bare, theirs, READ)).toEqual([]);
  });

  // A key pasted from a file: ali-oss trims the accessKeyId and accessKeySecret it is given, so it signs with the
  // trimmed keys and OSS accepts the call.
  it.each(["v1", "v4"] as const)("%s: keys with surrounding whitespace are signed as ali-oss signs them (trimmed)", async (version) => {
    const padded = { accessKeyId: ` ${ACCESS_KEY.accessKeyId}\t`, accessKeySecret: `${ACCESS_KEY.accessKeySecret}\r\n` };
    for (const securityToken of [undefined, "CAIStoken0123456789"]) {
      const c: Case = { form: "region", region: "cn-hangzhou", bucket: "examplebucket", version, ...(securityToken ? { securityToken } : {}) };
      const theirs = await viaAliOss(c, padded);
      expect(theirs.headers.authorization).toBe((await viaAliOss(c)).headers.authorization);
      expect(differences(await viaFacade(c, padded), theirs, READ)).toEqual([]);
    }
  });
});

// The facade's `raw` client with cname: true had no signer at all, so a raw call went out with no Authorization
// (an anonymous GetBucketAcl, which OSS refuses). Now a raw call no per-call signer signed is refused before it is
// sent, and one signed per call for its bucket is what ali-oss sends.
describe("OSS raw client on a CNAME endpoint, as ali-oss calls it", () => {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  it.each(["v1", "v4"] as const)("%s: an unsigned raw call is refused unsent; one signed per call for its bucket matches ali-oss", async (version) => {
    const c: Case = { form: "cname", version, region: "cn-hangzhou", bucket: "examplebucket" };
    const capture = capturingFetch(() => new Response(ACL_XML, { headers: { "content-type": "application/xml" } }));
    const oss = createBucketClient({ provider: "aliyun-oss", region: c.region, credentials: ACCESS_KEY, signatureVersion: version, endpoint: endpointOf(c)!, cname: true, fetch: capture.fetch, retry: false });
    const refused = await oss.raw.GET("/", {}).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(isBucketryError(refused) && refused.kind).toBe("Configuration");
    expect((refused as Error).message).toContain("raw does not sign calls to a CNAME endpoint (static.example.com)");
    expect(capture.requests).toHaveLength(0);

    const options = { credentials: ACCESS_KEY, bucket: c.bucket, clock: () => NOW };
    await oss.raw.GET("/", { middleware: [version === "v4" ? ossV4Signer({ ...options, region: c.region }) : ossV1Signer(options)] });
    const request = only(capture.requests);
    expect(differences(wireOf(request.method, request.url, request.headers), await viaAliOss(c), READ)).toEqual([]);
    // The facade's own call on the same client still signs for the bucket it is given.
    await oss.getBucketAcl(c.bucket);
    expect(capture.requests).toHaveLength(2);
  });
});

describe("OSS bucket names against ali-oss's checkBucketName", () => {
  const accepts = (check: () => unknown) => {
    try {
      check();
      return true;
    } catch {
      return false;
    }
  };
  // Names near the rule's edges: the characters it names, one it does not ("." "A" " "), 2-64 characters.
  const names = fc.oneof(
    fc.string({ unit: fc.constantFrom(..."ab9_-.A ".split("")), minLength: 0, maxLength: 6 }),
    fc.string({ unit: fc.constantFrom(..."az09_-".split("")), minLength: 60, maxLength: 65 }),
  );
  const edges = ["abc", "a_b", "_ab", "ab_", "___", "-ab", "ab-", "a-b", "ab", "a".repeat(63), "a".repeat(64), "_".repeat(63), "a.b", "Abc", "..", "xn--bcher-kva", "xn--fsq", "xn--"];

  it("the facade accepts a bucket name exactly when ali-oss does for an existing bucket", () => {
    const agree = (name: string) => accepts(() => checkOssBucket(name)) === accepts(() => aliOssCheck(name, false));
    for (const name of edges) expect(agree(name), name).toBe(true);
    fc.assert(fc.property(names, agree), { seed: 0x055b, numRuns: 3000 });
  });

  it("the bare client accepts a bucket name exactly when ali-oss does for an existing bucket", () => {
    const agree = (name: string) => accepts(() => ossEndpoint("cn-hangzhou", name)) === accepts(() => aliOssCheck(name, false));
    for (const name of edges) expect(agree(name), name).toBe(true);
    fc.assert(fc.property(names, agree), { seed: 0x055c, numRuns: 3000 });
  });

  it('says what a refused name may hold, "_" included', () => {
    expect(() => checkOssBucket("-ab")).toThrow('aliyun-oss: bucket name "-ab" is invalid: use 3-63 characters of a-z, 0-9, "-" and "_", not starting or ending with "-"');
    expect(() => ossEndpoint("cn-hangzhou", "-ab")).toThrow('@bucketry/aliyun-oss: "-ab" is not a valid bucket name (3-63 characters: a-z, 0-9, "-", "_"; no leading or trailing "-")');
  });
});

describe("a <Grant> beyond the documented canned ACLs, as ali-oss reads it", () => {
  const body = (grant: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><AccessControlPolicy><Owner><ID>1234</ID><DisplayName>1234</DisplayName></Owner><AccessControlList><Grant>${grant}</Grant></AccessControlList></AccessControlPolicy>`;

  it.each(["authenticated-read", "default"])("%s: ali-oss returns it as its acl; the facade returns it in raw, not an error", async (grant) => {
    const urllib = { request: async () => ({ status: 200, headers: { "x-oss-request-id": "0123456789ABCDEF01234567" }, data: Buffer.from(body(grant)), res: { status: 200, headers: {} } }) };
    const official = (await new OSS({ region: "oss-cn-hangzhou", ...ACCESS_KEY, secure: true, urllib }).getBucketACL("examplebucket")) as { acl: unknown };
    expect(official.acl).toBe(grant);
    const capture = capturingFetch(() => new Response(body(grant), { headers: { "content-type": "application/xml" } }));
    const oss = createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", credentials: ACCESS_KEY, fetch: capture.fetch, retry: false });
    const acl = await oss.getBucketAcl("examplebucket");
    expect(acl.raw.AccessControlList.Grant).toBe(official.acl);
    expect(acl).toMatchObject({ owner: { id: "1234" }, conditional: true });
    expect(acl.acl).toBeUndefined();
  });
});

describe("a bucket addressed on another region's endpoint (403 AccessDenied with <Endpoint>), as ali-oss reads it", () => {
  // OSS's answer, as its 403 troubleshooting page describes it: AccessDenied, "must be addressed using the specified
  // endpoint", with the bucket's endpoint in <Endpoint>.
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>AccessDenied</Code>
  <Message>The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.</Message>
  <RequestId>5C3D9175B6FC201293AD****</RequestId>
  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>
  <Bucket>examplebucket</Bucket>
  <Endpoint>oss-cn-shanghai.aliyuncs.com</Endpoint>
  <EC>0003-00001403</EC>
</Error>`;

  it("carries ali-oss's status, code and request id, and is a Configuration error naming the endpoint, not a permission one", async () => {
    const urllib = { request: async () => ({ status: 403, headers: { "content-type": "application/xml", "x-oss-request-id": "5C3D9175B6FC201293AD****" }, data: Buffer.from(body), res: { status: 403, headers: {} } }) };
    const official = (await new OSS({ region: "oss-cn-hangzhou", ...ACCESS_KEY, secure: true, urllib }).getBucketACL("examplebucket").catch((e: unknown) => e)) as { status: number; code: string; requestId: string };
    const capture = capturingFetch(() => new Response(body, { status: 403, headers: { "content-type": "application/xml", "x-oss-request-id": "5C3D9175B6FC201293AD****" } }));
    const oss = createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", credentials: ACCESS_KEY, fetch: capture.fetch, retry: false });
    const err = (await oss.getBucketAcl("examplebucket").catch((e: unknown) => e)) as { status: number; code: string; requestId: string; kind: string; retryable: boolean; message: string };
    expect({ status: err.status, code: err.code, requestId: err.requestId }).toEqual({ status: official.status, code: official.code, requestId: official.requestId });
    expect(err).toMatchObject({ kind: "Configuration", retryable: false });
    expect(err.message).toContain('use region: "cn-shanghai" (the bucket\'s region; its endpoint oss-cn-shanghai.aliyuncs.com)');
    expect(err).toMatchObject({ endpoint: "oss-cn-shanghai.aliyuncs.com" });
    expect(capture.requests).toHaveLength(1);
  });
});

/** OSS's RequestTimeTooSkewed <Error>, with `extra` elements before its end. */
const skewedError = (extra = "") => `<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>RequestTimeTooSkewed</Code>
  <Message>The difference between the request time and the current time is too large.</Message>
  <RequestId>5C3D9175B6FC201293AD****</RequestId>
  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>
${extra}</Error>`;

describe("an OSS <Error> under another content type, as ali-oss reads it", () => {
  // ali-oss reads an error body as XML whatever its Content-Type says (a proxy may drop or rewrite the header).
  const body = skewedError();

  it.each([["no content type", {}], ["text/plain", { "content-type": "text/plain" }]] as const)("%s: the same code, message and request id as ali-oss", async (_what, headers) => {
    const urllib = { request: async () => ({ status: 403, headers, data: Buffer.from(body), res: { status: 403, headers } }) };
    const official = (await new OSS({ region: "oss-cn-hangzhou", ...ACCESS_KEY, secure: true, urllib }).getBucketACL("examplebucket").catch((e: unknown) => e)) as { status: number; code: string; requestId: string; message: string };
    const capture = capturingFetch(() => new Response(body, { status: 403, headers }));
    const oss = createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", credentials: ACCESS_KEY, fetch: capture.fetch, retry: false });
    const err = (await oss.getBucketAcl("examplebucket").catch((e: unknown) => e)) as { status: number; code: string; requestId: string; vendorMessage: string; kind: string };
    expect({ status: err.status, code: err.code, requestId: err.requestId, message: err.vendorMessage }).toEqual({ status: official.status, code: official.code, requestId: official.requestId, message: official.message });
    expect(err.kind).toBe("ClockSkew");
  });
});

describe("an OSS <Error> with an odd numeric element, as ali-oss reads it", () => {
  // <MaxAllowedSkewMilliseconds> is the one number of OSS's <Error> (the spec types it); an empty or non-numeric
  // one must not take the code, message and request id with it. ali-oss reads every element as text.
  const bodyWith = (skew: string) =>
    skewedError(`  <MaxAllowedSkewMilliseconds>${skew}</MaxAllowedSkewMilliseconds>
  <RequestTime>2026-05-17T08:09:10.000Z</RequestTime>
  <ServerTime>2026-05-17T08:29:10.000Z</ServerTime>
`);
  const odd = ["", "soon", "900000ms", "1e999", "15 minutes"];
  const types = ["application/xml", "text/plain"];

  it.each(odd.flatMap((skew) => types.map((type) => [skew, type] as const)))("<MaxAllowedSkewMilliseconds>%j</…> under %s: the same status, code, message and request id as ali-oss", async (skew, type) => {
    const body = bodyWith(skew);
    const headers = { "content-type": type };
    const urllib = { request: async () => ({ status: 403, headers, data: Buffer.from(body), res: { status: 403, headers } }) };
    const official = (await new OSS({ region: "oss-cn-hangzhou", ...ACCESS_KEY, secure: true, urllib }).getBucketACL("examplebucket").catch((e: unknown) => e)) as { status: number; code: string; requestId: string; message: string };
    const capture = capturingFetch(() => new Response(body, { status: 403, headers }));
    const oss = createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", credentials: ACCESS_KEY, fetch: capture.fetch, retry: false });
    const err = (await oss.getBucketAcl("examplebucket").catch((e: unknown) => e)) as { status: number; code: string; requestId: string; vendorMessage: string; kind: string };
    expect(official.code).toBe("RequestTimeTooSkewed");
    expect({ status: err.status, code: err.code, requestId: err.requestId, message: err.vendorMessage }).toEqual({ status: official.status, code: official.code, requestId: official.requestId, message: official.message });
    expect(err.kind).toBe("ClockSkew");
  });
});

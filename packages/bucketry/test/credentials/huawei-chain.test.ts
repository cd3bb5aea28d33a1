// Huawei's chain: the environment as @huaweicloud/huaweicloud-sdk-core's ClientBuilder reads it, the project
// id from IAM as its BasicCredentials.processAuthParams looks it up (both against one fake IAM on loopback),
// and the profile file and ECS metadata sources of the Go/Python SDKs (which the Node SDK lacks) against
// their published formats on fake servers.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { fromHuaweiEcsMetadata, fromHuaweiEnv, huaweiCredentialChain } from "../../src/credentials/huawei-chain.js";
import { huaweiIamEndpoint, huaweiProjectId, PROJECT_IDS_KEPT } from "../../src/credentials/huawei-project-id.js";
import { CredentialChainError, CredentialSourceError } from "../../src/credentials/types.js";
import type { CredentialIo } from "../../src/credentials/io.js";
import { createBucketClient, type BucketryError } from "../../src/index.js";
import type { Seen } from "../support/test-server.js";
import { fakeServer, json, tempHome, withProcessEnv } from "./fakes.js";

const require = createRequire(import.meta.url);
const core = (path: string) => require(`@huaweicloud/huaweicloud-sdk-core/${path}`) as Record<string, never>;

interface OfficialCredential {
  ak?: string;
  sk?: string;
  securityToken?: string;
  projectId?: string;
  processAuthParams(client: unknown, region: string): Promise<OfficialCredential>;
}

function officialFromEnv(env: Record<string, string>): Promise<OfficialCredential> {
  const { ClientBuilder } = core("ClientBuilder") as unknown as { ClientBuilder: new (init: () => unknown) => { getCredentialFromEnvironment(): OfficialCredential } };
  return withProcessEnv(env, async () => new ClientBuilder(() => ({})).getCredentialFromEnvironment());
}

describe("huawei environment = the Node core SDK's ClientBuilder.getCredentialFromEnvironment", () => {
  it.each([
    [{ HUAWEICLOUD_SDK_AK: "HWAK1", HUAWEICLOUD_SDK_SK: "hw-secret" }],
    [{ HUAWEICLOUD_SDK_AK: "HWAK1", HUAWEICLOUD_SDK_SK: "hw-secret", HUAWEICLOUD_SDK_SECURITY_TOKEN: "hw-token", HUAWEICLOUD_SDK_PROJECT_ID: "0123456789abcdef0123456789abcdef" }],
  ])("%o", async (env) => {
    const theirs = await officialFromEnv(env);
    const mine = await fromHuaweiEnv({ env }).resolve();
    expect({ ak: mine.accessKeyId, sk: mine.accessKeySecret, token: mine.securityToken, project: mine.projectId }).toEqual({ ak: theirs.ak, sk: theirs.sk, token: theirs.securityToken, project: theirs.projectId });
  });
});

/** A fake IAM: GET /v3/projects?name=<region> answers the projects `byRegion` holds. */
async function fakeIam(byRegion: Record<string, string[]>, maxRequests?: number) {
  return fakeServer((req: Seen) => {
    if (req.method === "GET" && req.path === "/v3/projects") {
      if (!String(req.headers.authorization ?? "").startsWith("SDK-HMAC-SHA256 Access=HWAK1,")) return json({ error_code: "APIGW.0301", error_msg: "Incorrect IAM authentication information" }, 401);
      const ids = byRegion[req.query.get("name") ?? ""] ?? [];
      return json({ projects: ids.map((id) => ({ id, name: req.query.get("name") })), links: {} });
    }
    return json({ error_msg: "not here" }, 404);
  }, maxRequests);
}

async function officialProjectId(iam: string, region: string): Promise<string | undefined> {
  const { BasicCredentials } = core("auth/BasicCredentials") as unknown as { BasicCredentials: new () => OfficialCredential & { withAk(a: string): OfficialCredential; withSk(s: string): OfficialCredential; withIamEndpoint(e: string): OfficialCredential } };
  const { HcClient } = core("HcClient") as unknown as { HcClient: new (c: unknown) => { withCredential(c: unknown): unknown } };
  const { DefaultHttpClient } = core("http/DefaultHttpClient") as unknown as { DefaultHttpClient: new (o: unknown, e: string[]) => unknown };
  const cred = new BasicCredentials();
  (cred as unknown as { withAk(a: string): void }).withAk("HWAK1");
  (cred as unknown as { withSk(a: string): void }).withSk("hw-secret");
  (cred as unknown as { withIamEndpoint(a: string): void }).withIamEndpoint(iam);
  const client = new HcClient(new DefaultHttpClient({}, [iam]));
  client.withCredential(cred);
  try {
    return (await cred.processAuthParams(client, region)).projectId;
  } catch {
    return undefined;
  }
}

describe("project id from IAM = BasicCredentials.processAuthParams", () => {
  it("one project named after the region: the same id, asked the same way, then cached per region", async () => {
    const iam = await fakeIam({ "cn-north-4": ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"], "cn-east-3": ["11112222333344445555666677778888"] });
    const theirs = await officialProjectId(iam.url, "cn-north-4");
    const credentials = { accessKeyId: "HWAK1", accessKeySecret: "hw-secret", source: "test", iamEndpoint: iam.url };
    expect(await huaweiProjectId({ credentials, region: "cn-north-4" })).toBe(theirs);
    expect(theirs).toBe("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
    const [a, b] = iam.requests;
    expect([b!.method, b!.path, b!.search]).toEqual([a!.method, a!.path, a!.search]);
    expect(await huaweiProjectId({ credentials, region: "cn-north-4" })).toBe(theirs);
    expect(await huaweiProjectId({ credentials, region: "cn-east-3" })).toBe("11112222333344445555666677778888");
    expect(iam.requests).toHaveLength(3); // official + ours once per region
  });

  it("the cache keeps the PROJECT_IDS_KEPT most recently used keys: one entry per rotated key or region is not kept forever", async () => {
    // One key per region here (the fake IAM knows one access key): the cache's key is access key, region and endpoint.
    const iam = await fakeIam(Object.fromEntries(Array.from({ length: PROJECT_IDS_KEPT + 1 }, (_, n) => [`cn-lru-${n}`, ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]])), 2 * PROJECT_IDS_KEPT);
    const credentials = { accessKeyId: "HWAK1", accessKeySecret: "hw-secret", source: "test", iamEndpoint: iam.url };
    const lookup = (n: number) => huaweiProjectId({ credentials, region: `cn-lru-${n}` });
    for (let n = 0; n < PROJECT_IDS_KEPT; n++) await lookup(n);
    expect(iam.requests).toHaveLength(PROJECT_IDS_KEPT);
    await lookup(0); // used again: now the most recent
    await lookup(PROJECT_IDS_KEPT); // one more key: the least recently used (key 1) goes
    expect(iam.requests).toHaveLength(PROJECT_IDS_KEPT + 1);
    await lookup(0);
    expect(iam.requests).toHaveLength(PROJECT_IDS_KEPT + 1);
    await lookup(1);
    expect(iam.requests).toHaveLength(PROJECT_IDS_KEPT + 2);
  });

  it("no project of that name: both fail (the SDK would then try to create one; bucketry does not write)", async () => {
    const iam = await fakeIam({});
    expect(await officialProjectId(iam.url, "cn-south-1")).toBeUndefined();
    const credentials = { accessKeyId: "HWAK1", accessKeySecret: "hw-secret", source: "test", iamEndpoint: iam.url };
    await expect(huaweiProjectId({ credentials, region: "cn-south-1" })).rejects.toThrow(/no project named cn-south-1.*HUAWEICLOUD_SDK_PROJECT_ID/);
  });

  it("calls at once share one lookup: IAM is asked once", async () => {
    const iam = await fakeIam({ "cn-north-4": ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"] });
    const credentials = { accessKeyId: "HWAK1", accessKeySecret: "hw-secret", source: "test", iamEndpoint: iam.url };
    const ids = await Promise.all(Array.from({ length: 8 }, () => huaweiProjectId({ credentials, region: "cn-north-4" })));
    expect(ids).toEqual(Array(8).fill("0a1b2c3d4e5f60718293a4b5c6d7e8f9"));
    expect(iam.requests).toHaveLength(1);
  });

  it("a failed lookup is returned as it is until IAM is asked again: 1 s after the first failure, doubling, reset by a success", async () => {
    let answer: "down" | "up" = "down";
    const iam = await fakeServer(() => (answer === "down" ? json({ error_code: "APIGW.0202", error_msg: "gateway busy" }, 503) : json({ projects: [{ id: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", name: "cn-north-4" }], links: {} })));
    const credentials = { accessKeyId: "HWAK-backoff", accessKeySecret: "hw-secret", source: "test", iamEndpoint: iam.url };
    let now = Date.UTC(2026, 0, 1);
    const lookup = () => huaweiProjectId({ credentials, region: "cn-north-4", clock: () => now });
    const first = await lookup().catch((e: unknown) => e);
    expect(first).toBeInstanceOf(CredentialSourceError);
    expect((first as Error).message).toContain("IAM answered HTTP 503 APIGW.0202");
    // Within the first window (1 s): the same error, IAM not asked.
    for (const at of [0, 500, 999]) {
      now = Date.UTC(2026, 0, 1) + at;
      await expect(lookup()).rejects.toBe(first);
    }
    expect(iam.requests).toHaveLength(1);
    now = Date.UTC(2026, 0, 1) + 1000;
    const second = await lookup().catch((e: unknown) => e);
    expect(second).not.toBe(first);
    expect(iam.requests).toHaveLength(2);
    // The second failure in a row: 2 s.
    now += 1999;
    await expect(lookup()).rejects.toBe(second);
    expect(iam.requests).toHaveLength(2);
    now += 1;
    answer = "up";
    expect(await lookup()).toBe("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
    expect(iam.requests).toHaveLength(3);
    expect(await lookup()).toBe("0a1b2c3d4e5f60718293a4b5c6d7e8f9"); // cached
    expect(iam.requests).toHaveLength(3);
  });

  it.each([
    [{ error: { code: 403, message: "You are not authorized to perform the requested action: identity:projects:list.", title: "Forbidden" } }],
    [{ error: { code: "IAM.0002", message: "nested first" }, error_code: "APIGW.0302", error_msg: "flat second" }],
    [{ error_code: "APIGW.0302", error_msg: "The IAM user is not authorized to access the API." }],
  ])("a refused lookup names IAM's code and message as the SDK's ExceptionUtil reads them: %o", async (body) => {
    const { ExceptionUtil } = core("exception/ExceptionUtil") as unknown as { ExceptionUtil: { generalException(e: { data: unknown; status: number }): { errorCode?: unknown; errorMsg?: string } } };
    const sdk = ExceptionUtil.generalException({ data: body, status: 403 });
    const iam = await fakeServer(() => json(body, 403));
    const credentials = { accessKeyId: `HWAK-refused-${JSON.stringify(body).length}`, accessKeySecret: "hw-secret", source: "test", iamEndpoint: iam.url };
    const err = (await huaweiProjectId({ credentials, region: "cn-north-4" }).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(CredentialSourceError);
    // The code as the SDK reads it, unless it only repeats the status (IAM's nested code may be 403).
    const code = String(sdk.errorCode) === "403" ? "" : ` ${String(sdk.errorCode)}`;
    expect(err.message).toContain(`IAM answered HTTP 403${code} (${sdk.errorMsg}) for the projects of region cn-north-4`);
  });

  // IAM's message is shown cut to 200 characters. It was cut before the client's redaction ran, and a security
  // token is longer than that: the part inside the cut no longer matched the whole token, and 195 of its
  // characters were shown.
  it("a refused lookup whose message quotes the security token shows no part of it", async () => {
    const securityToken = "ggpjbi1ub3J0aC00" + "QXJTVFNUb2tlbkJvZHk".repeat(17);
    expect(securityToken.length).toBeGreaterThan(300);
    const iam = await fakeServer((req) => json({ error: { code: "IAM.0101", message: `The token is invalid: X-Security-Token: ${String(req.headers["x-security-token"])}` } }, 401));
    const credentials = { accessKeyId: "HWAK-quoted", accessKeySecret: "hw-secret-quoted", securityToken, source: "test", iamEndpoint: iam.url };
    const err = (await huaweiProjectId({ credentials, region: "cn-north-4" }).catch((e: unknown) => e)) as Error;
    expect(err.message).toContain("IAM answered HTTP 401 IAM.0101 (The token is invalid: X-Security-Token: [redacted]) for the projects of region cn-north-4");
    for (let i = 0; i + 12 <= securityToken.length; i += 6) expect(err.message).not.toContain(securityToken.slice(i, i + 12));
  });

  it("the IAM endpoint is the region's where the SDK has one", () => {
    expect(huaweiIamEndpoint("cn-north-4")).toBe("https://iam.cn-north-4.myhuaweicloud.com");
    expect(huaweiIamEndpoint("xx-unknown-9")).toBe("https://iam.myhuaweicloud.com");
  });
});

describe("huawei profile file and ECS metadata (the Go/Python SDKs' formats)", () => {
  it("environment → profile file [basic] → metadata, in that order", async () => {
    const home = tempHome({ ".huaweicloud/credentials": "[basic]\nak = HWPROFILE\nsk = profile-secret\nproject_id = p123\n\n[global]\nak = HWGLOBAL\nsk = g\n" });
    const fromProfile = await huaweiCredentialChain({ env: { BUCKETRY_METADATA_DISABLED: "true" }, homedir: home }).resolve();
    expect(fromProfile).toMatchObject({ accessKeyId: "HWPROFILE", projectId: "p123", source: "profile-file [basic]" });
    const fromEnv = await huaweiCredentialChain({ env: { HUAWEICLOUD_SDK_AK: "HWENV", HUAWEICLOUD_SDK_SK: "e", BUCKETRY_METADATA_DISABLED: "true" }, homedir: home }).resolve();
    expect(fromEnv.source).toBe("environment");
    const other = tempHome({ "creds.ini": "[basic]\nak = HWFILE\nsk = f\n" });
    const fromVar = await huaweiCredentialChain({ env: { HUAWEICLOUD_SDK_CREDENTIALS_FILE: `${other}/creds.ini`, BUCKETRY_METADATA_DISABLED: "true" }, homedir: home }).resolve();
    expect(fromVar.accessKeyId).toBe("HWFILE");
  });

  it("profile lines written `key: value` are read, as both SDKs' ini readers take `:` as well as `=`", async () => {
    // Go: gopkg.in/ini.v1 (KeyValueDelimiters defaults to "=:"); Python: configparser.ConfigParser() (delimiters
    // ('=', ':')). The first of either separates, so a value may hold the other.
    const home = tempHome({ ".huaweicloud/credentials": "[basic]\nak: HWCOLON\nsk : colon-secret=x:y\nproject_id:p456\n" });
    const c = await huaweiCredentialChain({ env: { BUCKETRY_METADATA_DISABLED: "true" }, homedir: home }).resolve();
    expect(c).toMatchObject({ accessKeyId: "HWCOLON", accessKeySecret: "colon-secret=x:y", projectId: "p456", source: "profile-file [basic]" });
  });

  it("metadata: token with TTL, then /openstack/latest/securitykey with X-Metadata-Token; expiry parsed", async () => {
    const meta = await fakeServer((req: Seen) => {
      if (req.method === "PUT" && req.path === "/meta-data/latest/api/token") return { body: "hw-md-token" };
      if (req.path === "/openstack/latest/securitykey") {
        if (req.headers["x-metadata-token"] !== "hw-md-token") return { status: 401, body: "token required" };
        return json({ credential: { access: "HWTEMP", secret: "temp-secret", securitytoken: "temp-token", expires_at: "2031-02-03T04:05:06.000000Z" } });
      }
      return { status: 404 };
    });
    const c = await fromHuaweiEcsMetadata({ env: {}, metadataEndpoint: meta.url, metadataTimeoutMs: 60_000 /* the fake answers at once: never the decider */ }).resolve();
    expect(c).toMatchObject({ accessKeyId: "HWTEMP", securityToken: "temp-token", expiration: Date.UTC(2031, 1, 3, 4, 5, 6), source: "ecs-metadata" });
    expect(meta.requests[0]!.headers["x-metadata-token-ttl-seconds"]).toBe("21600");
  });

  it("HUAWEICLOUD_SDK_CREDENTIALS_FILE naming a file that is not there: the source failed (configured), as with Alibaba's variable", async () => {
    const err = await huaweiCredentialChain({ env: { HUAWEICLOUD_SDK_CREDENTIALS_FILE: "/nonexistent/hw-creds.ini", BUCKETRY_METADATA_DISABLED: "true" }, homedir: tempHome() })
      .resolve()
      .then(() => undefined, (e: CredentialChainError) => e);
    expect(err?.attempts.find((a) => a.source === "profile-file")).toMatchObject({
      configured: true,
      reason: expect.stringContaining("HUAWEICLOUD_SDK_CREDENTIALS_FILE names /nonexistent/hw-creds.ini, which cannot be read"),
    });
  });

  it("a metadata endpoint on a port fetch will not dial (9, a Fetch-standard bad port) says so, not 'not an ECS instance?'", async () => {
    const err = await fromHuaweiEcsMetadata({ env: {}, metadataEndpoint: "http://127.0.0.1:9", metadataTimeoutMs: 60_000 }).resolve().then(() => undefined, (e: CredentialSourceError) => e);
    expect(err?.configured).toBe(false);
    expect(err?.message).toContain("fetch refuses this port, one the Fetch standard blocks (bad port)");
    expect(err?.message).not.toContain("not an ECS instance");
  });

  it("metadata that answered once and then stops: a Network failure that may pass, not 'not an ECS instance'", async () => {
    // Once it has answered, every connection is reset. (Not a closed server: the port it freed could be taken by a
    // parallel test's server before the second resolve.)
    let answering = true;
    const meta = await fakeServer((req: Seen) =>
      !answering ? { reset: true } : req.path === "/openstack/latest/securitykey" ? json({ credential: { access: "HWTEMP", secret: "temp-secret", securitytoken: "temp-token", expires_at: "2031-02-03T04:05:06.000000Z" } }) : { status: 404 },
    );
    const source = fromHuaweiEcsMetadata({ env: {}, metadataEndpoint: meta.url, metadataTimeoutMs: 60_000 /* the fake answers at once: never the decider */ });
    expect(await source.resolve()).toMatchObject({ accessKeyId: "HWTEMP" });
    answering = false;
    const err = await source.resolve().then(() => undefined, (e: CredentialSourceError) => e);
    expect(err).toMatchObject({ name: "CredentialSourceError", configured: true, transient: "Network" });
    expect(err?.message).not.toContain("not an ECS instance");
  });

  it("federated login (idp_id + id_token_file), which the SDKs use before any AK/SK: the chain stops there, the metadata is not asked", async () => {
    const meta = await fakeServer((req: Seen) =>
      req.path === "/openstack/latest/securitykey" ? json({ credential: { access: "HWNODE", secret: "node-secret", securitytoken: "node-token", expires_at: "2031-02-03T04:05:06.000000Z" } }) : { status: 404 },
    );
    const home = tempHome({ "id-token": "jwt", ".huaweicloud/credentials": "[basic]\nidp_id = my-idp\nid_token_file = /var/run/token\n" });
    const chain = (env: Record<string, string>, homedir = tempHome()) =>
      huaweiCredentialChain({ env, homedir, metadataEndpoint: meta.url, metadataTimeoutMs: 60_000 /* the fake answers at once */ }).resolve().then(() => undefined, (e: CredentialChainError) => e);
    // In the environment (Go's fillCommonAttrs: IdpId and IdTokenFile win over AK/SK), then in the profile file.
    const fromEnv = await chain({ HUAWEICLOUD_SDK_IDP_ID: "my-idp", HUAWEICLOUD_SDK_ID_TOKEN_FILE: `${home}/id-token` });
    expect(fromEnv?.attempts.map((a) => a.source)).toEqual(["environment"]);
    expect(fromEnv?.message).toContain("HUAWEICLOUD_SDK_IDP_ID and HUAWEICLOUD_SDK_ID_TOKEN_FILE are set: federated (OIDC) login is not supported by bucketry, and Huawei's SDKs would use it, so the chain stops here");
    const fromFile = await chain({}, home);
    expect(fromFile?.attempts.map((a) => a.source)).toEqual(["environment", "profile-file"]);
    expect(fromFile?.attempts[1]).toMatchObject({ configured: true, reason: expect.stringContaining("uses idp_id/id_token_file: federated (OIDC) login is not supported by bucketry") });
    expect(meta.requests).toHaveLength(0);
  });

  // Federated settings next to full AK/SK, as the Go SDK (core/auth/provider: DefaultCredentialProviderChain tries
  // env, then profile, then metadata, the first to build wins; fillCommonAttrs takes IdpId + IdTokenFile before
  // AK/SK within one source) and the Python SDK (EnvCredentialProvider / ProfileCredentialProvider: `if idp_id and
  // id_token_file` before `elif ak and sk`) order them. "federated" = the SDKs would log in with it (ours stops).
  it.each([
    ["env AK/SK + env IDP_ID/ID_TOKEN_FILE", { HUAWEICLOUD_SDK_AK: "HWENV", HUAWEICLOUD_SDK_SK: "e", HUAWEICLOUD_SDK_IDP_ID: "idp", HUAWEICLOUD_SDK_ID_TOKEN_FILE: "/run/t" }, "", "federated:environment"],
    ["env AK/SK + profile idp_id/id_token_file", { HUAWEICLOUD_SDK_AK: "HWENV", HUAWEICLOUD_SDK_SK: "e" }, "[basic]\nidp_id = idp\nid_token_file = /run/t\n", "keys:HWENV"],
    ["env AK/SK + env IDP_ID only (no token file)", { HUAWEICLOUD_SDK_AK: "HWENV", HUAWEICLOUD_SDK_SK: "e", HUAWEICLOUD_SDK_IDP_ID: "idp" }, "[basic]\nidp_id = idp\nid_token_file = /run/t\n", "keys:HWENV"],
    ["env AK without SK + profile ak/sk and idp_id/id_token_file", { HUAWEICLOUD_SDK_AK: "HWENV" }, "[basic]\nak = HWFILE\nsk = f\nidp_id = idp\nid_token_file = /run/t\n", "federated:profile-file"],
    ["profile ak/sk, no federated settings anywhere", {}, "[basic]\nak = HWFILE\nsk = f\n", "keys:HWFILE"],
  ])("%s: the SDKs' order", async (_title, env, profile, expected) => {
    const home = tempHome(profile ? { ".huaweicloud/credentials": profile } : {});
    const outcome = await huaweiCredentialChain({ env: { ...env, BUCKETRY_METADATA_DISABLED: "true" }, homedir: home })
      .resolve()
      .then(
        (c) => `keys:${c.accessKeyId}`,
        (e: CredentialChainError) => (e.attempts.at(-1)?.reason.includes("federated (OIDC) login is not supported") ? `federated:${e.attempts.at(-1)!.source}` : `error:${e.message}`),
      );
    expect(outcome).toBe(expected);
  });

  it("nothing found: every source listed; BUCKETRY_METADATA_DISABLED sends nothing", async () => {
    const err = await huaweiCredentialChain({ env: { BUCKETRY_METADATA_DISABLED: "true" }, homedir: tempHome() }).resolve().then(() => undefined, (e: CredentialChainError) => e);
    expect(err?.attempts.map((a) => a.source)).toEqual(["environment", "profile-file", "ecs-metadata"]);
    expect(err?.message).toContain("HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not set");
    expect(err?.message).toContain("switched off by BUCKETRY_METADATA_DISABLED=true");
  });

  it("a runtime's permission refusal (Deno's NotCapable) is shown with the flag to grant; any other foreign error by its name only", async () => {
    // As Deno throws them without --allow-sys=homedir or --allow-read (the audit's observed messages).
    const refusal = (message: string) => Object.assign(new Error(message), { name: "NotCapable" });
    const io = (over: Partial<CredentialIo>): CredentialIo => ({ available: true, readText: async () => "", fingerprint: async () => ({ id: "", modifiedMs: 0 }), homedir: () => "/home/u", join: (...p) => p.join("/"), ...over });
    const failure = (chainIo: CredentialIo) =>
      huaweiCredentialChain({ env: { BUCKETRY_METADATA_DISABLED: "true" }, io: chainIo }).resolve().then(() => undefined, (e: CredentialChainError) => e);
    const noHome = 'Requires sys access to "homedir", run again with the --allow-sys flag';
    const homeRefused = await failure(io({ homedir: () => { throw refusal(noHome); } }));
    expect(homeRefused?.message).toContain(`profile-file: failed (NotCapable: ${noHome})`);
    const noRead = 'Requires read access to "/home/u/.huaweicloud/credentials", run again with the --allow-read flag';
    const readRefused = await failure(io({ readText: async () => { throw refusal(noRead); } }));
    expect(readRefused?.message).toContain(`cannot read credentials file /home/u/.huaweicloud/credentials: ${noRead}`);
    // Not a permission refusal: the message (which could quote anything) stays out.
    const other = await failure(io({ homedir: () => { throw new RangeError("token=SECRET in a message"); } }));
    expect(other?.message).toContain("profile-file: failed (RangeError)");
    expect(other?.message).not.toContain("SECRET");
  });
});

describe("a runtime's refusal of the metadata host (Deno without --allow-net for it)", () => {
  it("says which permission to grant, not 'network error (not an ECS instance?)'; the chain goes on as for any unreachable host", async () => {
    const denied = 'Requires net access to "169.254.169.254:80", run again with the --allow-net flag';
    // Deno's fetch throws this (name NotCapable) for a host the program may not reach.
    const refusingFetch = async (): Promise<Response> => {
      throw Object.assign(new Error(denied), { name: "NotCapable" });
    };
    const err = await huaweiCredentialChain({ env: {}, homedir: tempHome(), fetch: refusingFetch }).resolve().then(() => undefined, (e: CredentialChainError) => e);
    expect(err?.attempts.map((a) => a.source)).toEqual(["environment", "profile-file", "ecs-metadata"]);
    expect(err?.attempts.at(-1)?.reason).toBe(`PUT http://169.254.169.254/meta-data/latest/api/token: ${denied}`);
    expect(err?.message).not.toContain("not an ECS instance");
  });
});

describe("facade: MPC without projectId", () => {
  it("looks the project id up from IAM once (HUAWEICLOUD_SDK_IAM_ENDPOINT), then lists with it in the path and X-Project-Id", async () => {
    const PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    const server = await fakeServer((req: Seen) => {
      if (req.path === "/v3/projects") return json({ projects: [{ id: PROJECT, name: req.query.get("name") }] });
      if (req.path === `/v1/${PROJECT}/buckets`) return json({ buckets: [{ bucket: "b1", creation_date: 20221026152511 }] });
      return json({ error_code: "X", error_msg: req.path }, 404);
    });
    const env = { HUAWEICLOUD_SDK_AK: "HWAK-mpc", HUAWEICLOUD_SDK_SK: "mpc-secret", HUAWEICLOUD_SDK_IAM_ENDPOINT: server.url, HOME: tempHome(), BUCKETRY_METADATA_DISABLED: "true" };
    await withProcessEnv(env, async () => {
      // Env keys are complete, so the facade uses them as they are, with the env's IAM endpoint (as Huawei's SDK does).
      const client = createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-7", endpoint: server.url });
      expect((await client.listBucketsPage()).buckets.map((b) => b.name)).toEqual(["b1"]);
      await client.listBucketsPage();
    });
    expect(server.requests.map((r) => r.path)).toEqual(["/v3/projects", `/v1/${PROJECT}/buckets`, `/v1/${PROJECT}/buckets`]);
    expect(server.requests[0]!.query.get("name")).toBe("cn-north-7");
    expect(server.requests[1]!.headers["x-project-id"]).toBe(PROJECT);
    expect(String(server.requests[1]!.headers.authorization)).toMatch(/SignedHeaders=[^,]*x-project-id/);
  });

  it("HUAWEICLOUD_SDK_IAM_ENDPOINT is the lookup's IAM for keys from the profile file or the caller too (the Go SDK's GetIamEndpointById)", async () => {
    const PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    const server = await fakeServer((req: Seen) => {
      if (req.path === "/v3/projects") return json({ projects: [{ id: PROJECT, name: req.query.get("name") }] });
      if (req.path === `/v1/${PROJECT}/buckets`) return json({ buckets: [{ bucket: "b1", creation_date: 20221026152511 }] });
      return json({ error_code: "X", error_msg: req.path }, 404);
    });
    // Keys from ~/.huaweicloud/credentials (no iam_endpoint there), the IAM endpoint from the environment.
    const home = tempHome({ ".huaweicloud/credentials": "[basic]\nak = HWPROFILE\nsk = profile-secret\n" });
    const env = { HOME: home, HUAWEICLOUD_SDK_IAM_ENDPOINT: server.url, BUCKETRY_METADATA_DISABLED: "true" };
    const names = await withProcessEnv(env, async () => {
      const fromProfile = createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", endpoint: server.url });
      const given = createBucketClient({ provider: "huaweicloud-mpc", region: "cn-east-3", endpoint: server.url, credentials: { accessKeyId: "HWGIVEN", accessKeySecret: "given-secret" } });
      return [(await fromProfile.listBucketsPage()).buckets.map((b) => b.name), (await given.listBucketsPage()).buckets.map((b) => b.name)];
    });
    expect(names).toEqual([["b1"], ["b1"]]);
    const lookups = server.requests.filter((r) => r.path === "/v3/projects");
    expect(lookups.map((r) => [r.query.get("name"), String(r.headers.authorization).match(/Access=(\w+)/)?.[1]])).toEqual([["cn-north-4", "HWPROFILE"], ["cn-east-3", "HWGIVEN"]]);
  });

  it("Huawei Cloud Europe (eu-west-101, *.myhuaweicloud.eu): the project id comes from that cloud's own IAM, as the SDKs' IamRegion table has it", async () => {
    // huaweicloud-sdk-nodejs-v3 services/iam/v3/IamRegion.ts: EU_WEST_101 = iam.eu-west-101.myhuaweicloud.eu. The
    // global IAM (iam.myhuaweicloud.com) does not hold that cloud's accounts, and a .eu endpoint is Huawei's.
    expect(huaweiIamEndpoint("eu-west-101")).toBe("https://iam.eu-west-101.myhuaweicloud.eu");
    const PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    const sent: string[] = [];
    // Answered here: nothing leaves the process.
    const fetch = async (request: Request) => {
      sent.push(request.url);
      const url = new URL(request.url);
      return url.pathname === "/v3/projects" ? Response.json({ projects: [{ id: PROJECT, name: url.searchParams.get("name") }] }) : Response.json({ buckets: [{ bucket: "b1", creation_date: "20221026152511" }] });
    };
    const names = await withProcessEnv({ HOME: tempHome(), BUCKETRY_METADATA_DISABLED: "true" }, async () => {
      const client = createBucketClient({ provider: "huaweicloud-mpc", endpoint: "https://mpc.eu-west-101.myhuaweicloud.eu", credentials: { accessKeyId: "HWAK-eu", accessKeySecret: "eu-secret" }, fetch, retry: false });
      return (await client.listBucketsPage()).buckets.map((b) => b.name);
    });
    expect(names).toEqual(["b1"]);
    expect(sent).toEqual(["https://iam.eu-west-101.myhuaweicloud.eu/v3/projects?name=eu-west-101", `https://mpc.eu-west-101.myhuaweicloud.eu/v1/${PROJECT}/buckets`]);
  });

  it("with an endpoint that is not Huawei's and no IAM endpoint, the project id is required: no signed lookup goes to public IAM", async () => {
    const server = await fakeServer(() => json({ buckets: [] }));
    const client = createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", endpoint: server.url, credentials: { accessKeyId: "HWAK-local", accessKeySecret: "local-secret" } });
    const err = await client.listBucketsPage().then(
      () => undefined,
      (e: unknown) => e as BucketryError,
    );
    expect(err).toMatchObject({ kind: "Configuration" });
    expect(err?.message).toContain("`projectId` is required with the endpoint 127.0.0.1, which is not Huawei Cloud's");
    expect(server.requests).toHaveLength(0);
  });

  it("an IAM endpoint without a scheme (as Huawei's endpoint tables print it): Configuration naming the variable, nothing sent", async () => {
    const server = await fakeServer(() => json({ buckets: [] }));
    const env = { HUAWEICLOUD_SDK_AK: "HWAK-mpc", HUAWEICLOUD_SDK_SK: "mpc-secret", HUAWEICLOUD_SDK_IAM_ENDPOINT: "iam.cn-north-4.myhuaweicloud.com", HOME: tempHome(), BUCKETRY_METADATA_DISABLED: "true" };
    const err = await withProcessEnv(env, () =>
      createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", endpoint: server.url })
        .listBucketsPage()
        .then(() => undefined, (e: unknown) => e as BucketryError),
    );
    expect(err).toMatchObject({ kind: "Configuration", retryable: false });
    expect(err?.message).toBe(
      'huaweicloud-mpc: IAM project lookup: the IAM endpoint "iam.cn-north-4.myhuaweicloud.com" (HUAWEICLOUD_SDK_IAM_ENDPOINT, a credentials file\'s iam_endpoint or the iamEndpoint option) is not an http(s) URL: write it with its scheme, e.g. https://iam.cn-north-4.myhuaweicloud.com',
    );
    expect(server.requests).toHaveLength(0);
    // An endpoint with a password in it is quoted without it.
    const withPassword = await withProcessEnv({ ...env, HUAWEICLOUD_SDK_IAM_ENDPOINT: "ftp://iam:hunter2-pw@iam.example" }, () =>
      createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", endpoint: server.url })
        .listBucketsPage()
        .then(() => undefined, (e: unknown) => e as BucketryError),
    );
    expect(withPassword?.message).toContain('the IAM endpoint "ftp://[redacted]@iam.example"');
    expect(withPassword?.message).not.toContain("hunter2");
    // One that parses (a "/" in the password: host "iam", port 8443): refused all the same, nothing sent.
    const parsing = await withProcessEnv({ ...env, HUAWEICLOUD_SDK_IAM_ENDPOINT: "https://iam:8443/hunter2@iam.example" }, () =>
      createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", endpoint: server.url })
        .listBucketsPage()
        .then(() => undefined, (e: unknown) => e as BucketryError),
    );
    expect(parsing?.message).toContain('the IAM endpoint "https://[redacted]@iam.example" (HUAWEICLOUD_SDK_IAM_ENDPOINT, a credentials file\'s iam_endpoint or the iamEndpoint option) must not hold user info');
    expect(server.requests).toHaveLength(0);
  });

  it("an IAM that is down: the retry waits until the lookup may be asked again (the error's retryAfterMs), then lists", async () => {
    let iamAnswers = 0;
    const server = await fakeServer((req: Seen) => {
      if (req.path === "/v3/projects") {
        iamAnswers++;
        return iamAnswers === 1 ? json({ error_code: "APIGW.0202", error_msg: "gateway busy" }, 503) : json({ projects: [{ id: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", name: "cn-north-9" }], links: {} });
      }
      return json({ buckets: [{ bucket: "b1", creation_date: 20221026152511 }] });
    });
    let now = Date.UTC(2031, 0, 1);
    const waits: (number | undefined)[] = [];
    const client = createBucketClient({
      provider: "huaweicloud-mpc",
      region: "cn-north-9",
      endpoint: server.url,
      credentials: async () => ({ accessKeyId: "HWAK-iam-503", accessKeySecret: "mpc-secret-503", iamEndpoint: server.url }) as never,
      clock: () => now,
      // No sleep: each retry moves the injected clock, and fires the backoff's (fake) timer, by what the error asks
      // for. The wait is not cut short (a retry before it would meet the cached failure again).
      retry: {
        maxAttempts: 3,
        onRetry: ({ error }) => {
          waits.push(error.retryAfterMs);
          now += error.retryAfterMs ?? 0;
          queueMicrotask(() => vi.advanceTimersByTime(error.retryAfterMs ?? 0)); // once the backoff's timer is set
        },
      },
    });
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      expect((await client.listBucketsPage()).buckets.map((b) => b.name)).toEqual(["b1"]);
    } finally {
      vi.useRealTimers();
    }
    expect(waits).toEqual([1_000]);
    expect(iamAnswers).toBe(2);
  });

  it("reports a failed IAM lookup as InvalidCredentials naming the source, and lists nothing", async () => {
    const server = await fakeServer((req: Seen) => json({ error_code: "IAM.0001", error_msg: req.path }, 403));
    const client = createBucketClient({
      provider: "huaweicloud-mpc",
      region: "cn-north-9",
      endpoint: server.url,
      credentials: async () => ({ accessKeyId: "HWAK-iam-403", accessKeySecret: "mpc-secret-403", iamEndpoint: server.url }) as never,
    });
    const err = await client.listBucketsPage().then(
      () => undefined,
      (e: unknown) => e as BucketryError,
    );
    expect(err?.name).toBe("BucketryError");
    expect(err?.kind).toBe("InvalidCredentials");
    expect(err?.message).toBe(
      "huaweicloud-mpc: IAM project lookup: IAM answered HTTP 403 IAM.0001 (/v3/projects) for the projects of region cn-north-9; pass projectId or set HUAWEICLOUD_SDK_PROJECT_ID",
    );
    expect(err?.message).not.toContain("mpc-secret-403");
    expect(server.requests.map((r) => r.path)).toEqual(["/v3/projects"]);
  });
});

describe("facade: MPC keys from the chain refused as expired", () => {
  // Huawei's gateway says "the token must be updated" as APIGW.0307, and gateways with the newer prefix as APIG.0307:
  // either refreshes the chain's temporary keys once and retries the call once with them.
  it.each(["APIGW.0307", "APIG.0307"])("%s: the keys are read again and the call is retried once with the new ones", async (code) => {
    const PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    const home = tempHome({ ".huaweicloud/credentials": `[basic]\nak = HWOLDKEY\nsk = old-secret\nsecurity_token = old-token\nproject_id = ${PROJECT}\n` });
    const server = await fakeServer((req: Seen) => {
      if (/Access=HWOLDKEY,/.test(String(req.headers.authorization))) {
        // The keys were rotated meanwhile: the profile now holds the new ones.
        writeFileSync(join(home, ".huaweicloud/credentials"), `[basic]\nak = HWNEWKEY\nsk = new-secret\nsecurity_token = new-token\nproject_id = ${PROJECT}\n`);
        return json({ error_code: code, error_msg: "The token must be updated.", request_id: "r-expired" }, 401);
      }
      return json({ buckets: [{ bucket: "b1", creation_date: 20221026152511 }] });
    });
    const names = await withProcessEnv({ HOME: home, BUCKETRY_METADATA_DISABLED: "true" }, async () => {
      const client = createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", endpoint: server.url, retry: false });
      return (await client.listBucketsPage()).buckets.map((b) => b.name);
    });
    expect(names).toEqual(["b1"]);
    expect(server.requests.map((r) => String(r.headers.authorization).match(/Access=(\w+)/)?.[1])).toEqual(["HWOLDKEY", "HWNEWKEY"]);
  });
});

describe("huawei metadata endpoint setting", () => {
  it("with user info or without a scheme: the source fails naming the option (not \"not an ECS instance?\"); nothing sent", async () => {
    let sent = 0;
    const fetch = async () => {
      sent++;
      return new Response("{}");
    };
    const withPassword = await fromHuaweiEcsMetadata({ env: {}, metadataEndpoint: "http://u:PW-hunter2@127.0.0.1:9", fetch }).resolve().then(() => undefined, (e: CredentialSourceError) => e);
    expect(withPassword).toMatchObject({ configured: true, transient: undefined, message: "the metadataEndpoint option must not hold user info (user:password@), which fetch refuses to send: set it to the address alone (e.g. http://169.254.169.254)" });
    const bare = await fromHuaweiEcsMetadata({ env: {}, metadataEndpoint: "169.254.169.254", fetch }).resolve().then(() => undefined, (e: CredentialSourceError) => e);
    expect(bare).toMatchObject({ configured: true, message: "the metadataEndpoint option is not an http:// or https:// URL: write it with its scheme (e.g. http://169.254.169.254)" });
    expect(sent).toBe(0);
  });
});

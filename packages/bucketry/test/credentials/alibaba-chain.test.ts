// Alibaba's default chain against the official library: the same environment, files and (fake, loopback)
// STS / metadata / credentials-URI answers resolve to the same credentials or the same failure in
// @alicloud/credentials' DefaultCredentialsProvider and in alibabaCredentialChain. Plus what the official
// library cannot show: the requests on the wire (STS signature checked with @alicloud/openapi-core),
// the hardened metadata mode, the STS endpoint rules and errors that hold no secret.
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { alibabaCredentialChain, type AlibabaChainOptions } from "../../src/credentials/alibaba-chain.js";
import { fromAliyunCliProfile } from "../../src/credentials/alibaba/cli-profile.js";
import { fromCredentialsUri } from "../../src/credentials/alibaba/credentials-uri.js";
import { fromEcsRamRole } from "../../src/credentials/alibaba/ecs-ram-role.js";
import { fromRamRoleArn } from "../../src/credentials/alibaba/ram-role-arn.js";
import { alibabaStsEndpoint } from "../../src/credentials/alibaba/sts.js";
import { send } from "../../src/credentials/request.js";
import { CredentialChainError, type CredentialSourceError } from "../../src/credentials/types.js";
import { createBucketClient, type BucketryError } from "../../src/index.js";
import { REFUSED_URL, type Seen } from "../support/test-server.js";
import { alicloud, fakeServer, json, routeOfficialAlibaba, tempHome, withProcessEnv } from "./fakes.js";

const require = createRequire(import.meta.url);
const openapiUtils = (require("@alicloud/openapi-core/dist/utils.js") as { default: { getRPCSignature(p: Record<string, string>, m: string, s: string): string } }).default;

const SOURCE_SECRET = "source-secret-Kx9";
/**
 * The metadata timeout for sources pointed at the fake, which answers every request at once: far past anything a
 * loaded machine takes, so that an answer is never turned into "no answer" by a busy event loop (the default,
 * 2 s, is the vendors'). Only the test of a metadata address with nothing listening keeps a short one.
 */
const PATIENT = 60_000;
const EXPIRES = "2031-05-06T07:08:09Z";

/** Fake Alibaba endpoints: STS (signature verified with the official utility), metadata, credentials URI. */
async function fakeAlibaba(opts: { hardened?: boolean; metadataTokenStatus?: number } = {}) {
  let issued = 0;
  const server = await fakeServer((req: Seen) => {
    if (req.method === "POST" && req.path === "/") {
      const action = req.query.get("Action");
      const form = new URLSearchParams(req.body);
      if (action === "AssumeRole") {
        const params: Record<string, string> = {};
        for (const [k, v] of req.query) if (k !== "Signature") params[k] = v;
        for (const [k, v] of form) params[k] = v;
        const expected = openapiUtils.getRPCSignature(params, "POST", SOURCE_SECRET);
        if (req.query.get("Signature") !== expected) return json({ Code: "SignatureDoesNotMatch", Message: `Specified signature is not matched with our calculation. server string to sign is:${req.body}`, RequestId: "R-sig" }, 400);
        issued++;
        return json({ RequestId: "R1", Credentials: { AccessKeyId: `STS.role.${form.get("RoleArn")}`, AccessKeySecret: "role-secret", SecurityToken: "role-token", Expiration: EXPIRES } });
      }
      if (action === "AssumeRoleWithOIDC") {
        issued++;
        if (form.get("OIDCToken")?.trim() !== "oidc-jwt-token") return json({ Code: "InvalidParameter.OIDCToken", RequestId: "R-oidc" }, 400);
        return json({ RequestId: "R2", Credentials: { AccessKeyId: `STS.oidc.${form.get("RoleSessionName") ? "named" : "anon"}`, AccessKeySecret: "oidc-secret", SecurityToken: "oidc-token", Expiration: EXPIRES } });
      }
    }
    if (req.method === "PUT" && req.path === "/latest/api/token") {
      if (opts.metadataTokenStatus) return { status: opts.metadataTokenStatus };
      return { body: "metadata-token-1" };
    }
    if (req.method === "GET" && req.path.startsWith("/latest/meta-data/ram/security-credentials/")) {
      if (opts.hardened && req.headers["x-aliyun-ecs-metadata-token"] !== "metadata-token-1") return { status: 401 };
      const role = req.path.slice("/latest/meta-data/ram/security-credentials/".length);
      if (role === "") return { body: "EcsRole\n" };
      return json({ Code: "Success", AccessKeyId: `STS.ecs.${role}`, AccessKeySecret: "ecs-secret", SecurityToken: "ecs-token", Expiration: EXPIRES, LastUpdated: "2031-05-06T01:08:09Z" });
    }
    if (req.method === "GET" && req.path === "/creds") {
      return json({ Code: "Success", AccessKeyId: "STS.uri", AccessKeySecret: "uri-secret", SecurityToken: "uri-token", Expiration: EXPIRES });
    }
    return { status: 404, body: "unknown" };
  });
  return { server, issued: () => issued };
}

interface Outcome {
  ok: boolean;
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
}

/** What the official default chain resolves for `env` (its requests routed to the fake). */
async function official(env: Record<string, string>, origin: string): Promise<Outcome> {
  routeOfficialAlibaba(origin);
  const Default = alicloud<{ builder(): { build(): { getCredentials(): Promise<{ accessKeyId: string; accessKeySecret: string; securityToken?: string }> } } }>("providers/default");
  return withProcessEnv(env, async () => {
    try {
      const c = await Default.builder().build().getCredentials();
      return { ok: true, accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, ...(c.securityToken ? { securityToken: c.securityToken } : {}) };
    } catch {
      return { ok: false };
    }
  });
}

/** What ours resolves for the same `env` (endpoints pointed at the fake by options, not by rerouting). */
async function ours(env: Record<string, string>, origin: string, extra: AlibabaChainOptions = {}): Promise<Outcome & { source?: string; error?: CredentialChainError }> {
  const chain = alibabaCredentialChain({ env, homedir: env.HOME, stsEndpoint: origin, metadataEndpoint: origin, metadataTimeoutMs: PATIENT, ...extra });
  try {
    const c = await chain.resolve();
    return { ok: true, accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, ...(c.securityToken ? { securityToken: c.securityToken } : {}), source: c.source };
  } catch (err) {
    expect(err).toBeInstanceOf(CredentialChainError);
    return { ok: false, error: err as CredentialChainError };
  }
}

const strip = ({ ok, accessKeyId, accessKeySecret, securityToken }: Outcome): Outcome => ({ ok, ...(ok ? { accessKeyId, accessKeySecret, ...(securityToken ? { securityToken } : {}) } : {}) });

const cliConfig = (current: string, profiles: object[]) => JSON.stringify({ current, profiles });

describe("alibaba chain = @alicloud/credentials DefaultCredentialsProvider (same env and files → same result)", () => {
  const NO_IMDS = { ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true" };

  const cases: [string, (origin: string) => Record<string, string>, string | undefined][] = [
    ["environment keys and token", () => ({ ...NO_IMDS, HOME: tempHome(), ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAIenv", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "env-secret", ALIBABA_CLOUD_SECURITY_TOKEN: "env-token" }), "environment"],
    ["environment wins over a CLI profile", () => ({ ...NO_IMDS, ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAIenv", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "env-secret", HOME: tempHome({ ".aliyun/config.json": cliConfig("default", [{ name: "default", mode: "AK", access_key_id: "LTAIcli", access_key_secret: "cli-secret" }]) }) }), "environment"],
    ["an id without a secret falls through to the CLI profile", () => ({ ...NO_IMDS, ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAIenv", HOME: tempHome({ ".aliyun/config.json": cliConfig("default", [{ name: "default", mode: "AK", access_key_id: "LTAIcli", access_key_secret: "cli-secret" }]) }) }), "cli-profile default (AK)"],
    ["CLI profile from ALIBABA_CLOUD_PROFILE (StsToken)", () => ({ ...NO_IMDS, ALIBABA_CLOUD_PROFILE: "sts", HOME: tempHome({ ".aliyun/config.json": cliConfig("default", [{ name: "default", mode: "AK", access_key_id: "LTAIcli", access_key_secret: "cli-secret" }, { name: "sts", mode: "StsToken", access_key_id: "STS.cli", access_key_secret: "cli-sts-secret", sts_token: "cli-sts-token" }]) }) }), "cli-profile sts (StsToken)"],
    ["CLI profile RamRoleArn assumes the role through STS", () => ({ ...NO_IMDS, HOME: tempHome({ ".aliyun/config.json": cliConfig("role", [{ name: "role", mode: "RamRoleArn", access_key_id: "LTAIsource", access_key_secret: SOURCE_SECRET, ram_role_arn: "acs:ram::123:role/cli", ram_session_name: "s1", expired_seconds: 900 }]) }) }), "cli-profile role (RamRoleArn)"],
    ["CLI profile EcsRamRole reads the metadata service", () => ({ HOME: tempHome({ ".aliyun/config.json": cliConfig("ecs", [{ name: "ecs", mode: "EcsRamRole", ram_role_name: "CliRole" }]) }) }), "cli-profile ecs (EcsRamRole)"],
    ["CLI profile disabled → the credentials file", () => ({ ...NO_IMDS, ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true", HOME: tempHome({ ".aliyun/config.json": cliConfig("default", [{ name: "default", mode: "AK", access_key_id: "LTAIcli", access_key_secret: "cli-secret" }]), ".alibabacloud/credentials": "[default]\ntype = access_key\naccess_key_id = LTAIini\naccess_key_secret = ini-secret\n" }) }), "credentials-file [default] (access_key)"],
    ["credentials file at ALIBABA_CLOUD_CREDENTIALS_FILE, section ALIBABA_CLOUD_PROFILE, ram_role_arn", () => {
      const home = tempHome({ "elsewhere.ini": "; comment\n[default]\ntype = access_key\naccess_key_id = LTAIdefault\naccess_key_secret = x\n[ops]\ntype = ram_role_arn\naccess_key_id = LTAIsource\naccess_key_secret = " + SOURCE_SECRET + "\nrole_arn = acs:ram::123:role/ini\nrole_session_name = ini-session\n" });
      return { ...NO_IMDS, HOME: home, ALIBABA_CLOUD_CREDENTIALS_FILE: `${home}/elsewhere.ini`, ALIBABA_CLOUD_PROFILE: "ops" };
    }, "credentials-file [ops] (ram_role_arn)"],
    ["credentials file: \\# and \\; in a secret are # and ;, a comment after it is cut", () => ({ ...NO_IMDS, HOME: tempHome({ ".alibabacloud/credentials": "[default]\ntype = access_key\naccess_key_id = \"LTAIini\" \naccess_key_secret = se\\#cr\\;et\\\\ ; rotated in May\n" }) }), "credentials-file [default] (access_key)"],
    ["credentials file ecs_ram_role", () => ({ HOME: tempHome({ ".alibabacloud/credentials": "[default]\ntype = ecs_ram_role\nrole_name = IniRole\n" }) }), "credentials-file [default] (ecs_ram_role)"],
    ["ECS RAM role, role name from the metadata service", () => ({ HOME: tempHome() }), "ecs-ram-role"],
    ["ECS RAM role named by ALIBABA_CLOUD_ECS_METADATA", () => ({ HOME: tempHome(), ALIBABA_CLOUD_ECS_METADATA: "NamedRole" }), "ecs-ram-role"],
    ["credentials URI after a disabled metadata source", (origin) => ({ ...NO_IMDS, HOME: tempHome(), ALIBABA_CLOUD_CREDENTIALS_URI: `${origin}/creds` }), "credentials-uri"],
    ["nothing anywhere → both fail", () => ({ ...NO_IMDS, HOME: tempHome() }), undefined],
    // The profile and file variables are read as written (not trimmed), as the official library reads them: a
    // trimmed value would pick credentials it does not pick on the same machine.
    ["ALIBABA_CLOUD_CLI_PROFILE_DISABLED=\"true\\n\" leaves the CLI profile on", () => ({ ...NO_IMDS, ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true\n", HOME: tempHome({ ".aliyun/config.json": cliConfig("default", [{ name: "default", mode: "AK", access_key_id: "LTAIcli", access_key_secret: "cli-secret" }]), ".alibabacloud/credentials": "[default]\ntype = access_key\naccess_key_id = LTAIini\naccess_key_secret = ini-secret\n" }) }), "cli-profile default (AK)"],
    ["ALIBABA_CLOUD_PROFILE=\" sts\" names no CLI profile and no ini section → both fail", () => ({ ...NO_IMDS, ALIBABA_CLOUD_PROFILE: " sts", HOME: tempHome({ ".aliyun/config.json": cliConfig("default", [{ name: "sts", mode: "StsToken", access_key_id: "STS.cli", access_key_secret: "cli-sts-secret", sts_token: "cli-sts-token" }]), ".alibabacloud/credentials": "[sts]\ntype = access_key\naccess_key_id = LTAIini\naccess_key_secret = ini-secret\n" }) }), undefined],
    ["ALIBABA_CLOUD_CREDENTIALS_FILE with a leading space names no file → both fail", () => {
      const home = tempHome({ "elsewhere.ini": "[default]\ntype = access_key\naccess_key_id = LTAIini\naccess_key_secret = ini-secret\n" });
      return { ...NO_IMDS, HOME: home, ALIBABA_CLOUD_CREDENTIALS_FILE: ` ${home}/elsewhere.ini` };
    }, undefined],
    ["a blank ALIBABA_CLOUD_CREDENTIALS_FILE is no file, not the home one → both fail", () => ({ ...NO_IMDS, ALIBABA_CLOUD_CREDENTIALS_FILE: "  ", HOME: tempHome({ ".alibabacloud/credentials": "[default]\ntype = access_key\naccess_key_id = LTAIini\naccess_key_secret = ini-secret\n" }) }), undefined],
    ["a CLI profile of an unknown mode → both fail", () => ({ ...NO_IMDS, HOME: tempHome({ ".aliyun/config.json": cliConfig("x", [{ name: "x", mode: "Nonsense" }]) }) }), undefined],
  ];

  it.each(cases)("%s", async (_title, makeEnv, source) => {
    const { server } = await fakeAlibaba();
    const env = makeEnv(server.url);
    const theirs = await official(env, server.url);
    const mine = await ours(env, server.url);
    expect(strip(mine)).toEqual(strip(theirs));
    expect(mine.ok).toBe(source !== undefined);
    if (source !== undefined) expect(mine.source).toBe(source);
  });

  it("a profile or file variable with stray whitespace: the error shows it (quoted), where the official library moves on", async () => {
    const { server } = await fakeAlibaba();
    const home = tempHome({ "elsewhere.ini": "[default]\ntype = access_key\naccess_key_id = LTAIini\naccess_key_secret = ini-secret\n", ".aliyun/config.json": cliConfig("default", [{ name: "sts", mode: "AK", access_key_id: "LTAIcli", access_key_secret: "cli-secret" }]) });
    const file = await ours({ ...NO_IMDS, HOME: home, ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true", ALIBABA_CLOUD_CREDENTIALS_FILE: ` ${home}/elsewhere.ini` }, server.url);
    expect(file.error!.message).toContain(`ALIBABA_CLOUD_CREDENTIALS_FILE names " ${home}/elsewhere.ini", which cannot be read`);
    const profile = await ours({ ...NO_IMDS, HOME: home, ALIBABA_CLOUD_PROFILE: "sts " }, server.url);
    expect(profile.error!.message).toContain('no profile named "sts "');
    expect(`${file.error!.message} ${profile.error!.message}`).not.toMatch(/secret/);
  });

  it("OIDC role: the same AssumeRoleWithOIDC form, the same credentials", async () => {
    const { server } = await fakeAlibaba();
    const home = tempHome({ "token": "oidc-jwt-token\n" });
    const env = { ...NO_IMDS, HOME: home, ALIBABA_CLOUD_ROLE_ARN: "acs:ram::123:role/oidc", ALIBABA_CLOUD_OIDC_PROVIDER_ARN: "acs:ram::123:oidc-provider/k8s", ALIBABA_CLOUD_OIDC_TOKEN_FILE: `${home}/token`, ALIBABA_CLOUD_ROLE_SESSION_NAME: "pod-1" };
    const theirs = await official(env, server.url);
    const mine = await ours(env, server.url);
    expect(strip(mine)).toEqual(strip(theirs));
    expect(mine.source).toBe("oidc-role");
    const [a, b] = server.requests.filter((r) => r.query.get("Action") === "AssumeRoleWithOIDC");
    const fields = (r: Seen) => Object.fromEntries(new URLSearchParams(r.body));
    // The official library reads the token file as it is (newline included); the STS trims it.
    expect({ ...fields(b!), OIDCToken: "" }).toEqual({ ...fields(a!), OIDCToken: "" });
    expect(fields(b!).OIDCToken).toBe("oidc-jwt-token");
    expect([...b!.query.keys()].sort()).toEqual([...a!.query.keys()].sort());
  });
});

describe("a CLI profile the official library signs in with and bucketry cannot: no other identity", () => {
  it("mode External: the official library runs its process_command; ours stops there instead of taking the ECS role's keys", async () => {
    const { server } = await fakeAlibaba();
    const home = tempHome({ "external.mjs": 'console.log(JSON.stringify({ mode: "AK", access_key_id: "LTAIexternal", access_key_secret: "external-secret" }))\n' });
    const profiles = [{ name: "ext", mode: "External", process_command: `"${process.execPath}" "${home}/external.mjs"` }];
    mkdirSync(join(home, ".aliyun"));
    writeFileSync(join(home, ".aliyun", "config.json"), cliConfig("ext", profiles));
    // The metadata service answers (an ECS instance with a RAM role): moving on would sign as that role.
    const env = { HOME: home };
    const theirs = await official(env, server.url);
    expect(theirs).toMatchObject({ ok: true, accessKeyId: "LTAIexternal" });
    const before = server.requests.length;
    const mine = await ours(env, server.url);
    expect(mine.ok).toBe(false);
    expect(mine.error!.sourceFailed).toBe(true);
    expect(mine.error!.attempts.map((a) => a.source)).toEqual(["environment", "oidc-role", "cli-profile"]);
    expect(mine.error!.message).toContain(`profile "ext" in ${home}/.aliyun/config.json has mode "External", which Alibaba's library uses but bucketry does not support`);
    expect(mine.error!.message).toContain("ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true");
    expect(server.requests.length).toBe(before); // no metadata (nor any other) request
  });

  it.each(["CloudSSO", "OAuth"])("mode %s (also through a ChainableRamRoleArn's source_profile): the chain stops at the profile", async (mode) => {
    const { server } = await fakeAlibaba();
    for (const current of ["sso", "chained"]) {
      const home = tempHome({ ".aliyun/config.json": cliConfig(current, [{ name: "sso", mode }, { name: "chained", mode: "ChainableRamRoleArn", source_profile: "sso", ram_role_arn: "acs:ram::1:role/x" }]) });
      const mine = await ours({ HOME: home }, server.url);
      expect(mine.error?.attempts.at(-1)).toMatchObject({ source: "cli-profile", configured: true, reason: expect.stringContaining(`profile "sso" in ${home}/.aliyun/config.json has mode "${mode}"`) });
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe("an OIDC role whose token file is missing or empty: no other identity (a deliberate difference)", () => {
  // Role ARN, OIDC provider ARN and token file are all set: the deployment means RRSA. The official library
  // reads the file only when asked for credentials, and a failed read moves it on to the next source — on an
  // ACK node that is the node's RAM role, another (usually broader) identity. Ours stops and says what to fix.
  it.each([
    ["missing", {}],
    ["empty", { token: " \n" }],
  ])("%s: the official library signs with the ECS role's keys; ours stops at oidc-role, asks no metadata and names the fix", async (_what, files) => {
    const { server } = await fakeAlibaba();
    const home = tempHome(files);
    const env = { HOME: home, ALIBABA_CLOUD_ROLE_ARN: "acs:ram::123:role/oidc", ALIBABA_CLOUD_OIDC_PROVIDER_ARN: "acs:ram::123:oidc-provider/k8s", ALIBABA_CLOUD_OIDC_TOKEN_FILE: `${home}/token` };
    const theirs = await official(env, server.url);
    expect(theirs).toMatchObject({ ok: true, accessKeyId: "STS.ecs.EcsRole" });
    const before = server.requests.length;
    const mine = await ours(env, server.url);
    expect(mine.ok).toBe(false);
    expect(mine.error!.sourceFailed).toBe(true);
    expect(mine.error!.attempts.map((a) => a.source)).toEqual(["environment", "oidc-role"]);
    expect(mine.error!.message).toContain(`${home}/token`);
    expect(mine.error!.message).toContain("named by ALIBABA_CLOUD_OIDC_TOKEN_FILE");
    expect(mine.error!.message).toContain("unset ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE");
    expect(server.requests.length).toBe(before); // neither STS nor the metadata service was asked
  });

  it("the same through an ini oidc_role_arn section: the chain stops at credentials-file", async () => {
    const { server } = await fakeAlibaba();
    const home = tempHome({ ".alibabacloud/credentials": "[default]\ntype = oidc_role_arn\nrole_arn = acs:ram::123:role/oidc\noidc_provider_arn = acs:ram::123:oidc-provider/k8s\noidc_token_file_path = /nonexistent/bucketry-token\n" });
    const mine = await ours({ HOME: home }, server.url);
    expect(mine.error!.attempts.at(-1)).toMatchObject({ source: "credentials-file", configured: true, reason: expect.stringContaining("/nonexistent/bucketry-token does not exist (named by the profile or ALIBABA_CLOUD_OIDC_TOKEN_FILE") });
    expect(server.requests).toHaveLength(0);
  });
});

describe("alibaba sources on the wire", () => {
  it("AssumeRole carries the official query and form fields and a signature the official utility accepts", async () => {
    const { server, issued } = await fakeAlibaba();
    const source = fromRamRoleArn({ credentials: { accessKeyId: "LTAIsource", accessKeySecret: SOURCE_SECRET }, roleArn: "acs:ram::1:role/r", roleSessionName: "sess", stsEndpoint: server.url, clock: () => Date.UTC(2031, 0, 2, 3, 4, 5) });
    const c = await source.resolve();
    expect(c).toMatchObject({ accessKeyId: "STS.role.acs:ram::1:role/r", securityToken: "role-token", expiration: Date.parse(EXPIRES) });
    expect(issued()).toBe(1);
    const req = server.requests[0]!;
    expect(Object.fromEntries(req.query)).toMatchObject({ Version: "2015-04-01", Action: "AssumeRole", Format: "JSON", SignatureMethod: "HMAC-SHA1", SignatureVersion: "1.0", AccessKeyId: "LTAIsource", Timestamp: "2031-01-02T03:04:05Z" });
    expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({ RoleArn: "acs:ram::1:role/r", RoleSessionName: "sess", DurationSeconds: "3600" });
  });

  it("a refused AssumeRole is an error with the STS code, never the server's string to sign or a secret", async () => {
    const { server } = await fakeAlibaba();
    const source = fromRamRoleArn({ credentials: { accessKeyId: "LTAIsource", accessKeySecret: "wrong-secret", securityToken: "source-token-zzz" }, roleArn: "acs:ram::1:role/r", stsEndpoint: server.url });
    const err = await source.resolve().then(() => undefined, (e: Error) => e);
    expect(err?.message).toContain("SignatureDoesNotMatch");
    expect(err?.message).toContain("R-sig");
    for (const secret of ["wrong-secret", "source-token-zzz", "RoleSessionName"]) expect(err?.message).not.toContain(secret);
  });

  it("an sts_endpoint that is neither a URL nor a host: the source fails naming it, and nothing is sent", async () => {
    const fetch = async () => {
      throw new Error("nothing may be sent");
    };
    const source = fromRamRoleArn({ credentials: { accessKeyId: "LTAIsource", accessKeySecret: SOURCE_SECRET }, roleArn: "acs:ram::1:role/r", stsEndpoint: "sts cn-hangzhou", fetch });
    const err = await source.resolve().then(() => undefined, (e: Error) => e);
    expect(err).toMatchObject({ name: "CredentialSourceError", configured: true });
    expect(err?.message).toBe('the STS endpoint "sts cn-hangzhou" (a profile\'s sts_endpoint, or the stsEndpoint option) is neither a URL nor a host name');
    // From an STS region, the region is named; a password in an endpoint is never quoted.
    const badRegion = await fromRamRoleArn({ credentials: { accessKeyId: "LTAIsource", accessKeySecret: SOURCE_SECRET }, roleArn: "acs:ram::1:role/r", stsRegion: "cn hangzhou", fetch }).resolve().then(() => undefined, (e: Error) => e);
    expect(badRegion?.message).toBe('the STS region "cn hangzhou" (ALIBABA_CLOUD_STS_REGION, or the stsRegion option) is not a region id');
    const withPassword = await fromRamRoleArn({ credentials: { accessKeyId: "LTAIsource", accessKeySecret: SOURCE_SECRET }, roleArn: "acs:ram::1:role/r", stsEndpoint: "https://admin:hunter2-pw@sts example", fetch }).resolve().then(() => undefined, (e: Error) => e);
    expect(withPassword?.message).toContain('"https://[redacted]@sts example"');
    expect(withPassword?.message).not.toContain("hunter2");
    // Without a scheme, and with an @ inside the password.
    const bare = await fromRamRoleArn({ credentials: { accessKeyId: "LTAIsource", accessKeySecret: SOURCE_SECRET }, roleArn: "acs:ram::1:role/r", stsEndpoint: "admin:hun@ter2-pw@sts example", fetch }).resolve().then(() => undefined, (e: Error) => e);
    expect(bare?.message).toContain('"[redacted]@sts example"');
    expect(bare?.message).not.toMatch(/hun|ter2/);
    // A password after a port-like number and a "/" parses as a URL (host "admin"): refused, nothing is sent there.
    const parsing = await fromRamRoleArn({ credentials: { accessKeyId: "LTAIsource", accessKeySecret: SOURCE_SECRET }, roleArn: "acs:ram::1:role/r", stsEndpoint: "https://admin:8443/hunter2@sts.example.com", fetch }).resolve().then(() => undefined, (e: Error) => e);
    expect(parsing?.message).toBe('the STS endpoint "https://[redacted]@sts.example.com" (a profile\'s sts_endpoint, or the stsEndpoint option) must not hold user info (user:password@)');
    // A password holding "/", "?" or "#" (what makes the text unparsable in the first place) is hidden whole too.
    for (const endpoint of ["https://admin:pw/hunter2@sts example", "https://admin:pw?hunter2@sts.example", "admin:pw#hunter2@sts example"]) {
      const odd = await fromRamRoleArn({ credentials: { accessKeyId: "LTAIsource", accessKeySecret: SOURCE_SECRET }, roleArn: "acs:ram::1:role/r", stsEndpoint: endpoint, fetch }).resolve().then(() => undefined, (e: Error) => e);
      expect(odd?.message, endpoint).toMatch(/"(https:\/\/)?\[redacted\]@sts[ .]example"/);
      expect(odd?.message, endpoint).not.toContain("hunter2");
    }
  });

  it("hardened metadata mode: the token is fetched with a TTL and sent on every metadata read", async () => {
    const { server } = await fakeAlibaba({ hardened: true });
    const c = await fromEcsRamRole({ env: {}, metadataEndpoint: server.url, metadataTimeoutMs: PATIENT }).resolve();
    expect(c.accessKeyId).toBe("STS.ecs.EcsRole");
    const put = server.requests.filter((r) => r.method === "PUT");
    expect(put[0]?.headers["x-aliyun-ecs-metadata-token-ttl-seconds"]).toBe("21600");
    for (const get of server.requests.filter((r) => r.method === "GET")) expect(get.headers["x-aliyun-ecs-metadata-token"]).toBe("metadata-token-1");
  });

  it("metadata without token support: plain requests, unless ALIBABA_CLOUD_IMDSV1_DISABLED=true", async () => {
    const { server } = await fakeAlibaba({ metadataTokenStatus: 404 });
    expect((await fromEcsRamRole({ env: {}, metadataEndpoint: server.url, metadataTimeoutMs: PATIENT }).resolve()).accessKeyId).toBe("STS.ecs.EcsRole");
    const strict = fromEcsRamRole({ env: { ALIBABA_CLOUD_IMDSV1_DISABLED: "true" }, metadataEndpoint: server.url, metadataTimeoutMs: PATIENT });
    await expect(strict.resolve()).rejects.toThrow(/hardened mode/);
  });

  it("ALIBABA_CLOUD_IMDSV1_DISABLED=true forces hardened mode even over disableImdsV1: false, as in ECSRAMRoleCredentialsProvider", async () => {
    // A metadata service without token support: only plain (IMDSv1) requests would get the keys.
    const { server } = await fakeAlibaba({ metadataTokenStatus: 404 });
    const env = { ALIBABA_CLOUD_IMDSV1_DISABLED: "true" };
    routeOfficialAlibaba(server.url);
    const Ecs = alicloud<{ builder(): { withRoleName(n: string): { withDisableIMDSv1(d: boolean): { build(): { getCredentials(): Promise<unknown> } } } } }>("providers/ecs_ram_role");
    const officialOutcome = await withProcessEnv(env, () => Ecs.builder().withRoleName("EcsRole").withDisableIMDSv1(false).build().getCredentials()).then(() => "keys", () => "refused");
    expect(officialOutcome).toBe("refused");
    const sent = server.requests.length;
    const err = await fromEcsRamRole({ env, roleName: "EcsRole", disableImdsV1: false, metadataEndpoint: server.url, metadataTimeoutMs: PATIENT }).resolve().then(() => undefined, (e: Error) => e);
    expect(err?.message).toMatch(/hardened mode is required by ALIBABA_CLOUD_IMDSV1_DISABLED/);
    // Only the token request went out: no plain request for the keys.
    expect(server.requests.slice(sent).map((r) => `${r.method} ${r.path}`)).toEqual(["PUT /latest/api/token"]);
    // Without the variable, the option's false keeps the fallback, as in the official library.
    expect(await withProcessEnv({}, () => Ecs.builder().withRoleName("EcsRole").withDisableIMDSv1(false).build().getCredentials()).then(() => "keys", () => "refused")).toBe("keys");
    expect((await fromEcsRamRole({ env: {}, roleName: "EcsRole", disableImdsV1: false, metadataEndpoint: server.url, metadataTimeoutMs: PATIENT }).resolve()).accessKeyId).toBe("STS.ecs.EcsRole");
  });

  it("a runtime's refusal of the metadata host (Deno without --allow-net for it) says which permission to grant, not 'not an ECS instance?'", async () => {
    const denied = 'Requires net access to "100.100.100.200:80", run again with the --allow-net flag';
    // Deno's fetch throws this (name NotCapable) for a host the program may not reach.
    const refusingFetch = async (): Promise<Response> => {
      throw Object.assign(new Error(denied), { name: "NotCapable" });
    };
    const err = await fromEcsRamRole({ env: {}, fetch: refusingFetch }).resolve().then(() => undefined, (e: CredentialSourceError) => e);
    // Nothing was asked: the source counts as not set up (the chain goes on), as for a host that does not answer.
    expect(err).toMatchObject({ configured: false, message: `GET http://100.100.100.200/latest/meta-data/ram/security-credentials/: ${denied}` });
  });

  it("a role name the instance does not have (ALIBABA_CLOUD_ECS_METADATA, a profile's role_name): the error says where the name comes from", async () => {
    // The metadata service knows one role; any other name is a 404, as on an instance without that role.
    const server = await fakeServer((req: Seen) => {
      if (req.method === "PUT") return { body: "metadata-token-1" };
      if (req.path === "/latest/meta-data/ram/security-credentials/EcsRole") return json({ Code: "Success", AccessKeyId: "STS.ecs", AccessKeySecret: "ecs-secret", SecurityToken: "ecs-token", Expiration: EXPIRES });
      return { status: 404, body: "Not Found" };
    });
    const fromEnv = (await ours({ HOME: tempHome(), ALIBABA_CLOUD_ECS_METADATA: "WrongRole" }, server.url)).error!;
    expect(fromEnv.attempts.find((a) => a.source === "ecs-ram-role")).toMatchObject({
      configured: true,
      reason: "the instance has no RAM role named WrongRole (the metadata service answered HTTP 404; the name comes from ALIBABA_CLOUD_ECS_METADATA): attach that role to the instance, or correct the name",
    });
    const fromFile = (await ours({ HOME: tempHome({ ".alibabacloud/credentials": "[default]\ntype = ecs_ram_role\nrole_name = WrongRole\n" }) }, server.url)).error!;
    expect(fromFile.attempts.find((a) => a.source === "credentials-file")?.reason).toContain("the instance has no RAM role named WrongRole (the metadata service answered HTTP 404; the name comes from the profile's role_name / ram_role_name, or the roleName option)");
  });

  it("metadata switches: ALIBABA_CLOUD_ECS_METADATA_DISABLED and BUCKETRY_METADATA_DISABLED send nothing", async () => {
    const { server } = await fakeAlibaba();
    for (const env of [{ ALIBABA_CLOUD_ECS_METADATA_DISABLED: "TRUE" }, { BUCKETRY_METADATA_DISABLED: "true" }]) {
      await expect(fromEcsRamRole({ env, metadataEndpoint: server.url }).resolve()).rejects.toThrow(/switched off/);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("no metadata service answering is 'not configured' (not an ECS instance), within the timeout", async () => {
    const err = await fromEcsRamRole({ env: {}, metadataEndpoint: REFUSED_URL, metadataTimeoutMs: 500 }).resolve().then(() => undefined, (e: { configured?: boolean; message: string }) => e);
    expect(err?.configured).toBe(false);
    expect(err?.message).toMatch(/not an ECS instance/);
  });

  it("an endpoint on a port fetch will not dial (9, a Fetch-standard bad port) says so: not 'not an ECS instance?', and not a failure that may pass", async () => {
    const metadata = await fromEcsRamRole({ env: {}, metadataEndpoint: "http://127.0.0.1:9", metadataTimeoutMs: PATIENT }).resolve().then(() => undefined, (e: CredentialSourceError) => e);
    expect(metadata?.configured).toBe(false); // nothing was asked: the chain moves on, as for a host the runtime refuses
    expect(metadata?.message).toBe("GET http://127.0.0.1:9/latest/meta-data/ram/security-credentials/: fetch refuses this port, one the Fetch standard blocks (bad port): use the endpoint's real port");
    const uri = await fromCredentialsUri({ env: {}, uri: "http://127.0.0.1:9/creds" }).resolve().then(() => undefined, (e: CredentialSourceError) => e);
    expect(uri).toMatchObject({ configured: true, transient: undefined });
    expect(uri?.message).toContain("GET http://127.0.0.1:9/creds: fetch refuses this port, one the Fetch standard blocks (bad port)");
  });

  it("metadata that answered once and then stops answering is a failure that may pass, not 'not an ECS instance'", async () => {
    // Once it has answered, every connection is reset: the refresh meets a network error. (Not a closed server: the
    // port it freed could be taken by a parallel test's server before the refresh.)
    let answering = true;
    const metadata = createServer((req, res) => {
      if (!answering) return req.socket.resetAndDestroy();
      if (req.url === "/latest/api/token") return res.end("t");
      if (req.url?.endsWith("/security-credentials/")) return res.end("EcsRole");
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ Code: "Success", AccessKeyId: "STS.ecs", AccessKeySecret: "ecs-secret", SecurityToken: "ecs-token", Expiration: EXPIRES }));
    });
    await new Promise<void>((ready) => metadata.listen(0, "127.0.0.1", ready));
    try {
      const source = fromEcsRamRole({ env: {}, metadataEndpoint: `http://127.0.0.1:${(metadata.address() as AddressInfo).port}`, metadataTimeoutMs: PATIENT });
      expect(await source.resolve()).toMatchObject({ accessKeyId: "STS.ecs" });
      answering = false;
      metadata.closeAllConnections(); // kept-alive connections too: the refresh opens a new one
      const err = await source.resolve().then(() => undefined, (e: { configured?: boolean; transient?: string; message: string }) => e);
      expect(err).toMatchObject({ configured: true, transient: "Network" });
      expect(err?.message).not.toMatch(/not an ECS instance/);
    } finally {
      metadata.closeAllConnections();
      await new Promise((closed) => metadata.close(closed));
    }
  });

  it("metadata that answered the token or role-name request and then breaks off is a failure that may pass, on the first resolve too", async () => {
    // The requests @alicloud/credentials' ECSRAMRoleCredentialsProvider makes, in its order: the token (PUT), the role
    // name, then the role's keys. Here the keys request's connection is reset, on an instance whose metadata answered.
    const seen: string[] = [];
    const metadata = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      if (req.url === "/latest/api/token") return res.end("metadata-token-1");
      if (req.url === "/latest/meta-data/ram/security-credentials/") return res.end("EcsRole");
      req.socket.resetAndDestroy();
    });
    await new Promise<void>((ready) => metadata.listen(0, "127.0.0.1", ready));
    const base = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}`;
    try {
      for (const env of [{}, { ALIBABA_CLOUD_IMDSV1_DISABLED: "true" }]) {
        seen.length = 0;
        const err = await fromEcsRamRole({ env, metadataEndpoint: base, metadataTimeoutMs: PATIENT }).resolve().then(() => undefined, (e: CredentialSourceError) => e);
        expect(seen.slice(0, 3)).toEqual(["PUT /latest/api/token", "GET /latest/meta-data/ram/security-credentials/", "PUT /latest/api/token"]);
        expect(err, JSON.stringify(env)).toMatchObject({ configured: true, transient: "Network" });
        expect(err?.message).not.toMatch(/not an ECS instance|metadata-token-1/);
      }
      // The chain reports it as such: a failure that may pass (retryable), not "no credentials found" (Configuration).
      const chained = await alibabaCredentialChain({ env: { HOME: tempHome() }, homedir: tempHome(), metadataEndpoint: base, metadataTimeoutMs: PATIENT }).resolve().then(() => undefined, (e: CredentialChainError) => e);
      expect(chained).toMatchObject({ sourceFailed: true, transient: "Network" });
    } finally {
      metadata.closeAllConnections();
      await new Promise((closed) => metadata.close(closed));
    }
  });

  it("a credentials URI that is not an http(s) URL: a failure naming the variable, not a network error to retry; nothing sent, no password quoted", async () => {
    let sent = 0;
    const fetch = async () => {
      sent++;
      return new Response("{}");
    };
    for (const uri of ["localhost:8080/credentials", "127.0.0.1:8080/credentials", "http://admin:hunter2-pw@sidecar example/credentials", "file:///run/credentials"]) {
      const err = await fromCredentialsUri({ env: { ALIBABA_CLOUD_CREDENTIALS_URI: uri }, fetch }).resolve().then(() => undefined, (e: CredentialSourceError) => e);
      expect(err, uri).toMatchObject({ configured: true, transient: undefined });
      expect(err?.message, uri).toMatch(/^ALIBABA_CLOUD_CREDENTIALS_URI is not an http:\/\/ or https:\/\/ URL: set it to /);
      expect(err?.message, uri).not.toContain("hunter2");
    }
    const fromOption = await fromCredentialsUri({ env: {}, uri: "sidecar:8080", fetch }).resolve().then(() => undefined, (e: Error) => e);
    expect(fromOption?.message).toMatch(/^the uri option is not an http:\/\/ or https:\/\/ URL/);
    expect(sent).toBe(0);
  });

  it("a credentials URI with user info: a failure naming the variable, not a network error retried 3 times; nothing sent, no password quoted", async () => {
    const sidecar = await fakeServer(() => json({ AccessKeyId: "STS.never", AccessKeySecret: "never", SecurityToken: "never" }));
    const port = new URL(sidecar.url).port;
    // As the reviewer wrote it; then with "/" in the password (the text parses with the host "u"), and with the user alone.
    for (const uri of [`http://u:PW-hunter2@127.0.0.1:${port}/x`, `http://u:${port}/PW-hunter2@127.0.0.1:${port}/x`, `http://u@127.0.0.1:${port}/x`]) {
      const err = await fromCredentialsUri({ env: { ALIBABA_CLOUD_CREDENTIALS_URI: uri } }).resolve().then(() => undefined, (e: CredentialSourceError) => e);
      expect(err, uri).toMatchObject({ configured: true, transient: undefined });
      expect(err?.message, uri).toBe("ALIBABA_CLOUD_CREDENTIALS_URI must not hold user info (user:password@), which fetch refuses to send: set it to the address alone (e.g. http://127.0.0.1:8080/credentials)");
    }
    const fromOption = await fromCredentialsUri({ env: {}, uri: `http://u:PW-hunter2@127.0.0.1:${port}/x` }).resolve().then(() => undefined, (e: Error) => e);
    expect(fromOption?.message).toMatch(/^the uri option must not hold user info/);
    // An "@" in the query is no user info.
    expect(await fromCredentialsUri({ env: {}, uri: `${sidecar.url}/x?for=ops@example.com` }).resolve()).toMatchObject({ accessKeyId: "STS.never" });
    expect(sidecar.requests).toHaveLength(1);
    // Through the facade: InvalidCredentials after one attempt, retries allowed.
    await withProcessEnv({ HOME: tempHome(), BUCKETRY_METADATA_DISABLED: "true", ALIBABA_CLOUD_CREDENTIALS_URI: `http://u:PW-hunter2@127.0.0.1:${port}/x` }, async () => {
      const err = await createBucketClient({ provider: "aliyun-ens", endpoint: sidecar.url, retry: { baseDelayMs: 1 } })
        .listBucketsPage()
        .then(() => undefined, (e: BucketryError) => e);
      expect(err).toMatchObject({ kind: "InvalidCredentials", retryable: false, attempts: 1 });
      expect(err?.message).toContain("credentials-uri: ALIBABA_CLOUD_CREDENTIALS_URI must not hold user info (user:password@)");
      expect(JSON.stringify(err) + err!.message).not.toContain("hunter2");
    });
    expect(sidecar.requests).toHaveLength(1);
  });

  it("a metadata endpoint with user info or without a scheme: the source fails naming the option (not \"not an ECS instance?\"); nothing sent", async () => {
    let sent = 0;
    const fetch = async () => {
      sent++;
      return new Response("{}");
    };
    const withPassword = await fromEcsRamRole({ env: {}, metadataEndpoint: "http://u:PW-hunter2@127.0.0.1:9", fetch }).resolve().then(() => undefined, (e: CredentialSourceError) => e);
    expect(withPassword).toMatchObject({ configured: true, transient: undefined, message: "the metadataEndpoint option must not hold user info (user:password@), which fetch refuses to send: set it to the address alone (e.g. http://100.100.100.200)" });
    const bare = await fromEcsRamRole({ env: {}, metadataEndpoint: "100.100.100.200", fetch }).resolve().then(() => undefined, (e: CredentialSourceError) => e);
    expect(bare).toMatchObject({ configured: true, message: "the metadataEndpoint option is not an http:// or https:// URL: write it with its scheme (e.g. http://100.100.100.200)" });
    expect(sent).toBe(0);
  });

  it("a request fetch refuses to make (user info, not a URL) fails at once and is not taken for a network error", async () => {
    for (const [url, why] of [
      ["http://u:PW-hunter2@127.0.0.1:9/x", "http://127.0.0.1:9/x: the URL holds user info (user:password@), which fetch refuses to send"],
      ["http://[::1/x", "(invalid URL): not a valid URL"],
    ] as const) {
      const err = await send(undefined, "probe", { method: "GET", url, timeoutMs: 60_000 }).then(() => undefined, (e: CredentialSourceError) => e);
      expect(err, url).toMatchObject({ source: "probe", configured: true, transient: undefined, message: `GET ${why}` });
    }
  });

  it("STS endpoint rules match the official library's (region, VPC, default)", () => {
    const OidcProvider = alicloud<{ builder(): { build(): { stsEndpoint: string } } }>("providers/oidc_role_arn");
    const base = { ALIBABA_CLOUD_ROLE_ARN: "r", ALIBABA_CLOUD_OIDC_PROVIDER_ARN: "p", ALIBABA_CLOUD_OIDC_TOKEN_FILE: "/t" };
    for (const env of [base, { ...base, ALIBABA_CLOUD_STS_REGION: "cn-shanghai" }, { ...base, ALIBABA_CLOUD_STS_REGION: "cn-shanghai", ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED: "true" }, { ...base, ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED: "true" }]) {
      const saved = { ...process.env };
      Object.assign(process.env, env);
      let theirs: string;
      try {
        theirs = OidcProvider.builder().build().stsEndpoint;
      } finally {
        for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k];
      }
      expect(alibabaStsEndpoint({}, env)).toBe(`https://${theirs}`);
    }
  });

  it("a chain that finds nothing lists every source in order with its reason", async () => {
    const err = (await ours({ HOME: tempHome(), ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true" }, "http://127.0.0.1:9")).error!;
    expect(err.attempts.map((a) => a.source)).toEqual(["environment", "oidc-role", "cli-profile", "credentials-file", "ecs-ram-role", "credentials-uri"]);
    expect(err.sourceFailed).toBe(false);
    expect(err.message).toContain("ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set");
    expect(err.message).toContain("ALIBABA_CLOUD_ROLE_ARN");
    expect(err.message).toContain(".aliyun/config.json does not exist");
    expect(err.message).toContain("switched off by ALIBABA_CLOUD_ECS_METADATA_DISABLED=true");
    expect(err.message).toContain("ALIBABA_CLOUD_CREDENTIALS_URI is not set");
  });

  it("a broken config file is named, its content is not quoted", async () => {
    const home = tempHome({ ".aliyun/config.json": '{"profiles": [ {"access_key_secret": "leaked-secret-value"' });
    const err = (await ours({ HOME: home, ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true" }, "http://127.0.0.1:9")).error!;
    expect(err.message).toContain("config.json is not valid JSON");
    expect(err.message).not.toContain("leaked-secret-value");
    expect(err.sourceFailed).toBe(true);
  });

  it.each([
    ["RamRoleArn without ram_role_arn", ".aliyun/config.json", cliConfig("r", [{ name: "r", mode: "RamRoleArn", access_key_id: "LTAIs", access_key_secret: SOURCE_SECRET }]), 'profile "r" (RamRoleArn) in', "has no ram_role_arn (and ALIBABA_CLOUD_ROLE_ARN is not set)"],
    ["ChainableRamRoleArn without ram_role_arn", ".aliyun/config.json", cliConfig("c", [{ name: "c", mode: "ChainableRamRoleArn", source_profile: "a" }, { name: "a", mode: "AK", access_key_id: "LTAIs", access_key_secret: SOURCE_SECRET }]), 'profile "c" (ChainableRamRoleArn) in', "has no ram_role_arn (and ALIBABA_CLOUD_ROLE_ARN is not set)"],
    ["ChainableRamRoleArn profiles that name each other", ".aliyun/config.json", cliConfig("c", [{ name: "c", mode: "ChainableRamRoleArn", source_profile: "d", ram_role_arn: "acs:ram::1:role/x" }, { name: "d", mode: "ChainableRamRoleArn", source_profile: "c", ram_role_arn: "acs:ram::1:role/y" }]), "config.json form a cycle through source_profile", '"c" -> "d" -> "c"'],
    ["ChainableRamRoleArn without source_profile", ".aliyun/config.json", cliConfig("c", [{ name: "c", mode: "ChainableRamRoleArn", ram_role_arn: "acs:ram::1:role/x" }]), 'profile "c" (ChainableRamRoleArn) in', "has no source_profile"],
    ["RamRoleArn with expired_seconds 100", ".aliyun/config.json", cliConfig("r", [{ name: "r", mode: "RamRoleArn", access_key_id: "LTAIs", access_key_secret: SOURCE_SECRET, ram_role_arn: "acs:ram::1:role/x", expired_seconds: 100 }]), 'profile "r" (RamRoleArn) in', "expired_seconds must be at least 900 seconds"],
    ["OIDC without its token file", ".aliyun/config.json", cliConfig("o", [{ name: "o", mode: "OIDC", ram_role_arn: "acs:ram::1:role/x" }]), 'profile "o" (OIDC) in', "has no oidc_token_file (and ALIBABA_CLOUD_OIDC_TOKEN_FILE is not set)"],
    ["an ini ram_role_arn section without role_arn", ".alibabacloud/credentials", "[default]\ntype = ram_role_arn\naccess_key_id = LTAIs\naccess_key_secret = s\n", "[default] in", "(ram_role_arn) has no role_arn (and ALIBABA_CLOUD_ROLE_ARN is not set)"],
    ["an ini oidc_role_arn section without role_arn", ".alibabacloud/credentials", "[default]\ntype = oidc_role_arn\n", "[default] in", "(oidc_role_arn) has no role_arn (and ALIBABA_CLOUD_ROLE_ARN is not set)"],
  ])("a profile's missing or bad role field fails naming the profile, the file and the field (%s)", async (_, file, content, where, what) => {
    const home = tempHome({ [file]: content });
    const err = (await ours({ HOME: home, ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true" }, "http://127.0.0.1:9")).error!;
    expect(err.sourceFailed).toBe(true);
    const failed = err.attempts.find((a) => a.configured)!;
    expect(failed.reason).toContain(where);
    expect(failed.reason).toContain(what);
    expect(err.message).not.toContain(SOURCE_SECRET);
  });

  it("a role field a profile leaves out is taken from its environment variable, as the official library does", async () => {
    const { server, issued } = await fakeAlibaba();
    const home = tempHome({ ".aliyun/config.json": cliConfig("r", [{ name: "r", mode: "RamRoleArn", access_key_id: "LTAIsource", access_key_secret: SOURCE_SECRET }]) });
    const got = await ours({ HOME: home, ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true", ALIBABA_CLOUD_ROLE_ARN: "acs:ram::123:role/from-env" }, server.url);
    expect(got).toMatchObject({ ok: true, accessKeyId: "STS.role.acs:ram::123:role/from-env", source: "cli-profile r (RamRoleArn)" });
    expect(issued()).toBe(1);
  });

  it("a credentials file or profile the environment names but that is not there is a failure, not 'not configured'", async () => {
    const missingFile = (await ours({ HOME: tempHome(), ALIBABA_CLOUD_CREDENTIALS_FILE: "/nonexistent/creds.ini", ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true" }, "http://127.0.0.1:9")).error!;
    expect(missingFile.attempts.find((a) => a.source === "credentials-file")).toMatchObject({ configured: true, reason: expect.stringContaining("ALIBABA_CLOUD_CREDENTIALS_FILE names /nonexistent/creds.ini, which cannot be read") });
    const home = tempHome({ ".alibabacloud/credentials": "[default]\ntype = access_key\naccess_key_id = LTAIini\naccess_key_secret = s\n" });
    const missingProfile = (await ours({ HOME: home, ALIBABA_CLOUD_PROFILE: "prod", ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true" }, "http://127.0.0.1:9")).error!;
    expect(missingProfile.attempts.find((a) => a.source === "credentials-file")).toMatchObject({ configured: true, reason: expect.stringContaining("has no [prod] section") });
    // Without either variable, a missing default file is simply not configured.
    const plain = (await ours({ HOME: tempHome(), ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true" }, "http://127.0.0.1:9")).error!;
    expect(plain.attempts.find((a) => a.source === "credentials-file")).toMatchObject({ configured: false });
  });

  it("a config.json with a byte-order mark is read; a profile entry that is not an object is skipped", async () => {
    const home = tempHome({ ".aliyun/config.json": "\uFEFF" + JSON.stringify({ current: "default", profiles: [null, 7, { name: "default", mode: "AK", access_key_id: "LTAIbom", access_key_secret: "bom-secret" }] }) });
    const got = await ours({ HOME: home, ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true" }, "http://127.0.0.1:9");
    expect(got).toMatchObject({ ok: true, accessKeyId: "LTAIbom", source: "cli-profile default (AK)" });
  });

  it("the CLI profile is read once; a RamRoleArn profile assumes the role again on each refresh", async () => {
    const { server, issued } = await fakeAlibaba();
    const home = tempHome({ ".aliyun/config.json": cliConfig("role", [{ name: "role", mode: "RamRoleArn", access_key_id: "LTAIsource", access_key_secret: SOURCE_SECRET, ram_role_arn: "acs:ram::1:role/x" }]) });
    const source = fromAliyunCliProfile({ env: {}, homedir: home, stsEndpoint: server.url });
    await source.resolve();
    await source.resolve();
    expect(issued()).toBe(2);
  });
});

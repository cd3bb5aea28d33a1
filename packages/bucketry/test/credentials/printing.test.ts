// Every credentials object bucketry creates prints without its secrets: util.inspect, console.log and Deno's
// inspect hook show the key id and "<hidden>" for the secret, security token, bearer token and password. The
// objects stay plain (fields read directly, JSON.stringify round-trips them), and a caller's own objects are
// handed back untouched. One case per source; STS, metadata and credentials URIs are faked on loopback.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { denoPrinted, logged } from "../../../../test/support/printed.js";
import { accessKeyFromEnv, accessKeySource, type AccessKeyFacts } from "../../src/credentials.js";
import { alibabaCredentialChain } from "../../src/credentials/alibaba-chain.js";
import { fromAliyunCliProfile } from "../../src/credentials/alibaba/cli-profile.js";
import { fromAlibabaCredentialsFile } from "../../src/credentials/alibaba/credentials-file.js";
import { fromCredentialsUri } from "../../src/credentials/alibaba/credentials-uri.js";
import { fromEcsRamRole } from "../../src/credentials/alibaba/ecs-ram-role.js";
import { fromAlibabaEnv } from "../../src/credentials/alibaba/environment.js";
import { fromOidcRole } from "../../src/credentials/alibaba/oidc-role.js";
import { fromRamRoleArn } from "../../src/credentials/alibaba/ram-role-arn.js";
import { fromBaiduEnv, fromBaiduSts } from "../../src/credentials/baidu.js";
import { chainedAccessKeys } from "../../src/credentials/chained.js";
import { hitachiCredentials } from "../../src/credentials/hitachi.js";
import { hitachiTokenFile } from "../../src/credentials/hitachi-token-file.js";
import { fromHuaweiEcsMetadata, fromHuaweiEnv, fromHuaweiProfile } from "../../src/credentials/huawei-chain.js";
import { providerModule as hitachiModule } from "../../src/providers/hitachi-vsp-one-object.js";
import { RefreshingCredentials } from "../../src/credentials/refreshing-cache.js";
import { resolveClient } from "../../src/cli/settings.js";
import type { Seen } from "../support/test-server.js";
import { fakeServer, json, tempHome } from "./fakes.js";

const EXPIRES = "2031-05-06T07:08:09Z";
const PATIENT = 60_000; // the fakes answer at once: a timeout is never the decider



/** `value` prints its id and none of `secrets`, keeps its fields readable, and JSON.stringify keeps them all. */
function expectPrintsSafely(value: object, id: string, secrets: readonly string[]): void {
  const printed = { inspect: inspect(value, { depth: 5 }), nested: inspect({ credentials: [value] }, { depth: 5 }), log: logged(value), deno: denoPrinted(value) };
  for (const [how, text] of Object.entries(printed)) {
    expect(text, how).toContain(id);
    expect(text, how).toContain("<hidden>");
    for (const secret of secrets) expect(text, `${how} shows a secret`).not.toContain(secret);
  }
  // A plain object: the fields are there to read, and serializing is deliberate (it round-trips, as the
  // vendors' credentials libraries do).
  const json = JSON.stringify(value);
  for (const secret of secrets) {
    expect(Object.values(value)).toContain(secret);
    expect(json).toContain(secret);
  }
  expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  expect(Object.keys(value).some((k) => k.startsWith("Symbol"))).toBe(false);
}

/** Loopback STS (AssumeRole, AssumeRoleWithOIDC), ECS metadata and a credentials URI. */
const fakeAlibaba = () =>
  fakeServer((req: Seen) => {
    const action = req.query.get("Action");
    if (req.method === "POST" && action === "AssumeRole") return json({ RequestId: "R1", Credentials: { AccessKeyId: "STS.roleId", AccessKeySecret: "role-secret-4", SecurityToken: "role-token-4", Expiration: EXPIRES } });
    if (req.method === "POST" && action === "AssumeRoleWithOIDC") return json({ RequestId: "R2", Credentials: { AccessKeyId: "STS.oidcId", AccessKeySecret: "oidc-secret-5", SecurityToken: "oidc-token-5", Expiration: EXPIRES } });
    if (req.method === "PUT" && req.path === "/latest/api/token") return { body: "metadata-token" };
    if (req.path === "/latest/meta-data/ram/security-credentials/") return { body: "EcsRole" };
    if (req.path === "/latest/meta-data/ram/security-credentials/EcsRole") return json({ Code: "Success", AccessKeyId: "STS.ecsId", AccessKeySecret: "ecs-secret-6", SecurityToken: "ecs-token-6", Expiration: EXPIRES });
    if (req.path === "/creds") return json({ Code: "Success", AccessKeyId: "STS.uriId", AccessKeySecret: "uri-secret-7", SecurityToken: "uri-token-7", Expiration: EXPIRES });
    return { status: 404 };
  });

describe("Alibaba sources", () => {
  it("environment", async () => {
    const c = await fromAlibabaEnv({ env: { ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAIenvId", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "env-secret-1", ALIBABA_CLOUD_SECURITY_TOKEN: "env-token-1" } }).resolve();
    expectPrintsSafely(c, "LTAIenvId", ["env-secret-1", "env-token-1"]);
  });

  it("aliyun CLI profile (AK)", async () => {
    const home = tempHome({ ".aliyun/config.json": JSON.stringify({ current: "p", profiles: [{ name: "p", mode: "AK", access_key_id: "LTAIcliId", access_key_secret: "cli-secret-2" }] }) });
    expectPrintsSafely(await fromAliyunCliProfile({ env: {}, homedir: home }).resolve(), "LTAIcliId", ["cli-secret-2"]);
  });

  it("credentials file (access_key)", async () => {
    const home = tempHome({ ".alibabacloud/credentials": "[default]\ntype = access_key\naccess_key_id = LTAIiniId\naccess_key_secret = ini-secret-3\n" });
    expectPrintsSafely(await fromAlibabaCredentialsFile({ env: {}, homedir: home }).resolve(), "LTAIiniId", ["ini-secret-3"]);
  });

  it("RAM role ARN (STS AssumeRole)", async () => {
    const server = await fakeAlibaba();
    const role = await fromRamRoleArn({ credentials: { accessKeyId: "LTAIsource", accessKeySecret: "source-secret" }, roleArn: "acs:ram::1:role/r", stsEndpoint: server.url }).resolve();
    expectPrintsSafely(role, "STS.roleId", ["role-secret-4", "role-token-4"]);
  });

  it("OIDC role (STS AssumeRoleWithOIDC)", async () => {
    const server = await fakeAlibaba();
    const home = tempHome({ "oidc-token": "oidc-jwt" });
    const oidc = await fromOidcRole({ env: {}, roleArn: "acs:ram::1:role/r", oidcProviderArn: "acs:ram::1:oidc-provider/p", oidcTokenFile: `${home}/oidc-token`, stsEndpoint: server.url }).resolve();
    expectPrintsSafely(oidc, "STS.oidcId", ["oidc-secret-5", "oidc-token-5"]);
  });

  it("ECS RAM role (instance metadata)", async () => {
    const server = await fakeAlibaba();
    const ecs = await fromEcsRamRole({ env: {}, metadataEndpoint: server.url, metadataTimeoutMs: PATIENT }).resolve();
    expectPrintsSafely(ecs, "STS.ecsId", ["ecs-secret-6", "ecs-token-6"]);
  });

  it("credentials URI", async () => {
    const server = await fakeAlibaba();
    const uri = await fromCredentialsUri({ env: {}, uri: `${server.url}/creds` }).resolve();
    expectPrintsSafely(uri, "STS.uriId", ["uri-secret-7", "uri-token-7"]);
  });

  it("the default chain, and what its refreshing cache hands out", async () => {
    const home = tempHome({ ".alibabacloud/credentials": "[default]\ntype = sts\naccess_key_id = STS.chainId\naccess_key_secret = chain-secret-8\nsecurity_token = chain-token-8\n" });
    const chain = alibabaCredentialChain({ env: { ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true", ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true" }, homedir: home });
    const cache = new RefreshingCredentials(chain);
    const c = await cache.get();
    expectPrintsSafely(c, "STS.chainId", ["chain-secret-8", "chain-token-8"]);
    expect(await cache.get()).toBe(c);
  });
});

describe("Huawei sources", () => {
  it("environment", async () => {
    expectPrintsSafely(await fromHuaweiEnv({ env: { HUAWEICLOUD_SDK_AK: "HWenvId", HUAWEICLOUD_SDK_SK: "hw-env-secret", HUAWEICLOUD_SDK_SECURITY_TOKEN: "hw-env-token" } }).resolve(), "HWenvId", ["hw-env-secret", "hw-env-token"]);
  });

  it("profile file", async () => {
    const home = tempHome({ ".huaweicloud/credentials": "[basic]\nak = HWfileId\nsk = hw-file-secret\n" });
    expectPrintsSafely(await fromHuaweiProfile({ env: {}, homedir: home }).resolve(), "HWfileId", ["hw-file-secret"]);
  });

  it("ECS metadata", async () => {
    const meta = await fakeServer((req: Seen) => {
      if (req.method === "PUT" && req.path === "/meta-data/latest/api/token") return { body: "md-token" };
      if (req.path === "/openstack/latest/securitykey") return json({ credential: { access: "HWtempId", secret: "hw-temp-secret", securitytoken: "hw-temp-token", expires_at: "2031-02-03T04:05:06.000000Z" } });
      return { status: 404 };
    });
    expectPrintsSafely(await fromHuaweiEcsMetadata({ env: {}, metadataEndpoint: meta.url, metadataTimeoutMs: PATIENT }).resolve(), "HWtempId", ["hw-temp-secret", "hw-temp-token"]);
  });
});

describe("Baidu sources", () => {
  it("environment", async () => {
    expectPrintsSafely(await fromBaiduEnv({ env: { BCE_ACCESS_KEY_ID: "BCEenvId", BCE_SECRET_ACCESS_KEY: "bce-env-secret" } }).resolve(), "BCEenvId", ["bce-env-secret"]);
  });

  it("STS session", async () => {
    const sts = await fakeServer((req: Seen) =>
      req.path === "/v1/sessionToken" ? json({ accessKeyId: "BCEstsId", secretAccessKey: "bce-sts-secret", sessionToken: "bce-sts-token", expiration: EXPIRES }) : { status: 404 },
    );
    const session = await fromBaiduSts({ credentials: { accessKeyId: "BCEsource", accessKeySecret: "bce-source-secret" }, endpoint: sts.url }).resolve();
    expectPrintsSafely(session, "BCEstsId", ["bce-sts-secret", "bce-sts-token"]);
  });
});

describe("Hitachi sources", () => {
  // The variables the provider reads (the README documents them; credentials.test.ts sets them by name).
  const names = hitachiModule.env;

  it("a token from the environment", () => {
    const token = hitachiCredentials(names, undefined, { VSP_ONE_OBJECT_TOKEN: "hitachi-bearer-9" });
    expect(inspect(token)).not.toContain("hitachi-bearer-9");
    expect(logged(token)).not.toContain("hitachi-bearer-9");
    expect(denoPrinted(token)).not.toContain("hitachi-bearer-9");
    expect((token as { token: string }).token).toBe("hitachi-bearer-9");
  });

  it("the password grant's settings from the environment", () => {
    const grant = hitachiCredentials(names, undefined, { VSP_ONE_OBJECT_USERNAME: "admin-user", VSP_ONE_OBJECT_PASSWORD: "hitachi-password-10", VSP_ONE_OBJECT_TOKEN_URL: "https://127.0.0.1/token" });
    expectPrintsSafely(grant, "admin-user", ["hitachi-password-10"]);
    const confidential = hitachiCredentials(names, undefined, {
      VSP_ONE_OBJECT_USERNAME: "admin-user",
      VSP_ONE_OBJECT_PASSWORD: "hitachi-password-10",
      VSP_ONE_OBJECT_TOKEN_URL: "https://127.0.0.1/token",
      VSP_ONE_OBJECT_CLIENT_SECRET: "hitachi-client-secret-12",
      VSP_ONE_OBJECT_REALM: "local",
    });
    expectPrintsSafely(confidential, "local", ["hitachi-password-10", "hitachi-client-secret-12"]);
  });

  it("the token file", async () => {
    const home = tempHome({ token: "hitachi-file-token-11\n" });
    const source = hitachiTokenFile({ env: {}, path: `${home}/token` });
    for (const value of [await source(), await source() /* the cached answer */]) {
      for (const text of [inspect(value), logged(value), denoPrinted(value)]) expect(text).not.toContain("hitachi-file-token-11");
      expect(value.token).toBe("hitachi-file-token-11");
    }
  });
});

describe("the facade's own credentials objects", () => {
  const oss: AccessKeyFacts = { env: { accessKeyId: "ALIBABA_CLOUD_ACCESS_KEY_ID", accessKeySecret: "ALIBABA_CLOUD_ACCESS_KEY_SECRET", securityToken: "ALIBABA_CLOUD_SECURITY_TOKEN" }, expiredCodes: [] };

  it("keys from the environment kept on a client print safely; a caller's own object is returned untouched", () => {
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAIfacadeId", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "facade-secret-12", ALIBABA_CLOUD_SECURITY_TOKEN: "facade-token-12" };
    expectPrintsSafely(accessKeyFromEnv("aliyun-oss", oss.env, env), "LTAIfacadeId", ["facade-secret-12", "facade-token-12"]);
    expectPrintsSafely(accessKeySource("aliyun-oss", oss, undefined, env) as object, "LTAIfacadeId", ["facade-secret-12", "facade-token-12"]);
    const mine = { accessKeyId: "LTAImine", accessKeySecret: "my-own-secret" };
    expect(accessKeySource("aliyun-oss", oss, mine, env)).toBe(mine);
    expect(Object.getOwnPropertySymbols(mine)).toEqual([]);
  });

  it("the client's chained source hands out safe objects", async () => {
    const home = tempHome({ ".alibabacloud/credentials": "[default]\ntype = access_key\naccess_key_id = LTAIchainedId\naccess_key_secret = chained-secret-13\n" });
    const facts: AccessKeyFacts = { ...oss, chain: (o) => ({ chain: alibabaCredentialChain({ ...o, homedir: home }) }) };
    const chained = chainedAccessKeys("aliyun-oss", facts, { ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true", ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true" });
    const source = chained!.source as () => Promise<object>;
    expectPrintsSafely(await source(), "LTAIchainedId", ["chained-secret-13"]);
  });

  it("the CLI's keys from BUCKETRY_<PROVIDER>_* print safely", () => {
    const env = { BUCKETRY_ALIYUN_OSS_ACCESS_KEY_ID: "LTAIcliEnvId", BUCKETRY_ALIYUN_OSS_ACCESS_KEY_SECRET: "cli-env-secret-14", BUCKETRY_ALIYUN_OSS_SECURITY_TOKEN: "cli-env-token-14" };
    const { options } = resolveClient("aliyun-oss", { region: "cn-hangzhou" }, env, "list-buckets");
    expectPrintsSafely(options.credentials as object, "LTAIcliEnvId", ["cli-env-secret-14", "cli-env-token-14"]);
  });
});

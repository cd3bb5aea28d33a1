// Credentials through createBucketClient: the vendors' environment variables, the errors that name exactly
// what to set (raised before any request), credential functions called per request, and secrets that
// never show up when a client or an error is inspected or serialized. A real local HTTP server answers.
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BucketryError, createBucketClient, type BucketClientOptions } from "../src/index.js";
import { CredentialSourceError, fromBaiduSts, refreshing } from "../src/credentials/index.js";
import { REFUSED_URL, serve, header, type Reply, type Seen } from "./support/test-server.js";
import { rejection } from "./reliability/helpers.js";
import { tempHome } from "./credentials/fakes.js";



function thrown(fn: () => unknown): BucketryError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(BucketryError);
    return err as BucketryError;
  }
  throw new Error("expected a throw");
}

/**
 * Runs `fn` with process.env replaced as Deno's permissions shape it: `permitted(name)` gives a readable variable's
 * value (`{ value }`), or undefined for one Deno refuses, whose read throws NotCapable with Deno 2's message.
 */
function withDenoEnv<T>(fn: () => T, permitted: (name: string) => { value: string | undefined } | undefined): T {
  const saved = Object.getOwnPropertyDescriptor(process, "env")!;
  const env = new Proxy({}, {
    get(_target, key) {
      const allowed = permitted(String(key));
      if (allowed) return allowed.value;
      throw Object.assign(new Error(`Requires env access to "${String(key)}", run again with the --allow-env flag`), { name: "NotCapable" });
    },
  });
  Object.defineProperty(process, "env", { ...saved, value: env });
  try {
    return fn();
  } finally {
    Object.defineProperty(process, "env", saved);
  }
}

// ---------------------------------------------------------------------------------------------------
// One server that answers every provider by path, with each vendor's API-page example.

const PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const json = (value: unknown, status = 200): Reply => ({ status, headers: { "Content-Type": "application/json" }, body: JSON.stringify(value) });
const CSRF: Reply = { headers: { "Set-Cookie": ["XSRF-TOKEN=xsrf-c1; Path=/", "vertx-web.session=sess-c1; Path=/"] } };

function anyVendor(req: Seen): Reply {
  if (req.method === "POST" && req.path === "/") {
    return json({ RequestId: "R", BucketInfos: [{ BucketName: "test", BucketAcl: "private", CreateTime: "2022-10-12T05:45:00Z" }], TotalCount: 1 });
  }
  if (req.path === `/v1/${PROJECT}/buckets`) return json({ buckets: [{ bucket: "example-bucket", creation_date: 20221026152511, is_authorized: 1 }] });
  if (req.path === "/v1/examplebucket") {
    return json({ owner: { id: "16df583fe6824d73a5f858f06de0af03" }, accessControlList: [{ grantee: [{ id: "16df583fe6824d73a5f858f06de0af03" }], permission: ["FULL_CONTROL"] }] });
  }
  if (req.path === "/examplebucket/") {
    return {
      headers: { "Content-Type": "application/xml" },
      body: "<?xml version=\"1.0\"?><AccessControlPolicy><Owner><ID>0022012****</ID><DisplayName>user_example</DisplayName></Owner><AccessControlList><Grant>private</Grant></AccessControlList></AccessControlPolicy>",
    };
  }
  if (req.path === "/mapi/v1/csrf") return CSRF;
  if (req.path === "/mapi/v1/user/list_buckets") return json({ buckets: [{ bucketId: 1, bucketName: "example" }] });
  if (req.path === "/token") return json({ access_token: "token-from-password-grant", expires_in: 300 });
  return { status: 418, body: `unexpected ${req.method} ${req.path}` };
}

type AkProvider = "aliyun-ens" | "aliyun-oss" | "huaweicloud-mpc" | "baidu-bos";

/** Options for an access-key provider at `url` (credentials left to the caller). */
function akOptions(provider: AkProvider, url: string): BucketClientOptions {
  switch (provider) {
    case "aliyun-ens":
      return { provider, endpoint: url, retry: { baseDelayMs: 1 } };
    case "aliyun-oss":
      return { provider, region: "cn-hangzhou", endpoint: url, retry: { baseDelayMs: 1 } };
    case "huaweicloud-mpc":
      return { provider, region: "cn-north-4", projectId: PROJECT, endpoint: url, retry: { baseDelayMs: 1 } };
    case "baidu-bos":
      return { provider, endpoint: url, retry: { baseDelayMs: 1 } };
  }
}

/** One call of whatever operation the client has. */
async function callOnce(client: ReturnType<typeof createBucketClient>): Promise<void> {
  if ("getBucketAcl" in client) await client.getBucketAcl("examplebucket");
  else if (client.provider === "hitachi-vsp-one-object") await client.listBucketsPage({ userId: 1 });
  else await (client as { listBucketsPage(): Promise<unknown> }).listBucketsPage();
}

/** Where each provider puts the access key id and the STS token on the wire. */
const WIRE: Record<AkProvider, { keyId: (req: Seen) => string | undefined; tokenHeader: string }> = {
  "aliyun-ens": { keyId: (r) => /Credential=([^,]+),/.exec(header(r, "authorization"))?.[1], tokenHeader: "x-acs-security-token" },
  "aliyun-oss": { keyId: (r) => /Credential=([^/]+)\//.exec(header(r, "authorization"))?.[1], tokenHeader: "x-oss-security-token" },
  "huaweicloud-mpc": { keyId: (r) => /Access=([^,]+),/.exec(header(r, "authorization"))?.[1], tokenHeader: "x-security-token" },
  "baidu-bos": { keyId: (r) => /^bce-auth-v1\/([^/]+)\//.exec(header(r, "authorization"))?.[1], tokenHeader: "x-bce-security-token" },
};

const AK_PROVIDERS: AkProvider[] = ["aliyun-ens", "aliyun-oss", "huaweicloud-mpc", "baidu-bos"];

// ---------------------------------------------------------------------------------------------------
// The environment: every variable any provider reads is cleared before each test and restored after.

const ENV_NAMES = [
  "ALIBABA_CLOUD_ACCESS_KEY_ID",
  "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
  "ALIBABA_CLOUD_SECURITY_TOKEN",
  "HUAWEICLOUD_SDK_AK",
  "HUAWEICLOUD_SDK_SK",
  "HUAWEICLOUD_SDK_PROJECT_ID",
  "HUAWEICLOUD_SDK_SECURITY_TOKEN",
  "BCE_ACCESS_KEY_ID",
  "BCE_SECRET_ACCESS_KEY",
  "BCE_SESSION_TOKEN",
  "VSP_ONE_OBJECT_TOKEN",
  "VSP_ONE_OBJECT_USERNAME",
  "VSP_ONE_OBJECT_PASSWORD",
  "VSP_ONE_OBJECT_TOKEN_URL",
  "VSP_ONE_OBJECT_CLIENT_ID",
  "VSP_ONE_OBJECT_CLIENT_SECRET",
  "VSP_ONE_OBJECT_REALM",
  "VSP_ONE_OBJECT_SCOPE",
  "VSP_ONE_OBJECT_TOKEN_FILE",
  // The default chains read files under HOME and may ask instance metadata: an empty HOME and the
  // metadata switch keep them off the developer's own files and the network.
  "HOME",
  "BUCKETRY_METADATA_DISABLED",
];
let savedEnv: Record<string, string | undefined> = {};

beforeEach(() => {
  savedEnv = Object.fromEntries(ENV_NAMES.map((n) => [n, process.env[n]]));
  for (const n of ENV_NAMES) delete process.env[n];
  process.env.HOME = tempHome();
  process.env.BUCKETRY_METADATA_DISABLED = "true";
});

afterEach(async () => {
  for (const n of ENV_NAMES) {
    if (savedEnv[n] === undefined) delete process.env[n];
    else process.env[n] = savedEnv[n];
  }
  vi.restoreAllMocks();
});

// ---------------------------------------------------------------------------------------------------

describe("credentials from the vendors' environment variables", () => {
  const ENV_SETS: Record<AkProvider, [id: string, secret: string, token: string]> = {
    "aliyun-ens": ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN"],
    "aliyun-oss": ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN"],
    "huaweicloud-mpc": ["HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "HUAWEICLOUD_SDK_SECURITY_TOKEN"],
    "baidu-bos": ["BCE_ACCESS_KEY_ID", "BCE_SECRET_ACCESS_KEY", "BCE_SESSION_TOKEN"],
  };

  it.each(AK_PROVIDERS)("%s: key id, secret and STS token come from the environment", async (provider) => {
    const [idVar, secretVar, tokenVar] = ENV_SETS[provider];
    process.env[idVar] = "ENVKEYID123";
    process.env[secretVar] = "env-secret";
    process.env[tokenVar] = "env-sts-token";
    const server = await serve(anyVendor);

    await callOnce(createBucketClient(akOptions(provider, server.url)));

    const [req] = server.requests;
    expect(WIRE[provider].keyId(req!)).toBe("ENVKEYID123");
    expect(header(req, WIRE[provider].tokenHeader)).toBe("env-sts-token");
  });

  it.each(AK_PROVIDERS)("%s: without the token variable no token header is sent", async (provider) => {
    const [idVar, secretVar] = ENV_SETS[provider];
    process.env[idVar] = "ENVKEYID123";
    process.env[secretVar] = "env-secret";
    const server = await serve(anyVendor);
    await callOnce(createBucketClient(akOptions(provider, server.url)));
    expect(header(server.requests[0], WIRE[provider].tokenHeader)).toBe("");
  });

  /**
   * Runs `fn` with process.env as Deno has it under `--allow-env=<granted>`: the granted variables read as set, any
   * other read throws. Only while the client is created, where the environment is read: Node's own code reads it too.
   */
  const withEnvGranted = <T>(granted: string[], fn: () => T): T => {
    const real = process.env;
    return withDenoEnv(fn, (key) => (granted.includes(key) ? { value: real[key] } : undefined));
  };

  it.each(AK_PROVIDERS)("%s: with only the key pair readable (Deno's --allow-env), the token it may not read counts as unset", async (provider) => {
    const [idVar, secretVar, tokenVar] = ENV_SETS[provider];
    process.env[idVar] = "ENVKEYID123";
    process.env[secretVar] = "env-secret";
    process.env[tokenVar] = "env-sts-token";
    const server = await serve(anyVendor);
    await callOnce(withEnvGranted([idVar, secretVar], () => createBucketClient(akOptions(provider, server.url))));
    expect(WIRE[provider].keyId(server.requests[0]!)).toBe("ENVKEYID123");
    expect(header(server.requests[0], WIRE[provider].tokenHeader)).toBe("");
  });

  it.each(AK_PROVIDERS)("%s: a key variable it may not read still fails, naming the variable and the flag", async (provider) => {
    const [idVar, secretVar] = ENV_SETS[provider];
    process.env[idVar] = "ENVKEYID123";
    process.env[secretVar] = "env-secret";
    const err = withEnvGranted([idVar], () => thrown(() => createBucketClient(akOptions(provider, "http://127.0.0.1:9"))));
    expect(err).toMatchObject({ provider, kind: "Configuration" });
    expect(err.message).toContain(`the environment cannot be read: Requires env access to "${secretVar}", run again with the --allow-env flag`);
  });

  it("hitachi: with only the password grant's variables readable, the token and token-file variables count as unset", async () => {
    const server = await serve(anyVendor);
    process.env.VSP_ONE_OBJECT_TOKEN = "env-bearer-not-granted";
    process.env.VSP_ONE_OBJECT_USERNAME = "admin";
    process.env.VSP_ONE_OBJECT_PASSWORD = "pa ss&word";
    process.env.VSP_ONE_OBJECT_TOKEN_URL = `${server.url}/token`;
    const granted = ["VSP_ONE_OBJECT_USERNAME", "VSP_ONE_OBJECT_PASSWORD", "VSP_ONE_OBJECT_TOKEN_URL"];
    await callOnce(withEnvGranted(granted, () => createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${server.url}/mapi` })));
    expect(server.requests.find((r) => r.path === "/token")?.method).toBe("POST");
    expect(header(server.requests.find((r) => r.path === "/mapi/v1/user/list_buckets"), "authorization")).toBe("Bearer token-from-password-grant");
  });

  it("MPC: a blank projectId option reads HUAWEICLOUD_SDK_PROJECT_ID, as no option does (no IAM lookup); a bad value there names the variable", async () => {
    process.env.HUAWEICLOUD_SDK_PROJECT_ID = PROJECT;
    const server = await serve(anyVendor);
    await callOnce(createBucketClient({ ...akOptions("huaweicloud-mpc", server.url), projectId: " ", credentials: { accessKeyId: "AK", accessKeySecret: "SK" } } as BucketClientOptions));
    expect(server.requests.map((r) => r.path)).toEqual([`/v1/${PROJECT}/buckets`]);
    process.env.HUAWEICLOUD_SDK_PROJECT_ID = "bad/id";
    const err = thrown(() => createBucketClient({ ...akOptions("huaweicloud-mpc", server.url), projectId: undefined, credentials: { accessKeyId: "AK", accessKeySecret: "SK" } } as BucketClientOptions));
    expect(err.message).toBe("huaweicloud-mpc: projectId (from HUAWEICLOUD_SDK_PROJECT_ID) must be the 32-character project id (letters, digits)");
  });

  it("MPC: HUAWEICLOUD_SDK_PROJECT_ID is optional, so one the runtime refuses to read counts as unset (Deno's --allow-env)", async () => {
    const server = await serve(anyVendor);
    // No variable readable at all: credentials and project id passed, as a Deno program without --allow-env has them.
    const given = withEnvGranted([], () => createBucketClient({ ...akOptions("huaweicloud-mpc", server.url), credentials: { accessKeyId: "AK", accessKeySecret: "SK" } } as BucketClientOptions));
    await callOnce(given);
    // Keys passed, project id left to the lookup: created (the id is asked for when a call needs it).
    const looked = withEnvGranted([], () => createBucketClient({ ...akOptions("huaweicloud-mpc", server.url), projectId: undefined, credentials: { accessKeyId: "AK", accessKeySecret: "SK" } } as BucketClientOptions));
    expect(looked.provider).toBe("huaweicloud-mpc");
    // Only the key pair granted (the README's example): the keys are read, the refused project id is not an error.
    process.env.HUAWEICLOUD_SDK_AK = "ENVKEYID123";
    process.env.HUAWEICLOUD_SDK_SK = "env-secret";
    await callOnce(withEnvGranted(["HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK"], () => createBucketClient(akOptions("huaweicloud-mpc", server.url))));
    expect(server.requests.map((r) => WIRE["huaweicloud-mpc"].keyId(r))).toEqual(["AK", "ENVKEYID123"]);
    // Nothing readable and nothing passed: a Configuration error naming the flag, not the runtime's own error.
    const err = withEnvGranted([], () => thrown(() => createBucketClient({ ...akOptions("huaweicloud-mpc", server.url), projectId: undefined } as BucketClientOptions)));
    expect(err).toMatchObject({ provider: "huaweicloud-mpc", kind: "Configuration" });
    expect(err.message).toContain('the environment cannot be read: Requires env access to "HUAWEICLOUD_SDK_AK", run again with the --allow-env flag');
  });

  it("credentials in options win over the environment", async () => {
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = "ENVKEYID123";
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = "env-secret";
    const server = await serve(anyVendor);
    await callOnce(createBucketClient({ ...akOptions("aliyun-ens", server.url), credentials: { accessKeyId: "OPTKEYID", accessKeySecret: "opt-secret" } } as BucketClientOptions));
    expect(WIRE["aliyun-ens"].keyId(server.requests[0]!)).toBe("OPTKEYID");
  });

  it("hitachi: VSP_ONE_OBJECT_TOKEN is the bearer token", async () => {
    process.env.VSP_ONE_OBJECT_TOKEN = "env-bearer";
    const server = await serve(anyVendor);
    await callOnce(createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${server.url}/mapi` }));
    const list = server.requests.find((r) => r.path === "/mapi/v1/user/list_buckets");
    expect(header(list, "authorization")).toBe("Bearer env-bearer");
  });

  it("hitachi: VSP_ONE_OBJECT_USERNAME / _PASSWORD / _TOKEN_URL run the password grant", async () => {
    const server = await serve(anyVendor);
    process.env.VSP_ONE_OBJECT_USERNAME = "admin";
    process.env.VSP_ONE_OBJECT_PASSWORD = "pa ss&word";
    process.env.VSP_ONE_OBJECT_TOKEN_URL = `${server.url}/token`;

    await callOnce(createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${server.url}/mapi` }));

    const grant = server.requests.find((r) => r.path === "/token");
    expect(grant?.method).toBe("POST");
    const form = new URLSearchParams(grant!.body);
    expect(form.get("grant_type")).toBe("password");
    expect(form.get("username")).toBe("admin");
    expect(form.get("password")).toBe("pa ss&word");
    const list = server.requests.find((r) => r.path === "/mapi/v1/user/list_buckets");
    expect(header(list, "authorization")).toBe("Bearer token-from-password-grant");
    // No realm, scope or client secret set: the form has none (VSP One Object 3.x's Keycloak needs none).
    expect([form.has("realm"), form.has("scope"), form.has("client_secret")]).toEqual([false, false, false]);
  });

  it("hitachi: _CLIENT_ID, _CLIENT_SECRET, _REALM and _SCOPE go into the grant (HCP for cloud scale 2.x's /auth/oauth form)", async () => {
    const server = await serve(anyVendor);
    process.env.VSP_ONE_OBJECT_USERNAME = "admin";
    process.env.VSP_ONE_OBJECT_PASSWORD = "pw";
    process.env.VSP_ONE_OBJECT_TOKEN_URL = `${server.url}/token`;
    process.env.VSP_ONE_OBJECT_CLIENT_ID = "hcpcs-client";
    process.env.VSP_ONE_OBJECT_CLIENT_SECRET = "client-s3cret";
    process.env.VSP_ONE_OBJECT_REALM = "local";
    process.env.VSP_ONE_OBJECT_SCOPE = "*";

    await callOnce(createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${server.url}/mapi` }));

    const form = new URLSearchParams(server.requests.find((r) => r.path === "/token")!.body);
    expect(Object.fromEntries(form)).toEqual({ grant_type: "password", username: "admin", password: "pw", client_id: "hcpcs-client", client_secret: "client-s3cret", realm: "local", scope: "*" });
  });
});

describe("missing credentials: the vendor's chain finds nothing → a Configuration error listing every source, before any request", () => {
  const NEEDED: Record<AkProvider, [id: string, secret: string]> = {
    "aliyun-ens": ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"],
    "aliyun-oss": ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"],
    "huaweicloud-mpc": ["HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK"],
    "baidu-bos": ["BCE_ACCESS_KEY_ID", "BCE_SECRET_ACCESS_KEY"],
  };
  const SOURCES: Record<AkProvider, string[]> = {
    "aliyun-ens": ["environment", "oidc-role", "cli-profile", "credentials-file", "ecs-ram-role", "credentials-uri"],
    "aliyun-oss": ["environment", "oidc-role", "cli-profile", "credentials-file", "ecs-ram-role", "credentials-uri"],
    "huaweicloud-mpc": ["environment", "profile-file", "ecs-metadata"],
    "baidu-bos": ["environment"],
  };

  it.each(AK_PROVIDERS)("%s: nothing set", async (provider) => {
    const server = await serve(anyVendor);

    const err = await rejection(callOnce(createBucketClient(akOptions(provider, server.url))));

    expect(err.kind).toBe("Configuration");
    expect(err.provider).toBe(provider);
    for (const name of NEEDED[provider]) expect(err.message).toContain(name);
    SOURCES[provider].forEach((source, i) => expect(err.message).toContain(`${i + 1}. ${source}: `));
    expect(err.message).toMatch(/credentials/);
    expect(err.retryable).toBe(false);
    expect(server.requests).toHaveLength(0);
  });

  it.each(AK_PROVIDERS)("%s: only the secret missing → the environment's reason names the secret variable", async (provider) => {
    const [idVar, secretVar] = NEEDED[provider];
    process.env[idVar] = "ENVKEYID123";
    const err = await rejection(callOnce(createBucketClient(akOptions(provider, "http://127.0.0.1:9"))));
    expect(err.kind).toBe("Configuration");
    expect(err.message).toContain(`environment: ${secretVar} is not set`);
    expect(err.message).not.toContain("ENVKEYID123");
  });

  it.each(AK_PROVIDERS)("%s: empty or blank variables count as missing", async (provider) => {
    const [idVar, secretVar] = NEEDED[provider];
    for (const [id, secret] of [["", "s"], ["id", ""], ["   ", "s"], ["id", " \t "]]) {
      process.env[idVar] = id;
      process.env[secretVar] = secret;
      const err = await rejection(callOnce(createBucketClient(akOptions(provider, "http://127.0.0.1:9"))));
      expect(err.kind).toBe("Configuration");
      expect(err.message).toContain(`${id!.trim() ? secretVar : idVar} is not set`);
    }
  });

  it.each(AK_PROVIDERS)("%s: empty strings in options are rejected", (provider) => {
    for (const credentials of [
      { accessKeyId: "", accessKeySecret: "s" },
      { accessKeyId: "id", accessKeySecret: "" },
      { accessKeyId: "  ", accessKeySecret: "s" },
      { accessKeyId: "id", accessKeySecret: "s", securityToken: "" },
    ]) {
      const err = thrown(() => createBucketClient({ ...akOptions(provider, "http://127.0.0.1:9"), credentials } as BucketClientOptions));
      expect(err.kind).toBe("Configuration");
      expect(err.message).toMatch(/accessKeyId|accessKeySecret|securityToken/);
    }
  });

  it("hitachi: nothing set names the token variable and the password-grant variables", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const err = thrown(() => createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: "http://127.0.0.1:9/mapi" }));
    expect(err.kind).toBe("Configuration");
    for (const name of ["VSP_ONE_OBJECT_TOKEN", "VSP_ONE_OBJECT_USERNAME", "VSP_ONE_OBJECT_PASSWORD", "VSP_ONE_OBJECT_TOKEN_URL"]) expect(err.message).toContain(name);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("hitachi: an incomplete password grant in the environment is not enough", () => {
    process.env.VSP_ONE_OBJECT_USERNAME = "admin";
    process.env.VSP_ONE_OBJECT_PASSWORD = "pw";
    expect(thrown(() => createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: "http://127.0.0.1:9/mapi" })).kind).toBe("Configuration");
    process.env.VSP_ONE_OBJECT_TOKEN = "  ";
    expect(thrown(() => createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: "http://127.0.0.1:9/mapi" })).kind).toBe("Configuration");
  });

  it("hitachi and MPC: empty tokens or password-grant fields in options are rejected", () => {
    const endpoint = "http://127.0.0.1:9/mapi";
    for (const credentials of [{ token: "" }, { token: "  " }, { username: "u", password: "", tokenUrl: "http://127.0.0.1:9/token" }, { username: "", password: "p", tokenUrl: "http://127.0.0.1:9/token" }]) {
      expect(thrown(() => createBucketClient({ provider: "hitachi-vsp-one-object", endpoint, credentials })).kind).toBe("Configuration");
    }
    const mpc = thrown(() => createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", projectId: PROJECT, credentials: { token: "" } }));
    expect(mpc.kind).toBe("Configuration");
  });
});

describe("credential functions: called per request, checked at call time", () => {
  it.each(AK_PROVIDERS)("%s: called once per request, and each call's STS token is the one sent", async (provider) => {
    const server = await serve(anyVendor);
    let calls = 0;
    const credentials = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 1));
      return { accessKeyId: `FNKEY${calls}`, accessKeySecret: "fn-secret", securityToken: `fn-sts-${calls}` };
    };
    const client = createBucketClient({ ...akOptions(provider, server.url), credentials } as BucketClientOptions);
    expect(calls).toBe(0); // not called at creation

    await callOnce(client);
    await callOnce(client);

    expect(calls).toBe(2);
    expect(server.requests.map((r) => header(r, WIRE[provider].tokenHeader))).toEqual(["fn-sts-1", "fn-sts-2"]);
    expect(server.requests.map((r) => WIRE[provider].keyId(r))).toEqual(["FNKEY1", "FNKEY2"]);
  });

  it("called again for a retried attempt (a refreshed STS token goes out on the retry)", async () => {
    const server = await serve((req, i) => (i === 0 ? json({ RequestId: "U", Code: "ServiceUnavailable", Message: "busy" }, 503) : anyVendor(req)));
    let calls = 0;
    const ens = createBucketClient({
      provider: "aliyun-ens",
      endpoint: server.url,
      retry: { baseDelayMs: 1 },
      credentials: () => ({ accessKeyId: "FNKEY", accessKeySecret: "fn-secret", securityToken: `fn-sts-${++calls}` }),
    });
    await ens.listBucketsPage();
    expect(calls).toBe(2);
    expect(server.requests.map((r) => header(r, "x-acs-security-token"))).toEqual(["fn-sts-1", "fn-sts-2"]);
  });

  it.each(AK_PROVIDERS)("%s: a function returning unusable credentials → Configuration at call time, nothing sent", async (provider) => {
    const server = await serve(anyVendor);
    for (const bad of [{ accessKeyId: "", accessKeySecret: "s" }, { accessKeyId: "id", accessKeySecret: "" }, undefined, "AKID:SECRET"]) {
      const client = createBucketClient({ ...akOptions(provider, server.url), credentials: async () => bad } as unknown as BucketClientOptions);
      const err = await rejection(callOnce(client));
      expect(err.kind).toBe("Configuration");
      expect(err.provider).toBe(provider);
      expect(err.retryable).toBe(false);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("hitachi: a token function is called per request; an empty token is a Configuration error", async () => {
    const server = await serve(anyVendor);
    let calls = 0;
    const client = createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${server.url}/mapi`, credentials: () => ({ token: `fn-bearer-${++calls}` }) });
    await client.listBucketsPage({ userId: 1 });
    await client.listBucketsPage({ userId: 1 });
    expect(calls).toBe(2);
    const lists = server.requests.filter((r) => r.path === "/mapi/v1/user/list_buckets");
    expect(lists.map((r) => header(r, "authorization"))).toEqual(["Bearer fn-bearer-1", "Bearer fn-bearer-2"]);

    const empty = createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${server.url}/mapi`, credentials: async () => ({ token: "" }) });
    const before = server.requests.filter((r) => r.path === "/mapi/v1/user/list_buckets").length;
    expect((await rejection(empty.listBucketsPage({ userId: 1 }))).kind).toBe("Configuration");
    expect(server.requests.filter((r) => r.path === "/mapi/v1/user/list_buckets")).toHaveLength(before);
  });
});

describe("a credentials function that is a bucketry/credentials source: its errors say what failed, with their kind", () => {
  /** A Baidu STS on loopback answering `replies` in turn (then the last one again). */
  async function sts(...replies: Reply[]) {
    return serve((_req, i) => replies[Math.min(i, replies.length - 1)]!);
  }
  const SESSION = json({ accessKeyId: "session-ak", secretAccessKey: "session-sk", sessionToken: "session-token", expiration: "2099-01-01T00:00:00Z" });
  const bos = (url: string, credentials: () => Promise<unknown>, retry: BucketClientOptions["retry"] = false) =>
    createBucketClient({ provider: "baidu-bos", endpoint: url, retry, credentials } as BucketClientOptions);

  it("as README suggests, refreshing(fromBaiduSts(…)).get: STS 503 is Unavailable and retryable, 403 and a non-JSON 200 InvalidCredentials, each saying why", async () => {
    const api = await serve(anyVendor);
    const cases: [Reply, Partial<BucketryError>, string][] = [
      [json({ code: "ServiceUnavailable", requestId: "STS-RID" }, 503), { kind: "Unavailable", retryable: true }, "baidu-bos: baidu-sts: STS GetSessionToken refused (HTTP 503 ServiceUnavailable, request id STS-RID)"],
      [json({ code: "AccessDenied", requestId: "STS-RID2" }, 403), { kind: "InvalidCredentials", retryable: false }, "baidu-bos: baidu-sts: STS GetSessionToken refused (HTTP 403 AccessDenied, request id STS-RID2)"],
      [{ status: 200, headers: { "content-type": "text/html" }, body: "<html>captive portal</html>" }, { kind: "InvalidCredentials", retryable: false }, "baidu-bos: baidu-sts: STS answered without accessKeyId, secretAccessKey and sessionToken"],
      [json({ accessKeyId: "old-ak", secretAccessKey: "old-sk", sessionToken: "old-token", expiration: "2001-01-01T00:00:00Z" }), { kind: "InvalidCredentials", retryable: false }, "baidu-bos: baidu-sts: gave credentials that expired at 2001-01-01T00:00:00.000Z (is this machine's clock right?)"],
    ];
    for (const [reply, fields, message] of cases) {
      const server = await sts(reply);
      const credentials = refreshing(fromBaiduSts({ credentials: { accessKeyId: "lt-ak", accessKeySecret: "lt-sk" }, endpoint: server.url }));
      const err = await rejection(callOnce(bos(api.url, credentials.get)));
      expect(err).toMatchObject({ provider: "baidu-bos", attempts: 1, ...fields });
      expect(err.message).toBe(message);
      for (const secret of ["lt-sk", "old-sk", "old-token"]) expect(JSON.stringify(err) + err.message).not.toContain(secret);
    }
    expect(api.requests).toHaveLength(0);
  });

  it("a source's failure that may pass is retried by the call, and the retry gets credentials", async () => {
    const api = await serve(anyVendor);
    const server = await sts(json({ code: "ServiceUnavailable", requestId: "STS-RID" }, 503), SESSION);
    const source = fromBaiduSts({ credentials: { accessKeyId: "lt-ak", accessKeySecret: "lt-sk" }, endpoint: server.url });
    const kinds: string[] = [];
    await callOnce(bos(api.url, () => source.resolve(), { baseDelayMs: 1, onRetry: (info) => kinds.push(info.error.kind) }));
    expect(kinds).toEqual(["Unavailable"]);
    expect(header(api.requests[0], "x-bce-security-token")).toBe("session-token");
  });

  // Passed as a function, the cache was out of the facade's sight: its failure came without retryAfterMs, so the
  // call's retries (100 ms apart) met the same cached failure until their attempts ran out.
  it("refreshing(…).get as the function: a failure that may pass carries the time until the cache asks its source again", async () => {
    const api = await serve(anyVendor);
    const server = await sts(json({ code: "ServiceUnavailable", requestId: "STS-RID" }, 503));
    let now = Date.UTC(2026, 0, 1);
    const credentials = refreshing(fromBaiduSts({ credentials: { accessKeyId: "lt-ak", accessKeySecret: "lt-sk" }, endpoint: server.url }), { clock: () => now });
    const first = await rejection(callOnce(bos(api.url, credentials.get)));
    expect(first).toMatchObject({ kind: "Unavailable", retryable: true, retryAfterMs: credentials.backoffMs() });
    expect(first.retryAfterMs).toBeGreaterThan(0);
    // Later, the same cached failure: the time left.
    now += 400;
    const second = await rejection(callOnce(bos(api.url, credentials.get)));
    expect(second.retryAfterMs).toBe(first.retryAfterMs! - 400);
    expect(server.requests).toHaveLength(1);
  });

  it("an error only named like bucketry's, or made from its class's prototype, is still not repeated", async () => {
    const api = await serve(anyVendor);
    const unseen = "VAULT-SECRET-4f2a";
    const named = Object.assign(new Error(`vault refused ${unseen}`), { name: "CredentialSourceError", source: "vault", configured: true, transient: "Unavailable" });
    const made = Object.assign(Object.create(CredentialSourceError.prototype) as CredentialSourceError, { message: `vault refused ${unseen}`, source: "vault", configured: true, transient: "Network" });
    expect(made).toBeInstanceOf(CredentialSourceError);
    for (const thrown of [named, made]) {
      const err = await rejection(callOnce(bos(api.url, async () => Promise.reject(thrown))));
      expect(err).toMatchObject({ kind: "InvalidCredentials", retryable: false });
      expect(err.message).toMatch(/^baidu-bos: the credentials function threw \w+ \(its message may hold a secret: log it there\)$/);
      expect(JSON.stringify(err) + err.message + inspect(err, { depth: 5, showHidden: true })).not.toContain(unseen);
    }
  });

  it("a secret the client knows is still redacted from a bucketry error's message", async () => {
    const api = await serve(anyVendor);
    const known = "known-session-secret-77";
    let calls = 0;
    const client = bos(api.url, async () => {
      if (++calls === 1) return { accessKeyId: "session-ak", accessKeySecret: known, securityToken: "session-token" };
      throw new CredentialSourceError("vault", `refused the renewal of ${known}`, true);
    });
    await callOnce(client);
    const err = await rejection(callOnce(client));
    expect(err).toMatchObject({ kind: "InvalidCredentials", retryable: false });
    expect(err.message).toBe("baidu-bos: vault: refused the renewal of [redacted]");
  });
});

describe("secrets never appear in inspected or serialized clients and errors", () => {
  const SECRET = "SENTINEL-SECRET-7d1f";
  const STS = "SENTINEL-STS-4b2e";
  const BEARER = "SENTINEL-BEARER-9a0c";
  const PASSWORD = "SENTINEL-PASSWORD-3e5d";
  const SENTINELS = [SECRET, STS, BEARER, PASSWORD];

  function views(value: unknown): string[] {
    const out = [
      inspect(value, { depth: Infinity, showHidden: true }),
      inspect(value, { depth: 6, showHidden: true, customInspect: false, getters: true }),
      String(JSON.stringify(value)),
    ];
    if (value instanceof Error) out.push(value.message, value.stack ?? "", inspect(value.cause, { depth: Infinity, showHidden: true }));
    return out;
  }
  function expectClean(value: unknown): void {
    for (const text of views(value)) for (const s of SENTINELS) expect(text).not.toContain(s);
  }

  function clients(url: string) {
    const creds = { accessKeyId: "VISIBLEKEYID", accessKeySecret: SECRET, securityToken: STS };
    return [
      createBucketClient({ ...akOptions("aliyun-ens", url), credentials: creds } as BucketClientOptions),
      createBucketClient({ ...akOptions("aliyun-ens", url), credentials: creds, signatureVersion: "v1" } as BucketClientOptions),
      createBucketClient({ ...akOptions("aliyun-oss", url), credentials: creds } as BucketClientOptions),
      createBucketClient({ ...akOptions("huaweicloud-mpc", url), credentials: creds } as BucketClientOptions),
      createBucketClient({ ...akOptions("huaweicloud-mpc", url), credentials: { token: BEARER } } as BucketClientOptions),
      createBucketClient({ ...akOptions("baidu-bos", url), credentials: creds } as BucketClientOptions),
      createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${url}/mapi`, credentials: { token: BEARER }, retry: { baseDelayMs: 1 } }),
      createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${url}/mapi`, credentials: { username: "admin", password: PASSWORD, tokenUrl: `${url}/token` }, retry: { baseDelayMs: 1 } }),
    ];
  }

  it("clients (and their raw clients), before and after a successful call", async () => {
    const server = await serve(anyVendor);
    for (const client of clients(server.url)) {
      expectClean(client);
      expectClean(client.raw);
      expect(JSON.parse(JSON.stringify(client))).toEqual({ provider: client.provider });
      await callOnce(client);
      expectClean(client);
      expectClean(client.raw);
    }
    // The secrets did go out (so the checks above were not vacuous).
    expect(server.requests.some((r) => header(r, "x-acs-security-token") === STS)).toBe(true);
    expect(server.requests.some((r) => header(r, "authorization") === `Bearer ${BEARER}`)).toBe(true);
    expect(server.requests.some((r) => r.body.includes(PASSWORD))).toBe(true);
  });

  it("errors from vendor responses, retries, malformed bodies and failed handshakes", async () => {
    const server = await serve((req) => {
      if (req.path === "/token") return json({ error: "invalid_grant", error_description: `bad password` }, 401);
      if (req.path === "/mapi/v1/csrf") return CSRF;
      return { status: 503, headers: { "Content-Type": "text/plain" }, body: "unavailable" };
    }, 100);
    for (const client of clients(server.url)) {
      const err = await rejection(callOnce(client));
      expect(err.kind === "Unavailable" || err.kind === "InvalidCredentials").toBe(true);
      expectClean(err);
    }
  });

  it("errors from network failures and from bad credential functions", async () => {
    const server = await serve(anyVendor);
    for (const client of clients(REFUSED_URL)) {
      const err = await rejection(callOnce(client));
      expectClean(err);
    }
    const fn = createBucketClient({
      ...akOptions("aliyun-oss", server.url),
      credentials: async () => ({ accessKeyId: "", accessKeySecret: SECRET, securityToken: STS }),
    } as BucketClientOptions);
    const err = await rejection(callOnce(fn));
    expect(err.kind).toBe("Configuration");
    expectClean(err);
  });
});

describe("explicit options and credentials", () => {
  // Every option a provider reads from the environment, given: creating the client then needs no env access.
  const explicit: BucketClientOptions[] = [
    { provider: "aliyun-ens", credentials: { accessKeyId: "AK", accessKeySecret: "SK" } },
    { provider: "huaweicloud-mpc", region: "cn-north-4", projectId: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", credentials: { accessKeyId: "AK", accessKeySecret: "SK" } },
    { provider: "baidu-bos", credentials: { accessKeyId: "AK", accessKeySecret: "SK" } },
    { provider: "hitachi-vsp-one-object", endpoint: "https://admin.region1.cluster1/mapi", credentials: { token: "t" } },
    { provider: "aliyun-oss", region: "cn-hangzhou", credentials: { accessKeyId: "AK", accessKeySecret: "SK" } },
  ];

  /** Runs `fn` with process.env as Deno without --allow-env has it: every read throws NotCapable. */
  const withRefusedEnv = <T>(fn: () => T, reads: string[] = []): T =>
    withDenoEnv(fn, (key) => {
      reads.push(key);
      return undefined;
    });

  it.each(explicit.map((o) => [o.provider, { ...o, credentials: undefined }] as const))("%s without credentials where the environment cannot be read: a Configuration error naming the flag", (provider, options) => {
    const err = withRefusedEnv(() => {
      try {
        createBucketClient(options);
      } catch (e) {
        return e;
      }
      return undefined;
    });
    expect(err).toBeInstanceOf(BucketryError);
    expect(err).toMatchObject({ provider, kind: "Configuration" });
    expect((err as BucketryError).message).toMatch(/the environment cannot be read: Requires env access to "[A-Z_]+", run again with the --allow-env flag \(or pass `credentials`\)/);
  });

  it.each(explicit.map((o) => [o.provider, o] as const))("%s: creating the client reads no environment variable (Deno without --allow-env refuses every read)", (_provider, options) => {
    const reads: string[] = [];
    expect(withRefusedEnv(() => createBucketClient(options).provider, reads)).toBe(options.provider);
    expect(reads).toEqual([]);
  });
});

// Baidu: the STS session flow against @baiducloud/sdk's STS.getSessionToken (one fake STS on loopback that
// checks every request's bce-auth-v1 signature with the SDK's own Auth), and the environment source.
// Hitachi: the token file, re-read when it changes (a rotated mounted secret) and only then.
import { createRequire } from "node:module";
import { statSync, utimesSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { baiduCredentialChain, fromBaiduSts } from "../../src/credentials/baidu.js";
import { hitachiTokenFile } from "../../src/credentials/hitachi-token-file.js";
import { createBucketClient } from "../../src/index.js";
import type { Seen } from "../support/test-server.js";
import { fakeServer, json, tempHome } from "./fakes.js";

const require = createRequire(import.meta.url);
const sdk = require("@baiducloud/sdk") as { STS: new (config: unknown) => { getSessionToken(d: number, p?: unknown): Promise<{ body: Record<string, string> }> } };
const Auth = require("@baiducloud/sdk/src/auth.js") as new (ak: string, sk: string) => {
  generateAuthorization(method: string, path: string, params: Record<string, string>, headers: Record<string, string>, ts: number, exp: number, headersToSign: string[]): string;
};

const AK = "bce-long-term-ak";
const SK = "bce-long-term-sk";

/** Fake Baidu STS: verifies the bce-auth-v1 signature with the official Auth, issues session keys. */
async function fakeSts() {
  return fakeServer((req: Seen) => {
    const auth = String(req.headers.authorization ?? "");
    const [, ak, ts, exp, signed] = auth.split("/");
    const headers: Record<string, string> = {};
    for (const name of (signed ?? "").split(";")) headers[name] = String(req.headers[name] ?? "");
    const expected = new Auth(AK, SK).generateAuthorization(req.method, req.path, Object.fromEntries(req.query), headers, Date.parse(ts!) / 1000, Number(exp), (signed ?? "").split(";"));
    if (ak !== AK || auth !== expected) return json({ code: "SignatureDoesNotMatch", message: "bad signature", requestId: "R-sig" }, 403);
    return json({ accessKeyId: "bce-session-ak", secretAccessKey: "bce-session-sk", sessionToken: "bce-session-token", createTime: "2031-01-01T00:00:00Z", expiration: "2031-01-01T12:00:00Z", userId: "u1" });
  });
}

describe("baidu", () => {
  it("STS session: the same request as the SDK's getSessionToken, both signatures valid, the same credentials", async () => {
    const sts = await fakeSts();
    const official = new sdk.STS({ endpoint: sts.url, credentials: { ak: AK, sk: SK } });
    const acl = { accessControlList: [{ service: "bce:bos", region: "bj", effect: "Allow", resource: ["examplebucket/*"], permission: ["READ"] }] };
    const theirs = (await official.getSessionToken(3600, acl)).body;
    const mine = await fromBaiduSts({ credentials: { accessKeyId: AK, accessKeySecret: SK }, durationSeconds: 3600, policy: acl, endpoint: sts.url }).resolve();
    expect(theirs.accessKeyId).toBe("bce-session-ak"); // the official request passed the signature check
    expect({ ak: mine.accessKeyId, sk: mine.accessKeySecret, token: mine.securityToken }).toEqual({ ak: theirs.accessKeyId, sk: theirs.secretAccessKey, token: theirs.sessionToken });
    expect(mine.expiration).toBe(Date.UTC(2031, 0, 1, 12));
    const [a, b] = sts.requests;
    expect([b!.method, b!.path, b!.search]).toEqual([a!.method, a!.path, a!.search]);
    expect(JSON.parse(b!.body)).toEqual(JSON.parse(a!.body));
  });

  it("a refused session request names the STS code, not the keys", async () => {
    const sts = await fakeSts();
    const err = await fromBaiduSts({ credentials: { accessKeyId: AK, accessKeySecret: "wrong-sk" }, endpoint: sts.url }).resolve().then(() => undefined, (e: Error) => e);
    expect(err?.message).toContain("SignatureDoesNotMatch");
    expect(err?.message).not.toContain("wrong-sk");
  });

  it("an STS endpoint with user info or without a scheme: the source fails naming the option, not retried; nothing sent", async () => {
    let sent = 0;
    const fetch = async () => {
      sent++;
      return new Response("{}");
    };
    const credentials = { accessKeyId: AK, accessKeySecret: SK };
    const withPassword = await fromBaiduSts({ credentials, endpoint: "http://u:PW-hunter2@127.0.0.1:9", fetch }).resolve().then(() => undefined, (e: Error) => e);
    expect(withPassword).toMatchObject({ name: "CredentialSourceError", configured: true, transient: undefined, message: "the endpoint option must not hold user info (user:password@), which fetch refuses to send: set it to the address alone (e.g. https://sts.bj.baidubce.com)" });
    const bare = await fromBaiduSts({ credentials, endpoint: "sts.bj.baidubce.com", fetch }).resolve().then(() => undefined, (e: Error) => e);
    expect(bare).toMatchObject({ name: "CredentialSourceError", configured: true, message: "the endpoint option is not an http:// or https:// URL: write it with its scheme (e.g. https://sts.bj.baidubce.com)" });
    expect(sent).toBe(0);
  });

  it("the chain is the environment (BCE_ACCESS_KEY_ID / BCE_SECRET_ACCESS_KEY / BCE_SESSION_TOKEN)", async () => {
    const c = await baiduCredentialChain({ env: { BCE_ACCESS_KEY_ID: "a", BCE_SECRET_ACCESS_KEY: "s", BCE_SESSION_TOKEN: "t" } }).resolve();
    expect(c).toEqual({ accessKeyId: "a", accessKeySecret: "s", securityToken: "t", source: "environment" });
  });
});

describe("hitachi token file", () => {
  // File times are set explicitly (utimes), a minute before the source's clock: nothing here depends on how
  // fast the machine is or on the file system's mtime granularity.
  const T = Date.UTC(2026, 0, 1);
  const writeAt = (path: string, text: string, mtimeMs: number) => {
    writeFileSync(path, text);
    utimesSync(path, mtimeMs / 1000, mtimeMs / 1000);
  };

  it("re-reads the token when the file changes, not on every request", async () => {
    const home = tempHome();
    writeAt(`${home}/token`, "bearer-one\n", T - 60_000);
    let now = T;
    const source = hitachiTokenFile({ path: `${home}/token`, clock: () => now, checkEveryMs: 1_000 });
    expect(await source()).toEqual({ token: "bearer-one" });
    now = T + 500;
    writeAt(`${home}/token`, "bearer-two-longer\n", T - 60_000);
    expect(await source()).toEqual({ token: "bearer-one" }); // within the check interval
    now = T + 1_600;
    expect(await source()).toEqual({ token: "bearer-two-longer" });
    now = T + 3_000;
    expect(await source()).toEqual({ token: "bearer-two-longer" });
    expect(source.reads).toBe(2);
    // The session says its last token was refused: the file is looked at now, within the interval.
    writeAt(`${home}/token`, "bearer-three-longest\n", T - 60_000);
    expect(await source()).toEqual({ token: "bearer-two-longer" });
    expect(await source({ refresh: true })).toEqual({ token: "bearer-three-longest" });
  });

  it("a same-length rewrite in place that keeps mtime, size and inode (a coarse-mtime file system) is still read", async () => {
    const home = tempHome();
    const path = `${home}/token`;
    const stamp = () => {
      const s = statSync(path);
      return [s.mtimeMs, s.size, s.ino];
    };
    writeAt(path, "bearer-AAAA", T);
    const before = stamp();
    let now = T + 300; // read within the granularity of the file's mtime
    const source = hitachiTokenFile({ path, clock: () => now, checkEveryMs: 1_000 });
    expect(await source()).toEqual({ token: "bearer-AAAA" });
    writeAt(path, "bearer-BBBB", T); // rewritten in place within the same mtime tick
    expect(stamp()).toEqual(before); // nothing a stat shows has changed
    now = T + 1_500;
    expect(await source()).toEqual({ token: "bearer-BBBB" });
    // Once the file is older than the granularity at a read, its stamp is trusted again: no read per check.
    now = T + 5_000;
    expect(await source()).toEqual({ token: "bearer-BBBB" });
    expect(source.reads).toBe(3);
    now = T + 7_000;
    expect(await source()).toEqual({ token: "bearer-BBBB" });
    now = T + 9_000;
    expect(await source()).toEqual({ token: "bearer-BBBB" });
    expect(source.reads).toBe(3);
  });

  it("a refused token (refresh) reads the file even when its stamp shows no change", async () => {
    const home = tempHome();
    const path = `${home}/token`;
    writeAt(path, "bearer-CCCC", T);
    let now = T + 10_000;
    const source = hitachiTokenFile({ path, clock: () => now, checkEveryMs: 1_000 });
    expect(await source()).toEqual({ token: "bearer-CCCC" });
    writeAt(path, "bearer-DDDD", T); // same length, same mtime, same inode
    now = T + 12_000;
    expect(await source()).toEqual({ token: "bearer-CCCC" }); // the stamp is all a periodic check looks at
    expect(await source({ refresh: true })).toEqual({ token: "bearer-DDDD" });
  });

  it("VSP_ONE_OBJECT_TOKEN_FILE is the facade's source when no token is given; the bearer follows the file", async () => {
    const home = tempHome({ token: "file-bearer-1" });
    const server = await fakeServer((req: Seen) => {
      if (req.path === "/mapi/v1/csrf") return { headers: { "Set-Cookie": ["XSRF-TOKEN=x1; Path=/", "vertx-web.session=s1; Path=/"] } };
      return json({ buckets: [] });
    });
    const saved = process.env.VSP_ONE_OBJECT_TOKEN_FILE;
    process.env.VSP_ONE_OBJECT_TOKEN_FILE = `${home}/token`;
    try {
      const client = createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${server.url}/mapi` });
      await client.listBucketsPage({ userId: 1 });
      const list = server.requests.filter((r) => r.path === "/mapi/v1/user/list_buckets");
      expect(list[0]!.headers.authorization).toBe("Bearer file-bearer-1");
    } finally {
      if (saved === undefined) delete process.env.VSP_ONE_OBJECT_TOKEN_FILE;
      else process.env.VSP_ONE_OBJECT_TOKEN_FILE = saved;
    }
  });

  afterEach(() => vi.useRealTimers());

  it("a rotated token file: the 401's re-authentication attempt reads the file at once (not the token cached for a second)", async () => {
    // The wall clock stands still: the second call comes within the file's 1 s check interval however slow the
    // machine (on the real clock, a second call a second later read the new token at once, and never met the 401).
    vi.useFakeTimers({ toFake: ["Date"] });
    const home = tempHome({ token: "file-bearer-OLD-1" });
    let valid = "file-bearer-OLD-1";
    const server = await fakeServer((req: Seen) => {
      if (req.path === "/mapi/v1/csrf") return { headers: { "Set-Cookie": ["XSRF-TOKEN=x1; Path=/", "vertx-web.session=s1; Path=/"] } };
      return req.headers.authorization === `Bearer ${valid}` ? json({ buckets: [] }) : { status: 401 };
    });
    const saved = process.env.VSP_ONE_OBJECT_TOKEN_FILE;
    process.env.VSP_ONE_OBJECT_TOKEN_FILE = `${home}/token`;
    try {
      const client = createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${server.url}/mapi`, retry: false });
      await client.listBucketsPage({ userId: 1 });
      writeFileSync(`${home}/token`, "file-bearer-NEW-rotated-2");
      valid = "file-bearer-NEW-rotated-2";
      // Within the file's 1 s check interval the first attempt still sends the old token (401); the second must not.
      await expect(client.listBucketsPage({ userId: 1 })).resolves.toMatchObject({ buckets: [] });
      const bearers = server.requests.filter((r) => r.path === "/mapi/v1/user/list_buckets").map((r) => r.headers.authorization);
      expect(bearers).toEqual(["Bearer file-bearer-OLD-1", "Bearer file-bearer-OLD-1", "Bearer file-bearer-NEW-rotated-2"]);
    } finally {
      if (saved === undefined) delete process.env.VSP_ONE_OBJECT_TOKEN_FILE;
      else process.env.VSP_ONE_OBJECT_TOKEN_FILE = saved;
    }
  });

  it("a missing or empty file is an error naming the file", async () => {
    const home = tempHome({ empty: "  \n" });
    await expect(hitachiTokenFile({ path: `${home}/absent` })()).rejects.toThrow(/absent does not exist/);
    await expect(hitachiTokenFile({ path: `${home}/empty` })()).rejects.toThrow(/empty is empty/);
  });
});

// Signature errors explain themselves (issue 12 item 6): when the vendor answers a bad signature with what it
// signed (OSS <StringToSign>/<CanonicalRequest>, the Alibaba RPC gateway's "server string to sign is: …"), the
// BucketryError carries ours, theirs and the first difference — never a secret or a derived key. Against the
// mock server, which answers a bad signature the way each vendor does.
import { inspect } from "node:util";
import { startMockServer, type MockServer } from "@bucketry/mocks/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BucketryError, createBucketClient } from "../src/index.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ buckets: 5, seed: 21 });
});
afterAll(() => server.close());
beforeEach(() => server.mock.reset());

const WRONG_SECRET = "wrong-secret-never-shown-0123456789";
const TOKEN = "sts-token-never-shown-abcdef0123456789";

async function failure(promise: Promise<unknown>): Promise<BucketryError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(BucketryError);
    return err as BucketryError;
  }
  throw new Error("expected a rejection");
}

/** A transport that adds a header after signing (what a proxy or a misbehaving middleware would do). */
const addingHeader = (name: string, value: string) => (request: Request) => {
  const changed = new Request(request);
  changed.headers.set(name, value);
  return fetch(changed);
};

describe("OSS V4", () => {
  const bucket = () => server.mock.state.buckets[0]!.name;
  const options = () => server.clientOptions["aliyun-oss"] as Record<string, unknown> & { credentials: { accessKeyId: string; accessKeySecret: string } };

  it("wrong secret: OSS's StringToSign and CanonicalRequest equal ours, so there is no textual difference (the key is wrong)", async () => {
    const o = options();
    const client = createBucketClient({ ...o, credentials: { accessKeyId: o.credentials.accessKeyId, accessKeySecret: WRONG_SECRET }, retry: false } as never) as never as { getBucketAcl(b: string): Promise<unknown> };
    const err = await failure(client.getBucketAcl(bucket()));
    expect(err).toMatchObject({ kind: "SignatureMismatch", code: "SignatureDoesNotMatch" });
    expect(err.signature?.ours.canonicalRequest).toMatch(/^GET\n(\/[a-z0-9-]+)+\/\nacl\n/);
    expect(err.signature?.ours.stringToSign).toMatch(/^OSS4-HMAC-SHA256\n\d{8}T\d{6}Z\n\d{8}\/cn-hangzhou\/oss\/aliyun_v4_request\n[0-9a-f]{64}$/);
    expect(err.signature?.server).toEqual(err.signature?.ours);
    expect(err.signature?.firstDifference).toBeUndefined();
  });

  it("a header added after signing: the first difference is the line OSS signed and bucketry did not", async () => {
    const client = createBucketClient({ ...options(), fetch: addingHeader("x-oss-meta-added", "1"), retry: false } as never) as never as { getBucketAcl(b: string): Promise<unknown> };
    const err = await failure(client.getBucketAcl(bucket()));
    expect(err.kind).toBe("SignatureMismatch");
    // Canonical headers are sorted: x-oss-meta-added follows x-oss-date, where ours has the blank separator line.
    expect(err.signature?.firstDifference).toMatchObject({ part: "canonicalRequest", column: 1, ours: "", server: "x-oss-meta-added:1" });
    const lines = err.signature!.ours.canonicalRequest!.split("\n");
    expect(lines[err.signature!.firstDifference!.line - 2]).toMatch(/^x-oss-date:\d{8}T\d{6}Z$/);
  });

  it("an STS token in the signed headers is redacted on both sides; no secret in JSON or inspect output", async () => {
    const o = options();
    const client = createBucketClient({ ...o, credentials: { accessKeyId: o.credentials.accessKeyId, accessKeySecret: WRONG_SECRET, securityToken: TOKEN }, retry: false } as never) as never as {
      getBucketAcl(b: string): Promise<unknown>;
    };
    const err = await failure(client.getBucketAcl(bucket()));
    expect(err.kind).toBe("SignatureMismatch");
    expect(err.signature?.ours.canonicalRequest).toContain("x-oss-security-token:[redacted]");
    for (const text of [JSON.stringify(err), inspect(err, { depth: 10 }), err.message, JSON.stringify(err.signature)]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(WRONG_SECRET);
    }
  });
});

describe("ENS RPC v1 (server string to sign is: …)", () => {
  const options = () => server.clientOptions["aliyun-ens"] as Record<string, unknown> & { credentials: { accessKeyId: string; accessKeySecret: string } };

  it("wrong secret: the gateway's string to sign equals ours", async () => {
    const o = options();
    const client = createBucketClient({ ...o, signatureVersion: "v1", credentials: { accessKeyId: o.credentials.accessKeyId, accessKeySecret: WRONG_SECRET }, retry: false } as never) as never as {
      listBucketsPage(p?: object): Promise<unknown>;
    };
    const err = await failure(client.listBucketsPage());
    expect(err).toMatchObject({ kind: "SignatureMismatch", code: "SignatureDoesNotMatch" });
    expect(err.signature?.ours.stringToSign).toMatch(/^POST&%2F&AccessKeyId%3D/);
    expect(err.signature?.server?.stringToSign).toBe(err.signature?.ours.stringToSign);
    expect(JSON.stringify(err)).not.toContain(WRONG_SECRET);
  });

  it("a gateway message that quotes the STS token is redacted, and the comparison stays on the error", async () => {
    const o = options();
    // The mock's message, with the token quoted in it (the real gateway signs SecurityToken as a query parameter).
    const quotingToken = async (request: Request) => {
      const answer = await fetch(request);
      const body = (await answer.json()) as { Message: string };
      body.Message = `${body.Message} (SecurityToken=${TOKEN})`;
      const headers = new Headers(answer.headers);
      headers.delete("content-length");
      return new Response(JSON.stringify(body), { status: answer.status, headers });
    };
    const client = createBucketClient({ ...o, signatureVersion: "v1", fetch: quotingToken, credentials: { accessKeyId: o.credentials.accessKeyId, accessKeySecret: WRONG_SECRET, securityToken: TOKEN }, retry: false } as never) as never as {
      listBucketsPage(p?: object): Promise<unknown>;
    };
    const err = await failure(client.listBucketsPage());
    expect(err).toMatchObject({ kind: "SignatureMismatch", code: "SignatureDoesNotMatch" });
    expect(err.vendorMessage).toContain("SecurityToken=[redacted]");
    expect(err.signature?.ours.stringToSign).toContain("SecurityToken%3D[redacted]");
    expect(err.signature?.server?.stringToSign).toMatch(/^POST&%2F&AccessKeyId%3D/);
    for (const text of [JSON.stringify(err), inspect(err, { depth: 10 }), err.message, JSON.stringify(err.signature)]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(WRONG_SECRET);
    }
  });

  it("a token with characters Alibaba's percentEncode escapes beyond encodeURIComponent (!'()*) is redacted in every form", async () => {
    const token = "STS.tok*en(1)!'-never-shown-0123456789";
    // Alibaba's rule, written out here as its docs state it: encodeURIComponent, then ! ' ( ) * as %XX.
    const alibaba = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const o = options();
    const client = createBucketClient({ ...o, signatureVersion: "v1", credentials: { accessKeyId: o.credentials.accessKeyId, accessKeySecret: WRONG_SECRET, securityToken: token }, retry: false } as never) as never as {
      listBucketsPage(p?: object): Promise<unknown>;
    };
    const err = await failure(client.listBucketsPage());
    expect(err).toMatchObject({ kind: "SignatureMismatch" });
    expect(err.signature?.ours.stringToSign).toContain("SecurityToken%3D[redacted]"); // encoded twice there
    for (const text of [JSON.stringify(err), inspect(err, { depth: 10 }), err.message, JSON.stringify(err.signature)]) {
      for (const form of [token, alibaba(token), alibaba(alibaba(token))]) expect(text).not.toContain(form);
    }
  });
});

// BOS and MPC answer a bad signature without saying what they signed: the error still carries what bucketry signed.
describe("vendors that do not report what they signed", () => {
  it("BOS: a wrong secret's SignatureMismatch carries our canonical request, and no server side", async () => {
    const o = server.clientOptions["baidu-bos"] as Record<string, unknown> & { credentials: { accessKeyId: string; accessKeySecret: string } };
    const client = createBucketClient({ ...o, credentials: { accessKeyId: o.credentials.accessKeyId, accessKeySecret: WRONG_SECRET }, retry: false } as never) as never as { getBucketAcl(b: string): Promise<unknown> };
    const err = await failure(client.getBucketAcl(server.mock.state.buckets[0]!.name));
    expect(err).toMatchObject({ kind: "SignatureMismatch", code: "SignatureDoesNotMatch" });
    expect(err.signature?.ours.stringToSign).toMatch(/^GET\n\//);
    expect(err.signature?.server).toBeUndefined();
    expect(JSON.stringify(err)).not.toContain(WRONG_SECRET);
  });

  it("MPC: a wrong secret's SignatureMismatch carries our canonical request, and no server side", async () => {
    const o = server.clientOptions["huaweicloud-mpc"] as Record<string, unknown> & { credentials: { accessKeyId: string; accessKeySecret: string } };
    const client = createBucketClient({ ...o, credentials: { accessKeyId: o.credentials.accessKeyId, accessKeySecret: WRONG_SECRET }, retry: false } as never) as never as {
      listBucketsPage(p?: object): Promise<unknown>;
    };
    const err = await failure(client.listBucketsPage());
    expect(err.kind).toBe("SignatureMismatch");
    expect(err.signature?.ours.canonicalRequest).toMatch(/^GET\n(\/[\w-]+)*\/v1\/[0-9a-f]+\/buckets/);
    expect(err.signature?.server).toBeUndefined();
    expect(JSON.stringify(err)).not.toContain(WRONG_SECRET);
  });
});

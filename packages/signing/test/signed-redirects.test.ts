// An endpoint that answers with a redirect to another origin (another port): a request signed by any of the
// signers, or carrying huaweiTokenAuth's X-Auth-Token, from a client left on openapi-fetch's default
// `redirect: "follow"`, gets the 3xx back as it is; nothing reaches the other origin. The platform's fetch alone
// would follow: it drops Authorization across origins but keeps X-Auth-Token and the vendors' security-token
// headers (and, on a 307 or 308, the body). Two servers on 127.0.0.1; nothing else is connected to.
import { createServer } from "node:http";
import createClient, { type Middleware } from "openapi-fetch";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { acsRpcV1Signer } from "../src/acs-rpc-v1.js";
import { acs3Signer } from "../src/acs3.js";
import { bceV1Signer } from "../src/bce-v1.js";
import { huaweiTokenAuth, sdkHmacSha256Signer } from "../src/huawei-sdk-hmac.js";
import { signRequest } from "../src/middleware.js";
import { ossV1Signer } from "../src/oss-v1.js";
import { ossV4Signer } from "../src/oss-v4.js";
import { createNodeTransport, fetchTransport } from "../src/transport/node.js";
import { close, listen, reading, type Seen } from "./support/loopback.js";

const TOKEN = "S3ntinel-SECURITY-token";
const credentials = { accessKeyId: "AKIDEXAMPLE", accessKeySecret: "S3ntinel-SECRET", securityToken: TOKEN };

// Where the redirects point: it records whatever reaches it.
const elsewhereSeen: Seen[] = [];
const elsewhere = createServer(
  reading((seen, res) => {
    elsewhereSeen.push(seen);
    res.writeHead(200, { "content-type": "application/json" });
    res.end("{}");
  }),
);
let elsewhereHost = "";

// The vendor: answers every request with `status.next`, pointing at the other origin.
const status = { next: 302 };
const vendor = createServer(
  reading((_seen, res) => {
    res.writeHead(status.next, { location: `http://${elsewhereHost}/stolen`, "content-type": "application/xml" });
    res.end("<Error><Code>PermanentRedirect</Code></Error>");
  }),
);
let base = "";

beforeAll(async () => {
  elsewhereHost = await listen(elsewhere);
  base = `http://${await listen(vendor)}`;
});
afterAll(async () => {
  await close(vendor);
  await close(elsewhere);
});
beforeEach(() => {
  elsewhereSeen.length = 0;
  status.next = 302;
});

const AUTH: Record<string, () => Middleware> = {
  acs3Signer: () => acs3Signer({ credentials, action: "ListBuckets", version: "2017-11-10" }),
  acsRpcV1Signer: () => acsRpcV1Signer({ credentials }),
  ossV4Signer: () => ossV4Signer({ credentials, region: "cn-hangzhou", bucket: "example", addressing: "path" }),
  ossV1Signer: () => ossV1Signer({ credentials, bucket: "example", addressing: "path" }),
  bceV1Signer: () => bceV1Signer({ credentials }),
  sdkHmacSha256Signer: () => sdkHmacSha256Signer({ credentials }),
  huaweiTokenAuth: () => huaweiTokenAuth({ token: TOKEN }),
};

const TRANSPORTS = {
  "the platform's fetch": undefined,
  fetchTransport,
  "the Node transport": createNodeTransport(),
} as const;

// RPC v1 signs only calls that name their action and version; the others sign these as any query.
type Rpc = { Action: string; Version: string };
const params = { path: { key: "k" }, query: { Action: "ListBuckets", Version: "2017-11-10" } };

interface AnyPaths {
  "/example/{key}": {
    parameters: { query?: Rpc; header?: never; path: { key: string }; cookie?: never };
    get: { parameters: { query?: Rpc; path: { key: string } }; responses: { default: { headers: Record<string, unknown>; content: { "application/json": unknown } } } };
    put: {
      parameters: { query?: Rpc; path: { key: string } };
      requestBody: { content: { "application/json": { note: string } } };
      responses: { default: { headers: Record<string, unknown>; content: { "application/json": unknown } } };
    };
  };
}

describe.each(Object.keys(TRANSPORTS) as (keyof typeof TRANSPORTS)[])("through %s", (transportName) => {
  describe.each(Object.keys(AUTH))("%s on a client left to follow redirects", (authName) => {
    const client = () => {
      const transport = TRANSPORTS[transportName];
      // openapi-fetch's own client, on its default redirect mode ("follow").
      const c = createClient<AnyPaths>({ baseUrl: base, ...(transport ? { fetch: transport } : {}) });
      c.use(AUTH[authName]!());
      return c;
    };

    it.each([301, 302, 303, 307, 308])("a %i to another origin comes back as it is; nothing reaches that origin", async (code) => {
      status.next = code;
      const { response, error } = await client().GET("/example/{key}", { params });
      expect(elsewhereSeen).toEqual([]);
      expect(response.status).toBe(code);
      expect(response.headers.get("location")).toBe(`http://${elsewhereHost}/stolen`);
      expect(String(error)).toContain("PermanentRedirect");
    });

    it("a request with a body: the 307 comes back, the body goes nowhere else", async () => {
      status.next = 307;
      const { response } = await client().PUT("/example/{key}", { params, body: { note: "S3ntinel-BODY" } });
      expect(elsewhereSeen).toEqual([]);
      expect(response.status).toBe(307);
    });
  });
});

describe("the mode a signed request is sent with", () => {
  const sent: Request[] = [];
  const capture = async (request: Request) => {
    sent.push(request);
    return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
  };
  beforeEach(() => {
    sent.length = 0;
  });

  it.each(["manual", "error"] as const)('a client that asked for "%s" keeps it, and its request is signed in place', async (mode) => {
    const c = createClient<AnyPaths>({ baseUrl: base, fetch: capture, redirect: mode });
    let built: Request | undefined;
    c.use({ onRequest: ({ request }) => void (built = request) }, AUTH.bceV1Signer!());
    await c.GET("/example/{key}", { params });
    expect(sent.map((r) => r.redirect)).toEqual([mode]);
    expect(sent[0]).toBe(built);
  });

  it("signRequest's signed copy does not follow redirects either; the original is untouched", async () => {
    const original = new Request(`${base}/example/k`, { method: "PUT", body: "S3ntinel-BODY" });
    const copy = await signRequest(original, async (r) => void r.headers.set("x-signed", "1"));
    expect([original.redirect, copy.redirect]).toEqual(["follow", "manual"]);
    expect(await copy.text()).toBe("S3ntinel-BODY");
    expect(original.bodyUsed).toBe(false);
  });
});

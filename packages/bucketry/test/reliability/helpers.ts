// Shared by the reliability tests: a fetch stub per provider (answers Hitachi's CSRF handshake itself),
// a raw local HTTP server for faults a stub cannot fake (resets, hangs), and one call per provider's
// read path, so every test can run over all five.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import { BucketryError, createBucketClient, type Provider } from "../../src/index.js";

export const PROVIDERS: readonly Provider[] = ["aliyun-ens", "huaweicloud-mpc", "baidu-bos", "hitachi-vsp-one-object", "aliyun-oss"];

/** Fake credentials per provider (nothing here is secret; see secrets.test.ts for sentinels). */
export const creds = {
  "aliyun-ens": { accessKeyId: "LTAI-test-id", accessKeySecret: "ens-test-secret" },
  "aliyun-oss": { accessKeyId: "LTAI-test-id", accessKeySecret: "oss-test-secret" },
  "huaweicloud-mpc": { accessKeyId: "MPC-TEST-AK", accessKeySecret: "mpc-test-sk" },
  "baidu-bos": { accessKeyId: "bos-test-ak", accessKeySecret: "bos-test-sk" },
  "hitachi-vsp-one-object": { token: "hitachi-test-token" },
} as const;

export type Fetch = (request: Request) => Promise<Response>;

/** Client options for `provider` against `endpoint`, with extra options merged in. */
export function optionsFor(provider: Provider, endpoint: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = { provider, endpoint, credentials: creds[provider] };
  if (provider === "huaweicloud-mpc") Object.assign(base, { region: "cn-north-4", projectId: "0a1b2c3d4e5f60718293a4b5c6d7e8f9" });
  if (provider === "aliyun-oss") base.region = "cn-hangzhou";
  if (provider === "baidu-bos") base.region = "bj";
  return { ...base, ...extra };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyClient = any;

export function clientFor(provider: Provider, endpoint: string, extra: Record<string, unknown> = {}): AnyClient {
  return createBucketClient(optionsFor(provider, endpoint, extra) as never);
}

/** The provider's read path: one page, or one ACL. */
export function callOnce(client: AnyClient, provider: Provider, call: Record<string, unknown> = {}): Promise<unknown> {
  switch (provider) {
    case "aliyun-ens":
    case "huaweicloud-mpc":
      return client.listBucketsPage(call);
    case "hitachi-vsp-one-object":
      return client.listBucketsPage({ userId: 1, ...call });
    default:
      return client.getBucketAcl("example-bucket", call);
  }
}

/** What a correct 200 body looks like, per provider. */
export const VALID_BODY: Record<Provider, { type: string; body: string }> = {
  "aliyun-ens": {
    type: "application/json",
    body: JSON.stringify({
      RequestId: "r-1",
      TotalCount: 1,
      PageNumber: 1,
      PageSize: 100,
      BucketInfos: [{ BucketName: "b1", CreateTime: "2022-10-12T05:45:00Z", EnsRegionId: "cn-beijing-15", BucketAcl: "private" }],
    }),
  },
  "huaweicloud-mpc": { type: "application/json", body: JSON.stringify({ buckets: [{ bucket: "b1", creation_date: 20220101010101 }] }) },
  "baidu-bos": {
    type: "application/json",
    body: JSON.stringify({ owner: { id: "o1" }, accessControlList: [{ grantee: [{ id: "o1" }], permission: ["FULL_CONTROL"] }] }),
  },
  "hitachi-vsp-one-object": { type: "application/json", body: JSON.stringify({ buckets: [{ bucketName: "b1", bucketId: 7 }] }) },
  "aliyun-oss": {
    type: "application/xml",
    body:
      '<?xml version="1.0" encoding="UTF-8"?><AccessControlPolicy><Owner><ID>0022012</ID><DisplayName>0022012</DisplayName></Owner>' +
      "<AccessControlList><Grant>public-read</Grant></AccessControlList></AccessControlPolicy>",
  },
};

/** The request-id header each provider reads (Hitachi documents none). */
export const REQUEST_ID_HEADER: Record<Provider, string | undefined> = {
  "aliyun-ens": "x-acs-request-id",
  "huaweicloud-mpc": "x-request-id",
  "baidu-bos": "x-bce-request-id",
  "hitachi-vsp-one-object": undefined,
  "aliyun-oss": "x-oss-request-id",
};

/**
 * A fetch stub: `answer` decides every API response; Hitachi's CSRF GET is answered here (a fresh
 * XSRF-TOKEN each time) unless `answer` returns something for it.
 */
export function stubFetch(answer: (request: Request, index: number) => Response | Promise<Response>): Fetch & { requests: Request[] } {
  const requests: Request[] = [];
  let csrf = 0;
  const fetch = async (request: Request) => {
    if (request.method === "GET" && new URL(request.url).pathname.endsWith("/v1/csrf")) {
      csrf++;
      return new Response(null, { status: 200, headers: [["set-cookie", `XSRF-TOKEN=xsrf-${csrf}; Path=/`], ["set-cookie", `vertx-web.session=sess-${csrf}; Path=/`]] });
    }
    requests.push(request);
    return answer(request, requests.length - 1);
  };
  return Object.assign(fetch, { requests });
}

export const STUB_ENDPOINT: Record<Provider, string> = {
  "aliyun-ens": "http://ens.stub",
  "huaweicloud-mpc": "http://mpc.stub",
  "baidu-bos": "http://bos.stub",
  "hitachi-vsp-one-object": "http://hitachi.stub/mapi",
  "aliyun-oss": "http://oss.stub",
};

export async function rejection(promise: Promise<unknown>): Promise<BucketryError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(BucketryError);
    return err as BucketryError;
  }
  throw new Error("expected the call to reject");
}

// Taken before any test fakes the timers: `within` guards against hangs in real time, fake clock or not.
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

/** Rejects when `promise` does not settle within `ms` (a hang is a failure, not a timeout of the suite). */
export function within<T>(promise: Promise<T>, ms: number, what = "call"): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    promise.finally(() => realClearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = realSetTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms);
    }),
  ]);
}

/** Counts arrivals; `arrived(n)` resolves once there were n (an event to wait for instead of a sleep). */
export function arrivals(): { count: number; add(): void; arrived(n: number): Promise<void> } {
  let count = 0;
  const waiting: { n: number; resolve: () => void }[] = [];
  return {
    get count() {
      return count;
    },
    add() {
      count++;
      for (const w of waiting.filter((w) => w.n <= count)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
    },
    arrived(n: number) {
      return n <= count ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ n, resolve }));
    },
  };
}

/**
 * A fetch stub that never answers an API request (it rejects, as fetch does, when the request's signal
 * aborts); Hitachi's CSRF GET is answered. `arrived(n)` resolves once n API requests came in.
 */
export function hangingFetch(): Fetch & { requests: Request[]; arrived(n: number): Promise<void> } {
  const seen = arrivals();
  const fetch = stubFetch(
    (request) =>
      new Promise<Response>((_, reject) => {
        seen.add();
        request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true });
      }),
  );
  return Object.assign(fetch, { arrived: seen.arrived });
}

// --- a raw HTTP server ---------------------------------------------------------------------------------------

export interface Raw {
  url: string;
  hits: number;
  /** Resolves once the server has seen `n` requests (each read to its end). */
  arrived(n: number): Promise<void>;
  server: Server;
  close(): Promise<void>;
}

/** A local server whose handler writes to the socket itself (reset, hang, partial bodies). */
export async function rawServer(handler: (req: IncomingMessage, res: ServerResponse, index: number) => void): Promise<Raw> {
  const seen = arrivals();
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const index = seen.count;
      seen.add();
      handler(req, res, index);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get hits() {
      return seen.count;
    },
    arrived: seen.arrived,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Runs `run` and returns the promise rejections left unhandled meanwhile (Node ends a process on one), waiting
 * one turn of the event loop after it settles: the moment Node reports them.
 */
export async function unhandledRejectionsDuring(run: () => Promise<unknown>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on("unhandledRejection", listener);
  try {
    await run();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off("unhandledRejection", listener);
  }
  return seen;
}

// Secrets never leak: every error path is driven with sentinel secrets (access key secrets, security tokens,
// IAM and bearer tokens, passwords, client secrets, CSRF tokens and session cookies — including a server that
// quotes the request's headers back in its error message), and every rendering of every error and client —
// message, stack, String, toJSON, util.inspect at any depth with showHidden, console.log — is searched.
import { Console } from "node:console";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { format, inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BucketryError, createBucketClient, type Provider } from "../../src/index.js";
import type { RetryInfo } from "../../src/retry.js";

const MARK = "SENTINEL";
const secret = (what: string) => `${what}-${MARK}-${Math.random().toString(36).slice(2, 10)}`;

type Mode = "auth" | "echo" | "500" | "throttle" | "skew" | "malformed" | "huge" | "reset" | "hang" | "ok";
let mode: Mode = "ok";
let csrfMode: "ok" | "500" | "no-cookie" | "huge" = "ok";
let tokenMode: "ok" | "401" | "no-token" | "bad-token" = "ok";
const XSRF = secret("XSRF");
const SESSION = secret("COOKIE");
const ACCESS = secret("ACCESS");

let server: Server;
let base = "";

function providerOf(url: string): Provider {
  return url.split("/")[1] as Provider;
}

/**
 * `help`: the page the vendor links (ENS `Recommend`, OSS `RecommendDoc`), for the vendors whose errors carry one; they
 * also explain a denial (`AccessDeniedDetail`), here naming the message as the caller.
 */
function vendorError(provider: Provider, status: number, code: string, message: string, res: ServerResponse, headers: Record<string, string> = {}, help = `https://api.aliyun.com/troubleshoot?q=${code}`): void {
  if (provider === "aliyun-oss") {
    const esc = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    res.writeHead(status, { "content-type": "application/xml", "x-oss-request-id": "REQ-1", ...headers });
    res.end(`<?xml version="1.0"?><Error><Code>${code}</Code><Message>${esc(message)}</Message><RequestId>REQ-1</RequestId><RecommendDoc>${esc(help)}</RecommendDoc><AccessDeniedDetail><AuthAction>oss:GetBucketAcl</AuthAction><AuthPrincipalDisplayName>${esc(message)}</AuthPrincipalDisplayName></AccessDeniedDetail></Error>`);
    return;
  }
  const body: Record<Provider, object> = {
    "aliyun-ens": { Code: code, Message: message, RequestId: "REQ-1", Recommend: help, AccessDeniedDetail: { AuthAction: "ens:ListBuckets", AuthPrincipalDisplayName: message } },
    "huaweicloud-mpc": { error_code: code, error_msg: message, request_id: "REQ-1" },
    "baidu-bos": { code, message, requestId: "REQ-1" },
    "hitachi-vsp-one-object": { code, message, details: message },
    "aliyun-oss": {},
  };
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body[provider]));
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? "/";
  if (url.startsWith("/token")) {
    if (tokenMode === "401") {
      res.writeHead(401, { "content-type": "application/json" });
      return void res.end(JSON.stringify({ error: "invalid_grant", error_description: `bad password ${req.headers["x-echo"] ?? ""}` }));
    }
    res.writeHead(200, { "content-type": "application/json" });
    if (tokenMode === "no-token") return void res.end("{}");
    return void res.end(JSON.stringify({ access_token: tokenMode === "bad-token" ? `${ACCESS}\nX` : ACCESS, expires_in: 300 }));
  }
  const provider = providerOf(url);
  if (url.endsWith("/v1/csrf")) {
    if (csrfMode === "500") return vendorError(provider, 500, "Boom", "csrf failed", res);
    const cookies = { "set-cookie": [`XSRF-TOKEN=${XSRF}; Path=/`, `vertx-web.session=${SESSION}; Path=/; HttpOnly`] };
    // Declared past maxResponseBytes: the answer fails on arrival, before anything reads (and remembers) its cookies.
    if (csrfMode === "huge") return void res.writeHead(200, { ...cookies, "content-length": "2000" }).end("x".repeat(2_000));
    res.writeHead(200, csrfMode === "no-cookie" ? {} : cookies);
    return void res.end();
  }
  switch (mode) {
    case "auth":
      if (provider === "hitachi-vsp-one-object") {
        res.writeHead(401);
        return void res.end();
      }
      return vendorError(provider, 403, "AccessDenied", "denied", res);
    case "echo": {
      // A proxy or a verbose gateway that quotes the request back.
      const quoted = Object.entries(req.headers).map(([k, v]) => `${k}: ${String(v)}`).join("; ") + ` url=${url}`;
      // ENS and OSS link a help page: one that quotes the request too (as a query: a URL has no spaces).
      return vendorError(provider, 400, "InvalidArgument", quoted, res, {}, `https://api.aliyun.com/troubleshoot?q=${quoted.replace(/\s+/g, "+")}`);
    }
    case "500":
      return vendorError(provider, 500, "InternalError", "boom", res);
    case "throttle":
      return vendorError(provider, 429, "Throttling.User", "slow down", res, { "retry-after": "0" });
    case "skew":
      return vendorError(provider, provider === "baidu-bos" || provider === "aliyun-ens" ? 400 : provider === "huaweicloud-mpc" ? 401 : 403,
        { "aliyun-ens": "InvalidTimeStamp.Expired", "huaweicloud-mpc": "APIGW.0303", "baidu-bos": "RequestExpired", "aliyun-oss": "RequestTimeTooSkewed", "hitachi-vsp-one-object": "x" }[provider],
        "skewed", res, { date: new Date(Date.now() + 3_600_000).toUTCString() });
    case "malformed":
      res.writeHead(200, { "content-type": provider === "aliyun-oss" ? "application/xml" : "application/json" });
      return void res.end(provider === "aliyun-oss" ? "<AccessControlPolicy><Owner>" : '{"buckets": [');
    case "huge":
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end(`{"x":"${"y".repeat(5_000)}"}`);
    case "reset":
      return void req.socket.destroy();
    case "hang":
      return;
    default:
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end("{}");
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => handle(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

// --- renderings ------------------------------------------------------------------------------------------------------

function consoleLog(...args: unknown[]): string {
  let out = "";
  const sink = new Writable({
    write(chunk, _enc, done) {
      out += String(chunk);
      done();
    },
  });
  const c = new Console({ stdout: sink, stderr: sink });
  c.log(...args);
  c.error(...args);
  c.dir(args[0], { depth: Infinity, showHidden: true });
  return out;
}

function renderings(value: unknown): string[] {
  const out = [
    String(value),
    JSON.stringify(value) ?? "",
    inspect(value),
    inspect(value, { depth: Infinity, showHidden: true }),
    inspect(value, { depth: Infinity, showHidden: true, getters: true }),
    format("%o %O %s %j", value, value, value, value),
    consoleLog(value),
    consoleLog({ nested: { value } }),
  ];
  if (value instanceof Error) {
    out.push(value.message, value.stack ?? "");
    // The cause chain, as a debugger or a logger that walks it would show it.
    let cause: unknown = value.cause;
    for (let i = 0; cause !== undefined && i < 5; i++) {
      out.push(inspect(cause, { depth: Infinity, showHidden: true }), String(cause));
      cause = cause instanceof Error ? cause.cause : undefined;
    }
  }
  return out;
}

function expectClean(label: string, value: unknown): void {
  for (const text of renderings(value)) {
    const at = text.indexOf(MARK);
    if (at !== -1) throw new Error(`${label}: a secret leaked in a rendering: …${text.slice(Math.max(0, at - 80), at + 40)}…`);
  }
}

// --- clients with sentinel secrets --------------------------------------------------------------------------------------

interface Setup {
  label: string;
  provider: Provider;
  options: Record<string, unknown>;
}

function setups(): Setup[] {
  const ak = (p: Provider) => ({ accessKeyId: `AKID-${p}`, accessKeySecret: secret("SK"), securityToken: secret("STS") });
  const common = (p: Provider): Record<string, unknown> => ({
    provider: p,
    ...(p === "huaweicloud-mpc" ? { region: "cn-north-4", projectId: "p1" } : {}),
    ...(p === "aliyun-oss" ? { region: "cn-hangzhou" } : {}),
    retry: { baseDelayMs: 0, maxAttempts: 2 },
    maxResponseBytes: 1_000,
  });
  const out: Setup[] = [];
  for (const p of ["aliyun-ens", "aliyun-oss", "huaweicloud-mpc", "baidu-bos"] as const) {
    const c = ak(p);
    out.push({ label: `${p} static`, provider: p, options: { ...common(p), credentials: c } });
    const f = ak(p);
    out.push({ label: `${p} function`, provider: p, options: { ...common(p), credentials: async () => f } });
  }
  out.push({ label: "aliyun-ens v1", provider: "aliyun-ens", options: { ...common("aliyun-ens"), signatureVersion: "v1", credentials: ak("aliyun-ens") } });
  out.push({ label: "aliyun-oss v1", provider: "aliyun-oss", options: { ...common("aliyun-oss"), signatureVersion: "v1", credentials: ak("aliyun-oss") } });
  out.push({ label: "huaweicloud-mpc token", provider: "huaweicloud-mpc", options: { ...common("huaweicloud-mpc"), credentials: { token: secret("IAM") } } });
  out.push({ label: "hitachi token", provider: "hitachi-vsp-one-object", options: { ...common("hitachi-vsp-one-object"), credentials: { token: secret("BEARER") } } });
  const bearer = secret("BEARER");
  out.push({ label: "hitachi function", provider: "hitachi-vsp-one-object", options: { ...common("hitachi-vsp-one-object"), credentials: () => ({ token: bearer }) } });
  out.push({
    label: "hitachi password grant",
    provider: "hitachi-vsp-one-object",
    options: { ...common("hitachi-vsp-one-object"), credentials: { username: "admin", password: secret("PW"), clientSecret: secret("CS"), tokenUrl: "TOKEN_URL" } },
  });
  return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function call(client: any, provider: Provider, options: object = {}): Promise<unknown> {
  if (provider === "aliyun-oss" || provider === "baidu-bos") return client.getBucketAcl("example-bucket", options);
  return client.listBucketsPage({ userId: 1, ...options });
}

const MODES: Mode[] = ["auth", "echo", "500", "throttle", "skew", "malformed", "huge", "reset", "hang"];

/** The server's address is known only once it listens: fill it in at run time. */
function located(provider: Provider, options: Record<string, unknown>): Record<string, unknown> {
  const creds = options.credentials as Record<string, unknown>;
  return {
    ...options,
    endpoint: `${base}/${provider}${provider === "hitachi-vsp-one-object" ? "/mapi" : ""}`,
    ...(creds && typeof creds === "object" && creds.tokenUrl ? { credentials: { ...creds, tokenUrl: `${base}/token` } } : {}),
  };
}

describe.each(setups())("$label", ({ label, provider, options: unlocated }) => {
  it("every error path: no rendering of the error, the retries' errors or the client shows a secret", async () => {
    const options = located(provider, unlocated);
    const retried: RetryInfo[] = [];
    const client = createBucketClient({ ...options, retry: { ...(options.retry as object), onRetry: (i: RetryInfo) => retried.push(i) } } as never);
    expectClean(`${label} client`, client);
    expectClean(`${label} client.raw`, (client as unknown as { raw: unknown }).raw);
    const errors: [string, unknown][] = [];
    csrfMode = "ok";
    tokenMode = "ok";
    for (const m of MODES) {
      mode = m;
      // Only the hanging server needs a short attempt timeout (it ends that call whatever the machine's pace);
      // every other mode's answer is met with the default 30 s, so that it is this answer's error that is checked.
      const options = m === "hang" ? { timeoutMs: 300 } : {};
      errors.push([m, await call(client, provider, options).then(() => new Error(`${m}: expected a failure`), (e: unknown) => e)]);
    }
    mode = "hang";
    errors.push(["deadline", await call(client, provider, { deadlineMs: 50 }).then(() => null, (e: unknown) => e)]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error(`aborted ${MARK}? no: the reason is the caller's`)), 30);
    const aborted = await call(client, provider, { signal: controller.signal }).then(() => null, (e: unknown) => e);
    expect(aborted).toMatchObject({ kind: "Aborted" });
    errors.push(["aborted", aborted]); // the caller's abort reason is not carried into the error

    if (provider === "hitachi-vsp-one-object") {
      mode = "auth";
      for (const c of ["500", "no-cookie", "huge"] as const) {
        csrfMode = c;
        const fresh = createBucketClient(options as never);
        errors.push([`csrf ${c}`, await call(fresh, provider).then(() => null, (e: unknown) => e)]);
      }
      csrfMode = "ok";
      for (const t of ["401", "no-token", "bad-token"] as const) {
        tokenMode = t;
        const fresh = createBucketClient(options as never);
        errors.push([`token ${t}`, await call(fresh, provider).then(() => null, (e: unknown) => e)]);
      }
      tokenMode = "ok";
    }
    mode = "ok";

    for (const [m, err] of errors) {
      expect(err, `${label} ${m}`).toBeInstanceOf(BucketryError);
      // The error of the path under test: only a hanging server's call ends in a timeout.
      if (MODES.includes(m as Mode) && m !== "hang") expect((err as BucketryError).kind, `${label} ${m}`).not.toBe("Timeout");
      expectClean(`${label} ${m}`, err);
    }
    for (const info of retried) expectClean(`${label} onRetry`, info);
    expectClean(`${label} client after calls`, client);
    // The echo really did quote the secrets back (the server saw them): redaction, not luck, kept them out.
    const echo = errors.find(([m]) => m === "echo")![1] as BucketryError;
    if (!label.startsWith("aliyun-ens v1")) expect(echo.vendorMessage).toContain("[redacted]");
    if (!label.startsWith("aliyun-ens v1") && (provider === "aliyun-ens" || provider === "aliyun-oss")) {
      expect(echo.helpUrl).toContain("[redacted]");
      expect(echo.accessDeniedDetail?.authPrincipalDisplayName).toContain("[redacted]");
    }
  });
});

describe("a transport error whose message quotes the request's URL (Bun's fetch does, query and all)", () => {
  it.each(["fetch failed", "Malformed_HTTP_Response"])("%s: the error keeps no cause that would show the signed query's token", async (kind) => {
    const token = secret("STS");
    const fetch = async (request: Request) => {
      // RPC v1 signs in the query: the URL carries SecurityToken and Signature.
      const err = new TypeError(`${kind === "fetch failed" ? "fetch failed" : "malformed answer"} for ${request.url}`);
      if (kind !== "fetch failed") Object.assign(err, { code: kind });
      throw err;
    };
    const client = createBucketClient({ provider: "aliyun-ens", endpoint: "https://ens.aliyuncs.com", signatureVersion: "v1", credentials: { accessKeyId: "AKID", accessKeySecret: secret("SK"), securityToken: token }, fetch, retry: false });
    const err = await client.listBucketsPage().then(() => undefined, (e: unknown) => e as BucketryError);
    expect(err).toMatchObject({ kind: kind === "fetch failed" ? "Network" : "MalformedResponse" });
    expectClean(kind, err);
  });

  // Deno's fetch: "fetch failed" on top, the URL two causes down ("error sending request for url (…)"). Only the top
  // message was checked, so err.cause.cause quoted the token to any logger printing cause chains.
  it("Deno's form: the URL quoted in a cause of the cause is not kept either", async () => {
    const token = secret("STS");
    const fetch = async (request: Request) => {
      throw new TypeError("fetch failed", { cause: new Error(`error sending request for url (${request.url}): client error (Connect)`, { cause: new Error("tcp connect error: Connection refused (os error 111)") }) });
    };
    const client = createBucketClient({ provider: "aliyun-ens", endpoint: "https://ens.aliyuncs.com", signatureVersion: "v1", credentials: { accessKeyId: "AKID", accessKeySecret: secret("SK"), securityToken: token }, fetch, retry: false });
    const err = await client.listBucketsPage().then(() => undefined, (e: unknown) => e as BucketryError);
    expect(err).toMatchObject({ kind: "Network", message: "aliyun-ens: network error" });
    expectClean("Deno's fetch", err);
    expect(inspect(err, { depth: null, showHidden: true })).not.toContain(token);
  });
});

describe("credentials that cannot be sent: refused without being quoted", () => {
  const bad = [`${secret("STS")}\nInjected: 1`, `${secret("STS")}\r`, `${secret("STS")} x`, `${secret("STS")}\u00e9`];
  it.each(bad.map((b) => [JSON.stringify(b).slice(0, 24), b]))("%s", async (_, token) => {
    const cases: (() => unknown)[] = [
      () => createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", credentials: { accessKeyId: "a", accessKeySecret: "s", securityToken: token } }),
      () => createBucketClient({ provider: "baidu-bos", credentials: { accessKeyId: token, accessKeySecret: "s" } }),
      () => createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", projectId: "p", credentials: { token } }),
      () => createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: "http://h/mapi", credentials: { token } }),
      () => createBucketClient({ provider: "aliyun-ens", credentials: { accessKeyId: "a", accessKeySecret: token } }),
    ];
    for (const make of cases) {
      let err: unknown;
      try {
        make();
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({ kind: "Configuration" });
      expectClean("config", err);
    }
    // From a credentials function, per call.
    for (const provider of ["aliyun-ens", "baidu-bos", "huaweicloud-mpc", "aliyun-oss"] as const) {
      const client = createBucketClient({
        provider,
        endpoint: `${base}/${provider}`,
        region: provider === "aliyun-oss" ? "cn-hangzhou" : provider === "baidu-bos" ? "bj" : "cn-north-4",
        ...(provider === "huaweicloud-mpc" ? { projectId: "p" } : {}),
        credentials: () => ({ accessKeyId: "a", accessKeySecret: "s", securityToken: token }),
      } as never);
      const err = await call(client, provider).then(() => null, (e: unknown) => e);
      expect(err).toMatchObject({ kind: "Configuration" });
      expectClean("function credentials", err);
    }
    const hitachi = createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${base}/hitachi-vsp-one-object/mapi`, credentials: () => ({ token }) });
    const err = await call(hitachi, "hitachi-vsp-one-object").then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(BucketryError);
    expectClean("hitachi function credentials", err);
  });
});

describe("a credentials function that throws: its message is never repeated (a secret bucketry never saw)", () => {
  const PROVIDERS_ALL = ["aliyun-ens", "baidu-bos", "huaweicloud-mpc", "aliyun-oss", "hitachi-vsp-one-object"] as const;
  it.each(PROVIDERS_ALL)("%s", async (provider) => {
    const unseen = secret("VAULT");
    const thrown = Object.assign(new Error(`vault login failed for key LTAIxx secret=${unseen}`), { code: "EVAULTDOWN" });
    const client = createBucketClient({
      provider,
      endpoint: `${base}/${provider}${provider === "hitachi-vsp-one-object" ? "/mapi" : ""}`,
      ...(provider === "hitachi-vsp-one-object" ? {} : { region: provider === "aliyun-oss" ? "cn-hangzhou" : provider === "baidu-bos" ? "bj" : "cn-north-4" }),
      ...(provider === "huaweicloud-mpc" ? { projectId: "p" } : {}),
      credentials: async () => {
        throw thrown;
      },
    } as never);
    const err = (await call(client, provider).then(() => null, (e: unknown) => e)) as BucketryError;
    expect(err).toBeInstanceOf(BucketryError);
    expect(err).toMatchObject({ provider, kind: "InvalidCredentials", retryable: false });
    // What failed, by name and code; the caller's error is not kept (a logger walking `cause` would print it).
    expect(err.message).toContain("the credentials function threw Error (code EVAULTDOWN) (its message may hold a secret");
    expect(err.cause).toBeUndefined();
    expectClean("credentials function", err);
    expectClean("credentials function (structuredClone)", structuredClone(err));
  });
});

describe("hitachi: what keeps secrets redacted across a long session", () => {
  // A MAPI whose every answer sets a new cookie (a load balancer's sticky cookie), whose token endpoint lives
  // under the MAPI base, and which quotes the request's headers back when `echo` is set.
  const TOKEN = secret("GRANTED");
  const XSRF2 = secret("XSRF");
  const SESSION2 = secret("COOKIE");
  let echo = false;
  let answers = 0;
  /** A new cookie name on every answer (instead of a new value of one), and spaces around the XSRF token's value. */
  let churnNames = false;
  let spaced = false;
  let mapi: Server;
  let endpoint = "";
  beforeAll(async () => {
    mapi = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        // The error's answer sets a new value too: the one its request carried must still be redacted.
        const sticky = churnNames ? `n${++answers}=${MARK}-name-${answers}` : `lb=${MARK}-sticky-${++answers}`;
        if (req.url!.endsWith("/v1/oauth/token")) {
          res.writeHead(200, { "content-type": "application/json", "set-cookie": sticky });
          return void res.end(JSON.stringify({ access_token: TOKEN, expires_in: 3600 }));
        }
        if (req.url!.endsWith("/v1/csrf")) {
          res.writeHead(200, { "set-cookie": [spaced ? `XSRF-TOKEN=  ${XSRF2}  ; Path=/` : `XSRF-TOKEN=${XSRF2}; Path=/`, `vertx-web.session=${SESSION2}; Path=/; HttpOnly`, sticky] });
          return void res.end();
        }
        if (echo) {
          const quoted = Object.entries(req.headers).map(([k, v]) => `${k}: ${String(v)}`).join("; ");
          res.writeHead(400, { "content-type": "application/json", "set-cookie": sticky });
          return void res.end(JSON.stringify({ code: "InvalidArgument", message: quoted, details: quoted }));
        }
        res.writeHead(200, { "content-type": "application/json", "set-cookie": sticky });
        res.end('{"buckets":[]}');
      });
    });
    await new Promise<void>((resolve) => mapi.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(mapi.address() as AddressInfo).port}/mapi`;
  });
  afterAll(async () => {
    mapi.closeAllConnections();
    await new Promise<void>((resolve) => mapi.close(() => resolve()));
  });

  async function echoedAfter(calls: number, credentials: object): Promise<BucketryError> {
    echo = false;
    const client = createBucketClient({ provider: "hitachi-vsp-one-object", endpoint, credentials, retry: { maxAttempts: 1 } } as never);
    for (let i = 0; i < calls; i++) await client.listBucketsPage({ userId: 1 });
    echo = true;
    const err = (await client.listBucketsPage({ userId: 1 }).then(() => null, (e: unknown) => e)) as BucketryError;
    expect(err).toBeInstanceOf(BucketryError);
    return err;
  }

  it("a static token stays redacted after 200 answers that each set a new cookie", async () => {
    const token = secret("BEARER");
    const err = await echoedAfter(200, { token });
    // The server saw the token and the session's cookies and quoted them: redaction kept them out.
    expect(err.vendorMessage).toContain("Bearer [redacted]");
    expectClean("after 200 cookies", err);
  });

  it("an XSRF token rotated on every answer stays redacted in the error of a call that was in flight while others rotated it", async () => {
    // The server holds the first listing until five more have been answered (each setting a new XSRF-TOKEN),
    // then answers it by quoting its headers: they carry the token of five rotations ago.
    let rotation = 0;
    let held: (() => void) | undefined;
    let arrived!: () => void;
    const heldArrived = new Promise<void>((resolve) => (arrived = resolve));
    const rotating = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        const xsrf = `XSRF-TOKEN=${MARK}-rotated-${++rotation}; Path=/`;
        if (req.url!.endsWith("/v1/csrf")) {
          res.writeHead(200, { "set-cookie": xsrf });
          return void res.end();
        }
        if (held === undefined) {
          const quote = Object.entries(req.headers).map(([k, v]) => `${k}: ${String(v)}`).join("; ");
          held = () => {
            res.writeHead(400, { "content-type": "application/json" });
            res.end(JSON.stringify({ code: "InvalidArgument", message: quote, details: quote }));
          };
          return arrived();
        }
        res.writeHead(200, { "content-type": "application/json", "set-cookie": xsrf });
        res.end('{"buckets":[]}');
      });
    });
    await new Promise<void>((resolve) => rotating.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(rotating.address() as AddressInfo).port}/mapi`;
    const close = () => (rotating.closeAllConnections(), new Promise<void>((resolve) => rotating.close(() => resolve())));
    try {
      const client = createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: url, credentials: { token: secret("BEARER") }, retry: false } as never);
      const first = client.listBucketsPage({ userId: 1 }).then(() => null, (e: unknown) => e);
      await heldArrived;
      for (let i = 0; i < 5; i++) await client.listBucketsPage({ userId: 1 });
      held!();
      const err = (await first) as BucketryError;
      expect(err).toBeInstanceOf(BucketryError);
      expect(err.vendorMessage).toContain("x-xsrf-token: [redacted]");
      expectClean("in flight across five rotations", err);
    } finally {
      await close();
    }
  });

  it.each([
    ["after 100 answers that each set a cookie of a new name", true, false],
    ["when the XSRF value was set with spaces around it (the jar sends it trimmed)", false, true],
  ])("the session's cookies stay redacted %s", async (_, names, spaces) => {
    churnNames = names;
    spaced = spaces;
    try {
      const err = await echoedAfter(100, { token: secret("BEARER") });
      expect(err.vendorMessage).toContain("x-xsrf-token: [redacted]");
      expectClean("the session's cookies", err);
    } finally {
      churnNames = false;
      spaced = false;
    }
  });

  it("where no Set-Cookie is visible (a browser page on the MAPI's host), the XSRF token read from document.cookie is redacted too", async () => {
    const g = globalThis as { document?: unknown; location?: unknown };
    const xsrf = secret("PAGE-XSRF");
    g.document = { cookie: `XSRF-TOKEN=${xsrf}` };
    g.location = { hostname: new URL(endpoint).hostname, origin: new URL(endpoint).origin };
    try {
      // A fetch that shows the script no Set-Cookie, as a browser's does.
      const hiding = async (request: Request) => {
        const response = await globalThis.fetch(request);
        const headers = new Headers(response.headers);
        headers.delete("set-cookie");
        return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
      };
      echo = true;
      const client = createBucketClient({ provider: "hitachi-vsp-one-object", endpoint, credentials: { token: secret("BEARER") }, fetch: hiding, retry: false } as never);
      const err = (await client.listBucketsPage({ userId: 1 }).then(() => null, (e: unknown) => e)) as BucketryError;
      expect(err).toBeInstanceOf(BucketryError);
      expect(err.vendorMessage).toContain("x-xsrf-token: [redacted]");
      expect(JSON.stringify({ ...err, message: err.message })).not.toContain(xsrf);
    } finally {
      echo = false;
      delete g.document;
      delete g.location;
    }
  });

  it("the token a password grant issues stays redacted after 70 answers that each rotate the XSRF token", async () => {
    const token = secret("GRANT-ROTATING");
    let n = 0;
    let quote = false;
    const rotating = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        const xsrf = `XSRF-TOKEN=${MARK}-xsrf-${++n}; Path=/`;
        if (req.url!.endsWith("/v1/oauth/token")) {
          res.writeHead(200, { "content-type": "application/json", "set-cookie": xsrf });
          return void res.end(JSON.stringify({ access_token: token, expires_in: 3600 }));
        }
        if (req.url!.endsWith("/v1/csrf") || !quote) {
          res.writeHead(200, { "content-type": "application/json", "set-cookie": xsrf });
          return void res.end('{"buckets":[]}');
        }
        const quoted = Object.entries(req.headers).map(([k, v]) => `${k}: ${String(v)}`).join("; ");
        res.writeHead(400, { "content-type": "application/json", "set-cookie": xsrf });
        res.end(JSON.stringify({ code: "InvalidArgument", message: quoted }));
      });
    });
    await new Promise<void>((resolve) => rotating.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(rotating.address() as AddressInfo).port}/mapi`;
    try {
      const client = createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: url, credentials: { username: "admin", password: secret("PW"), tokenUrl: `${url}/v1/oauth/token` }, retry: false } as never);
      for (let i = 0; i < 70; i++) await client.listBucketsPage({ userId: 1 });
      quote = true;
      const err = (await client.listBucketsPage({ userId: 1 }).then(() => null, (e: unknown) => e)) as BucketryError;
      expect(err).toBeInstanceOf(BucketryError);
      expect(err.vendorMessage).toContain("Bearer [redacted]");
      expectClean("after 70 rotated XSRF tokens", err);
    } finally {
      rotating.closeAllConnections();
      await new Promise<void>((resolve) => rotating.close(() => resolve()));
    }
  });

  it("the token a password grant issues is redacted when its tokenUrl is under the MAPI base", async () => {
    const err = await echoedAfter(1, { username: "admin", password: secret("PW"), tokenUrl: `${endpoint}/v1/oauth/token` });
    expect(err.vendorMessage).toContain("Bearer [redacted]");
    expectClean("grant under the endpoint", err);
  });
});

describe("SecretSet: what it keeps", () => {
  it("credentials given when the client is made outlive any number obtained later; the longest match is redacted first", async () => {
    const { SecretSet } = await import("../../src/secrets.js");
    const set = new SecretSet();
    const given = secret("GIVEN-PASSWORD");
    set.add(given);
    await Promise.resolve(); // the client is made: later values are obtained ones
    for (let i = 0; i < 200; i++) set.add(secret(`OBTAINED-${i}`));
    expect(set.redact(`password=${given}`)).toBe("password=[redacted]");
    const short = "shared-prefix-token";
    set.add(short, `${short}-and-a-longer-secret-tail`);
    expect(set.redact(`a ${short}-and-a-longer-secret-tail b`)).toBe("a [redacted] b");
  });

  it("two secrets that overlap are hidden whole, and a value that occurs in the marker leaves the marker as it is", async () => {
    const { SecretSet } = await import("../../src/secrets.js");
    const set = new SecretSet();
    set.add("TOKEN-HEAD-shared-part", "shared-part-TAIL-OF-KEY", "edac");
    // The first's tail is the second's head: both end up in one marker, no part of either readable.
    expect(set.redact("x=TOKEN-HEAD-shared-part-TAIL-OF-KEY;")).toBe("x=[redacted];");
    expect(set.redact("a shared-part-TAIL-OF-KEY and TOKEN-HEAD-shared-part")).toBe("a [redacted] and [redacted]");
    // "edac" is also a secret here: the marker written for another one is not searched again.
    expect(set.redact("TOKEN-HEAD-shared-part / edac")).toBe("[redacted] / [redacted]");
    // Redacting an already redacted message (the facade does, for errors it rebuilds) leaves it as it is.
    expect(set.redact(set.redact("TOKEN-HEAD-shared-part / edac"))).toBe("[redacted] / [redacted]");
  });

  // A server quoting the request's URL back may normalize its escapes to lower case (RFC 3986 calls them
  // equivalent): an STS token in an RPC query then read "CAIS%2bab%2fcd%3d%3d", which no kept form matched.
  it("a credential percent-encoded with lower-case escapes is hidden too", async () => {
    const { SecretSet } = await import("../../src/secrets.js");
    const set = new SecretSet();
    const token = "CAIS+ab/cd==Zy!'()*";
    set.add(token);
    const alibabaForm = encodeURIComponent(token).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    for (const form of [encodeURIComponent(token), alibabaForm]) {
      const lower = form.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
      expect(lower).not.toBe(form);
      expect(set.redact(`SecurityToken=${lower}&x=1`)).toBe("SecurityToken=[redacted]&x=1");
    }
  });
});

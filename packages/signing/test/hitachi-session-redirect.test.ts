// A MAPI that answers with a redirect to another origin (another port; https → http): nothing the session adds
// (the bearer token, X-XSRF-TOKEN, the session cookies, the password grant's form) and nothing the request carries
// (its body, the caller's Cookie) reaches that origin, through the platform's fetch, fetchTransport or the Node
// transport. The platform's fetch alone would follow: it drops Authorization and Cookie on the way, but sends
// X-XSRF-TOKEN along (and, on a 307 or 308, the body). Two servers on 127.0.0.1; nothing else is connected to.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { fileURLToPath } from "node:url";
import { createClient } from "@bucketry/hitachi-vsp-one-object";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withNetworkGuard } from "../../../test/support/guarded-child.js";
import { HitachiSessionError, hitachiSession } from "../src/hitachi-session.js";
import { createNodeTransport, fetchTransport } from "../src/transport/node.js";
import { close, listen, reading, type Seen } from "./support/loopback.js";

const TOKEN = "S3ntinel-BEARER-token";
const XSRF = "S3ntinel-XSRF-token";
const VERTX = "S3ntinel-VERTX-session";
const PASSWORD = "S3ntinel-PASSWORD";
const CALLER_COOKIE = "mine=S3ntinel-CALLER-cookie";
const SECRETS = [TOKEN, XSRF, VERTX, PASSWORD, "S3ntinel-CALLER-cookie", "S3ntinel-QUERY"];

// Where the redirects point: it records whatever reaches it and answers like a MAPI would.
const elsewhereSeen: Seen[] = [];
const elsewhere = createServer(
  reading((seen, res) => {
    elsewhereSeen.push(seen);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(seen.url.includes("token") ? JSON.stringify({ access_token: "from-elsewhere", expires_in: 300 }) : JSON.stringify({ buckets: [] }));
  }),
);
let elsewhereHost = "";

/** The MAPI: a CSRF handshake, then `answers` (a status each, in turn) to list_buckets and to the token grant. */
const mapiState = { answers: [] as number[], grant: 200 };
const mapiHandler = reading((seen, res) => {
  const away = (status: number) => {
    res.writeHead(status, { location: `http://${elsewhereHost}/stolen?S3ntinel-QUERY=1` });
    res.end();
  };
  if (seen.url === "/mapi/v1/csrf") {
    res.writeHead(200, { "set-cookie": [`XSRF-TOKEN=${XSRF}; Path=/`, `vertx-web.session=${VERTX}; Path=/; HttpOnly`] });
    return res.end();
  }
  if (seen.url === "/token") {
    if (mapiState.grant !== 200) return away(mapiState.grant);
    res.writeHead(200, { "content-type": "application/json" });
    return res.end(JSON.stringify({ access_token: TOKEN, expires_in: 300 }));
  }
  const status = mapiState.answers.shift() ?? 200;
  if (status === 401) {
    res.writeHead(401);
    return res.end();
  }
  if (status !== 200) return away(status);
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ buckets: [] }));
});
const mapi = createServer(mapiHandler);
let base = "";

beforeAll(async () => {
  elsewhereHost = await listen(elsewhere);
  base = `http://${await listen(mapi)}/mapi`;
});
afterAll(async () => {
  await close(mapi);
  await close(elsewhere);
});
beforeEach(() => {
  elsewhereSeen.length = 0;
  mapiState.answers = [];
  mapiState.grant = 200;
});

const TRANSPORTS = {
  "the platform's fetch (the client's default)": undefined,
  fetchTransport,
  "the Node transport": createNodeTransport(),
} as const;

function listBuckets(name: keyof typeof TRANSPORTS, credentials: Parameters<typeof hitachiSession>[0]["credentials"] = { token: TOKEN }) {
  const transport = TRANSPORTS[name];
  // Set to follow redirects (the client's own default is "manual", which hands a 3xx back as it is): the session
  // must then send the call with "manual" itself, and refuse the redirect.
  const client = createClient({ baseUrl: base, redirect: "follow", ...(transport ? { fetch: transport } : {}) });
  client.use(hitachiSession({ baseUrl: base, credentials, ...(transport ? { fetch: transport } : {}) }));
  return client.POST("/v1/user/list_buckets", { body: { id: 7, count: 5 }, headers: { Cookie: CALLER_COOKIE } });
}

/** The call's rejection, once it is known that nothing reached the other origin (checked first: it is the point). */
async function refusal(call: Promise<unknown>): Promise<HitachiSessionError> {
  const err = await call.then(
    (answer) => answer,
    (e: unknown) => e,
  );
  expect(elsewhereSeen).toEqual([]);
  expect(err).toBeInstanceOf(HitachiSessionError);
  return err as HitachiSessionError;
}

function expectRefused(err: HitachiSessionError, status: number): void {
  expect(err).toMatchObject({ stage: "redirect", status, endpoint: `${base}/v1/user/list_buckets` });
  // The status and the origin it points to; never its path or query, nor a secret.
  expect(err.message).toBe(`hitachiSession: MAPI request to ${base}/v1/user/list_buckets failed with HTTP ${status}; a redirect to http://${elsewhereHost}, not followed: use the URL it points to`);
  for (const secret of SECRETS) expect(err.message).not.toContain(secret);
}

describe.each(Object.keys(TRANSPORTS) as (keyof typeof TRANSPORTS)[])("a MAPI call through %s", (name) => {
  it.each([301, 302, 303, 307, 308])("a %i to another origin is refused with an error; nothing reaches that origin", async (status) => {
    mapiState.answers = [status];
    expectRefused(await refusal(listBuckets(name)), status);
    expect(elsewhereSeen).toEqual([]);
  });

  it("the replay after a 401 is refused the same way", async () => {
    mapiState.answers = [401, 307];
    expectRefused(await refusal(listBuckets(name)), 307);
    expect(elsewhereSeen).toEqual([]);
  });

  it("the password grant's form goes to the token URL only", async () => {
    mapiState.grant = 307;
    const err = await refusal(listBuckets(name, { username: "admin", password: PASSWORD, tokenUrl: `${new URL(base).origin}/token` }));
    expect(err).toMatchObject({ stage: "token", status: 307 });
    expect(err.message).toContain(`a redirect to http://${elsewhereHost}, not followed`);
    expect(elsewhereSeen).toEqual([]);
  });

  it("a request that asked for redirect: \"manual\" (the client's default) gets the 3xx as it is", async () => {
    mapiState.answers = [307];
    const transport = TRANSPORTS[name];
    const client = createClient({ baseUrl: base, ...(transport ? { fetch: transport } : {}) });
    client.use(hitachiSession({ baseUrl: base, credentials: { token: TOKEN } }));
    const { response } = await client.POST("/v1/user/list_buckets", { body: { id: 7, count: 5 } });
    expect(response.status).toBe(307);
    expect(elsewhereSeen).toEqual([]);
  });

  it("an answer without a redirect is unchanged", async () => {
    const { data, response } = await listBuckets(name);
    expect([response.status, data]).toEqual([200, { buckets: [] }]);
  });
});

describe("https → http", () => {
  const fixtures = fileURLToPath(new URL("./fixtures/tls/", import.meta.url));
  const dist = (pkg: string) => fileURLToPath(new URL(`../../${pkg}/dist/`, import.meta.url));

  /** Runs `script` in a child that trusts the fixture certificate (Node reads NODE_EXTRA_CA_CERTS at startup). */
  function child(script: string): Promise<{ out: string; err: string }> {
    const env = withNetworkGuard({ ...process.env, NODE_EXTRA_CA_CERTS: `${fixtures}cert.pem` });
    const p = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"], env });
    let out = "";
    let err = "";
    p.stdout.on("data", (d: Buffer) => (out += d.toString()));
    p.stderr.on("data", (d: Buffer) => (err += d.toString()));
    return new Promise((resolve) => p.on("exit", () => resolve({ out, err })));
  }

  it("a MAPI on https redirecting to http on another port: refused, through the platform's fetch", async () => {
    const tls = createHttpsServer({ key: readFileSync(`${fixtures}key.pem`), cert: readFileSync(`${fixtures}cert.pem`) }, mapiHandler);
    const secure = `https://${await listen(tls)}/mapi`;
    mapiState.answers = [308];
    try {
      const { out, err } = await child(`
        const { createClient } = await import(${JSON.stringify(`${dist("hitachi-vsp-one-object")}index.js`)});
        const { hitachiSession } = await import(${JSON.stringify(`${dist("signing")}hitachi-session.js`)});
        const client = createClient({ baseUrl: ${JSON.stringify(secure)}, redirect: "follow" });
        client.use(hitachiSession({ baseUrl: ${JSON.stringify(secure)}, credentials: { token: ${JSON.stringify(TOKEN)} } }));
        const outcome = await client.POST("/v1/user/list_buckets", { body: { id: 7, count: 5 } }).then(
          (r) => ({ status: r.response.status }),
          (e) => ({ name: e.name, stage: e.stage, status: e.status, message: e.message }),
        );
        console.log(JSON.stringify(outcome));
      `);
      expect(err).toBe("");
      expect(JSON.parse(out)).toEqual({
        name: "HitachiSessionError",
        stage: "redirect",
        status: 308,
        message: `hitachiSession: MAPI request to ${secure}/v1/user/list_buckets failed with HTTP 308; a redirect to http://${elsewhereHost}, not followed: use the URL it points to`,
      });
      expect(elsewhereSeen).toEqual([]);
    } finally {
      await close(tls as unknown as Server);
    }
  });
});

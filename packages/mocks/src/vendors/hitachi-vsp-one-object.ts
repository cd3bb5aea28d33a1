// Hitachi VSP One Object MAPI: GET /v1/csrf issues XSRF-TOKEN and vertx-web.session cookies; POST
// /v1/user/list_buckets needs the bearer token and X-XSRF-TOKEN equal to the XSRF-TOKEN cookie (401
// otherwise), answers 405 to other methods, and pages a user's buckets by pageToken/count.
import type { MockContext, VendorAdapter } from "../adapter.js";
import type { MockBucket, Reply } from "../types.js";
import { REASON_HEADER, badGateway, documentedErrorReply, hex, json, reply, same, seconds, setDefault, successExample, uuid } from "./common.js";

/**
 * The mock account as Hitachi's MAPI sees it (the published test account: fake, public on purpose): the credentials it
 * accepts, the `createBucketClient` options a client needs besides `provider` and `endpoint`, and facts a test
 * may assert. `@bucketry/mocks` assembles `testCredentials`, `testAccount` and the server's `clientOptions` from
 * every vendor's account (src/generated/accounts.ts).
 */
export const hitachiVspOneObjectAccount = {
  credentials: { token: "mock-vsp-one-object-bearer-token" },
  clientOptions: {},
  facts: {
    /** Hitachi users that own seeded buckets (user 0 owns about 60%). */
    hitachiUserIds: [0, 1, 2] as readonly [number, number, number],
  },
} as const;
const TOKEN = hitachiVspOneObjectAccount.credentials.token;
/** "The XSRF token has a limited lifetime": the mock's is 30 minutes. */
export const XSRF_LIFETIME_MS = 30 * 60 * 1000;

interface Session {
  session: string;
  issuedAt: number;
}

const sessions = (ctx: MockContext) => ctx.runtime.remember("hitachi:sessions", () => new Map<string, Session>());

function error(status: number, code: string, message: string, details: string, reason?: string, headers: Record<string, string> = {}): Reply {
  return json(status, { code, message, details }, { ...(reason ? { [REASON_HEADER]: reason } : {}), ...headers });
}

/** 401: the page documents no body for it. */
function unauthorized(ctx: MockContext, reason: string, bearer = false): Reply {
  ctx.call.auth = { scheme: "Bearer+XSRF", ok: false, reason };
  return reply(401, undefined, null, { [REASON_HEADER]: reason, ...(bearer ? { "www-authenticate": 'Bearer realm="vsp-object"' } : {}) });
}

// Opaque page tokens: base64url JSON, like the real ones ("eyJ2ZXJzaW9uIjoxL…"). Portable (no Buffer).
const encodeToken = (after: string) => {
  const bytes = new TextEncoder().encode(JSON.stringify({ version: 1, after }));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
};

function decodeToken(token: string): string | undefined {
  try {
    const binary = atob(token.replace(/-/g, "+").replace(/_/g, "/"));
    const text = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const value = JSON.parse(text) as { version?: unknown; after?: unknown };
    return value.version === 1 && typeof value.after === "string" ? value.after : undefined;
  } catch {
    return undefined;
  }
}

function firstAfter(list: readonly MockBucket[], name: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.name <= name) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function listBuckets(ctx: MockContext): Reply {
  const body = JSON.parse(ctx.bodyText) as { id: number | string; count?: number; pageToken?: string; startingAfter?: string };
  if (ctx.state.buckets.length === 0) {
    const example = successExample(ctx.operation, "lastPage") ?? successExample(ctx.operation);
    return json(200, example?.value ?? { buckets: [] });
  }
  const id = typeof body.id === "string" && /^-?\d+$/.test(body.id) ? Number(body.id) : body.id;
  if (typeof id !== "number" || !ctx.state.hitachiUsers.includes(id)) {
    return error(404, "NotFound", "The user id could not be found.", `No user with id ${JSON.stringify(body.id)}.`);
  }
  let after: string | undefined;
  if (body.pageToken) {
    after = decodeToken(body.pageToken);
    if (after === undefined) return error(400, "InvalidPageToken", "The request was missing a user id or parameters are invalid.", "pageToken is not a token this server issued.");
  } else if (body.startingAfter) {
    after = body.startingAfter;
  }
  const count = body.count ?? 1000;
  const owned = ctx.state.buckets.filter((b) => b.hitachiUserId === id);
  const start = after === undefined ? 0 : firstAfter(owned, after);
  const page = owned.slice(start, start + count);
  const more = start + page.length < owned.length;
  return json(200, {
    buckets: page.map((b) => ({ bucketId: b.hitachiBucketId, bucketName: b.name })),
    ...(more ? { pageToken: encodeToken(page[page.length - 1]!.name) } : {}),
  });
}

export const hitachiVspOneObject: VendorAdapter = {
  provider: "hitachi-vsp-one-object",
  answers: ["ListUserBuckets", "GetCsrfToken"],
  auxiliaryOperations: ["GetCsrfToken"],
  clockChecked: false,
  noClockCheckReason: "Hitachi's MAPI checks no request time (bearer token + XSRF session)",
  // Hitachi documents no request-id header; the id exists only in the recorded call.
  requestId: (random) => uuid(random),

  decorate(ctx, reply) {
    setDefault(reply, "date", new Date(ctx.now()).toUTCString());
  },

  // The page lists the request body's media type as `*/*` and its own curl example posts the JSON with `-d` (so
  // `application/x-www-form-urlencoded`); the server reads the body as JSON whatever its Content-Type, and so does
  // the mock (fetch's default for a string body is `text/plain`). A body that is not JSON is still 400.
  normalize(ctx, parts) {
    if (ctx.operation.operationId !== "ListUserBuckets" || parts.bodyText.trim() === "") return parts;
    return { ...parts, contentType: "application/json" };
  },

  invalid(ctx, issue) {
    return error(400, "BadRequest", "The request was missing a user id or parameters are invalid.", issue.message, issue.message);
  },

  async authenticate(ctx) {
    const authorization = ctx.headers.get("authorization");
    const m = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
    if (!m) return unauthorized(ctx, "no Bearer token", true);
    if (!same(m[1], TOKEN)) return unauthorized(ctx, "unknown Bearer token", true);
    const header = ctx.headers.get("x-xsrf-token");
    const cookie = ctx.cookies.get("XSRF-TOKEN");
    if (!header) return unauthorized(ctx, "no X-XSRF-TOKEN header");
    if (!cookie) return unauthorized(ctx, "no XSRF-TOKEN cookie");
    if (!same(header, cookie)) return unauthorized(ctx, "X-XSRF-TOKEN differs from the XSRF-TOKEN cookie");
    const issued = sessions(ctx).get(cookie);
    if (!issued) return unauthorized(ctx, "XSRF token was not issued by GET /v1/csrf");
    if (ctx.now() - issued.issuedAt > XSRF_LIFETIME_MS) return unauthorized(ctx, "XSRF token expired");
    const session = ctx.cookies.get("vertx-web.session");
    if (session !== undefined && !same(session, issued.session)) return unauthorized(ctx, "vertx-web.session does not belong to the XSRF token");
    ctx.call.auth = { scheme: "Bearer+XSRF", ok: true };
    return undefined;
  },

  respond(ctx) {
    if (ctx.operation.operationId === "GetCsrfToken") {
      const xsrf = uuid(ctx.runtime.random);
      const session = hex(ctx.runtime.random, 32);
      sessions(ctx).set(xsrf, { session, issuedAt: ctx.now() });
      const headers = new Headers();
      headers.append("set-cookie", `XSRF-TOKEN=${xsrf}; Path=/`);
      headers.append("set-cookie", `vertx-web.session=${session}; Path=/; HTTPOnly`);
      return { status: 200, headers, body: null };
    }
    return listBuckets(ctx);
  },

  documentedError(ctx, code) {
    return documentedErrorReply(ctx, code, code === "405" ? { allow: "POST" } : {});
  },

  methodNotAllowed() {
    return reply(405, undefined, null, { allow: "POST" });
  },

  throttle(_ctx, spec) {
    return error(spec.status ?? 429, spec.code ?? "TooManyRequests", "Too many requests.", "Retry after the delay in Retry-After.", undefined, { "retry-after": seconds(spec.retryAfterMs) });
  },

  serverError(_ctx, spec) {
    if (spec.status === 502) return badGateway();
    return error(spec.status, spec.code ?? (spec.status === 500 ? "InternalServerError" : "ServiceUnavailable"), spec.message ?? "The server could not process the request.", "Retry later.");
  },
};

// Baidu BOS get bucket ACL: bce-auth-v1, path-style (/v1/{bucket}) and virtual-hosted ({bucket}.{region}),
// RequestExpired outside the signature's validity, JSON {code, message, requestId} errors.
import { signBceV1 } from "@bucketry/signing";
import type { MockContext, VendorAdapter } from "../adapter.js";
import type { CannedAcl, Reply } from "../types.js";
import { REASON_HEADER, badGateway, bodyOf, documentedErrorReply, hex, json, onlyHeaders, parseIsoSeconds, same, seconds, setDefault, successExample, uuid, withToken } from "./common.js";

/**
 * The mock account as BOS sees it (the published test account: fake, public on purpose): the credentials it
 * accepts, the `createBucketClient` options a client needs besides `provider` and `endpoint`, and facts a test
 * may assert. `@bucketry/mocks` assembles `testCredentials`, `testAccount` and the server's `clientOptions` from
 * every vendor's account (src/generated/accounts.ts).
 */
export const baiduBosAccount = {
  credentials: { accessKeyId: "mockbosaccesskey00000000000000001", accessKeySecret: "mockbossecretaccesskey000000000001" },
  clientOptions: { region: "bj" as string },
  facts: {
    /** BOS owner id of every seeded bucket. */
    bosOwnerId: "16df583fe6824d73a5f858f06de0af03",
    /** The region BOS clients should be configured with. */
    bosRegion: "bj",
  },
} as const;
const creds = baiduBosAccount.credentials;
/** How far ahead of the server a signature timestamp may be (BOS documents ~30 minutes of tolerance). */
const FUTURE_TOLERANCE_MS = 30 * 60 * 1000;

function error(ctx: MockContext, status: number, code: string, message: string, reason?: string, headers: Record<string, string> = {}): Reply {
  return json(status, { code, message, requestId: ctx.requestId }, { ...(reason ? { [REASON_HEADER]: reason } : {}), ...headers });
}

const invalidAuthHeader = (ctx: MockContext, reason: string) =>
  error(ctx, 400, "InvalidHTTPAuthHeader", "The HTTP authorization header is invalid. Consult the service documentation for details.", reason);

async function verify(ctx: MockContext, authorization: string): Promise<Reply | undefined> {
  const fail = (reason: string, r: Reply) => ((ctx.call.auth = { scheme: "bce-auth-v1", ok: false, reason }), r);
  const parts = authorization.split("/");
  if (parts.length !== 6 || parts[0] !== "bce-auth-v1") return fail("malformed Authorization", invalidAuthHeader(ctx, "expected bce-auth-v1/ak/timestamp/expiration/signedHeaders/signature"));
  const [, accessKeyId, timestamp, expiration, signedHeaders, signature] = parts as [string, string, string, string, string, string];
  const t = parseIsoSeconds(timestamp);
  const validity = Number(expiration);
  if (Number.isNaN(t) || !Number.isInteger(validity) || validity <= 0 || !/^[0-9a-f]{64}$/.test(signature)) {
    return fail("malformed Authorization", invalidAuthHeader(ctx, "bad timestamp, expiration or signature"));
  }
  if (accessKeyId !== creds.accessKeyId) {
    return fail("unknown AK", error(ctx, 403, "InvalidAccessKeyId", "The Access Key ID you provided does not exist in our records.", "unknown access key id"));
  }
  const now = ctx.now();
  if (now > t + validity * 1000 || t > now + FUTURE_TOLERANCE_MS) {
    return fail("expired", error(ctx, 400, "RequestExpired", `Request has expired. Timestamp date is ${timestamp}.`, "signature timestamp outside its validity"));
  }
  const names = signedHeaders === "" ? [] : signedHeaders.split(";");
  // The bce-auth-v1 scheme signs at least host and x-bce-date (the spec); an empty list means the default set.
  const unsigned = names.length ? ["host", ...(ctx.headers.has("x-bce-date") ? ["x-bce-date"] : [])].filter((h) => !names.includes(h)) : [];
  if (unsigned.length) return fail("required header unsigned", invalidAuthHeader(ctx, `signedHeaders must include ${unsigned.join(" and ")}`));
  const resigned = {
    method: ctx.request.method.toUpperCase(),
    url: new URL(ctx.url.href),
    headers: names.length ? onlyHeaders(ctx.headers, names) : new Headers(ctx.headers),
    body: bodyOf(ctx),
  };
  try {
    await signBceV1(resigned, { credentials: withToken(creds, ctx.headers.get("x-bce-security-token")), clock: () => t, expirationSeconds: validity, ...(names.length ? { headersToSign: names } : {}) });
  } catch (err) {
    return fail("cannot re-sign", invalidAuthHeader(ctx, (err as Error).message));
  }
  const expected = resigned.headers.get("authorization")?.split("/")[5];
  if (!same(expected, signature)) {
    return fail(
      "signature mismatch",
      error(ctx, 400, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your Secret Access Key and signing method. Consult the service documentation for details.", "signature mismatch"),
    );
  }
  ctx.call.auth = { scheme: "bce-auth-v1", ok: true };
  return undefined;
}

function acl(owner: string, canned: CannedAcl) {
  const entries: Array<{ grantee: Array<{ id: string }>; permission: string[] }> = [{ grantee: [{ id: owner }], permission: ["FULL_CONTROL"] }];
  if (canned === "public-read") entries.push({ grantee: [{ id: "*" }], permission: ["READ"] });
  if (canned === "public-read-write") entries.push({ grantee: [{ id: "*" }], permission: ["READ", "WRITE"] });
  return { owner: { id: owner }, accessControlList: entries };
}

export const baiduBos: VendorAdapter = {
  provider: "baidu-bos",
  answers: ["GetBucketAcl", "GetBucketAclVirtualHosted"],
  auxiliaryOperations: [],
  clockChecked: true,
  requestId: (random) => uuid(random),

  decorate(ctx, reply) {
    setDefault(reply, "x-bce-request-id", ctx.requestId);
    setDefault(reply, "x-bce-debug-id", hex(ctx.runtime.random, 48));
    setDefault(reply, "date", new Date(ctx.now()).toUTCString());
    setDefault(reply, "server", "BceBos");
  },

  invalid(ctx, issue) {
    return error(ctx, 400, "InvalidArgument", `Invalid Argument. ${issue.message}`, issue.message);
  },

  async authenticate(ctx) {
    const authorization = ctx.headers.get("authorization");
    if (!authorization) {
      ctx.call.auth = { scheme: "none", ok: false, reason: "anonymous" };
      return error(ctx, 403, "AccessDenied", "Access denied.", "no Authorization");
    }
    if (!authorization.startsWith("bce-auth-v1/")) {
      ctx.call.auth = { scheme: "unknown", ok: false, reason: "unknown scheme" };
      return invalidAuthHeader(ctx, "unknown Authorization scheme");
    }
    return verify(ctx, authorization);
  },

  respond(ctx) {
    const name = ctx.vars.bucketName ?? "";
    const found = ctx.state.find(name);
    if (found) return json(200, acl(baiduBosAccount.facts.bosOwnerId, found.acl));
    // The spec's example bucket (the virtual-hosted server's default) answers in either addressing style, as
    // one bucket does on BOS.
    const exampleBucket = Object.values(ctx.spec.operations).flatMap((op) => op.servers.map((s) => s.variables.bucketName?.default)).find(Boolean);
    if (name === exampleBucket || name === "bucketName_example") {
      const example = successExample(ctx.operation, name === "bucketName_example" ? "page" : "publicRead");
      if (example) return json(200, example.value);
    }
    return error(ctx, 404, "NoSuchBucket", "The specified bucket does not exist.");
  },

  documentedError(ctx, code) {
    return documentedErrorReply(ctx, code);
  },

  throttle(ctx, spec) {
    return error(ctx, spec.status ?? 429, spec.code ?? "RequestRateLimitExceeded", "Request rate limit exceeded.", undefined, { "retry-after": seconds(spec.retryAfterMs) });
  },

  serverError(ctx, spec) {
    if (spec.status === 502) return badGateway();
    if (spec.status === 500 && !spec.code) return documentedErrorReply(ctx, "InternalError");
    return error(ctx, spec.status, spec.code ?? "ServiceUnavailable", spec.message ?? "Service temporarily unavailable, please try again later.");
  },
};

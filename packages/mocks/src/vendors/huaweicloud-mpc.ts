// Huawei Cloud MPC GET /v1/{project_id}/buckets: SDK-HMAC-SHA256 (AK/SK) or X-Auth-Token, API Gateway
// errors (APIGW.0301, APIGW.0303 for an X-Sdk-Date outside 15 minutes), the region's buckets in one page.
import { signSdkHmacSha256 } from "@bucketry/signing";
import type { MockContext, VendorAdapter } from "../adapter.js";
import type { MockBucket, Reply } from "../types.js";
import { REASON_HEADER, badGateway, bodyOf, documentedErrorReply, hex, json, onlyHeaders, parseIsoBasic, same, seconds, setDefault, successExample, WINDOW_15_MIN, withToken } from "./common.js";

const PROJECT_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const REGION = "cn-north-4";

/**
 * The mock account as MPC sees it (the published test account: fake, public on purpose): the credentials it
 * accepts, the `createBucketClient` options a client needs besides `provider` and `endpoint`, and facts a test
 * may assert. `@bucketry/mocks` assembles `testCredentials`, `testAccount` and the server's `clientOptions` from
 * every vendor's account (src/generated/accounts.ts).
 */
export const huaweicloudMpcAccount = {
  credentials: { accessKeyId: "MOCKMPCACCESSKEY0001", accessKeySecret: "MockMpcSecretAccessKey0123456789abcdefgh" },
  clientOptions: { region: REGION as string, projectId: PROJECT_ID as string },
  facts: {
    /** Huawei project id (path and X-Project-Id); its region is `mpcRegion`. */
    mpcProjectId: PROJECT_ID,
    mpcRegion: REGION,
    /** A Huawei IAM token (`X-Auth-Token`) scoped to `mpcProjectId`. */
    mpcToken: "MIIMockHuaweiIamToken-0a1b2c3d4e5f60718293a4b5c6d7e8f9",
  },
} as const;
const creds = huaweicloudMpcAccount.credentials;

/** API Gateway errors carry request_id; MPC's own errors do not. */
function gatewayError(ctx: MockContext, status: number, code: string, message: string, reason?: string, headers: Record<string, string> = {}): Reply {
  return json(status, { error_code: code, error_msg: message, request_id: ctx.requestId }, { ...(reason ? { [REASON_HEADER]: reason } : {}), ...headers });
}

function mpcError(ctx: MockContext, status: number, code: string, message: string, reason?: string): Reply {
  return json(status, { error_code: code, error_msg: message }, reason ? { [REASON_HEADER]: reason } : {});
}

const iamError = (ctx: MockContext, detail: string) => gatewayError(ctx, 401, "APIGW.0301", `Incorrect IAM authentication information: ${detail}`, detail);

async function aksk(ctx: MockContext, authorization: string): Promise<Reply | undefined> {
  const fail = (reason: string, r: Reply) => ((ctx.call.auth = { scheme: "SDK-HMAC-SHA256", ok: false, reason }), r);
  const m = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(authorization);
  if (!m) return fail("malformed Authorization", iamError(ctx, "Authorization format incorrect"));
  const [, accessKeyId, signedHeaders, signature] = m as unknown as [string, string, string, string];
  if (accessKeyId !== creds.accessKeyId) return fail("unknown AK", iamError(ctx, "ak not exist"));
  const date = ctx.headers.get("x-sdk-date");
  const t = parseIsoBasic(date);
  if (Number.isNaN(t)) return fail("X-Sdk-Date", iamError(ctx, "x-sdk-date is missing or not yyyyMMddTHHmmssZ"));
  if (Math.abs(ctx.now() - t) > WINDOW_15_MIN) {
    return fail("clock skew", gatewayError(ctx, 401, "APIGW.0303", "Incorrect IAM authentication information: the x-sdk-date is expired", "X-Sdk-Date outside the 15-minute window"));
  }
  const names = signedHeaders.split(";");
  if (!names.includes("x-sdk-date")) return fail("x-sdk-date not signed", iamError(ctx, "x-sdk-date must be signed"));
  const resigned = { method: ctx.request.method.toUpperCase(), url: new URL(ctx.url.href), headers: onlyHeaders(ctx.headers, names), body: bodyOf(ctx) };
  try {
    await signSdkHmacSha256(resigned, { credentials: withToken(creds, ctx.headers.get("x-security-token")), clock: () => t });
  } catch (err) {
    return fail("cannot re-sign", iamError(ctx, (err as Error).message));
  }
  const expected = /Signature=([0-9a-f]+)$/.exec(resigned.headers.get("authorization") ?? "")?.[1];
  if (!same(expected, signature)) return fail("signature mismatch", iamError(ctx, "verify aksk signature fail"));
  const projectHeader = ctx.headers.get("x-project-id") ?? ctx.headers.get("x-project_id");
  if (projectHeader !== null && projectHeader !== ctx.vars.project_id) {
    return fail("project mismatch", mpcError(ctx, 403, "MPC.10208", "Failed to verify the tenant ID.", "X-Project-Id differs from the path's project_id"));
  }
  ctx.call.auth = { scheme: "SDK-HMAC-SHA256", ok: true };
  return undefined;
}

function obsBucket(b: MockBucket) {
  const d = b.createdAt.toISOString();
  const compact = d.slice(0, 4) + d.slice(5, 7) + d.slice(8, 10) + d.slice(11, 13) + d.slice(14, 16) + d.slice(17, 19);
  // What the real service sends (the page's example): an unquoted number.
  return { bucket: b.name, creation_date: Number(compact), is_authorized: b.mpcAuthorized ? 1 : 0 };
}

/** The region an MPC endpoint serves: the host's region, else the test project's. */
function regionOf(ctx: MockContext): string {
  if (ctx.route.baseUrl === undefined) {
    if (ctx.vars.region) return ctx.vars.region;
    const m = /^(?:mpc|mts)\.([a-z0-9-]+)\.myhuaweicloud\.com$/.exec(ctx.url.hostname);
    if (m) return m[1]!;
  }
  return huaweicloudMpcAccount.facts.mpcRegion;
}

export const huaweicloudMpc: VendorAdapter = {
  provider: "huaweicloud-mpc",
  answers: ["ListAllBuckets"],
  auxiliaryOperations: [],
  clockChecked: true,
  requestId: (random) => hex(random, 32),

  decorate(ctx, reply) {
    setDefault(reply, "x-request-id", ctx.requestId);
    setDefault(reply, "date", new Date(ctx.now()).toUTCString());
    setDefault(reply, "server", "api-gateway");
  },

  invalid(ctx, issue) {
    return gatewayError(ctx, 400, "APIGW.0201", `Request parameters are invalid: ${issue.message}`, issue.message);
  },

  async authenticate(ctx) {
    const token = ctx.headers.get("x-auth-token");
    const authorization = ctx.headers.get("authorization");
    if (token !== null) {
      if (!same(token, huaweicloudMpcAccount.facts.mpcToken)) {
        ctx.call.auth = { scheme: "X-Auth-Token", ok: false, reason: "unknown token" };
        return iamError(ctx, "decrypt token fail");
      }
      ctx.call.auth = { scheme: "X-Auth-Token", ok: true };
      return undefined;
    }
    if (authorization?.startsWith("SDK-HMAC-SHA256")) return aksk(ctx, authorization);
    ctx.call.auth = { scheme: "none", ok: false, reason: "no credentials" };
    return iamError(ctx, "no X-Auth-Token or Authorization");
  },

  respond(ctx) {
    if (ctx.vars.project_id !== huaweicloudMpcAccount.facts.mpcProjectId) {
      return mpcError(ctx, 403, "MPC.10208", "Failed to verify the tenant ID.", "unknown project_id");
    }
    if (ctx.state.buckets.length === 0) {
      const example = successExample(ctx.operation);
      return json(200, example?.value ?? { buckets: [] });
    }
    const region = regionOf(ctx);
    return json(200, { buckets: ctx.state.buckets.filter((b) => b.mpcRegion === region).map(obsBucket) });
  },

  documentedError(ctx, code) {
    // The page's 400 has a schema but no example: the gateway's own body for a bad request.
    if (code === "400") return gatewayError(ctx, 400, "APIGW.0201", "Request parameters are invalid.");
    return documentedErrorReply(ctx, code);
  },

  throttle(ctx, spec) {
    return gatewayError(ctx, spec.status ?? 429, spec.code ?? "APIGW.0308", "The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 minute", undefined, {
      "retry-after": seconds(spec.retryAfterMs),
    });
  },

  serverError(ctx, spec) {
    if (spec.status === 502) return badGateway();
    // MPC documents no 5xx body; the gateway's shape with generic codes (override with `code`/`message`).
    const code = spec.code ?? (spec.status === 500 ? "InternalServerError" : "ServiceUnavailable");
    return gatewayError(ctx, spec.status, code, spec.message ?? (spec.status === 500 ? "Internal server error." : "Service temporarily unavailable."));
  },
};

// Alibaba Cloud OSS GetBucketAcl (XML): OSS V4 and V1 signatures, 15-minute clock window
// (RequestTimeTooSkewed with the server Date), virtual-hosted and path-style addressing.
import { signOssV1, signOssV4, type SignableRequest } from "@bucketry/signing";
import type { MockContext, VendorAdapter } from "../adapter.js";
import type { Reply } from "../types.js";
import { REASON_HEADER, badGateway, bodyOf, documentedErrorReply, hex, parseIsoBasic, reply, same, seconds, setDefault, successExample, WINDOW_15_MIN, withToken, xmlEscape } from "./common.js";

const XML = "application/xml";
import { alibabaTestKeys } from "./alibaba-account.js";

/**
 * The mock account as OSS sees it (the published test account: fake, public on purpose): the credentials it
 * accepts, the `createBucketClient` options a client needs besides `provider` and `endpoint`, and facts a test
 * may assert. `@bucketry/mocks` assembles `testCredentials`, `testAccount` and the server's `clientOptions` from
 * every vendor's account (src/generated/accounts.ts).
 */
export const aliyunOssAccount = {
  credentials: alibabaTestKeys,
  clientOptions: { region: "cn-hangzhou" as string },
  facts: {
    /** OSS owner (`<Owner><ID>`) of every seeded bucket. */
    ossOwnerId: "1234567890123456",
    /** The region OSS clients should be configured with. */
    ossRegion: "cn-hangzhou",
  },
} as const;
const creds = aliyunOssAccount.credentials;
/**
 * An existing bucket's name as OSS serves it and ali-oss (the official Node SDK) checks it for every request naming
 * a bucket (lib/common/utils/checkBucketName.js, `createBucket = false`): 3-63 characters of a-z, 0-9, "-" and "_",
 * not starting or ending with "-". OSS's documented rule, without "_", is its rule for creating a bucket; older
 * buckets keep their "_".
 */
const BUCKET = /^[a-z0-9_][a-z0-9_-]{1,61}[a-z0-9_]$/;

interface ErrorFields {
  ec?: string;
  reason?: string;
  headers?: Record<string, string>;
  /** Extra child elements, in order. */
  extra?: Array<[string, string | number]>;
}

function error(ctx: MockContext, status: number, code: string, message: string, fields: ErrorFields = {}): Reply {
  let body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>${xmlEscape(code)}</Code>\n  <Message>${xmlEscape(message)}</Message>\n  <RequestId>${ctx.requestId}</RequestId>\n  <HostId>${xmlEscape(ctx.url.host)}</HostId>\n`;
  for (const [name, value] of fields.extra ?? []) body += `  <${name}>${xmlEscape(String(value))}</${name}>\n`;
  if (fields.ec) body += `  <EC>${fields.ec}</EC>\n  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=${fields.ec}</RecommendDoc>\n`;
  body += "</Error>\n";
  const headers: Record<string, string> = { ...(fields.headers ?? {}) };
  if (fields.ec) headers["x-oss-ec"] = fields.ec;
  if (fields.reason) headers[REASON_HEADER] = fields.reason;
  return reply(status, XML, body, headers);
}

/** The bucket the request addresses and how (path style: the bucket is a path segment). */
function addressing(ctx: MockContext): { bucket: string | undefined; mode: "path" | "virtual-hosted" } {
  const pathStyle = ctx.route.server.url.slice(ctx.route.server.url.indexOf("://") + 3).includes("/{bucket}");
  return { bucket: ctx.vars.bucket, mode: pathStyle ? "path" : "virtual-hosted" };
}

const iso = (ms: number) => new Date(ms).toISOString();

function checkWindow(ctx: MockContext, t: number): Reply | undefined {
  const now = ctx.now();
  if (Math.abs(now - t) <= WINDOW_15_MIN) return undefined;
  return error(ctx, 403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.", {
    ec: "0002-00000504",
    reason: "request time outside the 15-minute window",
    extra: [
      ["MaxAllowedSkewMilliseconds", 900000],
      ["RequestTime", iso(t)],
      ["ServerTime", iso(now)],
    ],
  });
}

const noDate = (ctx: MockContext) => error(ctx, 403, "AccessDenied", "OSS authentication requires a valid Date.", { ec: "0002-00000503", reason: "no Date or x-oss-date" });

/** OSS's SignatureDoesNotMatch: what it expected, as OSS reports it (StringToSign; CanonicalRequest for V4). */
function mismatch(ctx: MockContext, provided: string, signed?: { canonicalRequest?: string | undefined; stringToSign: string }): Reply {
  return error(ctx, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.", {
    ec: "0002-00000040",
    reason: "signature mismatch",
    extra: [
      ["OSSAccessKeyId", creds.accessKeyId],
      ["SignatureProvided", provided],
      ...(signed ? ([["StringToSign", signed.stringToSign]] as Array<[string, string]>) : []),
      ...(signed?.canonicalRequest !== undefined ? ([["CanonicalRequest", signed.canonicalRequest]] as Array<[string, string]>) : []),
    ],
  });
}

const unknownKey = (ctx: MockContext, id: string) =>
  error(ctx, 403, "InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist in our records.", { ec: "0002-00000902", reason: "unknown AccessKey id", extra: [["OSSAccessKeyId", id]] });

const invalidAuth = (ctx: MockContext, why: string) =>
  error(ctx, 400, "InvalidArgument", "Authorization header is invalid.", { ec: "0002-00000012", reason: why, extra: [["ArgumentName", "Authorization"]] });

async function v4(ctx: MockContext, authorization: string): Promise<Reply | undefined> {
  const fail = (reason: string, r: Reply) => ((ctx.call.auth = { scheme: "OSS4-HMAC-SHA256", ok: false, reason }), r);
  const fields = new Map<string, string>();
  for (const part of authorization.slice("OSS4-HMAC-SHA256 ".length).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get("Credential")?.split("/");
  const signature = fields.get("Signature");
  if (!credential || credential.length !== 5 || credential[3] !== "oss" || credential[4] !== "aliyun_v4_request" || !signature) {
    return fail("malformed Authorization", invalidAuth(ctx, "malformed OSS4-HMAC-SHA256 Authorization"));
  }
  const [accessKeyId, day, region] = credential as [string, string, string];
  if (accessKeyId !== creds.accessKeyId) return fail("unknown AccessKey", unknownKey(ctx, accessKeyId));
  const date = ctx.headers.get("x-oss-date");
  if (!date) return fail("no x-oss-date", noDate(ctx));
  const t = parseIsoBasic(date);
  if (Number.isNaN(t)) return fail("bad x-oss-date", invalidAuth(ctx, "x-oss-date is not yyyyMMddTHHmmssZ"));
  const skewed = checkWindow(ctx, t);
  if (skewed) return fail("clock skew", skewed);
  if (day !== date.slice(0, 8)) return fail("scope date", invalidAuth(ctx, "credential scope date differs from x-oss-date"));
  // The public host's pattern also matches the internal one (`oss-cn-hangzhou-internal`: same region) and the
  // global accelerate hosts (`oss-accelerate`, `oss-accelerate-overseas`: any region).
  const matched = ctx.vars.region?.replace(/-internal$/, "");
  const hostRegion = matched === "accelerate" || matched === "accelerate-overseas" ? undefined : matched;
  if (ctx.route.baseUrl === undefined && hostRegion !== undefined && hostRegion !== region) {
    return fail("scope region", error(ctx, 400, "InvalidArgument", `Invalid signing region in Authorization header: ${region}, expected ${hostRegion}.`, { reason: "credential scope region differs from the endpoint's" }));
  }
  const additional = fields.get("AdditionalHeaders");
  const { bucket, mode } = addressing(ctx);
  const resigned: SignableRequest = { method: ctx.request.method.toUpperCase(), url: new URL(ctx.url.href), headers: new Headers(ctx.headers), body: bodyOf(ctx) };
  try {
    await signOssV4(resigned, {
      credentials: withToken(creds, ctx.headers.get("x-oss-security-token")),
      region,
      ...(bucket !== undefined ? { bucket } : {}),
      addressing: mode,
      clock: () => t,
      ...(additional ? { additionalHeaders: additional.split(";") } : {}),
    });
  } catch (err) {
    return fail("cannot re-sign", invalidAuth(ctx, (err as Error).message));
  }
  const expected = /Signature=([0-9a-f]+)$/.exec(resigned.headers.get("authorization") ?? "")?.[1];
  if (!same(expected, signature)) return fail("signature mismatch", mismatch(ctx, signature, resigned.signed));
  ctx.call.auth = { scheme: "OSS4-HMAC-SHA256", ok: true };
  return undefined;
}

async function v1(ctx: MockContext, authorization: string): Promise<Reply | undefined> {
  const fail = (reason: string, r: Reply) => ((ctx.call.auth = { scheme: "OSS", ok: false, reason }), r);
  const m = /^OSS ([^:\s]+):(\S+)$/.exec(authorization);
  if (!m) return fail("malformed Authorization", invalidAuth(ctx, "malformed OSS V1 Authorization (expected OSS AccessKeyId:Signature)"));
  const [, accessKeyId, signature] = m as unknown as [string, string, string];
  if (accessKeyId !== creds.accessKeyId) return fail("unknown AccessKey", unknownKey(ctx, accessKeyId));
  // V1 signs the Date header, or x-oss-date (RFC 1123) in its place (what ali-oss and browsers send).
  const xOssDate = ctx.headers.get("x-oss-date");
  const date = xOssDate ?? ctx.headers.get("date");
  if (!date) return fail("no date", noDate(ctx));
  const t = Date.parse(date);
  if (Number.isNaN(t)) return fail("bad date", noDate(ctx));
  const skewed = checkWindow(ctx, t);
  if (skewed) return fail("clock skew", skewed);
  const { bucket, mode } = addressing(ctx);
  const resigned: SignableRequest = { method: ctx.request.method.toUpperCase(), url: new URL(ctx.url.href), headers: new Headers(ctx.headers), body: bodyOf(ctx) };
  try {
    await signOssV1(resigned, {
      credentials: withToken(creds, ctx.headers.get("x-oss-security-token")),
      ...(bucket !== undefined ? { bucket } : {}),
      addressing: mode,
      clock: () => t,
      dateHeader: xOssDate !== null ? "x-oss-date" : "date",
    });
  } catch (err) {
    return fail("cannot re-sign", invalidAuth(ctx, (err as Error).message));
  }
  if (!same(resigned.headers.get("authorization"), authorization)) return fail("signature mismatch", mismatch(ctx, signature, resigned.signed));
  ctx.call.auth = { scheme: "OSS", ok: true };
  return undefined;
}

function aclXml(owner: string, acl: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<AccessControlPolicy>\n  <Owner>\n' +
    `    <ID>${owner}</ID>\n    <DisplayName>${owner}</DisplayName>\n  </Owner>\n  <AccessControlList>\n    <Grant>${acl}</Grant>\n  </AccessControlList>\n</AccessControlPolicy>\n`
  );
}

export const aliyunOss: VendorAdapter = {
  provider: "aliyun-oss",
  answers: ["GetBucketAcl"],
  auxiliaryOperations: [],
  clockChecked: true,
  requestId: (random) => hex(random, 24, true),

  decorate(ctx, reply) {
    setDefault(reply, "x-oss-request-id", ctx.requestId);
    setDefault(reply, "date", new Date(ctx.now()).toUTCString());
    setDefault(reply, "server", "AliyunOSS");
    setDefault(reply, "x-oss-server-time", "0");
  },

  // V1 sends x-oss-date in RFC 1123 form as its `Date` (the spec's x-oss-date pattern is V4's basic form).
  normalize(ctx, parts) {
    const authorization = ctx.headers.get("authorization") ?? "";
    const xOssDate = parts.headers.get("x-oss-date");
    if (!authorization.startsWith("OSS ") || xOssDate === null || /^\d{8}T\d{6}Z$/.test(xOssDate)) return parts;
    const headers = new Headers(parts.headers);
    headers.delete("x-oss-date");
    if (!headers.has("date")) headers.set("date", xOssDate);
    return { ...parts, headers };
  },

  invalid(ctx, issue) {
    return error(ctx, 400, "InvalidArgument", issue.message, { reason: issue.message, extra: [["ArgumentName", issue.name]] });
  },

  async authenticate(ctx) {
    // OSS refuses path-style requests on its own domains before it looks at the signature.
    if (addressing(ctx).mode === "path" && ctx.url.hostname.endsWith(".aliyuncs.com")) {
      ctx.call.auth = { scheme: "none", ok: false, reason: "path-style on an OSS domain" };
      return error(ctx, 403, "SecondLevelDomainForbidden", "Please use virtual hosted style to access.", { reason: "path-style request on an aliyuncs.com host" });
    }
    const authorization = ctx.headers.get("authorization");
    if (!authorization) {
      ctx.call.auth = { scheme: "none", ok: false, reason: "anonymous" };
      return error(ctx, 403, "AccessDenied", "Anonymous access is forbidden for this operation.", { ec: "0003-00000001", reason: "no Authorization" });
    }
    if (authorization.startsWith("OSS4-HMAC-SHA256 ")) return v4(ctx, authorization);
    if (authorization.startsWith("OSS ")) return v1(ctx, authorization);
    ctx.call.auth = { scheme: "unknown", ok: false, reason: "unknown scheme" };
    return invalidAuth(ctx, "unknown Authorization scheme");
  },

  respond(ctx) {
    const { bucket } = addressing(ctx);
    const name = bucket ?? "";
    if (!BUCKET.test(name)) {
      return error(ctx, 400, "InvalidBucketName", "The specified bucket is not valid.", { ec: "0015-00000001", extra: [["BucketName", name]] });
    }
    const found = ctx.state.find(name);
    if (found) return reply(200, XML, aclXml(aliyunOssAccount.facts.ossOwnerId, found.acl));
    // The spec's example bucket (the server variable's default) answers with the page's example.
    const example = successExample(ctx.operation);
    if (name === ctx.route.server.variables.bucket?.default && typeof example?.value === "string") return reply(200, XML, example.value);
    return error(ctx, 404, "NoSuchBucket", "The specified bucket does not exist.", { ec: "0015-00000101", extra: [["BucketName", name]] });
  },

  documentedError(ctx, code) {
    return documentedErrorReply(ctx, code);
  },

  throttle(ctx, spec) {
    return error(ctx, spec.status ?? 503, spec.code ?? "SlowDown", "Please reduce your request rate.", { ec: "0004-00000302", headers: { "retry-after": seconds(spec.retryAfterMs) } });
  },

  serverError(ctx, spec) {
    if (spec.status === 502) return badGateway();
    const code = spec.code ?? (spec.status === 500 ? "InternalError" : "ServiceUnavailable");
    const message = spec.message ?? (spec.status === 500 ? "We encountered an internal error. Please try again." : "Service is unavailable, please try again later.");
    return error(ctx, spec.status, code, message);
  },
};

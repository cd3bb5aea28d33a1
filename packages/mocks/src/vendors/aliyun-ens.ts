// Alibaba Cloud ENS ListBuckets (RPC): ACS3-HMAC-SHA256 or RPC v1 (HMAC-SHA1) signatures, POP JSON errors,
// PageNumber/PageSize paging with TotalCount and Prefix filtering.
import { signAcs3, signAcsRpcV1, type SignableRequest } from "@bucketry/signing";
import type { MockContext, VendorAdapter } from "../adapter.js";
import type { MockBucket, OperationSpec, Reply } from "../types.js";
import { REASON_HEADER, badGateway, bodyOf, documentedErrorReply, json, onlyHeaders, parseIsoSeconds, reply, same, setDefault, successExample, uuid, WINDOW_15_MIN, withToken } from "./common.js";

const CONTENT_TYPE = "application/json;charset=utf-8";
import { alibabaTestKeys } from "./alibaba-account.js";

/**
 * The mock account as ENS sees it (the published test account: fake, public on purpose): the credentials it
 * accepts, the `createBucketClient` options a client needs besides `provider` and `endpoint`, and facts a test
 * may assert. `@bucketry/mocks` assembles `testCredentials`, `testAccount` and the server's `clientOptions` from
 * every vendor's account (src/generated/accounts.ts).
 */
export const aliyunEnsAccount = { credentials: alibabaTestKeys, clientOptions: {}, facts: {} } as const;
const creds = aliyunEnsAccount.credentials;

function error(ctx: MockContext, status: number, code: string, message: string, reason?: string, extra: Record<string, string> = {}): Reply {
  return json(
    status,
    { RequestId: ctx.requestId, HostId: ctx.url.host, Code: code, Message: message, Recommend: `https://next.api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=Ens` },
    { ...(reason ? { [REASON_HEADER]: reason } : {}), ...extra },
    CONTENT_TYPE,
  );
}

const missing = (ctx: MockContext, name: string, reason?: string) =>
  error(ctx, 400, "MissingParameter", `The input parameter "${name}" that is mandatory for processing this request is not supplied.`, reason);

/**
 * The signature nonces ENS accepted, each with when it may be forgotten. ENS refuses a nonce seen in the last 15
 * minutes, the window its timestamp check allows (a later replay is refused as expired anyway). A nonce is kept
 * until no replay of it could pass that check on the mock's clock — 15 minutes after the later of its timestamp and
 * when it was seen — so a long-running server holds about 15 minutes' worth, not every nonce since it started.
 * Insertion order is about expiry order: expired ones are dropped from the front.
 */
function usedNonces(ctx: MockContext): Map<string, number> {
  const nonces = ctx.runtime.remember("aliyun-ens:nonces", () => new Map<string, number>());
  // The engine's clock, not the request's (`ctx.now()` includes a clock-skew scenario's offset).
  const now = ctx.runtime.clock();
  for (const [nonce, expiry] of nonces) {
    if (expiry > now) break;
    nonces.delete(nonce);
  }
  return nonces;
}

const rememberNonce = (ctx: MockContext, nonce: string, signedAt: number) => usedNonces(ctx).set(nonce, Math.max(ctx.runtime.clock(), signedAt) + WINDOW_15_MIN);

/** Common signature-time checks: the date parses and is within 15 minutes of the server clock. */
function checkTime(ctx: MockContext, value: string | null | undefined, name: string): Reply | number {
  if (!value) return missing(ctx, name, `${name} missing`);
  const t = parseIsoSeconds(value);
  if (Number.isNaN(t)) return error(ctx, 400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.", `${name} is not yyyy-MM-ddTHH:mm:ssZ`);
  if (Math.abs(ctx.now() - t) > WINDOW_15_MIN) {
    return error(ctx, 400, "InvalidTimeStamp.Expired", `Specified time stamp or date value is expired. ${name}: ${value}, server time: ${new Date(ctx.now()).toISOString().slice(0, 19)}Z`, `${name} outside the 15-minute window`);
  }
  return t;
}

function checkNonce(ctx: MockContext, nonce: string | null | undefined, name: string): Reply | string {
  if (!nonce) return missing(ctx, name, `${name} missing`);
  if (usedNonces(ctx).has(nonce)) return error(ctx, 400, "SignatureNonceUsed", "Specified signature nonce was used already.", "nonce replayed");
  return nonce;
}

async function acs3(ctx: MockContext, authorization: string): Promise<Reply | undefined> {
  const m = /^ACS3-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(authorization);
  if (!m) {
    ctx.call.auth = { scheme: "ACS3-HMAC-SHA256", ok: false, reason: "malformed Authorization" };
    return error(ctx, 400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.", "malformed ACS3 Authorization");
  }
  const [, accessKeyId, signedHeaders, signature] = m as unknown as [string, string, string, string];
  const fail = (reason: string, r: Reply) => ((ctx.call.auth = { scheme: "ACS3-HMAC-SHA256", ok: false, reason }), r);
  if (accessKeyId !== creds.accessKeyId) return fail("unknown AccessKey", error(ctx, 404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.", "unknown AccessKey id"));
  const t = checkTime(ctx, ctx.headers.get("x-acs-date"), "x-acs-date");
  if (typeof t !== "number") return fail("x-acs-date", t);
  const nonce = checkNonce(ctx, ctx.headers.get("x-acs-signature-nonce"), "x-acs-signature-nonce");
  if (typeof nonce !== "string") return fail("nonce", nonce);
  const names = signedHeaders.split(";");
  for (const required of ["host", "x-acs-action", "x-acs-date", "x-acs-signature-nonce", "x-acs-version", "x-acs-content-sha256"]) {
    if (!names.includes(required)) return fail(`${required} not signed`, error(ctx, 400, "IncompleteSignature", `The request signature does not conform to Aliyun standards: ${required} must be signed.`, `${required} not signed`));
  }
  const resigned = { method: ctx.request.method.toUpperCase(), url: new URL(ctx.url.href), headers: onlyHeaders(ctx.headers, names), body: bodyOf(ctx) };
  try {
    await signAcs3(resigned, { credentials: withToken(creds, ctx.headers.get("x-acs-security-token")), clock: () => t, nonce: () => nonce });
  } catch (err) {
    return fail("cannot re-sign", error(ctx, 400, "IncompleteSignature", `The request signature does not conform to Aliyun standards: ${(err as Error).message}`));
  }
  const expected = /Signature=([0-9a-f]+)$/.exec(resigned.headers.get("authorization") ?? "")?.[1];
  if (!same(expected, signature)) {
    return fail("signature mismatch", error(ctx, 400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.", "ACS3 signature mismatch"));
  }
  rememberNonce(ctx, nonce, t);
  ctx.call.auth = { scheme: "ACS3-HMAC-SHA256", ok: true };
  return undefined;
}

/**
 * The RPC parameters a POST carries in an `application/x-www-form-urlencoded` body (`@alicloud/pop-core` POSTs every
 * one, Signature included): the gateway reads them as it reads query parameters.
 */
function formParameters(ctx: MockContext): [string, string][] {
  const type = ctx.headers.get("content-type");
  if (ctx.request.method !== "POST" || !type?.toLowerCase().startsWith("application/x-www-form-urlencoded") || !ctx.bodyText) return [];
  return [...new URLSearchParams(ctx.bodyText)];
}

async function rpcV1(ctx: MockContext): Promise<Reply | undefined> {
  const fail = (reason: string, r: Reply) => ((ctx.call.auth = { scheme: "RPC-HMAC-SHA1", ok: false, reason }), r);
  const q = ctx.query;
  const accessKeyId = q.get("AccessKeyId");
  if (!accessKeyId) return fail("AccessKeyId missing", missing(ctx, "AccessKeyId", "AccessKeyId missing"));
  if (accessKeyId !== creds.accessKeyId) return fail("unknown AccessKey", error(ctx, 404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.", "unknown AccessKey id"));
  if (q.get("SignatureMethod") !== "HMAC-SHA1") return fail("SignatureMethod", missing(ctx, "SignatureMethod"));
  if (q.get("SignatureVersion") !== "1.0") return fail("SignatureVersion", missing(ctx, "SignatureVersion"));
  const t = checkTime(ctx, q.get("Timestamp"), "Timestamp");
  if (typeof t !== "number") return fail("Timestamp", t);
  const nonce = checkNonce(ctx, q.get("SignatureNonce"), "SignatureNonce");
  if (typeof nonce !== "string") return fail("nonce", nonce);
  // Re-signed with every parameter in the query (the query's and a form body's: the signature covers the same set),
  // the sent Signature left out.
  const url = new URL(ctx.url.href);
  const form = formParameters(ctx).filter(([name]) => name !== "Signature");
  for (const [name, value] of form) url.searchParams.append(name, value);
  const resigned: SignableRequest = { method: ctx.request.method.toUpperCase(), url, headers: new Headers(ctx.headers), body: form.length > 0 ? undefined : bodyOf(ctx) };
  try {
    await signAcsRpcV1(resigned, { credentials: withToken(creds, q.get("SecurityToken")), clock: () => t, nonce: () => nonce });
  } catch (err) {
    return fail("cannot re-sign", error(ctx, 400, "IncompleteSignature", `The request signature does not conform to Aliyun standards: ${(err as Error).message}`));
  }
  if (!same(resigned.url.searchParams.get("Signature"), q.get("Signature") ?? "")) {
    // The RPC gateway quotes what it signed, so a client can compare.
    const message = `Specified signature is not matched with our calculation. server string to sign is:${resigned.signed?.stringToSign ?? ""}`;
    return fail("signature mismatch", error(ctx, 400, "SignatureDoesNotMatch", message, "RPC v1 signature mismatch"));
  }
  rememberNonce(ctx, nonce, t);
  ctx.call.auth = { scheme: "RPC-HMAC-SHA1", ok: true };
  return undefined;
}

function bucketInfo(b: MockBucket) {
  const iso = (d: Date) => d.toISOString().slice(0, 19) + "Z";
  return {
    BucketAcl: b.acl,
    BucketName: b.name,
    Comment: b.comment,
    CreateTime: iso(b.createdAt),
    LogicalBucketType: "sink",
    ModifyTime: iso(b.modifiedAt),
    EnsRegionId: b.ensRegionId,
  };
}

export const aliyunEns: VendorAdapter = {
  provider: "aliyun-ens",
  answers: ["ListBuckets", "ListBucketsByGet"],
  auxiliaryOperations: [],
  clockChecked: true,
  requestId: (random) => uuid(random, true),

  decorate(ctx, reply) {
    setDefault(reply, "x-acs-request-id", ctx.requestId);
    setDefault(reply, "x-acs-trace-id", ctx.requestId.replace(/-/g, "").toLowerCase());
    setDefault(reply, "date", new Date(ctx.now()).toUTCString());
  },

  // With ACS3 the SDK carries Action/Version in x-acs-action/x-acs-version instead of the query (the spec's
  // parameter descriptions say so): validate those values as the query parameters.
  // A form body's RPC parameters (pop-core's POST) are read as query parameters, by the checks below as well.
  normalize(ctx, parts) {
    for (const [name, value] of formParameters(ctx)) if (!ctx.query.has(name)) ctx.query.set(name, value);
    const query = new Map(ctx.query);
    const action = ctx.headers.get("x-acs-action");
    const version = ctx.headers.get("x-acs-version");
    if (!query.has("Action") && action !== null) query.set("Action", action);
    if (!query.has("Version") && version !== null) query.set("Version", version);
    return { ...parts, query };
  },

  invalid(ctx, issue) {
    const reason = issue.message;
    if (issue.name === "Action" && issue.kind === "invalid") {
      return error(ctx, 404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.", reason);
    }
    if (issue.kind === "missing") return missing(ctx, issue.name, reason);
    return error(ctx, 400, `InvalidParameter.${issue.name}`, `The specified field ${issue.name} invalid. Please check it again.`, reason);
  },

  async authenticate(ctx) {
    const authorization = ctx.headers.get("authorization");
    if (authorization?.startsWith("ACS3-")) return acs3(ctx, authorization);
    if (ctx.query.has("Signature")) return rpcV1(ctx);
    ctx.call.auth = { scheme: "none", ok: false, reason: "no signature" };
    return missing(ctx, "AccessKeyId", "unsigned request");
  },

  respond(ctx) {
    // ENS answers XML unless Format=JSON, or with no Format an Accept naming JSON; the spec (and this mock)
    // has only the JSON form, so such a request is refused by name instead of answered in the wrong format.
    const format = ctx.query.get("Format");
    const wantsJson = format ? format.toUpperCase() === "JSON" : /application\/json/i.test(ctx.headers.get("accept") ?? "");
    if (!wantsJson) {
      const why = format ? `Format=${format}` : "no Accept: application/json and no Format=JSON";
      return reply(406, "text/plain", `ENS would answer this request in XML (${why}); the mock answers JSON only`, { [REASON_HEADER]: `ENS answers XML here (${why})` });
    }
    const state = ctx.state;
    // The defaults the spec documents (a spec change moves the mock with it).
    const pageNumber = Number(ctx.query.get("PageNumber") ?? queryDefault(ctx.operation, "PageNumber", 1));
    const pageSize = Number(ctx.query.get("PageSize") ?? queryDefault(ctx.operation, "PageSize", 10));
    const prefix = ctx.query.get("Prefix") || "";
    const start = (pageNumber - 1) * pageSize;
    // No buckets: the example's are the data set, filtered and paged as any other (a Prefix they do not match, or
    // a page past the last, answers none, as the page's parameters say).
    const example = state.buckets.length ? undefined : (successExample(ctx.operation)?.value as { BucketInfos?: Array<{ BucketName: string }> } | undefined);
    const matching: readonly unknown[] = example ? (example.BucketInfos ?? []).filter((b) => b.BucketName.startsWith(prefix)) : state.withPrefix(prefix || undefined);
    const page = matching.slice(start, start + pageSize);
    return json(200, { ...example, RequestId: ctx.requestId, BucketInfos: example ? page : page.map((b) => bucketInfo(b as MockBucket)), TotalCount: matching.length }, {}, CONTENT_TYPE);
  },

  documentedError(ctx, code) {
    return documentedErrorReply(ctx, code);
  },

  throttle(ctx, spec) {
    const code = spec.code ?? "Throttling.User";
    const message = code === "Throttling.Api" ? "Request was denied due to api flow control." : code === "Throttling" ? "Request was denied due to request throttling." : "Request was denied due to user flow control.";
    return error(ctx, spec.status ?? 429, code, message, undefined, { "x-acs-retry-after": String(spec.retryAfterMs) });
  },

  serverError(ctx, spec) {
    if (spec.status === 502) return badGateway();
    if (!spec.code && (spec.status === 500 || spec.status === 503)) return documentedErrorReply(ctx, spec.status === 500 ? "InternalError" : "ServiceUnavailable");
    return error(ctx, spec.status, spec.code ?? "ServiceUnavailable", spec.message ?? "The request has failed due to a temporary failure of the server.");
  },
};

/** A query parameter's documented `default` (a number, or the numeric branch of a `oneOf`), else `fallback`. */
function queryDefault(operation: OperationSpec, name: string, fallback: number): number {
  const schema = operation.parameters.find((p) => p.in === "query" && p.name === name)?.schema as { default?: unknown; oneOf?: Array<{ default?: unknown }>; anyOf?: Array<{ default?: unknown }> } | undefined;
  const found = [schema?.default, ...(schema?.oneOf ?? []).map((s) => s.default), ...(schema?.anyOf ?? []).map((s) => s.default)].find((d) => d !== undefined && Number.isFinite(Number(d)));
  return found === undefined ? fallback : Number(found);
}

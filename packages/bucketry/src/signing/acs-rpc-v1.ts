// Alibaba Cloud POP RPC signature "V2" in the docs, `SignatureVersion=1.0` on the wire
// (HMAC-SHA1 over the sorted, percent-encoded parameter set). Discontinued for new integrations but
// still accepted; the official SDK uses it when `signatureAlgorithm: "v2"` (openapi-core doRPCRequest).
//
//   CanonicalizedQueryString = sorted(name) enc(name)=enc(value) joined with "&"
//   StringToSign = METHOD + "&" + enc("/") + "&" + enc(CanonicalizedQueryString)
//   Signature    = base64(hmac-sha1(AccessKeySecret + "&", StringToSign))
//
// Spec: https://help.aliyun.com/zh/sdk/product-overview/rpc-mechanism
// Oracle: @alicloud/openapi-core dist/utils.js getRPCSignature (+ client.js doRPCRequest).
import type { Middleware } from "openapi-fetch";
import { crypto, toBase64 } from "../crypto/index.js";
import { signingMiddleware } from "./middleware.js";
import { resolveCredentials, type Clock, type CredentialSource, type SignableRequest } from "./types.js";
import { assertAccessKey, compareStrings, isoSeconds, parseQuery, percentEncode, randomNonce, type QueryPair } from "./alibaba-encoding.js";

export interface AcsRpcV1SignerOptions {
  credentials: CredentialSource;
  clock?: Clock | undefined;
  /** Returns the `SignatureNonce`; default: 16 random bytes as hex. */
  nonce?: (() => string) | undefined;
  /**
   * `Format` parameter. Default "JSON" (the documented value). The SDK sends "json"; the gateway
   * treats both alike. A `Format` already in the query wins over this default.
   */
  format?: string | undefined;
}

/** Parameters the signer owns: stale copies from a previous attempt are replaced. */
const OWNED = new Set(["Signature", "AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "SecurityToken"]);

const FORM = "application/x-www-form-urlencoded";
const textDecoder = /* @__PURE__ */ new TextDecoder();

/**
 * Signs `request` in place by rewriting its query: adds AccessKeyId, Format, SignatureMethod=HMAC-SHA1,
 * SignatureVersion=1.0, SignatureNonce, Timestamp, SecurityToken (STS) and Signature. `Action` and
 * `Version` must already be query parameters. Parameters of a form-encoded body are signed too
 * (they stay in the body).
 */
export async function signAcsRpcV1(request: SignableRequest, options: AcsRpcV1SignerOptions): Promise<void> {
  const creds = await resolveCredentials(options.credentials);
  assertAccessKey("RPC v1", creds);
  const { url, headers } = request;

  const query: QueryPair[] = [];
  let format: string | undefined;
  let hasAction = false;
  let hasVersion = false;
  if (url.search.length > 1) {
    for (const pair of parseQuery(url.search)) {
      const k = pair[0];
      if (OWNED.has(k)) continue;
      if (k === "Format") format = pair[1];
      else if (k === "Action") hasAction = true;
      else if (k === "Version") hasVersion = true;
      query.push(pair);
    }
  }
  if (!hasAction || !hasVersion) throw new Error("RPC v1: the request needs Action and Version query parameters");

  if (format === undefined) query.push(["Format", options.format ?? "JSON"]);
  query.push(["AccessKeyId", creds.accessKeyId]);
  query.push(["SignatureMethod", "HMAC-SHA1"]);
  query.push(["SignatureVersion", "1.0"]);
  query.push(["SignatureNonce", options.nonce ? options.nonce() : randomNonce()]);
  query.push(["Timestamp", isoSeconds((options.clock ?? Date.now)())]);
  if (creds.securityToken) query.push(["SecurityToken", creds.securityToken]);

  // Signed set = query + form body parameters (the SDK merges body params into the signed map).
  let signed = query;
  const body = request.body;
  if (body && body.length > 0) {
    const type = headers.get("content-type");
    if (type !== null && type.toLowerCase().startsWith(FORM)) signed = query.concat(parseQuery(textDecoder.decode(body)));
  }

  // Sort by the raw (decoded) name, as the SDK's normalize() does, then encode.
  const sorted = signed.slice().sort(comparePairs);
  let canonical = "";
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i]!;
    if (i > 0) canonical += "&";
    canonical += percentEncode(p[0]) + "=" + percentEncode(p[1]);
  }
  const stringToSign = request.method.toUpperCase() + "&%2F&" + percentEncode(canonical);
  const signature = toBase64(await crypto.hmac("SHA-1", creds.accessKeySecret + "&", stringToSign));

  // Wire query: the (encoded) query parameters plus Signature; body parameters stay in the body.
  let search = "";
  for (let i = 0; i < query.length; i++) {
    const p = query[i]!;
    search += percentEncode(p[0]) + "=" + percentEncode(p[1]) + "&";
  }
  url.search = search + "Signature=" + percentEncode(signature);
}

/** openapi-fetch middleware: signs every attempt with fresh Timestamp, nonce and credentials. */
export function acsRpcV1Signer(options: AcsRpcV1SignerOptions): Middleware {
  return signingMiddleware((request) => signAcsRpcV1(request, options));
}

function comparePairs(a: QueryPair, b: QueryPair): number {
  const c = compareStrings(a[0], b[0]);
  return c !== 0 ? c : compareStrings(a[1], b[1]);
}

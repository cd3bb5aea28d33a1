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
import { hmacBase64 } from "./crypto/index.js";
import { signingMiddleware } from "./middleware.js";
import { signingTime, untilAborted, type Clock, type CredentialSource, type SignableRequest } from "./types.js";
import { assertAccessKey, isoSeconds, randomNonce } from "./alibaba-common.js";
import { compareCodeUnits, parseQuery, percentEncode, type QueryPair } from "./percent-encoding.js";

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
  const source = options.credentials;
  const creds = typeof source === "function" ? await untilAborted(source(), request.signal) : source;
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
  query.push(
    ["AccessKeyId", creds.accessKeyId],
    ["SignatureMethod", "HMAC-SHA1"],
    ["SignatureVersion", "1.0"],
    ["SignatureNonce", options.nonce ? options.nonce() : randomNonce()],
    ["Timestamp", isoSeconds(signingTime("RPC v1", options.clock))],
  );
  if (creds.securityToken) query.push(["SecurityToken", creds.securityToken]);

  // Signed set = query + form body parameters (the SDK merges body params into the signed map).
  let signed = query;
  const body = request.body;
  if (body && body.length > 0) {
    const type = headers.get("content-type");
    if (type !== null && type.toLowerCase().startsWith(FORM)) signed = query.concat(parseQuery(textDecoder.decode(body)));
  }

  // Each parameter is percent-encoded once: [name, value, enc(name), enc(value)].
  const n = signed.length;
  const entries: Entry[] = new Array<Entry>(n);
  for (let i = 0; i < n; i++) {
    const p = signed[i]!;
    entries[i] = [p[0], p[1], percentEncode(p[0]), percentEncode(p[1])];
  }
  // Wire query: the (encoded) query parameters plus Signature; body parameters stay in the body.
  let search = "";
  for (let i = 0; i < query.length; i++) search += entries[i]![2] + "=" + entries[i]![3] + "&";

  // Sort by the raw (decoded) name, as the SDK's normalize() does. The string to sign holds
  // enc(canonical) = enc(enc(k) "=" enc(v) "&" …): "=" → %3D, "&" → %26, and an encoded component only
  // changes in its "%" (→ %25), as everything else in it is unreserved.
  entries.sort(compareEntries);
  let stringToSign = request.method.toUpperCase() + "&%2F&";
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    stringToSign += (i > 0 ? "%26" : "") + reencode(e[2]) + "%3D" + reencode(e[3]);
  }
  request.signed = { stringToSign };
  let signature = hmacBase64("SHA-1", creds.accessKeySecret + "&", stringToSign);
  if (typeof signature !== "string") signature = await signature;
  url.search = search + "Signature=" + percentEncode(signature);
}

type Entry = [name: string, value: string, encodedName: string, encodedValue: string];

function compareEntries(a: Entry, b: Entry): number {
  const c = compareCodeUnits(a[0], b[0]);
  return c !== 0 ? c : compareCodeUnits(a[1], b[1]);
}

/** percentEncode of an already percent-encoded string: only its "%" change. */
function reencode(encoded: string): string {
  return encoded.includes("%") ? encoded.replaceAll("%", "%25") : encoded;
}

/** openapi-fetch middleware: signs every attempt with fresh Timestamp, nonce and credentials. */
export function acsRpcV1Signer(options: AcsRpcV1SignerOptions): Middleware {
  return signingMiddleware((request) => signAcsRpcV1(request, options));
}

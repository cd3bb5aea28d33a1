// Alibaba Cloud OSS signature V1 (legacy): `Authorization: OSS {AccessKeyId}:{Signature}`.
//
//   StringToSign = VERB \n Content-MD5 \n Content-Type \n Date \n CanonicalizedOSSHeaders CanonicalizedResource
//   Signature    = base64(hmac-sha1(AccessKeySecret, StringToSign))
//
// Spec: https://www.alibabacloud.com/help/en/oss/developer-reference/include-signatures-in-the-authorization-header
//       (zh: https://help.aliyun.com/document_detail/31951.html)
// Oracles: ali-oss 6.23 lib/common/signUtils.js buildCanonicalString + authorization; Go SDK v2 oss/signer/v1.go.
//
// The date: browsers forbid setting the `Date` request header, so by default (like ali-oss, whose
// createRequest sends only `x-oss-date` in RFC 1123 form) we send `x-oss-date: <RFC 1123 date>` and put
// the same value in the Date slot of the string to sign; `x-oss-date` is also an x-oss-* header and so
// appears in CanonicalizedOSSHeaders. OSS accepts a request carrying either Date or x-oss-date (error
// 0002-00000503 is raised only when both are missing: https://help.aliyun.com/en/oss/user-guide/0002-00000503),
// and the Go SDK v2's own V1 test vectors sign exactly this shape. `dateHeader: "date"` sends a real
// `Date` header instead (documented form; Node/undici only — a browser silently drops it).
import type { Middleware } from "openapi-fetch";
import { hmacBase64 } from "./crypto/index.js";
import { signingMiddleware } from "./middleware.js";
import { assertNameList, signingTime, sortPairs, untilAborted, type Clock, type CredentialSource, type SignableRequest } from "./types.js";
import { assertAccessKey, httpDate } from "./alibaba-common.js";
import { ossResourcePath, type OssAddressing } from "./oss-addressing.js";
import { compareCodeUnits, parseQuery, percentEncode } from "./percent-encoding.js";

export type { OssAddressing } from "./oss-addressing.js";

export interface OssV1SignerOptions {
  credentials: CredentialSource;
  /** Bucket name; derived from the URL when omitted (see `addressing`). */
  bucket?: string | undefined;
  /** See OssV4SignerOptions.addressing — same rule. */
  addressing?: OssAddressing | undefined;
  clock?: Clock | undefined;
  /** "x-oss-date" (default, browser-safe, what ali-oss sends) or "date" (RFC 1123 `Date` header, Node only). */
  dateHeader?: "x-oss-date" | "date" | undefined;
  /** Extra query names to treat as signed sub-resources (the Go SDK's per-operation `SubResource`). */
  subResources?: readonly string[] | undefined;
}

/**
 * Query parameters that belong to the CanonicalizedResource: the union of the classic Go SDK list
 * (aliyun-oss-go-sdk oss/conn.go signKeyList) and Go SDK v2 (oss/signer/v1.go requiredSignedParametersMap);
 * any other `x-oss-*` parameter is signed too (Go SDK v2 rule), so the lists' own `x-oss-*` names (x-oss-process,
 * x-oss-traffic-limit, x-oss-request-payer, x-oss-enable-md5/-sha1/-sha256, x-oss-hash-ctx, x-oss-md5-ctx,
 * x-oss-ac-source-ip/-subnet-mask/-vpc-id/-forward-allow) are not repeated here. One name per whitespace-separated word.
 */
const SIGNED_SUBRESOURCES = new Set(
  `acl uploads location cors logging website referer lifecycle delete append tagging objectMeta uploadId
  partNumber security-token position img style styleName replication replicationProgress replicationLocation
  cname bucketInfo comp qos live status vod startTime endTime symlink response-content-type
  response-content-language response-expires response-cache-control response-content-disposition
  response-content-encoding udf udfName udfImage udfId udfImageDesc udfApplication udfApplicationLog restore
  callback callback-var qosInfo policy stat encryption versions versioning versionId requestPayment sequential
  inventory inventoryId continuation-token asyncFetch worm wormId wormExtend withHashContext
  transferAcceleration regionList cloudboxes metaQuery`.split(/\s+/),
);

/**
 * Signs `request` in place: sets x-oss-date (or Date), x-oss-security-token (STS) and Authorization,
 * and rewrites the query with RFC 3986 encoding (so `+`/space are unambiguous on the wire).
 */
export async function signOssV1(request: SignableRequest, options: OssV1SignerOptions): Promise<void> {
  const source = options.credentials;
  const creds = typeof source === "function" ? await untilAborted(source(), request.signal) : source;
  assertAccessKey("OSS V1", creds);
  const { url, headers } = request;
  if (options.subResources != null) assertNameList("OSS V1", "subResources", options.subResources);

  // Canonicalized resource: decoded /bucket/key plus the signed sub-resources, decoded, sorted.
  let resource = ossResourcePath(url, options.bucket, options.addressing);
  if (url.search.length > 1) {
    const pairs = parseQuery(url.search);
    const extra = options.subResources;
    const sub: [string, string][] = [];
    let wire = "";
    for (let i = 0; i < pairs.length; i++) {
      const [k, v] = pairs[i]!;
      wire += (i > 0 ? "&" : "") + (v === "" ? percentEncode(k) : percentEncode(k) + "=" + percentEncode(v));
      if (SIGNED_SUBRESOURCES.has(k) || k.startsWith("x-oss-") || (extra !== undefined && extra.includes(k))) {
        // First value wins for a repeated name (Go's url.Values.Get).
        let seen = false;
        for (const s of sub) if (s[0] === k) seen = true;
        if (!seen) sub.push([k, v]);
      }
    }
    if (wire !== url.search.slice(1)) url.search = wire; // the setter re-parses: skip when unchanged
    if (sub.length > 0) {
      if (sub.length > 1) sub.sort((a, b) => compareCodeUnits(a[0], b[0]));
      let q = "";
      for (let i = 0; i < sub.length; i++) {
        const [k, v] = sub[i]!;
        q += (i > 0 ? "&" : "?") + (v === "" ? k : k + "=" + v);
      }
      resource += q;
    }
  }

  const date = httpDate(signingTime("OSS V1", options.clock));
  const dateHeader = options.dateHeader === "date";
  const token = creds.securityToken;

  // CanonicalizedOSSHeaders: x-oss-* lower-cased, trimmed, sorted. The request's headers are read once
  // (Headers iterates sorted lower-case names, combined values); Content-MD5 / Content-Type are picked up
  // in the same pass. The date header (x-oss-date, or Date) and x-oss-security-token are this signer's:
  // added to the list (Date is not an x-oss-* header) and written at the end.
  let contentMd5 = "";
  let contentType = "";
  const list: string[] = [];
  let hadOssDate = false;
  let staleToken = false;
  for (const [name, value] of headers) {
    if (name === "x-oss-date") hadOssDate = true;
    else if (name === "x-oss-security-token") staleToken = true;
    else if (name.startsWith("x-oss-")) list.push(name, value.trim());
    else if (name === "content-md5") contentMd5 = value;
    else if (name === "content-type") contentType = value;
  }
  const own = dateHeader ? ["date", date] : ["x-oss-date", date];
  if (token) own.push("x-oss-security-token", token);
  list.push(...own.slice(dateHeader ? 2 : 0));
  sortPairs(list);
  let canonicalOssHeaders = "";
  for (let i = 0; i < list.length; i += 2) canonicalOssHeaders += list[i]! + ":" + list[i + 1]! + "\n";

  const stringToSign =
    request.method.toUpperCase() + "\n" + contentMd5 + "\n" + contentType + "\n" + date + "\n" + canonicalOssHeaders + resource;
  request.signed = { stringToSign };
  let signature = hmacBase64("SHA-1", creds.accessKeySecret, stringToSign);
  if (typeof signature !== "string") signature = await signature;

  for (let i = 0; i < own.length; i += 2) headers.set(own[i]!, own[i + 1]!);
  if (dateHeader && hadOssDate) headers.delete("x-oss-date");
  if (!token && staleToken) headers.delete("x-oss-security-token");
  headers.set("authorization", "OSS " + creds.accessKeyId + ":" + signature);
}

/** openapi-fetch middleware: signs every attempt with a fresh date and credentials. */
export function ossV1Signer(options: OssV1SignerOptions): Middleware {
  return signingMiddleware((request) => signOssV1(request, options));
}

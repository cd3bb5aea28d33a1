// Baseline signing: what a developer hand-rolls with node:crypto for exactly one operation per vendor
// (fixed header set, no generality). Used by the two baselines (plain fetch, node:http keep-alive).
import { createHash, createHmac, randomBytes } from "node:crypto";

const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const sha256 = (s) => createHash("sha256").update(s).digest("hex");
const hmac = (alg, key, s) => createHmac(alg, key).update(s).digest();
const isoSeconds = (d) => d.toISOString().slice(0, 19) + "Z";
const isoBasic = (d) => d.toISOString().replace(/[-:]/g, "").slice(0, 15) + "Z";

/** ENS ListBuckets, ACS3-HMAC-SHA256, POST /?PageNumber=1&PageSize=10. */
export function ensAcs3(endpoint, ak, sk) {
  const url = new URL(endpoint);
  const host = url.host;
  const query = "PageNumber=1&PageSize=10";
  const h = {
    host,
    "x-acs-action": "ListBuckets",
    "x-acs-content-sha256": EMPTY_SHA256,
    "x-acs-date": isoSeconds(new Date()),
    "x-acs-signature-nonce": randomBytes(16).toString("hex"),
    "x-acs-version": "2017-11-10",
  };
  const names = Object.keys(h);
  const canonical = `POST\n/\n${query}\n${names.map((n) => `${n}:${h[n]}\n`).join("")}\n${names.join(";")}\n${EMPTY_SHA256}`;
  const sig = hmac("sha256", sk, `ACS3-HMAC-SHA256\n${sha256(canonical)}`).toString("hex");
  delete h.host;
  h.authorization = `ACS3-HMAC-SHA256 Credential=${ak},SignedHeaders=${names.join(";")},Signature=${sig}`;
  return { method: "POST", url: `${url.origin}/?${query}`, headers: h };
}

/** MPC ListAllBuckets, SDK-HMAC-SHA256, GET /v1/{project_id}/buckets. */
export function mpcSdkHmac(endpoint, ak, sk, projectId) {
  const url = new URL(endpoint);
  const path = `/v1/${projectId}/buckets`;
  const date = isoBasic(new Date());
  const h = { "content-type": "application/json", host: url.host, "x-project-id": projectId, "x-sdk-date": date };
  const names = Object.keys(h);
  const canonical = `GET\n${path}/\n\n${names.map((n) => `${n}:${h[n]}\n`).join("")}\n${names.join(";")}\n${EMPTY_SHA256}`;
  const sig = hmac("sha256", sk, `SDK-HMAC-SHA256\n${date}\n${sha256(canonical)}`).toString("hex");
  delete h.host;
  h.authorization = `SDK-HMAC-SHA256 Access=${ak}, SignedHeaders=${names.join(";")}, Signature=${sig}`;
  return { method: "GET", url: url.origin + path, headers: h };
}

/** BOS GetBucketAcl, bce-auth-v1, GET /v1/{bucket}?acl (path style). */
export function bosBceV1(endpoint, ak, sk, bucket) {
  const url = new URL(endpoint);
  const path = `/v1/${bucket}`;
  const ts = isoSeconds(new Date());
  const prefix = `bce-auth-v1/${ak}/${ts}/1800`;
  const signingKey = hmac("sha256", sk, prefix).toString("hex");
  const canonical = `GET\n${path}\nacl=\nhost:${encodeURIComponent(url.host)}\nx-bce-date:${encodeURIComponent(ts)}`;
  const sig = hmac("sha256", signingKey, canonical).toString("hex");
  return { method: "GET", url: `${url.origin}${path}?acl`, headers: { "x-bce-date": ts, authorization: `${prefix}/host;x-bce-date/${sig}` } };
}

/** OSS GetBucketAcl, OSS4-HMAC-SHA256, GET /{bucket}/?acl (path style on a local endpoint). */
export function ossV4(endpoint, ak, sk, bucket, region) {
  const url = new URL(endpoint);
  const now = new Date();
  const date = isoBasic(now);
  const day = date.slice(0, 8);
  const canonical = `GET\n/${bucket}/\nacl\nx-oss-content-sha256:UNSIGNED-PAYLOAD\nx-oss-date:${date}\n\n\nUNSIGNED-PAYLOAD`;
  const scope = `${day}/${region}/oss/aliyun_v4_request`;
  const sts = `OSS4-HMAC-SHA256\n${date}\n${scope}\n${sha256(canonical)}`;
  let key = hmac("sha256", "aliyun_v4" + sk, day);
  key = hmac("sha256", key, region);
  key = hmac("sha256", key, "oss");
  key = hmac("sha256", key, "aliyun_v4_request");
  const sig = createHmac("sha256", key).update(sts).digest("hex");
  return {
    method: "GET",
    url: `${url.origin}/${bucket}/?acl`,
    headers: { "x-oss-date": date, "x-oss-content-sha256": "UNSIGNED-PAYLOAD", authorization: `OSS4-HMAC-SHA256 Credential=${ak}/${scope},Signature=${sig}` },
  };
}

// Baseline: node:http keep-alive agent + hand-rolled OSS4-HMAC-SHA256 (node:crypto); the XML answer read with one regex.
import { AK, BUCKET, REGION, SK } from "../../lib/common.mjs";
import { ossV4 } from "../../lib/hand-sign.mjs";
import { httpTransport } from "../../lib/transport-http.mjs";

export function create({ endpoint, web = false }) {
  const t = httpTransport({ web });
  return { call: () => t.send(ossV4(endpoint, AK, SK, BUCKET, REGION["aliyun-oss"]), "xml") };
}
export const verify = (r) => r.AccessControlList.Grant === "public-read";

// Baseline: plain global fetch + hand-rolled OSS4-HMAC-SHA256 (node:crypto); the XML answer read with one regex.
import { AK, BUCKET, REGION, SK } from "../../lib/common.mjs";
import { ossV4 } from "../../lib/hand-sign.mjs";
import { fetchTransport } from "../../lib/transport-fetch.mjs";

export function create({ endpoint }) {
  const t = fetchTransport();
  return { call: () => t.send(ossV4(endpoint, AK, SK, BUCKET, REGION["aliyun-oss"]), "xml") };
}
export const verify = (r) => r.AccessControlList.Grant === "public-read";

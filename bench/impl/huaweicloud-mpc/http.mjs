// Baseline: node:http keep-alive agent + hand-rolled SDK-HMAC-SHA256 (node:crypto).
import { AK, PROJECT_ID, SK } from "../../lib/common.mjs";
import { mpcSdkHmac } from "../../lib/hand-sign.mjs";
import { httpTransport } from "../../lib/transport-http.mjs";

export function create({ endpoint, web = false }) {
  const t = httpTransport({ web });
  return { call: () => t.send(mpcSdkHmac(endpoint, AK, SK, PROJECT_ID)) };
}
export const verify = (r) => r.buckets.length === 2;

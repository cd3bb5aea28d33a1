// Baseline: node:http keep-alive agent + hand-rolled ACS3-HMAC-SHA256 (node:crypto).
import { AK, SK } from "../../lib/common.mjs";
import { ensAcs3 } from "../../lib/hand-sign.mjs";
import { httpTransport } from "../../lib/transport-http.mjs";

export function create({ endpoint, web = false }) {
  const t = httpTransport({ web });
  return { call: () => t.send(ensAcs3(endpoint, AK, SK)) };
}
export const verify = (r) => r.BucketInfos[0].BucketName === "test";

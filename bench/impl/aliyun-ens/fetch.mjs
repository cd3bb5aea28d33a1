// Baseline: plain global fetch + hand-rolled ACS3-HMAC-SHA256 (node:crypto).
import { AK, SK } from "../../lib/common.mjs";
import { ensAcs3 } from "../../lib/hand-sign.mjs";
import { fetchTransport } from "../../lib/transport-fetch.mjs";

export function create({ endpoint }) {
  const t = fetchTransport();
  return { call: () => t.send(ensAcs3(endpoint, AK, SK)) };
}
export const verify = (r) => r.BucketInfos[0].BucketName === "test";

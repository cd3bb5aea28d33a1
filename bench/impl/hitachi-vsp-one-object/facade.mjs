// Facade: bucketry createBucketClient (normalized model, errors, retries) — informational row.
import { createBucketClient } from "bucketry";
import { HITACHI_TOKEN, HITACHI_USER_ID } from "../../lib/common.mjs";

export function create({ endpoint }) {
  const client = createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${endpoint}/mapi`, credentials: { token: HITACHI_TOKEN } });
  return { call: () => client.listBucketsPage({ userId: HITACHI_USER_ID }) };
}
export const verify = (r) => r.buckets[0].name === "example";

// Baseline: plain global fetch + hand-rolled bce-auth-v1 (node:crypto).
import { AK, BUCKET, SK } from "../../lib/common.mjs";
import { bosBceV1 } from "../../lib/hand-sign.mjs";
import { fetchTransport } from "../../lib/transport-fetch.mjs";

export function create({ endpoint }) {
  const t = fetchTransport();
  return { call: () => t.send(bosBceV1(endpoint, AK, SK, BUCKET)) };
}
export const verify = (r) => r.owner.id === "16df583fe6824d73a5f858f06de0af03";

// Baseline: node:http keep-alive agent + hand-rolled bce-auth-v1 (node:crypto).
import { AK, BUCKET, SK } from "../../lib/common.mjs";
import { bosBceV1 } from "../../lib/hand-sign.mjs";
import { httpTransport } from "../../lib/transport-http.mjs";

export function create({ endpoint, web = false }) {
  const t = httpTransport({ web });
  return { call: () => t.send(bosBceV1(endpoint, AK, SK, BUCKET)) };
}
export const verify = (r) => r.owner.id === "16df583fe6824d73a5f858f06de0af03";

// Baseline: node:http keep-alive agent + bearer token and a CSRF session from one GET /v1/csrf (Hitachi has no HMAC).
import { HITACHI_TOKEN, HITACHI_USER_ID } from "../../lib/common.mjs";
import { hitachiList, hitachiSessionFrom } from "../../lib/hand-session.mjs";
import { httpTransport } from "../../lib/transport-http.mjs";

export function create({ endpoint, web = false }) {
  const t = httpTransport({ web });
  const base = `${endpoint}/mapi`;
  let session;
  return {
    async call() {
      session ??= t.setCookies(`${base}/v1/csrf`).then(hitachiSessionFrom);
      return t.send(hitachiList(base, HITACHI_TOKEN, await session, HITACHI_USER_ID));
    },
  };
}
export const verify = (r) => r.buckets[0].bucketName === "example";

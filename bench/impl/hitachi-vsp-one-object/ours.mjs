// Ours: @bucketry/hitachi-vsp-one-object (generated client) + hitachiSession from @bucketry/signing/hitachi-session (one scheme's module) (bearer + CSRF), sent through `platformTransport` from @bucketry/signing/fetch (Node: the keep-alive HTTP/1.1 transport; browsers: fetch).
import { createClient } from "@bucketry/hitachi-vsp-one-object";
import { hitachiSession } from "@bucketry/signing/hitachi-session";
import { platformTransport } from "@bucketry/signing/fetch";
import { HITACHI_TOKEN, HITACHI_USER_ID } from "../../lib/common.mjs";

export function create({ endpoint }) {
  const baseUrl = `${endpoint}/mapi`;
  const client = createClient({ baseUrl, fetch: platformTransport });
  client.use(hitachiSession({ baseUrl, credentials: { token: HITACHI_TOKEN }, fetch: platformTransport }));
  return {
    async call() {
      const { data, error, response } = await client.POST("/v1/user/list_buckets", { body: { id: HITACHI_USER_ID } });
      if (error !== undefined || response.status !== 200) throw new Error(`HTTP ${response.status}`);
      return data;
    },
  };
}
export const verify = (r) => r.buckets[0].bucketName === "example";

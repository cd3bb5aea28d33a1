// A client created with `mode: "no-cors"` (openapi-fetch hands a client's RequestInit options to every Request it
// builds): huaweiTokenAuth's X-Auth-Token and hitachiSession's Authorization and X-XSRF-TOKEN must still go out.
// A browser lets a no-cors Request's headers hold CORS-safelisted names only and drops the rest without a word, so
// each middleware sends a CORS copy, as the signing middleware does. One copy for both runtimes (no-cors.test.ts).
import type * as HitachiClient from "@bucketry/hitachi-vsp-one-object";
import type * as MpcClient from "@bucketry/huaweicloud-mpc";
import type * as Signing from "@bucketry/signing";

export interface Modules {
  mpc: typeof MpcClient;
  hitachi: typeof HitachiClient;
  signing: typeof Signing;
}

/** What the transport was handed. */
export interface Sent {
  mode: string;
  headers: Record<string, string | null>;
}

export const TOKEN = "no-cors-token";
export const XSRF = "no-cors-xsrf";
const NAMES = ["x-auth-token", "authorization", "x-xsrf-token"];

/** Calls the MPC client with huaweiTokenAuth and the Hitachi client with hitachiSession, both `mode: "no-cors"`. */
export async function runNoCors({ mpc, hitachi, signing }: Modules, origin: string): Promise<{ mpc?: Sent; hitachi?: Sent }> {
  const sent: { mpc?: Sent; hitachi?: Sent } = {};
  const capture = (key: "mpc" | "hitachi", answer: string) => async (request: Request) => {
    sent[key] = { mode: request.mode, headers: Object.fromEntries(NAMES.map((name) => [name, request.headers.get(name)])) };
    return new Response(answer, { headers: { "content-type": "application/json" } });
  };

  const mpcClient = mpc.createClient({ baseUrl: origin, fetch: capture("mpc", '{"buckets":[]}'), mode: "no-cors" });
  mpcClient.use(signing.huaweiTokenAuth({ token: TOKEN }));
  await mpcClient.GET("/v1/{project_id}/buckets", { params: { path: { project_id: "0123456789abcdef0123456789abcdef" } } });

  // The session's CSRF GET answers with the XSRF-TOKEN cookie (a browser hides it from scripts and reads it from
  // document.cookie, which the entry sets; Node's jar reads the Set-Cookie line).
  const csrf = async () => new Response("{}", { headers: { "set-cookie": `XSRF-TOKEN=${XSRF}; Path=/` } });
  const session = signing.hitachiSession({ baseUrl: `${origin}/mapi`, credentials: { token: TOKEN }, fetch: csrf });
  const hitachiClient = hitachi.createClient({ baseUrl: `${origin}/mapi`, fetch: capture("hitachi", '{"buckets":[]}'), mode: "no-cors" });
  hitachiClient.use(session);
  await hitachiClient.POST("/v1/user/list_buckets", { body: { id: 1, count: 1 } });
  return sent;
}

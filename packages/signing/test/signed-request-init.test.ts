// When a signer must hand on a new Request (a body, a changed URL, a request that would follow redirects), the copy
// keeps what the caller asked of the original — openapi-fetch passes a client's RequestInit options (`cache`,
// `referrerPolicy`, `keepalive`, …) to every Request it builds — and changes only what signing needs.
import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { acs3Signer } from "../src/acs3.js";
import { bceV1Signer } from "../src/bce-v1.js";
import { signRequest } from "../src/middleware.js";
import { signBceV1 } from "../src/bce-v1.js";

const credentials = { accessKeyId: "AKIDEXAMPLE", accessKeySecret: "sk-test" };
const init = { cache: "no-store", keepalive: true, mode: "same-origin", referrerPolicy: "no-referrer", integrity: "sha256-AAAA" } as const;
const kept = (request: Request) => ({
  cache: request.cache,
  keepalive: request.keepalive,
  mode: request.mode,
  referrerPolicy: request.referrerPolicy,
  integrity: request.integrity,
});

describe("a signed copy keeps the request's own options", () => {
  it.each([
    ["a body (bce-auth-v1)", () => bceV1Signer({ credentials }), "PUT", { a: 1 }],
    ["a URL the signer rewrites (ACS3 moves Action/Version out of the query)", () => acs3Signer({ credentials }), "GET", undefined],
  ] as const)("through the middleware, with %s", async (_, signer, method, body) => {
    const sent: Request[] = [];
    const client = createClient<never>({
      baseUrl: "http://127.0.0.1:9",
      ...init,
      fetch: async (request: Request) => {
        sent.push(request);
        return new Response("{}", { headers: { "content-type": "application/json" } });
      },
    });
    client.use(signer());
    await (client as unknown as { request(m: string, p: string, o: object): Promise<unknown> }).request(method.toLowerCase(), "/", {
      params: { query: { Action: "ListBuckets", Version: "2017-11-10" } },
      ...(body ? { body } : {}),
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers.get("authorization")).toBeTruthy();
    expect(sent[0]!.redirect).toBe("manual");
    expect(kept(sent[0]!)).toEqual(init);
  });

  it("from signRequest; a no-cors request's copy is a CORS one (no-cors would drop the signature's headers)", async () => {
    const signed = await signRequest(new Request("http://127.0.0.1:9/", { method: "POST", body: "x", ...init }), (r) => signBceV1(r, { credentials }));
    expect(kept(signed)).toEqual(init);
    const noCors = await signRequest(new Request("http://127.0.0.1:9/", { mode: "no-cors", cache: "no-store" }), (r) => signBceV1(r, { credentials }));
    expect(noCors.mode).toBe("cors");
    expect(noCors.cache).toBe("no-store");
    expect(noCors.headers.get("authorization")).toBeTruthy();
  });
});

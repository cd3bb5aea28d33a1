// A credentials (or token) function that never settles — a stuck vault or metadata call — must not outlive the call
// it serves: when the request's signal aborts, the signer's middleware rejects with the signal's reason, as fetch
// does. No timers: the signal is aborted by hand once signing has started.
import createClient, { type Middleware } from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { acsRpcV1Signer } from "../src/acs-rpc-v1.js";
import { acs3Signer } from "../src/acs3.js";
import { bceV1Signer } from "../src/bce-v1.js";
import { huaweiTokenAuth, sdkHmacSha256Signer } from "../src/huawei-sdk-hmac.js";
import { signRequest } from "../src/middleware.js";
import { ossV1Signer } from "../src/oss-v1.js";
import { ossV4Signer } from "../src/oss-v4.js";
import { signBceV1 } from "../src/bce-v1.js";

/** A credentials function that never settles, and a promise that resolves once it has been called. */
function stuck() {
  let called!: () => void;
  const started = new Promise<void>((resolve) => (called = resolve));
  const source = (): Promise<never> => {
    called();
    return new Promise<never>(() => {});
  };
  return { source, started };
}

const SIGNERS: Record<string, (source: () => Promise<never>) => Middleware> = {
  acs3Signer: (credentials) => acs3Signer({ credentials, action: "ListBuckets", version: "2017-11-10" }),
  acsRpcV1Signer: (credentials) => acsRpcV1Signer({ credentials }),
  ossV4Signer: (credentials) => ossV4Signer({ credentials, region: "cn-hangzhou", bucket: "examplebucket" }),
  ossV1Signer: (credentials) => ossV1Signer({ credentials, bucket: "examplebucket" }),
  bceV1Signer: (credentials) => bceV1Signer({ credentials }),
  sdkHmacSha256Signer: (credentials) => sdkHmacSha256Signer({ credentials }),
  huaweiTokenAuth: (token) => huaweiTokenAuth({ token }),
};

describe("a credentials function that never settles, under an aborted signal", () => {
  for (const [name, make] of Object.entries(SIGNERS)) {
    it(`${name}: the call rejects with the signal's reason, and nothing is sent`, async () => {
      const { source, started } = stuck();
      let sent = 0;
      const client = createClient<never>({
        baseUrl: "http://127.0.0.1:9",
        fetch: async () => {
          sent++;
          return new Response("{}");
        },
      });
      client.use(make(source));
      const controller = new AbortController();
      const reason = new Error("given up");
      const call = (client as unknown as { GET(p: string, o: object): Promise<unknown> }).GET("/", {
        params: { query: { Action: "ListBuckets", Version: "2017-11-10" } },
        signal: controller.signal,
      });
      await started;
      controller.abort(reason);
      await expect(call).rejects.toBe(reason);
      expect(sent).toBe(0);
    });
  }

  it("signRequest: rejects with the signal's reason", async () => {
    const { source, started } = stuck();
    const controller = new AbortController();
    const signing = signRequest(new Request("http://127.0.0.1:9/", { signal: controller.signal }), (r) => signBceV1(r, { credentials: source }));
    await started;
    controller.abort(new Error("given up"));
    await expect(signing).rejects.toThrow("given up");
  });
});

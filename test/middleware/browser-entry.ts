// The browser side of documented-middleware.test.ts: bundled by esbuild (browser conditions: the portable
// transport and Web Crypto), run in headless Chromium against @bucketry/mocks' server on 127.0.0.1.
import * as ens from "@bucketry/aliyun-ens";
import * as oss from "@bucketry/aliyun-oss";
import * as bos from "@bucketry/baidu-bos";
import * as hitachi from "@bucketry/hitachi-vsp-one-object";
import * as mpc from "@bucketry/huaweicloud-mpc";
import * as signing from "@bucketry/signing";
import { createBucketClient } from "bucketry";
import { runDocumented, type MockInfo } from "./documented.js";

const modules = { createBucketClient, signing, clients: { "aliyun-ens": ens, "huaweicloud-mpc": mpc, "baidu-bos": bos, "hitachi-vsp-one-object": hitachi, "aliyun-oss": oss } };
const target = window as unknown as { __result?: unknown };

(async () => {
  const info = (await (await fetch("/options.json")).json()) as MockInfo;
  // Hitachi's CSRF session lives in cookies; in a browser only the cookie jar can carry them.
  const withCookies = (request: Request) => fetch(new Request(request, { credentials: "include" }));
  target.__result = await runDocumented(modules, info, undefined, withCookies);
})().catch((err: unknown) => {
  target.__result = { error: String((err as Error)?.stack ?? err) };
});

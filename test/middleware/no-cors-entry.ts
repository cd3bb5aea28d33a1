// The browser side of no-cors.test.ts: bundled by esbuild (browser conditions), run in headless Chromium.
import * as hitachi from "@bucketry/hitachi-vsp-one-object";
import * as mpc from "@bucketry/huaweicloud-mpc";
import * as signing from "@bucketry/signing";
import { runNoCors, XSRF } from "./no-cors.js";

const target = window as unknown as { __result?: unknown };
// The page is on the MAPI's host: the session reads the XSRF-TOKEN cookie from document.cookie.
document.cookie = `XSRF-TOKEN=${XSRF}; path=/`;
runNoCors({ mpc, hitachi, signing }, location.origin).then(
  (sent) => (target.__result = sent),
  (err: unknown) => (target.__result = { error: String((err as Error)?.stack ?? err) }),
);

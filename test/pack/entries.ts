// The programs the pack test runs from the installed tarballs, one per way of loading them. Each pastes
// fixtures/calls.js (runCalls, mockScenario, controlledMock) right after its imports, before any top-level await.
//   esm.mjs       Node ESM (20, 22, 24), Deno, Bun: starts the installed mock server in-process.
//   cjs.cjs       Node and Bun CommonJS (require of the ESM packages), mock in-process.
//   browser.mjs   bundled by esbuild for the browser; the mock runs in serve-mock.mjs.
//   worker.mjs    bundled by esbuild with the workerd conditions, run as a Worker; the mock runs in serve-mock.mjs.
//   serve-mock.mjs  the installed mock server in its own Node process, plus a control endpoint (POST
//                 { provider, spec }) through which a program elsewhere switches the mock's scenarios on.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const VENDOR_CLIENTS = ["aliyun-ens", "huaweicloud-mpc", "baidu-bos", "hitachi-vsp-one-object", "aliyun-oss"] as const;

/**
 * The per-provider facade entries (`bucketry/<provider>`) that the installed facade's package.json exports: a
 * subpath of its own, or a subpath pattern (`"./*"`) whose `default` target is a file the tarball shipped.
 */
export function facadeProviderEntries(app: string): string[] {
  const dir = join(app, "node_modules", "bucketry");
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { exports?: Record<string, unknown> };
  const exports = pkg.exports ?? {};
  const target = (entry: unknown) => (typeof entry === "string" ? entry : (entry as { default?: unknown } | null)?.default);
  return VENDOR_CLIENTS.filter((p) => {
    if (`./${p}` in exports) return true;
    const pattern = target(exports["./*"]);
    return typeof pattern === "string" && existsSync(join(dir, pattern.replace("*", p)));
  });
}

const OPTIONS_OF = `(server) => ({ clientOptions: server.clientOptions, endpoints: server.endpoints, credentials: server.credentials, bucket: server.mock.state.buckets[0].name })`;

export function writeEntryFiles(app: string, fixtures: string, entries: string[]): void {
  const calls = readFileSync(join(fixtures, "calls.js"), "utf8");
  const esmImports = [
    `import { createBucketClient, isBucketryError } from "bucketry";`,
    `import * as signing from "@bucketry/signing";`,
    `import * as transport from "@bucketry/signing/fetch";`,
    `import { platformRequest } from "@bucketry/signing/transport";`,
    ...VENDOR_CLIENTS.map((v, i) => `import * as client${i} from "@bucketry/${v}";`),
    ...entries.map((p, i) => `import * as entry${i} from "bucketry/${p}";`),
  ].join("\n");
  const clientMap = `{ ${VENDOR_CLIENTS.map((v, i) => `"${v}": client${i}`).join(", ")} }`;
  const entryMap = `{ ${entries.map((p, i) => `"${p}": entry${i}`).join(", ")} }`;
  const modules = `createBucketClient, isBucketryError, signing, transport, platformRequest, clients: ${clientMap}, entries: ${entryMap}`;

  writeFileSync(
    join(app, "esm.mjs"),
    `${esmImports}
import { scenario } from "@bucketry/mocks";
import { startMockServer } from "@bucketry/mocks/server";
${calls}
const runtime = typeof Deno !== "undefined" ? "deno " + Deno.version.deno : typeof Bun !== "undefined" ? "bun " + Bun.version : "node " + process.version;
const server = await startMockServer({ buckets: 40, seed: 1 });
try {
  const use = async (provider, spec) => void server.mock.use(mockScenario(scenario, provider, spec));
  const out = await runCalls({ ${modules}, use }, (${OPTIONS_OF})(server));
  console.log(JSON.stringify({ runtime: runtime + " esm", transport: transport.transportName, out }));
} finally {
  await server.close();
}
// msw (under @bucketry/mocks) opens a BroadcastChannel, which Deno cannot unref: the process would not end.
if (typeof Deno !== "undefined") Deno.exit(0);
`,
  );

  writeFileSync(
    join(app, "cjs.cjs"),
    `"use strict";
const { createBucketClient, isBucketryError } = require("bucketry");
const signing = require("@bucketry/signing");
const transport = require("@bucketry/signing/fetch");
const { platformRequest } = require("@bucketry/signing/transport");
const { scenario } = require("@bucketry/mocks");
const { startMockServer } = require("@bucketry/mocks/server");
${VENDOR_CLIENTS.map((v, i) => `const client${i} = require("@bucketry/${v}");`).join("\n")}
${entries.map((p, i) => `const entry${i} = require("bucketry/${p}");`).join("\n")}
${calls}
const runtime = typeof Bun !== "undefined" ? "bun " + Bun.version : "node " + process.version;
(async () => {
  const server = await startMockServer({ buckets: 40, seed: 1 });
  try {
    const use = async (provider, spec) => void server.mock.use(mockScenario(scenario, provider, spec));
    const out = await runCalls({ ${modules}, use }, (${OPTIONS_OF})(server));
    console.log(JSON.stringify({ runtime: runtime + " cjs", transport: transport.transportName, out }));
  } finally {
    await server.close();
  }
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
`,
  );

  // Options come from the page's origin; every call goes to the mock on 127.0.0.1.
  writeFileSync(
    join(app, "browser.mjs"),
    `${esmImports}
${calls}
(async () => {
  const o = await (await fetch("/options.json")).json();
  // Hitachi's CSRF session lives in cookies; in a browser only the cookie jar can carry them, so the
  // client's requests must include credentials (see @bucketry/signing hitachiSession).
  o.hitachiFetch = (request) => fetch(new Request(request, { credentials: "include" }));
  o.clientOptions["hitachi-vsp-one-object"].fetch = o.hitachiFetch;
  const out = await runCalls({ ${modules}, use: controlledMock(o.control) }, o);
  window.__result = { runtime: navigator.userAgent.match(/(?:Headless)?Chrome\\/[\\d.]+/)[0], transport: transport.transportName, out, noCredentials: noCredentialsMessages({ ${modules} }, o) };
})().catch((err) => {
  window.__result = { error: String(err && err.stack || err) };
});
`,
  );

  // A module Worker: no nodejs_compat, so only web APIs (fetch, Web Crypto) are there; MOCK is a JSON binding.
  writeFileSync(
    join(app, "worker.mjs"),
    `${esmImports}
${calls}
export default {
  async fetch(request, env) {
    try {
      const o = JSON.parse(env.MOCK);
      const out = await runCalls({ ${modules}, use: controlledMock(o.control) }, o);
      return Response.json({ runtime: "workerd", transport: transport.transportName, process: typeof globalThis.process, out, noCredentials: noCredentialsMessages({ ${modules} }, o) });
    } catch (err) {
      return Response.json({ error: String((err && err.stack) || err) }, { status: 500 });
    }
  },
};
`,
  );

  writeFileSync(
    join(app, "serve-mock.mjs"),
    `import { createServer } from "node:http";
import { scenario } from "@bucketry/mocks";
import { startMockServer } from "@bucketry/mocks/server";
${calls}
const server = await startMockServer({ buckets: 40, seed: 1 });
// POST { provider, spec } as text/plain (a simple request: no CORS preflight from a page).
const control = createServer((req, res) => {
  res.setHeader("access-control-allow-origin", "*");
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    try {
      const { provider, spec } = JSON.parse(body);
      server.mock.use(mockScenario(scenario, provider, spec));
      res.statusCode = 204;
      res.end();
    } catch (err) {
      res.statusCode = 400;
      res.end(String(err && err.message));
    }
  });
});
await new Promise((resolve) => control.listen(0, "127.0.0.1", resolve));
console.log(JSON.stringify({ ...(${OPTIONS_OF})(server), control: "http://127.0.0.1:" + control.address().port + "/" }));
process.on("SIGTERM", () => {
  control.close();
  server.close().then(() => process.exit(0));
});
`,
  );
}

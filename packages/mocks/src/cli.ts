#!/usr/bin/env node
// `npm run mock`: serves the five mock APIs on 127.0.0.1 and prints endpoints and credentials.
//   node packages/mocks/dist/cli.js [--port 9000] [--host 0.0.0.0] [--buckets 10000] [--seed 1]
import { testAccount } from "./generated/accounts.js";
import { startMockServer } from "./server.js";

function flag(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i === -1 ? process.env[`MOCK_${name.toUpperCase()}`] : process.argv[i + 1];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a non-negative integer, got ${raw}`);
    process.exit(2);
  }
  return n;
}

const port = flag("port");
const hostAt = process.argv.indexOf("--host");
const host = (hostAt === -1 ? process.env.MOCK_HOST : process.argv[hostAt + 1])?.trim() || undefined;
const buckets = flag("buckets");
const seed = flag("seed");
const server = await startMockServer({ ...(port !== undefined ? { port } : {}), ...(host !== undefined ? { host } : {}), ...(buckets !== undefined ? { buckets } : {}), ...(seed !== undefined ? { seed } : {}) }).catch(
  (err: NodeJS.ErrnoException) => {
    // An operator's mistake (the port is taken, a privileged port, an address this machine lacks): say so, no stack.
    const why = err.code === "EADDRINUSE" ? "the port is already in use" : err.code === "EACCES" ? "permission denied" : err.code === "EADDRNOTAVAIL" ? "no such local address" : err.message;
    console.error(`bucketry mocks: cannot listen on ${host ?? "127.0.0.1"}:${port ?? 0}: ${why}. Pick another --port (0: any free port).`);
    process.exit(1);
  },
);

console.log(`bucketry mocks listening on ${server.url} (${server.mock.state.buckets.length} buckets, seed ${server.mock.state.seed})\n`);
for (const [provider, options] of Object.entries(server.clientOptions)) {
  console.log(`${provider}\n  createBucketClient(${JSON.stringify(options)})`);
}
console.log(`\nHitachi user ids: ${testAccount.hitachiUserIds.join(", ")}; Huawei token (X-Auth-Token): ${testAccount.mpcToken}`);
console.log("Ctrl-C to stop.");

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

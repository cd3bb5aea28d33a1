// generated from scripts/templates/late-client.ts by scripts/generate-clients.mjs; do not edit.
// Change the template and run `npm run generate`; `npm test` fails when this file is stale.

import createFetchClient, { type Client, type ClientOptions, type Middleware } from "openapi-fetch";

type Method = "request" | "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";
const METHODS: readonly Method[] = ["request", "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"];

/**
 * openapi-fetch's `createClient(options)`, created at the first call rather than now. openapi-fetch reads
 * `globalThis.Request` when it creates a client (its `Request` option's default), and on Node that loads the
 * platform's fetch implementation (undici); this way a program pays for it at its first request, not at
 * construction. Middleware added before then is handed over in order. With a `Request` option of its own, the
 * client is created at once.
 */
export function createLateClient<Paths extends {}>(options: ClientOptions): Client<Paths> {
  if (options.Request !== undefined) return createFetchClient<Paths>(options);
  let client: Client<Paths> | undefined;
  const early: Middleware[] = [];
  const made = (): Client<Paths> => {
    if (client === undefined) {
      client = createFetchClient<Paths>(options);
      if (early.length > 0) client.use(...early);
    }
    return client;
  };
  const late = {
    use(...middleware: Middleware[]): void {
      if (client !== undefined) return client.use(...middleware);
      for (const m of middleware) {
        if (!m) continue;
        // openapi-fetch's own check, made now rather than at the first call.
        if (typeof m !== "object" || !("onRequest" in m || "onResponse" in m || "onError" in m)) {
          throw new Error("Middleware must be an object with one of `onRequest()`, `onResponse() or `onError()`");
        }
        early.push(m);
      }
    },
    eject(...middleware: Middleware[]): void {
      if (client !== undefined) return client.eject(...middleware);
      for (const m of middleware) {
        const i = early.indexOf(m);
        if (i !== -1) early.splice(i, 1);
      }
    },
  } as Record<string, unknown>;
  for (const name of METHODS) late[name] = (...args: unknown[]) => (made()[name] as (...a: unknown[]) => unknown)(...args);
  return late as unknown as Client<Paths>;
}

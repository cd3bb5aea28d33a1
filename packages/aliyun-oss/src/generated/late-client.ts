// generated from scripts/templates/late-client.ts by scripts/generate-clients.mjs; do not edit.
// Change the template and run `npm run generate`; `npm test` fails when this file is stale.

import createFetchClient, { type Client, type ClientOptions, type Middleware } from "openapi-fetch";

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
  // Checks middleware as openapi-fetch does, at use(): a client that never sends (placeholders for Request and
  // fetch, so creating it reads neither global).
  let check: Client<{}> | undefined = createFetchClient({ Request: Object as never, fetch: Object as never });
  const made = (): Client<Paths> => {
    if (client === undefined) {
      client = createFetchClient<Paths>(options);
      client.use(...early);
      check = undefined;
    }
    return client;
  };
  const late: Record<string, unknown> = {
    use(...middleware: Middleware[]): void {
      if (client !== undefined) return client.use(...middleware);
      check!.use(...middleware);
      for (const m of middleware) if (m) early.push(m);
    },
    eject(...middleware: Middleware[]): void {
      if (client !== undefined) return client.eject(...middleware);
      for (const m of middleware) if (early.includes(m)) early.splice(early.indexOf(m), 1);
    },
  };
  for (const name of ["request", "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const) {
    late[name] = (...args: unknown[]) => (made()[name] as (...a: unknown[]) => unknown)(...args);
  }
  return late as unknown as Client<Paths>;
}

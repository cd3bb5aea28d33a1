// Every generated client creates its openapi-fetch client at the first call (src/generated/late-client.ts, from
// scripts/templates/late-client.ts): constructing a client and adding middleware leaves the platform's fetch
// implementation unloaded (on Node, undici loads when `globalThis.Request` is first read), and the client behaves
// as openapi-fetch's own — middleware added before the first call runs in order, `eject` works before and after,
// a malformed middleware is refused at `use`.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Middleware } from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { VENDOR_IDS } from "./support/vendors.js";

const run = promisify(execFile);

type Any = { use(...m: Middleware[]): void; eject(...m: Middleware[]): void; GET(path: string, init?: object): Promise<{ response: Response }> };
type CreateClient = (options: { baseUrl: string; fetch: (r: Request) => Promise<Response>; Request?: typeof Request }) => Any;
// Every generated client package, from the vendor registry: a new vendor is covered without editing this file.
const CLIENTS = await Promise.all(
  VENDOR_IDS.map(async (id) => {
    const name = `@bucketry/${id}`;
    const { createClient } = (await import(name)) as { createClient: CreateClient };
    const make = (fetch: (r: Request) => Promise<Response>, Request?: typeof Request) =>
      createClient({ baseUrl: "http://127.0.0.1:9", fetch, ...(Request ? { Request } : {}) });
    return [name, make] as const;
  }),
);

describe.each(CLIENTS)("%s", (name, make) => {
  it("construction and use() leave the platform's Request unread; the first call reads it", async () => {
    const script = `
      const loaded = () => !("get" in Object.getOwnPropertyDescriptor(globalThis, "Request"));
      const { createClient } = await import(${JSON.stringify(name)});
      const client = createClient({ baseUrl: "http://127.0.0.1:9", fetch: async () => new Response("{}", { headers: { "content-type": "application/json" } }) });
      client.use({ onRequest: () => undefined });
      const before = loaded();
      await client.GET("/", {});
      console.log(JSON.stringify({ before, after: loaded() }));
    `;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { timeout: 30_000 });
    expect(JSON.parse(stdout)).toEqual({ before: false, after: true });
  });

  it("middleware added before the first call runs in order; eject works before and after it; a malformed one is refused at use()", async () => {
    const order: string[] = [];
    const mw = (tag: string): Middleware => ({
      onRequest: () => void order.push(`req ${tag}`),
      onResponse: () => void order.push(`res ${tag}`),
    });
    const a = mw("a");
    const b = mw("b");
    const c = mw("c");
    const client = make(async () => new Response(null, { status: 204 }));
    client.use(a, b, c);
    client.eject(b);
    expect(() => client.use({} as Middleware)).toThrow(/Middleware must be an object/);
    await client.GET("/x", {});
    expect(order).toEqual(["req a", "req c", "res c", "res a"]);
    order.length = 0;
    client.eject(a);
    client.use(b);
    await client.GET("/x", {});
    expect(order).toEqual(["req c", "req b", "res b", "res c"]);
  });

  it("with a Request option of its own, requests are built with it", async () => {
    class Traced extends Request {}
    let sent: Request | undefined;
    const client = make(async (request) => {
      sent = request;
      return new Response(null, { status: 204 });
    }, Traced);
    await client.GET("/y", {});
    expect(sent).toBeInstanceOf(Traced);
  });
});

// Pagination through createBucketClient against a real local HTTP server: ENS PageNumber/PageSize until
// TotalCount (or an empty page), Hitachi pageToken chains (and the legacy bare array), MPC's single page.
// Every test server has a hard request cap: a client that loops gets HTTP 418 and fails instead of hanging.
import { afterEach, describe, expect, it } from "vitest";
import { BucketryError, createBucketClient } from "../src/index.js";
import { MAX_EMPTY_PAGES_IN_A_ROW } from "../src/pagination.js";
import { serve, type Reply, type Seen } from "./support/test-server.js";
import { rejection } from "./reliability/helpers.js";



const json = (value: unknown, status = 200): Reply => ({ status, headers: { "Content-Type": "application/json" }, body: JSON.stringify(value) });

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const creds = { accessKeyId: "LTAI5tPagingKey", accessKeySecret: "paging-secret" };
const fast = { baseDelayMs: 1 };

// ---------------------------------------------------------------------------------------------------
// ENS

/** `count` ENS BucketInfo records named b000, b001, … starting at `from`. */
const ensInfos = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    BucketName: `b${String(from + i).padStart(3, "0")}`,
    BucketAcl: "private",
    CreateTime: "2022-10-12T05:45:00Z",
    EnsRegionId: "cn-dalian-unicom",
  }));

/** An ENS server holding `total` buckets, answering PageNumber/PageSize; `reportTotal` is what it claims (null: no TotalCount). */
function ensPages(total: number, reportTotal: number | null = total, serverMax = 100): (req: Seen) => Reply {
  return (req) => {
    const page = Number(req.query.get("PageNumber") ?? "1");
    const size = Math.min(serverMax, Number(req.query.get("PageSize") ?? "10")); // the documented server default is 10
    const from = (page - 1) * size;
    const infos = ensInfos(from, Math.max(0, Math.min(size, total - from)));
    return json({ RequestId: `R-${page}`, BucketInfos: infos, ...(reportTotal === null ? {} : { TotalCount: reportTotal }) });
  };
}

describe("aliyun-ens: PageNumber / PageSize until TotalCount", () => {
  it("TotalCount 250 with the default page size 100: pages 1, 2, 3 and then stops", async () => {
    const server = await serve(ensPages(250));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds });

    const buckets = await collect(ens.listBuckets());

    expect(buckets).toHaveLength(250);
    expect(buckets[0]!.name).toBe("b000");
    expect(buckets[249]!.name).toBe("b249");
    expect(new Set(buckets.map((b) => b.name)).size).toBe(250);
    expect(server.requests.map((r) => r.query.get("PageNumber"))).toEqual(["1", "2", "3"]);
    expect(server.requests.map((r) => r.query.get("PageSize"))).toEqual(["100", "100", "100"]);
  });

  it.each([120, 150, 100])("a server serving smaller pages than asked (50 of 100), %i buckets: each listed once, none left out, no extra request", async (total) => {
    const server = await serve(ensPages(total, total, 50));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds });
    const names = (await collect(ens.listBuckets())).map((b) => b.name);
    expect(names).toEqual(ensInfos(0, total).map((i) => i.BucketName));
    expect(server.requests.map((r) => r.query.get("PageNumber"))).toEqual(["1", "2", "3"].slice(0, Math.ceil(total / 50)));
    // listBucketsPage's cursor carries the count after such a page; passing it back goes on from there.
    const first = await ens.listBucketsPage();
    expect(first.nextCursor).toBe("2:50:100");
    const second = await ens.listBucketsPage({ cursor: first.nextCursor });
    expect(second.buckets[0]!.name).toBe("b050");
  });

  it("stops exactly at TotalCount when the last page is full (no extra request for an empty page)", async () => {
    const server = await serve(ensPages(200));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds });
    expect(await collect(ens.listBuckets())).toHaveLength(200);
    expect(server.requests).toHaveLength(2);
  });

  it("a signal bounds the whole listing: aborted between pages (a generous deadlineMs set too), it fails Aborted and fetches no more", async () => {
    const server = await serve(ensPages(250));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds });
    const controller = new AbortController();
    const seen: string[] = [];
    const err = await rejection(
      (async () => {
        for await (const bucket of ens.listBuckets({ signal: controller.signal, deadlineMs: 60_000 })) {
          seen.push(bucket.name);
          if (seen.length === 150) controller.abort(); // in the second page: the third is never asked for
        }
      })(),
    );
    expect(err).toMatchObject({ kind: "Aborted" });
    expect(seen, "no bucket is handed out once the signal aborted, not even the rest of the page in hand").toHaveLength(150);
    expect(server.requests.map((r) => r.query.get("PageNumber"))).toEqual(["1", "2"]);
  });

  it("a signal aborted while the last page is iterated: the listing fails Aborted instead of ending as if complete", async () => {
    const server = await serve(ensPages(250));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds });
    const controller = new AbortController();
    const seen: string[] = [];
    const err = await rejection(
      (async () => {
        for await (const bucket of ens.listBuckets({ signal: controller.signal })) {
          seen.push(bucket.name);
          if (seen.length === 210) controller.abort(); // in the third and last page
        }
      })(),
    );
    expect(err).toMatchObject({ kind: "Aborted", retryable: false });
    expect(seen).toHaveLength(210);
    expect(server.requests).toHaveLength(3);
  });

  it("prefix is sent as Prefix on every page; pageSize as PageSize", async () => {
    const server = await serve(ensPages(12));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds });

    const buckets = await collect(ens.listBuckets({ prefix: "b0", pageSize: 5 }));

    expect(buckets).toHaveLength(12);
    expect(server.requests.map((r) => [r.query.get("PageNumber"), r.query.get("PageSize"), r.query.get("Prefix")])).toEqual([
      ["1", "5", "b0"],
      ["2", "5", "b0"],
      ["3", "5", "b0"],
    ]);
  });

  it("without TotalCount: full pages continue, and an empty page ends the listing", async () => {
    const server = await serve(ensPages(200, null));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds });
    expect(await collect(ens.listBuckets())).toHaveLength(200);
    expect(server.requests.map((r) => r.query.get("PageNumber"))).toEqual(["1", "2", "3"]); // page 3 is empty
  });

  it("without TotalCount: a short page ends the listing", async () => {
    const server = await serve(ensPages(130, null));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds });
    expect(await collect(ens.listBuckets())).toHaveLength(130);
    expect(server.requests).toHaveLength(2);
  });

  it("a TotalCount that lies (claims 1000, has 150): the empty page ends the listing", async () => {
    const server = await serve(ensPages(150, 1000));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds });
    expect(await collect(ens.listBuckets())).toHaveLength(150);
    expect(server.requests.map((r) => r.query.get("PageNumber"))).toEqual(["1", "2", "3"]);
  });

  it("a server that ignores PageNumber and sends no TotalCount (the first page every time): BucketryError after page 2, not a loop", async () => {
    const server = await serve(() => json({ RequestId: "R", BucketInfos: ensInfos(0, 100) }));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds });
    const seen: string[] = [];
    const err = await rejection(
      (async () => {
        for await (const bucket of ens.listBuckets()) seen.push(bucket.name);
      })(),
    );
    expect(err).toMatchObject({ kind: "MalformedResponse", provider: "aliyun-ens" });
    expect(err.message).toBe("aliyun-ens: a page repeated an earlier page (the server ignored the PageNumber); stopping instead of looping");
    expect(seen).toHaveLength(100); // page 1 only: page 2's repeat is not handed out
    expect(server.requests.map((r) => r.query.get("PageNumber"))).toEqual(["1", "2"]);
  });

  it("pageSize 1: a bucket created during the listing repeats one page once and the listing goes on; a server that ignores PageNumber still fails", async () => {
    // b000 is listed on page 1; then b-new is created before it, so page 2 (offset 1) is b000 again.
    const shifted = await serve((req) => {
      const page = Number(req.query.get("PageNumber"));
      const names = page === 1 ? ["b000"] : ["b-new", "b000", "b001", "b002"].slice(page - 1, page);
      return json({ RequestId: `R-${page}`, BucketInfos: names.map((BucketName) => ({ ...ensInfos(0, 1)[0], BucketName })), TotalCount: page === 1 ? 3 : 4 });
    });
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: shifted.url, credentials: creds });
    expect((await collect(ens.listBuckets({ pageSize: 1 }))).map((b) => b.name)).toEqual(["b000", "b000", "b001", "b002"]);

    const stuck = await serve(() => json({ RequestId: "R", BucketInfos: ensInfos(0, 1) }));
    const err = await rejection(collect(createBucketClient({ provider: "aliyun-ens", endpoint: stuck.url, credentials: creds }).listBuckets({ pageSize: 1 })));
    expect(err).toMatchObject({ kind: "MalformedResponse", message: expect.stringContaining("a page repeated an earlier page") });
    expect(stuck.requests).toHaveLength(3);
  });

  it.each([0, 101, 1.5, -1, Number.NaN])("pageSize %s is a Configuration error before any request", async (pageSize) => {
    const server = await serve(ensPages(10));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds });

    const viaIterator = await rejection(collect(ens.listBuckets({ pageSize })));
    const viaPage = await rejection(ens.listBucketsPage({ pageSize }));

    for (const err of [viaIterator, viaPage]) {
      expect(err.kind).toBe("Configuration");
      expect(err.message).toMatch(/pageSize/);
      expect(err.message).toMatch(/1 to 100/);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("pageSize 1 and 100 (the bounds) are accepted", async () => {
    const server = await serve(ensPages(3));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds });
    await ens.listBucketsPage({ pageSize: 1 });
    await ens.listBucketsPage({ pageSize: 100 });
    expect(server.requests.map((r) => r.query.get("PageSize"))).toEqual(["1", "100"]);
  });

  it("listBucketsPage returns nextCursor; passing it back fetches the next page; the last page has none", async () => {
    const server = await serve(ensPages(250));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds });

    const first = await ens.listBucketsPage();
    expect(first.buckets).toHaveLength(100);
    expect(typeof first.nextCursor).toBe("string");
    const second = await ens.listBucketsPage({ cursor: first.nextCursor });
    expect(second.buckets[0]!.name).toBe("b100");
    const third = await ens.listBucketsPage({ cursor: second.nextCursor });
    expect(third.buckets.map((b) => b.name).slice(-1)).toEqual(["b249"]);
    expect(third.nextCursor).toBeUndefined();
    expect("nextCursor" in third).toBe(false);
    expect(server.requests.map((r) => r.query.get("PageNumber"))).toEqual(["1", "2", "3"]);
  });

  it("a cursor continues at the page size it was issued for: page 2 of 10 is buckets 11-20, whatever pageSize the next call leaves out", async () => {
    const server = await serve(ensPages(250));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds });
    const first = await ens.listBucketsPage({ pageSize: 10 });
    const second = await ens.listBucketsPage({ cursor: first.nextCursor });
    expect(second.buckets.map((b) => b.name)).toEqual(ensInfos(10, 10).map((i) => i.BucketName));
    const third = await ens.listBucketsPage({ cursor: second.nextCursor, pageSize: 10 });
    expect(third.buckets[0]!.name).toBe("b020");
    expect(server.requests.map((r) => `${r.query.get("PageNumber")}/${r.query.get("PageSize")}`)).toEqual(["1/10", "2/10", "3/10"]);
    const err = await rejection(ens.listBucketsPage({ cursor: third.nextCursor, pageSize: 100 }));
    expect(err.kind).toBe("Configuration");
    expect(err.message).toBe("aliyun-ens: this cursor continues pages of 10 buckets: pass pageSize: 10, or leave pageSize out");
    expect(server.requests).toHaveLength(3);
    // A cursor of full default-size pages carries its size too: another pageSize with it is refused.
    const full = await ens.listBucketsPage();
    expect(full.nextCursor).toBe("2:100:100");
    expect((await rejection(ens.listBucketsPage({ cursor: full.nextCursor, pageSize: 10 }))).kind).toBe("Configuration");
    // An earlier version's cursor (the page number alone) is still read, at the pageSize given.
    const legacy = await ens.listBucketsPage({ cursor: "2", pageSize: 10 });
    expect(legacy.buckets[0]!.name).toBe("b010");
  });

  it("a cursor that is not one of ours is a Configuration error before any request", async () => {
    const server = await serve(ensPages(10));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds });
    for (const cursor of ["abc", "0", "-2", "1.5", "2:10:0", "2:10:101"]) {
      expect((await rejection(ens.listBucketsPage({ cursor }))).kind).toBe("Configuration");
    }
    expect(server.requests).toHaveLength(0);
  });

  it("iteration holds one page at a time: the second page is requested only when the first is used up", async () => {
    const server = await serve(ensPages(250));
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds });
    const iterator = ens.listBuckets()[Symbol.asyncIterator]();

    expect(server.requests).toHaveLength(0); // nothing before the first next()
    expect((await iterator.next()).value?.name).toBe("b000");
    expect(server.requests).toHaveLength(1);
    for (let i = 1; i < 100; i++) await iterator.next();
    expect(server.requests).toHaveLength(1);
    expect((await iterator.next()).value?.name).toBe("b100");
    expect(server.requests).toHaveLength(2);
    await iterator.return?.(undefined);
    expect(server.requests).toHaveLength(2); // stopping early fetches nothing more
  });

  it("an error on a later page rejects the iteration after the earlier pages were yielded", async () => {
    const server = await serve((req) =>
      req.query.get("PageNumber") === "2" ? json({ RequestId: "E", Code: "Throttling.User", Message: "flow control" }, 400) : ensPages(250)(req),
    );
    const ens = createBucketClient({ provider: "aliyun-ens", endpoint: server.url, credentials: creds, retry: false });
    const seen: string[] = [];
    const err = await rejection(
      (async () => {
        for await (const b of ens.listBuckets()) seen.push(b.name);
      })(),
    );
    expect(err.kind).toBe("Throttled");
    expect(seen).toHaveLength(100);
  });
});

// ---------------------------------------------------------------------------------------------------
// Hitachi

const csrf: Reply = { headers: { "Set-Cookie": ["XSRF-TOKEN=xsrf-p1; Path=/", "vertx-web.session=s-p1; Path=/"] } };
const hitachiBuckets = (...names: string[]) => names.map((bucketName, i) => ({ bucketId: 1000 + i, bucketName }));

/** A Hitachi server: the CSRF handshake, then `pages(body, listIndex)` for each list_buckets call. */
function hitachiServer(pages: (body: Record<string, unknown>, listIndex: number) => Reply, maxRequests = 12) {
  let listIndex = 0;
  return serve((req) => (req.path === "/mapi/v1/csrf" ? csrf : pages(JSON.parse(req.body || "{}") as Record<string, unknown>, listIndex++)), maxRequests);
}
const listCalls = (requests: Seen[]) => requests.filter((r) => r.path === "/mapi/v1/user/list_buckets");
const bodies = (requests: Seen[]) => listCalls(requests).map((r) => JSON.parse(r.body) as Record<string, unknown>);
const hitachi = (url: string) => createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: `${url}/mapi`, credentials: { token: "tok" }, retry: fast });

describe("hitachi-vsp-one-object: pageToken / count", () => {
  it("a signal aborted mid-page (a client-side prefix too): Aborted at the next bucket; the next page is never asked for", async () => {
    const server = await hitachiServer((body) => (body.pageToken === undefined ? json({ buckets: hitachiBuckets("a1", "x", "a2", "a3"), pageToken: "t2" }) : json({ buckets: hitachiBuckets("a4") })));
    const controller = new AbortController();
    const seen: string[] = [];
    const err = await rejection(
      (async () => {
        for await (const bucket of hitachi(server.url).listBuckets({ userId: 42, prefix: "a", signal: controller.signal })) {
          seen.push(bucket.name);
          if (bucket.name === "a2") controller.abort();
        }
      })(),
    );
    expect(err).toMatchObject({ kind: "Aborted", retryable: false });
    expect(seen).toEqual(["a1", "a2"]);
    expect(listCalls(server.requests)).toHaveLength(1);
  });

  it("follows the pageToken chain and stops at the page without one", async () => {
    const server = await hitachiServer((body) => {
      if (body.pageToken === undefined) return json({ buckets: hitachiBuckets("a", "b"), pageToken: "eyJ2ZXJzaW9uIjoxL" });
      if (body.pageToken === "eyJ2ZXJzaW9uIjoxL") return json({ buckets: hitachiBuckets("c"), pageToken: "t2" });
      if (body.pageToken === "t2") return json({ buckets: hitachiBuckets("d") });
      return json({ code: "unexpected", message: String(body.pageToken) }, 400);
    });

    const buckets = await collect(hitachi(server.url).listBuckets({ userId: 42 }));

    expect(buckets.map((b) => b.name)).toEqual(["a", "b", "c", "d"]);
    expect(bodies(server.requests)).toEqual([
      { id: 42, count: 1000 },
      { id: 42, count: 1000, pageToken: "eyJ2ZXJzaW9uIjoxL" },
      { id: 42, count: 1000, pageToken: "t2" },
    ]);
    expect(server.requests.filter((r) => r.path === "/mapi/v1/csrf")).toHaveLength(1); // one handshake for the whole listing
  });

  it("an empty or null pageToken ends the listing", async () => {
    for (const end of ["", null]) {
      const server = await hitachiServer(() => json({ buckets: hitachiBuckets("x"), pageToken: end }));
      expect((await collect(hitachi(server.url).listBuckets({ userId: 1 }))).map((b) => b.name)).toEqual(["x"]);
      expect(listCalls(server.requests)).toHaveLength(1);
    }
  });

  it("a legacy bare-array response (HCP-CS 2.x / VSP One Object 3.0) is one page; UUID ids stay strings", async () => {
    const server = await hitachiServer(() => json([{ bucketId: "5a9f6f2e-0c1b-4e53-9d0a-0e8c0c1d2e3f", bucketName: "legacy" }]));
    const client = hitachi(server.url);

    const buckets = await collect(client.listBuckets({ userId: "7c1f0d2a-91f4-4f0e-8a55-2b8f3c4d5e6f" }));

    expect(buckets).toEqual([
      {
        provider: "hitachi-vsp-one-object",
        name: "legacy",
        id: "5a9f6f2e-0c1b-4e53-9d0a-0e8c0c1d2e3f",
        raw: { bucketId: "5a9f6f2e-0c1b-4e53-9d0a-0e8c0c1d2e3f", bucketName: "legacy" },
      },
    ]);
    expect(bodies(server.requests)).toEqual([{ id: "7c1f0d2a-91f4-4f0e-8a55-2b8f3c4d5e6f", count: 1000 }]);
    const page = await client.listBucketsPage({ userId: 3 });
    expect(page.nextCursor).toBeUndefined();
  });

  it("a server that hands back the pageToken it was sent: BucketryError, not a hang", async () => {
    const server = await hitachiServer(() => json({ buckets: hitachiBuckets("same"), pageToken: "again" }));

    const err = await rejection(collect(hitachi(server.url).listBuckets({ userId: 1 })));

    expect(err.kind).toBe("MalformedResponse");
    expect(err.message).toMatch(/pageToken/);
    expect(listCalls(server.requests).length).toBeLessThanOrEqual(3);
  });

  it("a pageToken cycle (t1 → t2 → t1): BucketryError, not a hang", async () => {
    const server = await hitachiServer((body) => json({ buckets: hitachiBuckets(`p-${String(body.pageToken)}`), pageToken: body.pageToken === "t1" ? "t2" : "t1" }));

    const err = await rejection(collect(hitachi(server.url).listBuckets({ userId: 1 })));

    expect(err.kind).toBe("MalformedResponse");
    expect(listCalls(server.requests).length).toBeLessThanOrEqual(4);
  });

  it("listBucketsPage: the cursor is the pageToken; pageSize is sent as count", async () => {
    const server = await hitachiServer((body) => (body.pageToken ? json({ buckets: hitachiBuckets("z") }) : json({ buckets: hitachiBuckets("y"), pageToken: "next-1" })));
    const client = hitachi(server.url);

    const first = await client.listBucketsPage({ userId: 9, pageSize: 1 });
    expect(first.buckets.map((b) => b.name)).toEqual(["y"]);
    expect(first.nextCursor).toBe("next-1");
    const second = await client.listBucketsPage({ userId: 9, pageSize: 1, cursor: first.nextCursor });
    expect(second.buckets.map((b) => b.name)).toEqual(["z"]);
    expect(second.nextCursor).toBeUndefined();
    expect(bodies(server.requests)).toEqual([
      { id: 9, count: 1 },
      { id: 9, count: 1, pageToken: "next-1" },
    ]);
  });

  it("a server that ignores the pageToken, with a prefix nothing on its page matches: BucketryError, not endless empty pages", async () => {
    let n = 0;
    const server = await hitachiServer(() => json({ buckets: hitachiBuckets("alpha", "beta"), pageToken: `tok-${++n}` }), 40);
    const err = await rejection(collect(hitachi(server.url).listBuckets({ userId: 1, prefix: "zzz" })));
    expect(err).toMatchObject({ kind: "MalformedResponse" });
    expect(err.message).toMatch(/a page repeated an earlier page \(the server ignored the pageToken\)/);
    expect(listCalls(server.requests)).toHaveLength(2);
  });

  it("empty pages that each name a new pageToken: BucketryError after MAX_EMPTY_PAGES_IN_A_ROW of them, not endless requests nothing is yielded from", async () => {
    let n = 0;
    const server = await hitachiServer(() => json({ buckets: [], pageToken: `tok-${++n}` }), 40);
    const err = await rejection(collect(hitachi(server.url).listBuckets({ userId: 1 })));
    expect(err).toMatchObject({ kind: "MalformedResponse" });
    expect(err.message).toBe(`hitachi-vsp-one-object: ${MAX_EMPTY_PAGES_IN_A_ROW} pages in a row held no bucket yet named another pageToken; stopping instead of looping`);
    expect(listCalls(server.requests)).toHaveLength(MAX_EMPTY_PAGES_IN_A_ROW);
  });

  it("fewer empty pages than that, between pages with buckets, are paged through", async () => {
    const server = await hitachiServer((_, i) => {
      const empty = i % MAX_EMPTY_PAGES_IN_A_ROW !== 0;
      return json({ buckets: empty ? [] : hitachiBuckets(`b${i}`), ...(i < 25 ? { pageToken: `tok-${i}` } : {}) });
    }, 40);
    const names = (await collect(hitachi(server.url).listBuckets({ userId: 1 }))).map((b) => b.name);
    expect(names).toEqual(["b0", "b10", "b20"]);
  });

  it("a userId given with spaces is sent as it was checked, trimmed", async () => {
    const server = await hitachiServer(() => json({ buckets: hitachiBuckets("a") }));
    await hitachi(server.url).listBucketsPage({ userId: " 7 " });
    expect(bodies(server.requests)).toEqual([{ id: "7", count: 1000 }]);
  });

  it("prefix filters each received page", async () => {
    const server = await hitachiServer((body) =>
      body.pageToken ? json({ buckets: hitachiBuckets("logs-2", "data-2") }) : json({ buckets: hitachiBuckets("logs-1", "img", "logs-x"), pageToken: "p2" }),
    );
    const names = (await collect(hitachi(server.url).listBuckets({ userId: 1, prefix: "logs-" }))).map((b) => b.name);
    expect(names).toEqual(["logs-1", "logs-x", "logs-2"]);
  });

  it("iteration holds one page at a time", async () => {
    const server = await hitachiServer((body) => (body.pageToken ? json({ buckets: hitachiBuckets("c") }) : json({ buckets: hitachiBuckets("a", "b"), pageToken: "p2" })));
    const iterator = hitachi(server.url).listBuckets({ userId: 1 })[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.name).toBe("a");
    expect(listCalls(server.requests)).toHaveLength(1);
    expect((await iterator.next()).value?.name).toBe("b");
    expect(listCalls(server.requests)).toHaveLength(1);
    expect((await iterator.next()).value?.name).toBe("c");
    expect(listCalls(server.requests)).toHaveLength(2);
  });

  it("userId is required (0 is a valid id); bad page sizes are rejected; both before any request", async () => {
    const server = await hitachiServer(() => json({ buckets: [] }));
    const client = hitachi(server.url);
    for (const bad of [{}, { userId: "" }, { userId: "   " }, { userId: 1.5 }, { userId: null }]) {
      const err = await rejection(collect(client.listBuckets(bad as never)));
      expect(err.kind).toBe("Configuration");
      expect(err.message).toMatch(/userId/);
      expect((await rejection(client.listBucketsPage(bad as never))).kind).toBe("Configuration");
    }
    for (const pageSize of [0, 1001, 2.5]) {
      expect((await rejection(client.listBucketsPage({ userId: 1, pageSize }))).kind).toBe("Configuration");
    }
    expect(server.requests).toHaveLength(0);

    await client.listBucketsPage({ userId: 0 });
    expect(bodies(server.requests)).toEqual([{ id: 0, count: 1000 }]);
  });
});

// ---------------------------------------------------------------------------------------------------
// MPC

describe("huaweicloud-mpc: one page", () => {
  const PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
  const mpcBody = { buckets: [
    { bucket: "media-in", creation_date: 20221026152511, is_authorized: 1 },
    { bucket: "logs", creation_date: "20221026104736", is_authorized: 0 },
    { bucket: "media-out", creation_date: 20230101000000, is_authorized: 1 },
  ] };
  const mpc = (url: string) => createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", projectId: PROJECT, endpoint: url, credentials: creds });

  it("listBuckets makes one request and yields every bucket; prefix filters client-side", async () => {
    const server = await serve(() => json(mpcBody));
    expect((await collect(mpc(server.url).listBuckets())).map((b) => b.name)).toEqual(["media-in", "logs", "media-out"]);
    expect(server.requests).toHaveLength(1);
    expect((await collect(mpc(server.url).listBuckets({ prefix: "media-" }))).map((b) => b.name)).toEqual(["media-in", "media-out"]);
    expect(server.requests).toHaveLength(2);
    expect(server.requests.every((r) => r.path === `/v1/${PROJECT}/buckets` && [...r.query].length === 0)).toBe(true);
  });

  it("a signal aborted during the iteration of the one page: Aborted at the next bucket, the listing does not end as if complete", async () => {
    const server = await serve(() => json(mpcBody));
    const controller = new AbortController();
    const seen: string[] = [];
    const err = await rejection(
      (async () => {
        for await (const bucket of mpc(server.url).listBuckets({ signal: controller.signal })) {
          seen.push(bucket.name);
          controller.abort();
        }
      })(),
    );
    expect(err).toMatchObject({ kind: "Aborted", retryable: false });
    expect(seen).toEqual(["media-in"]);
    expect(server.requests).toHaveLength(1);
  });

  it("listBucketsPage has no continuation, and a cursor asks for nothing", async () => {
    const server = await serve(() => json(mpcBody));
    const client = mpc(server.url);
    const page = await client.listBucketsPage();
    expect(page.buckets).toHaveLength(3);
    expect(page.nextCursor).toBeUndefined();
    expect(await client.listBucketsPage({ cursor: "anything" })).toEqual({ buckets: [] });
    expect(server.requests).toHaveLength(1);
  });

  it("pageSize is not supported: Configuration error before any request", async () => {
    const server = await serve(() => json(mpcBody));
    const err = await rejection(collect(mpc(server.url).listBuckets({ pageSize: 10 })));
    expect(err.kind).toBe("Configuration");
    expect(server.requests).toHaveLength(0);
  });
});

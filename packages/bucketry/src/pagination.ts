// Every listing adapter pages the same way: ask for a page, hand out its buckets, continue from its cursor.
// The adapters differ only in how one page is fetched (`listBucketsPage`); this is the loop around it.
import { BucketryError } from "./errors.js";
import type { Provider } from "./model.js";

/** One page of a listing and its continuation (absent on the last page). */
export interface Page<T> {
  buckets: T[];
  nextCursor?: string;
}

/**
 * Every item of every page, fetched as the caller iterates (one page in memory at a time). Two signs of a
 * server that does not page would make the listing loop forever; each fails with `MalformedResponse`
 * instead: a cursor that comes back a second time, and a page the same as an earlier one (same first and
 * last bucket, same length: a server that ignores the page number answers the first page every time). A
 * bucket created during the listing shifts offset pages by one, so a one-bucket page may repeat once
 * legitimately: such a page counts only when it comes a third time. `cursorName` is the vendor's name for
 * the cursor in those messages (`pageToken`). `keep` filters on the client (a prefix the server does not
 * apply): the checks read the page as the server sent it, so a page with nothing to keep still counts.
 */
export async function* eachPage<T extends { name: string }>(
  provider: Provider,
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  cursorName = "cursor",
  keep?: (item: T) => boolean,
): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  const pagesSeen = new Map<string, number>();
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    const { buckets } = page;
    if (buckets.length) {
      const key = `${buckets.length}\n${buckets[0]!.name}\n${buckets.at(-1)!.name}`;
      const times = (pagesSeen.get(key) ?? 0) + 1;
      if (times > (buckets.length === 1 ? 2 : 1)) throw looping(provider, `a page repeated an earlier page (the server ignored the ${cursorName})`);
      pagesSeen.set(key, times);
    }
    yield* keep ? buckets.filter(keep) : buckets;
    cursor = page.nextCursor;
    if (cursor !== undefined) {
      if (seen.has(cursor)) throw looping(provider, `a ${cursorName} repeated during listing`);
      seen.add(cursor);
    }
  } while (cursor !== undefined);
}

const looping = (provider: Provider, what: string) => new BucketryError({ provider, kind: "MalformedResponse", message: `${provider}: ${what}; stopping instead of looping` });

/** The client-side filter for a prefix the server does not apply (undefined: keep everything). */
export const namePrefix = <T extends { name: string }>(prefix: string | undefined): ((item: T) => boolean) | undefined => (prefix ? (item) => item.name.startsWith(prefix) : undefined);

// Every listing adapter pages the same way: ask for a page, hand out its buckets, continue from its cursor.
// The adapters differ only in how one page is fetched (`listBucketsPage`); this is the loop around it.
import { providerError } from "./errors.js";
import type { Provider } from "./model.js";

/** One page of a listing and its continuation (absent on the last page). */
export interface Page<T> {
  buckets: T[];
  nextCursor?: string;
}

/**
 * Every item of every page, fetched as the caller iterates (one page in memory at a time). Three signs of a
 * server that does not page would make the listing loop forever; each fails with `MalformedResponse`
 * instead: a cursor that comes back a second time, a page the same as an earlier one (same first and
 * last bucket, same length: a server that ignores the page number answers the first page every time), and
 * `MAX_EMPTY_PAGES_IN_A_ROW` empty pages in a row that each name a new cursor. A
 * bucket created during the listing shifts offset pages by one, so a one-bucket page may repeat once
 * legitimately: such a page counts only when it comes a third time. `cursorName` is the vendor's name for
 * the cursor in those messages (`pageToken`). `keep` filters on the client (a prefix the server does not
 * apply): the checks read the page as the server sent it, so a page with nothing to keep still counts.
 * `signal` (the listing's, which `fetchPage` passes to each page's call): once it aborts, no further bucket is
 * handed out, not even the rest of a page in hand, and the listing fails `Aborted` rather than end as if complete.
 */
export async function* eachPage<T extends { name: string }>(
  provider: Provider,
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  signal?: AbortSignal,
  cursorName = "cursor",
  keep?: (item: T) => boolean,
): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string | undefined>();
  const pagesSeen = new Map<string, number>();
  let emptyInARow = 0;
  let cursor: string | undefined;
  do {
    const { buckets, nextCursor } = await fetchPage(cursor);
    cursor = nextCursor;
    // Empty pages that each name a new cursor are a third sign: the loop would never yield, so neither a
    // caller's `break` nor a limit could end it.
    emptyInARow = buckets.length === 0 && cursor !== undefined ? emptyInARow + 1 : 0;
    if (emptyInARow >= MAX_EMPTY_PAGES_IN_A_ROW) throw looping(provider, `${MAX_EMPTY_PAGES_IN_A_ROW} pages in a row held no bucket yet named another ${cursorName}`);
    if (buckets.length) {
      const key = `${buckets.length}\n${buckets[0]!.name}\n${buckets.at(-1)!.name}`;
      const times = (pagesSeen.get(key) ?? 0) + 1;
      if (times > (buckets.length === 1 ? 2 : 1)) throw looping(provider, `a page repeated an earlier page (the server ignored the ${cursorName})`);
      pagesSeen.set(key, times);
    }
    for (const item of keep ? buckets.filter(keep) : buckets) if (!signal?.aborted) yield item;
    if (seen.has(cursor)) throw looping(provider, `a ${cursorName} repeated during listing`);
    seen.add(cursor);
    // No cursor (or an empty one) ends the listing, unless the signal aborted: then one more page is asked for,
    // whose call fails `Aborted` at once (it checks the signal before sending anything).
  } while (signal?.aborted || cursor);
}

/** Empty pages in a row, each with a cursor, after which a listing is taken for a server that does not page. */
export const MAX_EMPTY_PAGES_IN_A_ROW = 10;

const looping = (provider: Provider, what: string) => providerError(provider, "MalformedResponse", `${what}; stopping instead of looping`);

/** The client-side filter for a prefix the server does not apply (undefined: keep everything). */
export const namePrefix = <T extends { name: string }>(prefix: string | undefined): ((item: T) => boolean) | undefined => (prefix ? (item) => item.name.startsWith(prefix) : undefined);

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
 * Every item of every page, fetched as the caller iterates (one page in memory at a time). A cursor that comes
 * back a second time would make the listing loop forever: it fails with `MalformedResponse` instead.
 * `cursorName` is the vendor's name for the cursor in that message (`pageToken`).
 */
export async function* eachPage<T>(provider: Provider, fetchPage: (cursor: string | undefined) => Promise<Page<T>>, cursorName = "cursor"): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    yield* page.buckets;
    cursor = page.nextCursor;
    if (cursor !== undefined) {
      if (seen.has(cursor)) {
        throw new BucketryError({ provider, kind: "MalformedResponse", message: `${provider}: a ${cursorName} repeated during listing; stopping instead of looping` });
      }
      seen.add(cursor);
    }
  } while (cursor !== undefined);
}

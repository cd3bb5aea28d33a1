// The mocks' deterministic data set: one account's buckets, seen through each vendor's API. The same seed
// always gives the same buckets (names, dates, ACLs, owners), so pagination and filtering are real and
// reproducible.
import { testAccount } from "./generated/accounts.js";
import type { CannedAcl, MockBucket, MockState } from "./types.js";

export type { CannedAcl, MockBucket, MockState };

export interface MockStateOptions {
  /** How many buckets to generate. Default 1000. `0` makes the listing APIs answer with the spec's examples. */
  buckets?: number | undefined;
  /** PRNG seed. Default 1. */
  seed?: number | undefined;
}

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const NAME_PREFIXES = ["archive", "backup", "data", "img", "logs", "media", "static", "video"] as const;
const ENS_REGIONS = ["cn-dalian-unicom", "cn-hangzhou-telecom", "cn-beijing-cmcc", "cn-chengdu-telecom", "cn-shanghai-unicom"];
const MPC_REGIONS = ["cn-north-4", "cn-north-4", "cn-north-4", "cn-east-3", "cn-south-1", "ap-southeast-3"];
const COMMENTS = ["", "numb", "nightly export", "cdn origin", "customer uploads", "temporary"];
const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

export function createMockState(options: MockStateOptions = {}): MockState {
  const count = options.buckets ?? 1000;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(count) || count < 0 || count > 1_000_000) throw new RangeError("createMockState: buckets must be an integer from 0 to 1 000 000");
  const rand = prng(seed);
  const list: MockBucket[] = [];
  const start = Date.UTC(2019, 0, 1);
  const span = Date.UTC(2025, 11, 31) - start;
  for (let i = 0; i < count; i++) {
    let suffix = "";
    for (let k = 0; k < 4; k++) suffix += ALPHABET[Math.floor(rand() * ALPHABET.length)];
    const name = `${pick(rand, NAME_PREFIXES)}-${String(i).padStart(6, "0")}-${suffix}`;
    const created = start + Math.floor(rand() * span / 1000) * 1000;
    const r = rand();
    const acl: CannedAcl = r < 0.7 ? "private" : r < 0.92 ? "public-read" : "public-read-write";
    const owner = rand();
    list.push({
      name,
      createdAt: new Date(created),
      modifiedAt: new Date(created + Math.floor(rand() * 86_400) * 1000),
      acl,
      comment: pick(rand, COMMENTS),
      ensRegionId: pick(rand, ENS_REGIONS),
      mpcRegion: pick(rand, MPC_REGIONS),
      mpcAuthorized: rand() < 0.5,
      hitachiUserId: owner < 0.6 ? testAccount.hitachiUserIds[0] : owner < 0.85 ? testAccount.hitachiUserIds[1] : testAccount.hitachiUserIds[2],
      hitachiBucketId: 1_000_000_000 + Math.floor(rand() * 1_000_000) * 1000 + (i % 1000),
    });
  }
  list.sort((a, b) => compare(a.name, b.name));
  const byName = new Map(list.map((b) => [b.name, b]));
  const runtimeRand = prng(seed ^ 0x5eed);

  function lowerBound(prefix: string): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.name < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  return {
    seed,
    buckets: list,
    hitachiUsers: testAccount.hitachiUserIds,
    find: (name) => byName.get(name),
    put(bucket) {
      const existing = byName.get(bucket.name);
      if (existing) list[list.indexOf(existing)] = bucket;
      else list.splice(lowerBound(bucket.name), 0, bucket);
      byName.set(bucket.name, bucket);
    },
    remove(name) {
      const existing = byName.get(name);
      if (!existing) return false;
      list.splice(list.indexOf(existing), 1);
      byName.delete(name);
      return true;
    },
    withPrefix(prefix) {
      if (!prefix) return list;
      const from = lowerBound(prefix);
      let to = from;
      while (to < list.length && list[to]!.name.startsWith(prefix)) to++;
      return list.slice(from, to);
    },
    random: runtimeRand,
  };
}

// The normalized model shared by all providers. Every record keeps the vendor's own record as `raw`.
import { PROVIDER_IDS } from "./generated/provider-ids.js";

/** Every provider id, in the order of redocly.yaml's `apis` (generated from it). */
export const PROVIDERS = PROVIDER_IDS;
export type Provider = (typeof PROVIDERS)[number];

export type CannedAcl = "private" | "public-read" | "public-read-write";

/**
 * The vendor record each normalized `Bucket` came from, by listing provider. Each listing provider's module
 * (src/providers/<id>.ts) adds its own entry to this interface.
 */
export interface RawBucketRecords {}

/**
 * The vendor response each normalized `BucketAcl` came from, by ACL provider. Each ACL provider's module adds
 * its own entry to this interface.
 */
export interface RawAclRecords {}

export type ListingProvider = keyof RawBucketRecords;
export type AclProvider = keyof RawAclRecords;

/**
 * A bucket as `listBuckets` yields it. Without a type argument it is the union of every provider's record, so
 * checking `provider` narrows `raw` to that vendor's record.
 */
export type Bucket<P extends ListingProvider = ListingProvider> = P extends ListingProvider ? ProviderBucket<P> : never;

/** One provider's bucket record (`Bucket<P>` for a single provider). */
export interface ProviderBucket<P extends ListingProvider> {
  provider: P;
  name: string;
  /** UTC instant the vendor reports the bucket was created. */
  createdAt?: Date;
  /** Where the bucket lives, in the vendor's own terms (ENS node region, MPC region). */
  region?: string;
  acl?: CannedAcl;
  /** The vendor's bucket id as a string (leading zeros kept), where it has one (Hitachi). */
  id?: string;
  raw: RawBucketRecords[P];
}

export type Grantee = { type: "user"; id: string } | { type: "everyone" };

export interface Grant {
  grantee: Grantee;
  /** Vendor permission name as sent (`FULL_CONTROL`, `READ`, `GetObject`, … or the canned ACL for OSS). */
  permission: string;
  /**
   * BOS: the entry granting it has a condition (IP, referer, time, …) or covers only some objects (`resource`,
   * `notResource`), so the permission holds only there; the entry is in `raw`.
   */
  scoped?: true;
}

/**
 * A bucket's ACL as `getBucketAcl` returns it. Without a type argument it is the union of every ACL
 * provider's record, so checking `provider` narrows `raw`.
 */
export type BucketAcl<P extends AclProvider = AclProvider> = P extends AclProvider ? ProviderBucketAcl<P> : never;

/** One provider's ACL record (`BucketAcl<P>` for a single provider). */
export interface ProviderBucketAcl<P extends AclProvider> {
  provider: P;
  bucket: string;
  owner: { id: string; displayName?: string };
  /** The canned ACL, when the vendor states one (OSS) or the grants match one exactly (BOS). */
  acl?: CannedAcl;
  /** Who may do what. BOS: Deny entries are not grants and are left out; conditional or object-scoped ones are `scoped`. */
  grants: Grant[];
  /**
   * BOS: the ACL says more than `grants` can — an entry denies, has a condition, or covers only some objects.
   * Read `raw` for every entry; no canned `acl` is derived. OSS: the `<Grant>` is missing or not one of the
   * canned ACLs bucketry knows; `acl` is left out, `grants` hold the owner's only, and `raw` has what was sent.
   */
  conditional?: true;
  raw: RawAclRecords[P];
}

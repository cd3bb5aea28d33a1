// The normalized model shared by all five providers. Every record keeps the vendor's own record as `raw`.
import type { components as EnsComponents } from "@bucketry/aliyun-ens";
import type { components as MpcComponents } from "@bucketry/huaweicloud-mpc";
import type { components as BosComponents } from "@bucketry/baidu-bos";
import type { components as HitachiComponents } from "@bucketry/hitachi-vsp-one-object";
import type { components as OssComponents } from "@bucketry/aliyun-oss";

export const PROVIDERS = ["aliyun-ens", "huaweicloud-mpc", "baidu-bos", "hitachi-vsp-one-object", "aliyun-oss"] as const;
export type Provider = (typeof PROVIDERS)[number];

export type CannedAcl = "private" | "public-read" | "public-read-write";

/** The vendor record each normalized `Bucket` came from. */
export interface RawBucketRecords {
  "aliyun-ens": EnsComponents["schemas"]["BucketInfo"];
  "huaweicloud-mpc": MpcComponents["schemas"]["ObsBucket"];
  "hitachi-vsp-one-object": HitachiComponents["schemas"]["UserBucket"];
}

/** The vendor response each normalized `BucketAcl` came from. */
export interface RawAclRecords {
  "baidu-bos": BosComponents["schemas"]["GetBucketAclResponse"];
  "aliyun-oss": OssComponents["schemas"]["AccessControlPolicy"];
}

export type ListingProvider = keyof RawBucketRecords;
export type AclProvider = keyof RawAclRecords;

export interface Bucket<P extends ListingProvider = ListingProvider> {
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
}

export interface BucketAcl<P extends AclProvider = AclProvider> {
  provider: P;
  bucket: string;
  owner: { id: string; displayName?: string };
  /** The canned ACL, when the vendor states one (OSS) or the grants match one exactly (BOS). */
  acl?: CannedAcl;
  grants: Grant[];
  raw: RawAclRecords[P];
}

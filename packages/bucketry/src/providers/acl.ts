// ACL facts shared by the two ACL providers: what the canned ACLs mean as grants (OSS and BOS document
// the same three: owner full control; plus everyone READ; plus everyone READ and WRITE).
import type { CannedAcl, Grant } from "../model.js";

/** `acl` undefined (an ACL bucketry does not know): the owner's full control only, the one grant it surely holds. */
export function grantsOfCanned(acl: CannedAcl | undefined, ownerId: string): Grant[] {
  const grants: Grant[] = [{ grantee: { type: "user", id: ownerId }, permission: "FULL_CONTROL" }];
  if (acl === "public-read" || acl === "public-read-write") grants.push({ grantee: { type: "everyone" }, permission: "READ" });
  if (acl === "public-read-write") grants.push({ grantee: { type: "everyone" }, permission: "WRITE" });
  return grants;
}

/** The canned ACL whose grants are exactly `grants` (order-insensitive), if any. */
export function cannedOfGrants(grants: readonly Grant[], ownerId: string): CannedAcl | undefined {
  const key = (g: Grant) => `${g.grantee.type === "everyone" ? "*" : `u:${g.grantee.id}`}|${g.permission}`;
  const have = new Set(grants.map(key));
  if (have.size !== grants.length) return undefined;
  for (const acl of ["private", "public-read", "public-read-write"] as const) {
    const want = grantsOfCanned(acl, ownerId).map(key);
    if (want.length === have.size && want.every((k) => have.has(k))) return acl;
  }
  return undefined;
}

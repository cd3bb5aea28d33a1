// generated from redocly.yaml by scripts/generate-registry.mjs; do not edit.
// Add a vendor to redocly.yaml and write packages/bucketry/src/providers/<id>.ts; `npm run generate` rewrites this file
// and `npm test` fails when it is stale.

// `bucketry/huaweicloud-mpc`: createBucketClient for this provider alone (the root entry's options, `provider` optional). It
// imports this provider's module and the shared runtime only — no registry, no other provider.
export { createBucketClient } from "../../providers/huaweicloud-mpc.js";
export type { HuaweiMpcBaseOptions, HuaweiMpcClient, HuaweiMpcOptions } from "../../providers/huaweicloud-mpc.js";
export * from "../../surface.js";

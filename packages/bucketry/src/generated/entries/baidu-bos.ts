// generated from redocly.yaml by scripts/generate-registry.mjs; do not edit.
// Add a vendor to redocly.yaml and write packages/bucketry/src/providers/<id>.ts; `npm run generate` rewrites this file
// and `npm test` fails when it is stale.

// `bucketry/baidu-bos`: createBucketClient for this provider alone (the root entry's options, `provider` optional). It
// imports this provider's module and the shared runtime only — no registry, no other provider.
export { createBucketClient } from "../../providers/baidu-bos.js";
export type { BaiduBosBaseOptions, BaiduBosClient, BaiduBosOptions } from "../../providers/baidu-bos.js";
export * from "../../surface.js";

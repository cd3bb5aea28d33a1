// generated from redocly.yaml by scripts/generate-registry.mjs; do not edit.
// Add a vendor to redocly.yaml and write packages/bucketry/src/providers/<id>.ts; `npm run generate` rewrites this file
// and `npm test` fails when it is stale.

/** Every provider id, in the order of redocly.yaml's `apis`. */
export const PROVIDER_IDS = ["aliyun-ens", "huaweicloud-mpc", "baidu-bos", "hitachi-vsp-one-object", "aliyun-oss"] as const;

// generated from redocly.yaml (apis) by scripts/generate-mocks.mjs; do not edit.
// Change the spec and run `npm run generate`; `npm test` fails when this file is stale.

/** Every vendor the mocks serve, in the order redocly.yaml lists the specs. */
export type Provider = "aliyun-ens" | "huaweicloud-mpc" | "baidu-bos" | "hitachi-vsp-one-object" | "aliyun-oss";

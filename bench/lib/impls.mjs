// What is compared, per vendor. Each entry is a module bench/impl/<vendor>/<id>.mjs exporting
// create({ endpoint }) → { call() } (construct a client; call = the vendor's one documented operation) and verify(result).
//   kind: ours | facade (informational) | official | fetch (baseline) | http (baseline, Node only) | http-web (baseline
//   for the report's causes, throughput only)
// `install` is what a fresh project installs to get that row (footprint phase); `smoke` is what must load there.
export const OURS_INSTALL = ["bucketry", "@bucketry/signing", "@bucketry/aliyun-ens", "@bucketry/huaweicloud-mpc", "@bucketry/baidu-bos", "@bucketry/hitachi-vsp-one-object", "@bucketry/aliyun-oss"];

const baselines = [
  { id: "fetch", kind: "fetch", label: "baseline: plain fetch + node:crypto HMAC" },
  { id: "http", kind: "http", label: "baseline: node:http keep-alive + node:crypto HMAC" },
  {
    id: "http-web",
    kind: "http-web",
    label: "baseline: node:http keep-alive + node:crypto HMAC, with the platform's Request and Response built per call (what any fetch-shaped client handles)",
    throughputOnly: true,
  },
];
// `ours` sends through @bucketry/signing/fetch's platformTransport (on Node the keep-alive HTTP/1.1 transport, in a
// browser bundle fetch); `ours-fetch` is the same client on plain global fetch — the portable path, compared with
// the plain-fetch baseline. Both are kind "ours" (run with it, reported side by side); `variant` marks the second.
// Their signer and transport come from @bucketry/signing (the same code as bucketry/signing and bucketry/transport,
// published on its own), so the install row is what a bare-client user installs: the client + @bucketry/signing.
const ours = (client, signer, module) => [
  {
    id: "ours",
    kind: "ours",
    label: `${client} + ${signer} (@bucketry/signing/${module}) on @bucketry/signing/fetch`,
    client,
    smoke: [client, `@bucketry/signing/${module}`, "@bucketry/signing/fetch"],
  },
  { id: "ours-fetch", kind: "ours", variant: "fetch", label: `${client} + ${signer} (@bucketry/signing/${module}) on global fetch (portable path)`, client },
  { id: "facade", kind: "facade", label: "bucketry createBucketClient (facade)", smoke: ["bucketry"] },
];

export const IMPLS = {
  "aliyun-ens": [
    ...ours("@bucketry/aliyun-ens", "acs3Signer", "acs3"),
    {
      id: "openapi-core",
      kind: "official",
      label: "@alicloud/openapi-core 1.0.8 (runtime of @alicloud/ens20171110)",
      install: ["@alicloud/openapi-core@1.0.8"],
      smoke: ["@alicloud/openapi-core"],
    },
    {
      id: "openapi-client",
      kind: "official",
      label: "@alicloud/openapi-client 0.4.15 (runtime of older @alicloud/ens20171110)",
      install: ["@alicloud/openapi-client@0.4.15"],
      smoke: ["@alicloud/openapi-client"],
    },
    { id: "pop-core", kind: "official", label: "@alicloud/pop-core 1.8.0 (RPC v1)", install: ["@alicloud/pop-core@1.8.0"], smoke: ["@alicloud/pop-core"] },
    ...baselines,
  ],
  "huaweicloud-mpc": [
    ...ours("@bucketry/huaweicloud-mpc", "sdkHmacSha256Signer", "huawei-sdk-hmac"),
    {
      id: "huaweicloud-sdk-core",
      kind: "official",
      label: "@huaweicloud/huaweicloud-sdk-core 3.1.211 (runtime of @huaweicloud/huaweicloud-sdk-mpc)",
      install: ["@huaweicloud/huaweicloud-sdk-core@3.1.211"],
      smoke: ["@huaweicloud/huaweicloud-sdk-core/ClientBuilder.js"],
    },
    ...baselines,
  ],
  "baidu-bos": [
    ...ours("@bucketry/baidu-bos", "bceV1Signer", "bce-v1"),
    { id: "baiducloud-sdk", kind: "official", label: "@baiducloud/sdk 1.0.7 (BosClient)", install: ["@baiducloud/sdk@1.0.7"], smoke: ["@baiducloud/sdk"] },
    ...baselines,
  ],
  "hitachi-vsp-one-object": [...ours("@bucketry/hitachi-vsp-one-object", "hitachiSession", "hitachi-session"), ...baselines],
  "aliyun-oss": [
    ...ours("@bucketry/aliyun-oss", "ossV4Signer", "oss-v4"),
    { id: "ali-oss", kind: "official", label: "ali-oss 6.23.0 (V4 signing)", install: ["ali-oss@6.23.0"], smoke: ["ali-oss"] },
    ...baselines,
  ],
};

/** Signing schemes per vendor (lib/signing-worker.mjs). Hitachi has no request signing (bearer + CSRF session). */
export const SCHEMES = {
  "aliyun-ens": ["acs3", "rpc-v1"],
  "huaweicloud-mpc": ["sdk-hmac-sha256"],
  "baidu-bos": ["bce-v1"],
  "hitachi-vsp-one-object": [],
  "aliyun-oss": ["oss-v4", "oss-v1"],
};

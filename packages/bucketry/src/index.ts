/**
 * bucketry: one typed facade over the providers' bucket APIs. See README.md. `bucketry/<provider>` is the same
 * facade for one provider (a smaller bundle).
 *
 * @module bucketry
 */
export { createBucketClient } from "./client.js";
export { ENV, PROVIDERS } from "./registry.js";
export type { BucketClientFor, BucketClientOptions, NotAnOptionOfThisProvider, OnlyKnownOptions } from "./registry.js";
export * from "./surface.js";
// Per provider (generated from the provider modules): the option and client types each declares, and its
// generated client package as a namespace — the escape hatch (`aliyunEns`, `huaweicloudMpc`, …).
export * from "./generated/root-exports.js";
export type { HitachiCredentials } from "@bucketry/signing/hitachi-session";

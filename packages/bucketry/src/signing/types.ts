// Shapes shared by every signer. Signers are openapi-fetch middleware; their cores are plain
// functions over a `SignableRequest` so they can be tested against the vendors' SDKs directly.

/** One shape for the four AK/SK vendors (Alibaba ENS/OSS, Huawei, Baidu). */
export interface AccessKeyCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  /** STS / temporary-credential token; always sent and signed when present. */
  securityToken?: string | undefined;
}

/** Static credentials, or a function called before every attempt (refreshable STS). */
export type CredentialSource<C = AccessKeyCredentials> = C | (() => C | Promise<C>);

/** Returns "now" as epoch milliseconds; the facade passes one that applies a learned clock offset. */
export type Clock = () => number;

/** What a signer reads and writes. Headers are mutated in place; the URL may gain query params (RPC v1). */
export interface SignableRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** Exact body bytes that will be sent (undefined or empty for none). */
  body?: Uint8Array | undefined;
}

export async function resolveCredentials<C>(source: CredentialSource<C>): Promise<C> {
  return typeof source === "function" ? await (source as () => C | Promise<C>)() : source;
}

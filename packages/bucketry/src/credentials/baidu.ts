// Baidu AI Cloud (BOS): the environment variables, and the STS session flow Baidu's SDK offers
// (STS.getSessionToken: POST {sts}/v1/sessionToken?durationSeconds=N, signed bce-auth-v1 with long-term
// keys, optional JSON body { id, accessControlList }) as a refreshing source.
//
//   1. environment   BCE_ACCESS_KEY_ID / BCE_SECRET_ACCESS_KEY [/ BCE_SESSION_TOKEN]
//   fromBaiduSts({ credentials, durationSeconds, acl })   session credentials from STS (opt-in: Baidu's SDKs
//                    have no default chain beyond explicit keys; this is the flow they document)
import { hideSecrets } from "@bucketry/signing";
import { signBceV1 } from "@bucketry/signing/bce-v1";
import type { AccessKeyCredentials } from "@bucketry/signing";
import { credentialChain, type CredentialChain } from "./chain.js";
import { endpointProblem, jsonBody, parseExpiration, send, str } from "./request.js";
import { notConfigured, processEnv, setting, sourceFailed, statusTransient, type CredentialProvider, type SourceOptions } from "./types.js";

export const BAIDU_ENV = {
  accessKeyId: "BCE_ACCESS_KEY_ID",
  accessKeySecret: "BCE_SECRET_ACCESS_KEY",
  securityToken: "BCE_SESSION_TOKEN",
} as const;

export const BAIDU_CHAIN_SOURCES = ["environment"] as const;
export const BAIDU_STS_ENDPOINT = "https://sts.bj.baidubce.com";

export function fromBaiduEnv(options: SourceOptions = {}): CredentialProvider {
  const name = "environment";
  return {
    name,
    async resolve() {
      const env = options.env ?? processEnv();
      const accessKeyId = setting(env, BAIDU_ENV.accessKeyId);
      const accessKeySecret = setting(env, BAIDU_ENV.accessKeySecret);
      if (!accessKeyId) throw notConfigured(name, accessKeySecret ? `${BAIDU_ENV.accessKeyId} is not set` : `${BAIDU_ENV.accessKeyId} and ${BAIDU_ENV.accessKeySecret} are not set`);
      if (!accessKeySecret) throw notConfigured(name, `${BAIDU_ENV.accessKeySecret} is not set (${BAIDU_ENV.accessKeyId} is)`);
      const securityToken = setting(env, BAIDU_ENV.securityToken);
      return hideSecrets({ accessKeyId, accessKeySecret, ...(securityToken ? { securityToken } : {}), source: name });
    },
  };
}

export interface BaiduStsOptions extends SourceOptions {
  /** The long-term keys that ask for the session (a source or fixed keys). */
  credentials: CredentialProvider | AccessKeyCredentials;
  /** Session lifetime in seconds (the SDK's parameter; STS default 43200). */
  durationSeconds?: number | undefined;
  /** Optional access policy: `{ id?, accessControlList: [{ service, region, effect, resource, permission }] }`. */
  policy?: { id?: string; accessControlList: readonly Record<string, unknown>[] } | undefined;
  /** Default https://sts.bj.baidubce.com. */
  endpoint?: string | undefined;
}

/** Session credentials from Baidu STS (GetSessionToken). */
export function fromBaiduSts(options: BaiduStsOptions): CredentialProvider {
  const name = "baidu-sts";
  const clock = options.clock ?? Date.now;
  return {
    name,
    async resolve() {
      const problem = options.endpoint === undefined ? undefined : endpointProblem(options.endpoint, "the endpoint option", BAIDU_STS_ENDPOINT);
      if (problem) throw sourceFailed(name, problem);
      const source = options.credentials;
      const keys = "resolve" in source ? await source.resolve() : source;
      const url = new URL(`${(options.endpoint ?? BAIDU_STS_ENDPOINT).replace(/\/+$/, "")}/v1/sessionToken`);
      if (options.durationSeconds !== undefined) url.searchParams.set("durationSeconds", String(options.durationSeconds));
      const body = options.policy ? JSON.stringify(options.policy) : "";
      const headers = new Headers({ "content-type": "application/json; charset=utf-8", "content-length": String(new TextEncoder().encode(body).length) });
      await signBceV1({ method: "POST", url, headers, body: new TextEncoder().encode(body) }, { credentials: { accessKeyId: keys.accessKeyId, accessKeySecret: keys.accessKeySecret, securityToken: keys.securityToken }, clock });
      headers.delete("content-length"); // signed; the transport sets it from the body
      const res = await send(options.fetch, name, { method: "POST", url: url.href, headers: Object.fromEntries(headers), body, timeoutMs: 15_000 });
      const data = jsonBody(res.text);
      if (res.status !== 200) {
        const code = str(data?.code);
        const requestId = str(data?.requestId);
        throw sourceFailed(name, `STS GetSessionToken refused (HTTP ${res.status}${code ? ` ${code}` : ""}${requestId ? `, request id ${requestId}` : ""})`, statusTransient(res.status));
      }
      const accessKeyId = str(data?.accessKeyId);
      const accessKeySecret = str(data?.secretAccessKey);
      const securityToken = str(data?.sessionToken);
      if (!accessKeyId || !accessKeySecret || !securityToken) throw sourceFailed(name, "STS answered without accessKeyId, secretAccessKey and sessionToken");
      const expiration = parseExpiration(data?.expiration);
      return hideSecrets({ accessKeyId, accessKeySecret, securityToken, ...(expiration !== undefined ? { expiration } : {}), source: name });
    },
  };
}

/** Baidu's chain: the environment (what its SDKs read when no keys are given). */
export function baiduCredentialChain(options: SourceOptions = {}): CredentialChain {
  return credentialChain("Baidu AI Cloud", [fromBaiduEnv(options)]);
}

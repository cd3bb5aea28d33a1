// Baidu AI Cloud BOS: get bucket ACL. Virtual-hosted by default; path-style on request or with `endpoint`.
import { createClient, type BosClient, type GetBucketAclResponse } from "@bucketry/baidu-bos";
import { accessKeySource } from "../credentials.js";
import { isObject, malformed, parseJsonBody, str, type ErrorProfile } from "../http.js";
import type { BucketAcl, Grant } from "../model.js";
import type { AclClient, BaiduBosOptions, CallOptions } from "../options.js";
import { execute } from "../runtime.js";
import { bceV1Signer } from "../signing/bce-v1.js";
import { cannedOfGrants } from "./acl.js";
import { callContext, checkEndpoint, clientState, configError } from "./common.js";

export const bosErrors: ErrorProfile = {
  provider: "baidu-bos",
  requestIdHeaders: ["x-bce-request-id"],
  codeKinds: {
    AccessDenied: "AccessDenied",
    AccountOverdue: "AccessDenied",
    OptInRequired: "AccessDenied",
    InvalidAccessKeyId: "InvalidCredentials",
    InvalidHTTPAuthHeader: "InvalidArgument",
    SignatureDoesNotMatch: "SignatureMismatch",
    RequestExpired: "ClockSkew", // the signature's timestamp is too far from the server's clock
    NoSuchBucket: "NoSuchBucket",
    InvalidVersion: "NotFound",
    MalformedJSON: "InvalidArgument",
    PreconditionFailed: "InvalidArgument",
    InternalError: "ServerError",
    Http400: "Unavailable", // the Go SDK retries this transient gateway code
  },
  readError(body) {
    if (!isObject(body)) return {};
    return { code: str(body.code), message: str(body.message)?.trim(), requestId: str(body.requestId) };
  },
};

/** BOS bucket names: 3-63 characters of a-z, 0-9 and "-", starting and ending with a letter or digit. */
export function checkBosBucket(bucket: unknown): string {
  if (typeof bucket !== "string" || !/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw configError("baidu-bos", `bucket name ${JSON.stringify(bucket)} is invalid: use 3-63 characters of a-z, 0-9 and "-", starting and ending with a letter or digit`);
  }
  return bucket;
}

/** Grant entries → flat (grantee, permission) pairs; grantee id "*" is everyone; exact repeats collapse. */
export function normalizeBosAcl(raw: GetBucketAclResponse, bucket: string): BucketAcl<"baidu-bos"> {
  if (!isObject(raw) || !isObject(raw.owner) || typeof raw.owner.id !== "string") throw new TypeError("owner.id is missing");
  if (!Array.isArray(raw.accessControlList)) throw new TypeError("accessControlList is not an array");
  const grants: Grant[] = [];
  const seen = new Set<string>();
  let conditional = false;
  for (const entry of raw.accessControlList) {
    if (!isObject(entry) || !Array.isArray(entry.grantee) || !Array.isArray(entry.permission)) throw new TypeError("an accessControlList entry lacks grantee/permission lists");
    // Conditions, resources or an explicit Deny make an entry more than a canned grant.
    if (entry.condition !== undefined || entry.resource !== undefined || entry.notResource !== undefined || (entry.effect !== undefined && entry.effect !== "Allow")) conditional = true;
    for (const grantee of entry.grantee) {
      if (!isObject(grantee) || typeof grantee.id !== "string") throw new TypeError("a grantee lacks an id");
      for (const permission of entry.permission) {
        if (typeof permission !== "string") throw new TypeError("a permission is not a string");
        const key = `${grantee.id}|${permission}`;
        if (seen.has(key)) continue;
        seen.add(key);
        grants.push({ grantee: grantee.id === "*" ? { type: "everyone" } : { type: "user", id: grantee.id }, permission });
      }
    }
  }
  const acl = conditional ? undefined : cannedOfGrants(grants, raw.owner.id);
  return { provider: "baidu-bos", bucket, owner: { id: raw.owner.id }, ...(acl ? { acl } : {}), grants, raw };
}

export function createBosBucketClient(options: BaiduBosOptions): AclClient<"baidu-bos"> {
  const state = clientState(bosErrors, options);
  const region = options.region ?? "bj";
  if (!/^[a-z]{2,4}$/.test(region)) throw configError("baidu-bos", `region must be a BOS region short name such as bj or gz, got ${JSON.stringify(region)}`);
  const addressing = options.endpoint ? "path" : (options.addressing ?? "virtual-hosted");
  if (addressing !== "path" && addressing !== "virtual-hosted") throw configError("baidu-bos", `addressing must be "virtual-hosted" or "path"`);
  const base = options.endpoint ? checkEndpoint("baidu-bos", options.endpoint) : `https://${region}.bcebos.com`;
  const credentials = accessKeySource("baidu-bos", options.credentials);
  const raw: BosClient = createClient({ baseUrl: base, fetch: state.fetch });
  raw.use(bceV1Signer({ credentials, clock: state.clock.now }));

  return {
    provider: "baidu-bos",
    raw,
    async getBucketAcl(bucket: string, call?: CallOptions) {
      const name = checkBosBucket(bucket);
      return execute(
        callContext(state, call),
        (signal) =>
          addressing === "virtual-hosted"
            ? raw.GET("/", { baseUrl: `https://${name}.${region}.bcebos.com`, parseAs: "text", signal })
            : raw.GET("/v1/{bucketName}", { params: { path: { bucketName: name } }, parseAs: "text", signal }),
        ({ response, data }) => {
          const body = parseJsonBody(bosErrors, response, data);
          try {
            return normalizeBosAcl(body as GetBucketAclResponse, name);
          } catch (err) {
            throw malformed(bosErrors, response, (err as Error).message, err);
          }
        },
      );
    },
  };
}

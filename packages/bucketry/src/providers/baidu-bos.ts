// Baidu AI Cloud BOS: get bucket ACL. Virtual-hosted by default (on the region host, or on a `*.bcebos.com`
// endpoint); path-style on request or on any other endpoint host; `cname` for a bucket's own custom domain.
import { createClient, type BosClient, type GetBucketAclResponse } from "@bucketry/baidu-bos";
import type { AccessKeyCredentials, CredentialSource } from "@bucketry/signing";
import { bceV1Signer } from "@bucketry/signing/bce-v1";
import { baiduDefaultChain } from "#credential-defaults";
import { accessKeySource, describeAccessKeys, type AccessKeyFacts, type EnvNames } from "../credentials.js";
import { compareSigned, errorShaped, isObject, malformed, parseJsonBody, str, type ErrorProfile } from "../http.js";
import type { BucketAcl, Grant } from "../model.js";
import type { AclClient, CallOptions, CommonOptions } from "../options.js";
import { accessKeyCliOptions, accessKeyMockEnv, addressingCliFlags, addressingCliOptions, entryFunction, type ProviderModule } from "../provider.js";
import { execute } from "../runtime.js";
import { cannedOfGrants } from "./acl.js";
import { applyTable, exactText, type Converter, type DroppedField, type FieldTable } from "./mapping.js";
import { bucketAddressing, type CnameNeedsEndpoint, callContext, generated, checkEndpoint, clientState, checkBucketName, configError, optionalString, quoted, normalizeReporting, virtualHostedBase } from "./common.js";

/** Options of an BOS client; `cname: true` needs an `endpoint` (the bucket's domain). */
export type BaiduBosOptions = BaiduBosBaseOptions & CnameNeedsEndpoint;

/** What every BOS client accepts; {@link BaiduBosOptions} adds that `cname: true` comes with an `endpoint`. */
export interface BaiduBosBaseOptions extends CommonOptions {
  provider: "baidu-bos";
  /** Region short name (`bj`, `gz`, `su`, …). Default `bj`. */
  region?: string | undefined;
  credentials?: CredentialSource<AccessKeyCredentials> | undefined;
  /**
   * "virtual-hosted" (`{bucket}.{region}.bcebos.com/?acl`, or `{bucket}.{endpoint host}/?acl`; path-style
   * fails on BOS's own domains for buckets created after 2024-06-01) or "path"
   * (`{region}.bcebos.com/v1/{bucket}?acl`, the API page's form, or `{endpoint}/v1/{bucket}?acl`). A bucket's
   * domain as endpoint (`{any bucket}.{region}.bcebos.com`, `{any bucket}.cdn.bcebos.com`) stands for its
   * region's host (`{region}.bcebos.com`, `cdn.bcebos.com`) in either style: the called bucket replaces its
   * first label. Left out, the endpoint decides, as bce-sdk-go does: none, a region host or a bucket's domain is
   * virtual-hosted; any other host (a private cloud, an IP address, `localhost`) is path-style.
   */
  addressing?: "virtual-hosted" | "path" | undefined;
  /**
   * The endpoint is the bucket's own domain (a custom domain bound to it): `GET /?acl` on that host (the BOS
   * SDKs' `cname_enabled` / `CnameEnabled`). Needs `endpoint`.
   */
  cname?: boolean | undefined;
}

/** A BOS client: `getBucketAcl`. */
export type BaiduBosClient = AclClient<"baidu-bos">;

declare module "../model.js" {
  interface RawAclRecords {
    "baidu-bos": GetBucketAclResponse;
  }
}
declare module "../options.js" {
  interface RawClients {
    "baidu-bos": BosClient;
  }
}

/** The variables the Baidu AI Cloud (BCE) SDKs read. */
const env: EnvNames = {
  accessKeyId: "BCE_ACCESS_KEY_ID",
  accessKeySecret: "BCE_SECRET_ACCESS_KEY",
  securityToken: "BCE_SESSION_TOKEN",
};

/** Where keys come from when none are passed (BOS documents no expired-credentials code to refresh on). */
const accessKeys: AccessKeyFacts = { env, expiredCodes: [], chain: baiduDefaultChain };

/**
 * BOS error codes → kinds (retryable follows the kind). From BOS's error-code page,
 * https://cloud.baidu.com/doc/BOS/s/Ajwvysfpl, and the BCE authentication error codes,
 * https://cloud.baidu.com/doc/Reference/s/Bjz3uz3qj (InvalidAccessKeyId, InvalidHTTPAuthHeader,
 * SignatureDoesNotMatch, RequestExpired).
 */
export const bosErrors: ErrorProfile = {
  provider: "baidu-bos",
  compareSigned, // signed requests: a SignatureMismatch error carries what was signed
  requestIdHeaders: ["x-bce-request-id"],
  codeKinds: {
    AccessDenied: "AccessDenied",
    AccountOverdue: "AccessDenied",
    OptInRequired: "AccessDenied",
    InvalidAccessKeyId: "InvalidCredentials",
    InvalidHTTPAuthHeader: "InvalidArgument",
    SignatureDoesNotMatch: "SignatureMismatch",
    RequestExpired: "ClockSkew", // the signature's timestamp is too far from the server's clock
    RequestRateLimitExceeded: "Throttled",
    NoSuchBucket: "NoSuchBucket",
    InvalidVersion: "NotFound",
    MalformedJSON: "InvalidArgument",
    InvalidURI: "InvalidArgument",
    PreconditionFailed: "InvalidArgument",
    InternalError: "ServerError",
    ServiceUnavailable: "Unavailable",
    Http400: "Unavailable", // the Go SDK retries this transient gateway code
  },
  readError(body) {
    if (!isObject(body)) return {};
    return { code: str(body.code), message: str(body.message)?.trim(), requestId: str(body.requestId) };
  },
};

/**
 * BOS bucket names: 3-63 characters of a-z, 0-9 and "-", starting and ending with a letter or digit (bce-sdk-go's
 * isValidBucketName, checked before every request naming a bucket; no "_", unlike an existing OSS bucket's).
 */
export function checkBosBucket(bucket: unknown): string {
  return checkBucketName("baidu-bos", bucket, /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, '3-63 characters of a-z, 0-9 and "-", starting and ending with a letter or digit');
}

/** An entry that denies: not a grant at all. */
const isDeny = (e: Record<string, unknown>) => e.effect !== undefined && e.effect !== "Allow";
/**
 * Whether a condition value constrains anything. bce-sdk-go writes the zero value of every condition member
 * (`{"ipAddress":null,"referer":{"stringLike":null,…}}`, `false`): those constrain nothing.
 */
const constrains = (v: unknown): boolean =>
  Array.isArray(v) ? v.length > 0 : isObject(v) ? Object.values(v).some(constrains) : v === true || (typeof v === "string" && v !== "") || typeof v === "number";
/** An entry that holds only under a condition or for some objects (`resource`, `notResource`). */
const isScoped = (e: Record<string, unknown>) => constrains(e.condition) || e.resource !== undefined || e.notResource !== undefined;

/**
 * `accessControlList` → flat (grantee, permission) pairs: each Allow entry's grantee list × permission list;
 * grantee id "*" is everyone; a pair from a conditional or resource-scoped entry is marked `scoped` (and left out
 * when the same pair is granted outright); Deny entries grant nothing and are left out; exact repeats collapse.
 */
const bosGrants: Converter<Grant[]> = {
  convert(list) {
    if (!Array.isArray(list)) throw new TypeError("is not an array");
    const grants = new Map<string, Grant>();
    for (const entry of list) {
      if (!isObject(entry) || !Array.isArray(entry.grantee) || !Array.isArray(entry.permission)) throw new TypeError("an entry lacks grantee/permission lists");
      const scoped = isScoped(entry);
      const deny = isDeny(entry);
      for (const grantee of entry.grantee) {
        if (!isObject(grantee) || typeof grantee.id !== "string") throw new TypeError("a grantee lacks an id");
        for (const permission of entry.permission) {
          if (typeof permission !== "string") throw new TypeError("a permission is not a string");
          if (deny) continue; // checked as any entry is, but grants nothing
          const key = `${grantee.id}|${permission}`;
          if (grants.has(key) && (scoped || !grants.get(key)!.scoped)) continue;
          grants.set(key, { grantee: grantee.id === "*" ? { type: "everyone" } : { type: "user", id: grantee.id }, permission, ...(scoped ? { scoped: true as const } : {}) });
        }
      }
    }
    return [...grants.values()];
  },
};

/** A Deny, a condition or a resource scope: the ACL says more than a list of grants can. */
const bosConditional: Converter<boolean> = {
  convert: (list) => Array.isArray(list) && list.some((e) => isObject(e) && (isDeny(e) || isScoped(e))),
};

/** GetBucketAclResponse → BucketAcl. `acl` is derived: the canned ACL whose grants these exactly are (see acl.ts). */
export const bosAclFields = {
  ownerId: { from: "owner.id", required: true, via: exactText },
  grants: { from: "accessControlList", required: true, via: bosGrants },
  conditional: { from: "accessControlList", via: bosConditional },
} satisfies FieldTable<GetBucketAclResponse>;

/** What the docs say the adapter's own converters do (kept out of the converters, so out of browser bundles). */
const bosFieldWords = {
  grants:
    'each Allow entry\'s grantee[] × permission[] → (grantee, permission) pairs; grantee id "*" → everyone; a pair from an entry with a condition, resource or notResource gets scoped: true; Deny entries are left out; exact repeats collapse',
  conditional: "true when an entry has a condition that constrains something, a resource, a notResource or an effect other than Allow (then no canned acl is derived; raw has every entry)",
};

export function normalizeBosAcl(raw: GetBucketAclResponse, bucket: string, onDrop?: (dropped: DroppedField) => void): BucketAcl<"baidu-bos"> {
  const f = applyTable(raw, bosAclFields, onDrop) as { ownerId: string; grants: Grant[]; conditional?: boolean };
  const acl = f.conditional ? undefined : cannedOfGrants(f.grants, f.ownerId);
  return { provider: "baidu-bos", bucket, owner: { id: f.ownerId }, ...(acl ? { acl } : {}), grants: f.grants, ...(f.conditional ? { conditional: true as const } : {}), raw };
}

export function createBosBucketClient(options: BaiduBosOptions): BaiduBosClient {
  const state = clientState(bosErrors, options);
  const region = optionalString("baidu-bos", "region", options.region, 'region: "gz"', 'the default region, bj') ?? "bj";
  if (!/^[a-z]{2,4}$/.test(region)) throw configError("baidu-bos", `region must be a BOS region short name such as bj or gz, got ${quoted(region)}`);
  const endpoint = options.endpoint !== undefined ? checkEndpoint("baidu-bos", options.endpoint, /\.(bcebos|baidubce)\.com$/i, true) : undefined;
  let addressing = bucketAddressing("baidu-bos", endpoint, options);
  let base = endpoint ?? `https://${region}.bcebos.com`;
  // Without `cname: true` the endpoint's host decides, as bce-sdk-go's setUriAndEndpoint does. A bucket's own
  // domain ({bucket}.{region}.bcebos.com, {bucket}.cdn.bcebos.com) reaches any bucket of its region by its
  // first label, whatever the addressing (prefixing it again named a host no certificate covers); a host that
  // is not BOS's (a private cloud) is used as given, path-style, unless `addressing` says otherwise.
  if (endpoint && addressing !== "cname") {
    const url = new URL(endpoint);
    if (/^[^.]+\.[^.]+\.bcebos\.com$/i.test(url.hostname)) base = `${url.protocol}//${url.host.slice(url.host.indexOf(".") + 1)}`;
    else if (options.addressing === undefined && !/^[^.]+\.bcebos\.com$/i.test(url.hostname)) addressing = "path";
  }
  const credentials = accessKeySource("baidu-bos", accessKeys, options.credentials, undefined, (...v) => state.secrets.add(...v), state);
  const raw: BosClient = generated("baidu-bos", () => createClient({ baseUrl: base, fetch: state.fetch }));
  raw.use(bceV1Signer({ credentials, clock: state.clock.now }));

  return {
    provider: "baidu-bos",
    raw,
    async getBucketAcl(bucket: string, call?: CallOptions) {
      const name = checkBosBucket(bucket);
      return execute(
        callContext(state, call),
        (signal) =>
          addressing === "path"
            ? raw.GET("/v1/{bucketName}", { params: { path: { bucketName: name } }, parseAs: "text", fetch: state.send(signal) })
            : raw.GET("/", { baseUrl: addressing === "cname" ? base : virtualHostedBase(base, name), parseAs: "text", fetch: state.send(signal) }),
        ({ response, data }) => {
          const body = parseJsonBody(bosErrors, response, data);
          try {
            // A 200 whose body is BOS's error document, named as such (not as a missing owner).
            const error = isObject(body) ? errorShaped(bosErrors, body, "accessControlList") : undefined;
            if (error) throw new TypeError(error);
            return normalizeReporting(state, (onDrop) => normalizeBosAcl(body as GetBucketAclResponse, name, onDrop), () => name);
          } catch (err) {
            throw malformed(bosErrors, response, (err as Error).message, err, body);
          }
        },
      );
    },
  };
}

/** `bucketry/baidu-bos`: a BOS client, as `createBucketClient({ provider: "baidu-bos", … })` makes it. */
export const createBucketClient = entryFunction("baidu-bos", createBosBucketClient, ["region", "credentials", "addressing", "cname"]);

export const providerModule: ProviderModule<"baidu-bos", BaiduBosOptions, BaiduBosClient> = {
  id: "baidu-bos",
  vendor: "Baidu AI Cloud BOS",
  operation: "getBucketAcl",
  operations: ["GetBucketAcl"],
  auth: ["bce-auth-v1"],
  requiredOptions: [],
  env,
  errors: bosErrors,
  create: createBosBucketClient,
  cli: {
    label: "BOS",
    region: "bj",
    signatureVersions: [],
    required: [],
    env: ["ACCESS_KEY_ID", "ACCESS_KEY_SECRET", "SECURITY_TOKEN", "ADDRESSING", "CNAME"],
    examples: ["bucketry get-acl --provider baidu-bos --bucket example-bucket --json", "BUCKETRY_BAIDU_BOS_ENDPOINT=http://127.0.0.1:9000/baidu-bos bucketry get-acl --provider baidu-bos --bucket example-bucket"],
    profileExample: { accessKeyId: "…", accessKeySecret: "…", region: "bj" },
    profileFields: ["accessKeyId", "accessKeySecret", "securityToken"],
    flags: /* @__PURE__ */ addressingCliFlags("virtual-hosted on the region's host or a *.bcebos.com endpoint, path-style on any other host"),
    options: (ctx) => ({ ...accessKeyCliOptions({ ...ctx, provider: "baidu-bos" }, "optional"), ...addressingCliOptions(ctx) }) as BaiduBosOptions,
    credentialChain: ["environment"],
    describeCredentials: async (options, environment) => (await describeAccessKeys("baidu-bos", accessKeys, options.credentials, environment)).description,
    mockEnv: (mock) => accessKeyMockEnv(env, mock),
  },
  docs: { record: "GetBucketAclResponse", fields: bosAclFields, fieldWords: bosFieldWords, sample: { options: { region: "bj" }, argument: "example-bucket" } },
};

// Alibaba Cloud ENS: ListBuckets (RPC), paged by PageNumber/PageSize until TotalCount.
import { createClient, type BucketInfo, type EnsClient, type ListBucketsResponse } from "@bucketry/aliyun-ens";
import type { AccessKeyCredentials, CredentialSource } from "@bucketry/signing";
import { acs3Signer } from "@bucketry/signing/acs3";
import { acsRpcV1Signer } from "@bucketry/signing/acs-rpc-v1";
import { alibabaDefaultChain } from "#credential-defaults";
import { accessKeySource, describeAccessKeys, type AccessKeyFacts, type EnvNames } from "../credentials.js";
import { accessDeniedDetail, compareSigned, errorShaped, isObject, malformed, parseJsonBody, str, xmlErrorFields, type ErrorProfile } from "../http.js";
import type { Bucket } from "../model.js";
import type { BucketPage, CommonOptions, ListBucketsOptions, ListingClient, PageOptions } from "../options.js";
import { eachPage } from "../pagination.js";
import { accessKeyCliOptions, accessKeyMockEnv, entryFunction, type PageLimits, type ProviderModule } from "../provider.js";
import { execute } from "../runtime.js";
import { applyTable, cannedAcl, isoDate, text, type DroppedField, type FieldTable } from "./mapping.js";
import { callContext, generated, checkEndpoint, checkPageSize, clientState, configError, optionalString, quoted, normalizeReporting } from "./common.js";

export interface AliyunEnsOptions extends CommonOptions {
  provider: "aliyun-ens";
  /** Selects the endpoint: a region the ENS endpoint table gives its own host (ap-southeast-1) uses it; any other region, and none, the central ens.aliyuncs.com (the official SDK's endpoint). */
  region?: string | undefined;
  /** Omitted: Alibaba's default chain (environment, OIDC role, aliyun CLI profile, credentials file, ECS RAM role, credentials URI). */
  credentials?: CredentialSource<AccessKeyCredentials> | undefined;
  /** "v3" (ACS3-HMAC-SHA256, default) or "v1" (legacy RPC HMAC-SHA1 query signature). */
  signatureVersion?: "v3" | "v1" | undefined;
}

/** An ENS client: `listBuckets` and `listBucketsPage`. */
export type AliyunEnsClient = ListingClient<"aliyun-ens", ListBucketsOptions>;

declare module "../model.js" {
  interface RawBucketRecords {
    "aliyun-ens": BucketInfo;
  }
}
declare module "../options.js" {
  interface RawClients {
    "aliyun-ens": EnsClient;
  }
}

/** The variables the Alibaba Cloud SDKs and CLI read (shared with OSS). */
const env: EnvNames = {
  accessKeyId: "ALIBABA_CLOUD_ACCESS_KEY_ID",
  accessKeySecret: "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
  securityToken: "ALIBABA_CLOUD_SECURITY_TOKEN",
};

/** Where keys come from when none are passed; the STS token's expiry code makes a call refresh them once. */
const accessKeys: AccessKeyFacts = { env, expiredCodes: ["InvalidSecurityToken.Expired"], chain: alibabaDefaultChain };

/** PageSize: 1..100, and the facade asks for full pages. */
const pageLimits: PageLimits = { max: 100, default: 100, serverPrefix: true, cursorName: "PageNumber" };

/**
 * ENS error codes → kinds (retryable follows the kind). The POP gateway's common codes, from Alibaba Cloud's
 * OpenAPI error-code lists: https://help.aliyun.com/document_detail/51132.html (client errors: MissingParameter,
 * InvalidAccessKeyId.NotFound, IncompleteSignature, Throttling, Forbidden.*),
 * https://developer.aliyun.com/ask/278265 (gateway list: InvalidAccessKeyId.Inactive, InvalidTimeStamp.*,
 * SignatureNonceUsed, SignatureDoesNotMatch, Throttling.User/.Api), https://help.aliyun.com/document_detail/435312.html
 * (server errors: InternalError, ServiceUnavailable); STS token codes as the gateway names them; the ENS
 * ListBuckets page's own codes.
 */
export const ensErrors: ErrorProfile = {
  provider: "aliyun-ens",
  compareSigned, // signed requests: a SignatureMismatch error carries what was signed
  requestIdHeaders: ["x-acs-request-id"],
  codeKinds: {
    MissingParameter: "InvalidArgument",
    NoPermission: "AccessDenied",
    "InvalidParameter.*": "InvalidArgument",
    InvalidParameter: "InvalidArgument",
    AccessDenied: "AccessDenied",
    UserDisable: "AccessDenied",
    Forbidden: "AccessDenied",
    "Forbidden.*": "AccessDenied",
    NoSuchBucket: "NoSuchBucket",
    Throttling: "Throttled",
    "Throttling.*": "Throttled",
    ServiceUnavailable: "Unavailable",
    InternalError: "ServerError",
    "InvalidAccessKeyId.*": "InvalidCredentials", // .NotFound, .Inactive (disabled key)
    InvalidAccessKeyId: "InvalidCredentials",
    "InvalidSecurityToken.*": "InvalidCredentials", // .Expired, .Malformed, .MismatchWithAccessKey
    SignatureDoesNotMatch: "SignatureMismatch",
    IncompleteSignature: "SignatureMismatch",
    // The request's timestamp is outside the gateway's 15-minute window.
    "InvalidTimeStamp.Expired": "ClockSkew",
    "InvalidTimeStamp.Format": "InvalidArgument",
    IllegalTimestamp: "InvalidArgument",
    SignatureNonceUsed: "InvalidArgument",
  },
  // Alibaba's SDK (darabonba-openapi since 8b916ca) treats any 4xx/5xx carrying a positive x-acs-retry-after as a
  // throttle, whatever its code: the gateway adds flow-control codes as products add limits. Before that (and still
  // without the header), @alicloud/openapi-core throws a ThrottlingError for any code that contains "Throttling",
  // wherever in the code it stands, which a prefix rule (`Throttling.*`) misses.
  kindOf: (vendor, headers) => (Number(headers.get("x-acs-retry-after")) > 0 || vendor.code?.includes("Throttling") ? "Throttled" : undefined),
  readError(body) {
    // The SDK reads Code||code, Message||message, RequestId||requestId defensively; so do we. The gateway answers
    // XML when a request reaches it without Format=JSON / Accept: application/json (a proxy dropping them).
    if (!isObject(body)) return xmlErrorFields(body) ?? {};
    return { code: str(body.Code ?? body.code), message: str(body.Message ?? body.message), requestId: str(body.RequestId ?? body.requestId), helpUrl: str(body.Recommend), accessDeniedDetail: accessDeniedDetail(body.AccessDeniedDetail ?? body.accessDeniedDetail) };
  },
  // The gateway's SignatureDoesNotMatch message ends with "server string to sign is:" and what it signed.
  serverSigned: (_, vendor) => {
    const m = /server string to sign is:\s*([\s\S]*)$/.exec(vendor.message ?? "");
    return m ? { stringToSign: m[1] } : undefined;
  },
};

/** BucketInfo → Bucket. */
export const ensBucketFields = {
  name: { from: "BucketName", required: true, via: text },
  createdAt: { from: "CreateTime", via: isoDate },
  region: { from: "EnsRegionId", via: text },
  acl: { from: "BucketAcl", via: cannedAcl },
} satisfies FieldTable<BucketInfo>;

/** BucketInfo → Bucket; an optional field that cannot be read is left out and handed to `onDrop`. */
export function normalizeEnsBucket(raw: BucketInfo, onDrop?: (dropped: DroppedField) => void): Bucket<"aliyun-ens"> {
  return { provider: "aliyun-ens", ...(applyTable(raw, ensBucketFields, onDrop) as { name: string }), raw };
}

/** A ListBuckets body, checked before use; anything else is a MalformedResponse. */
function readPage(body: unknown): { infos: BucketInfo[]; total: number | undefined } {
  if (!isObject(body)) throw new TypeError("body is not a JSON object");
  const error = errorShaped(ensErrors, body, "BucketInfos");
  if (error) throw new TypeError(error);
  // The one field the API marks required: without it, this is not a ListBuckets answer (`{}` is no empty list).
  const requestId = body.RequestId ?? body.requestId; // read as defensively as the error reader reads it
  if (typeof requestId !== "string" || requestId === "") throw new TypeError("RequestId is missing: not a ListBuckets answer");
  const infos = body.BucketInfos ?? [];
  if (!Array.isArray(infos)) throw new TypeError("BucketInfos is not an array");
  const total = body.TotalCount;
  if (total !== undefined && !(typeof total === "number" && Number.isSafeInteger(total) && total >= 0)) throw new TypeError("TotalCount is not a count");
  return { infos: infos as BucketInfo[], total: total as number | undefined };
}

export function createEnsBucketClient(options: AliyunEnsOptions): AliyunEnsClient {
  const state = clientState(ensErrors, options);
  const credentials = accessKeySource("aliyun-ens", accessKeys, options.credentials, undefined, (...v) => state.secrets.add(...v), state);
  const endpoint = options.endpoint !== undefined ? checkEndpoint("aliyun-ens", options.endpoint, /^ens[\w-]*(\.[\w-]+)?\.aliyuncs\.com$/i) : undefined;
  // With an endpoint the region picks nothing (ENS signs none), but a blank one is still refused, as the MPC and
  // BOS modules refuse it: an unset variable is a mistake whether or not an endpoint is given.
  const given = optionalString("aliyun-ens", "region", options.region, 'region: "ap-southeast-1"', endpoint ? "none (the endpoint decides)" : "the central endpoint, ens.aliyuncs.com");
  const region = endpoint ? undefined : given;
  const version = options.signatureVersion ?? "v3";
  if (version !== "v3" && version !== "v1") throw configError("aliyun-ens", `signatureVersion must be "v3" or "v1", got ${quoted(version)}`);
  // ACS3 sends Action/Version as x-acs-* headers; a client that puts them there (and writes the query in
  // canonical form) lets the signer sign openapi-fetch's Request in place instead of building a second one.
  // RPC v1 signs them in the query.
  const raw: EnsClient = generated("aliyun-ens", () =>
    createClient({
      ...(endpoint ? { baseUrl: endpoint } : region ? { region } : {}),
      fetch: state.fetch,
      actionAndVersion: version === "v3" ? "headers" : "query",
    }),
  );
  raw.use(version === "v3" ? acs3Signer({ credentials, clock: state.clock.now }) : acsRpcV1Signer({ credentials, clock: state.clock.now }));

  async function listBucketsPage(opts?: ListBucketsOptions & PageOptions): Promise<BucketPage<"aliyun-ens">> {
    // A cursor is the next PageNumber, ":" the count so far and ":" the page size they were counted in: a page
    // number means nothing at another size (page 2 of 10 continued at 100 would skip buckets 11-100). Cursors of
    // earlier versions ("3", "3:250") are still read, at the pageSize given.
    const cursor = opts?.cursor === undefined ? ["", "1"] : typeof opts.cursor === "string" ? /^(\d+)(?::(\d+)(?::(\d+))?)?$/.exec(opts.cursor) : null;
    const pageNumber = Number(cursor?.[1]);
    if (!cursor || !Number.isSafeInteger(pageNumber) || pageNumber < 1) throw configError("aliyun-ens", `cursor must be a page number from a previous page, got ${quoted(opts?.cursor)}`);
    const cursorSize = cursor[3] === undefined ? undefined : Number(cursor[3]);
    if (cursorSize !== undefined && opts?.pageSize !== undefined && opts.pageSize !== cursorSize) {
      throw configError("aliyun-ens", `this cursor continues pages of ${cursorSize} buckets: pass pageSize: ${cursorSize}, or leave pageSize out`);
    }
    const pageSize = checkPageSize("aliyun-ens", cursorSize ?? opts?.pageSize, pageLimits.max, pageLimits.default);
    const prefix = opts?.prefix;
    // A lone UTF-16 surrogate (a string cut inside an emoji) cannot be percent-encoded: say which option.
    if (prefix !== undefined && (typeof prefix !== "string" || /[\uD800-\uDFFF]/u.test(prefix))) throw configError("aliyun-ens", "prefix must be a string of whole characters");
    const query = { PageNumber: String(pageNumber), PageSize: String(pageSize), ...(prefix ? { Prefix: prefix } : {}) };
    return execute(
      callContext(state, opts),
      (signal) => raw.POST("/", { params: { query }, parseAs: "text", fetch: state.send(signal) }),
      ({ response, data }) => {
        const body = parseJsonBody(ensErrors, response, data);
        let page: ReturnType<typeof readPage>;
        let buckets: Bucket<"aliyun-ens">[];
        try {
          page = readPage(body);
          buckets = page.infos.map((info) => normalizeReporting(state, (onDrop) => normalizeEnsBucket(info, onDrop), (b) => b.name));
        } catch (err) {
          throw malformed(ensErrors, response, (err as Error).message, err, body);
        }
        // The buckets received so far: the cursor's count, or full earlier pages. A server serving smaller pages
        // than asked is counted as it serves them (the cursor carries the count), so none are left out.
        const seen = (cursor[2] === undefined ? (pageNumber - 1) * pageSize : Number(cursor[2])) + page.infos.length;
        const more = page.infos.length > 0 && (page.total === undefined ? page.infos.length === pageSize : seen < page.total);
        const nextCursor = `${pageNumber + 1}:${seen}:${pageSize}`;
        return more ? { buckets, nextCursor } : { buckets };
      },
    );
  }

  return {
    provider: "aliyun-ens",
    raw,
    listBucketsPage,
    listBuckets: (opts) => eachPage("aliyun-ens", (cursor) => listBucketsPage({ ...opts, cursor }), opts?.signal, pageLimits.cursorName),
  };
}

/** `bucketry/aliyun-ens`: an ENS client, as `createBucketClient({ provider: "aliyun-ens", … })` makes it. */
export const createBucketClient = entryFunction("aliyun-ens", createEnsBucketClient, ["region", "credentials", "signatureVersion"]);

export const providerModule: ProviderModule<"aliyun-ens", AliyunEnsOptions, AliyunEnsClient> = {
  id: "aliyun-ens",
  vendor: "Alibaba Cloud ENS",
  operation: "listBuckets",
  operations: ["ListBuckets"],
  auth: ["ACS3-HMAC-SHA256", "RPC HMAC-SHA1 (--signature-version v1)"],
  requiredOptions: [],
  env,
  errors: ensErrors,
  pageLimits,
  create: createEnsBucketClient,
  cli: {
    label: "ENS",
    region: "optional",
    signatureVersions: ["v3", "v1"],
    required: [],
    env: ["ACCESS_KEY_ID", "ACCESS_KEY_SECRET", "SECURITY_TOKEN"],
    examples: ["bucketry list-buckets --provider aliyun-ens --prefix img --limit 20", "bucketry list-buckets --provider aliyun-ens --profile work --json | jq -r .name"],
    profileExample: { accessKeyId: "LTAI…", accessKeySecret: "…", securityToken: "…" },
    profileFields: ["accessKeyId", "accessKeySecret", "securityToken"],
    options: (ctx) => accessKeyCliOptions({ ...ctx, provider: "aliyun-ens" }, "optional") as AliyunEnsOptions,
    credentialChain: ["environment", "oidc-role", "cli-profile (~/.aliyun/config.json)", "credentials-file (~/.alibabacloud/credentials)", "ecs-ram-role (100.100.100.200)", "credentials-uri"],
    describeCredentials: async (options, environment) => (await describeAccessKeys("aliyun-ens", accessKeys, options.credentials, environment)).description,
    mockEnv: (mock) => accessKeyMockEnv(env, mock),
  },
  docs: {
    record: "BucketInfo",
    fields: ensBucketFields,
    pagination: {
      ListBuckets: "page number (PageNumber/PageSize, TotalCount)",
      ListBucketsByGet: "page number (PageNumber/PageSize, TotalCount)",
    },
    sample: { options: {}, argument: { prefix: "img" } },
  },
};

export type { ListBucketsResponse };

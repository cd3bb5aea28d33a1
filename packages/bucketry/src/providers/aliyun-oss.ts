// Alibaba Cloud OSS: GetBucketAcl (XML). Virtual-hosted on the regional host or on the `endpoint` host;
// path-style on an IP-address or localhost endpoint (or with `addressing: "path"`); `cname` for a bucket's domain.
import { createClient, readXml, XML_ROOT_HEADER, xmlShapes, type AccessControlPolicy, type OssClient } from "@bucketry/aliyun-oss";
import type { AccessKeyCredentials, CredentialSource } from "@bucketry/signing";
import { ossV1Signer } from "@bucketry/signing/oss-v1";
import { ossV4Signer } from "@bucketry/signing/oss-v4";
import { alibabaDefaultChain } from "#credential-defaults";
import { lastingTransportFault } from "#network-codes";
import { accessKeySource, describeAccessKeys, trimmedKeys, type AccessKeyFacts, type EnvNames } from "../credentials.js";
import { accessDeniedDetail, compareSigned, errorFromResponse, isObject, malformed, networkErrorCode, UnreadableBodyError, str, type ErrorProfile } from "../http.js";
import type { BucketryError } from "../errors.js";
import type { BucketAcl, CannedAcl } from "../model.js";
import type { AclClient, CallOptions, CommonOptions } from "../options.js";
import { accessKeyCliOptions, accessKeyMockEnv, addressingCliFlags, addressingCliOptions, entryFunction, type ProviderModule } from "../provider.js";
import { execute } from "../runtime.js";
import { grantsOfCanned } from "./acl.js";
import { applyTable, cannedAcl, text, type DroppedField, type FieldTable } from "./mapping.js";
import { bucketAddressing, type CnameNeedsEndpoint, callContext, generated, checkEndpoint, clientState, checkBucketName, configError, quoted, normalizeReporting, requireString, virtualHostedBase } from "./common.js";

/** Options of an OSS client; `cname: true` needs an `endpoint` (the bucket's domain). */
export type AliyunOssOptions = AliyunOssBaseOptions & CnameNeedsEndpoint;

/** What every OSS client accepts; {@link AliyunOssOptions} adds that `cname: true` comes with an `endpoint`. */
export interface AliyunOssBaseOptions extends CommonOptions {
  provider: "aliyun-oss";
  /** Plain region id such as `cn-hangzhou`: used as-is in the V4 scope, as `oss-cn-hangzhou` in the host. */
  region: string;
  credentials?: CredentialSource<AccessKeyCredentials> | undefined;
  /** "v4" (OSS4-HMAC-SHA256, default) or "v1" (`OSS ak:sig`). */
  signatureVersion?: "v4" | "v1" | undefined;
  /**
   * Forces how the bucket is addressed. Default: virtual-hosted (`{bucket}.{host}`: the regional host, or the
   * `endpoint` host — internal, accelerate, dual-stack, private cloud), except that an IP-address or
   * `localhost` endpoint is path-style (`{endpoint}/{bucket}/`), as the OSS Go SDK v2 decides. OSS refuses
   * path-style requests on its own domains (403 SecondLevelDomainForbidden).
   */
  addressing?: "virtual-hosted" | "path" | undefined;
  /**
   * The endpoint is the bucket's own domain (a CNAME bound to it): `GET /?acl` on that host, signed for the
   * bucket as OSS signs custom-domain requests (ali-oss `cname`, Go SDK v2 `UseCName`). Needs `endpoint`.
   */
  cname?: boolean | undefined;
}

/** An OSS client: `getBucketAcl`. */
export type AliyunOssClient = AclClient<"aliyun-oss">;

declare module "../model.js" {
  interface RawAclRecords {
    "aliyun-oss": AccessControlPolicy;
  }
}
declare module "../options.js" {
  interface RawClients {
    "aliyun-oss": OssClient;
  }
}

/** The variables the Alibaba Cloud SDKs and CLI read (shared with ENS). */
const env: EnvNames = {
  accessKeyId: "ALIBABA_CLOUD_ACCESS_KEY_ID",
  accessKeySecret: "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
  securityToken: "ALIBABA_CLOUD_SECURITY_TOKEN",
};

/** Where keys come from when none are passed; an expired STS token makes a call refresh them once. */
const accessKeys: AccessKeyFacts = { env, expiredCodes: ["SecurityTokenExpired", "InvalidSecurityToken.Expired"], chain: alibabaDefaultChain };

/**
 * OSS error codes → kinds (retryable follows the kind). From OSS's error pages:
 * https://www.alibabacloud.com/help/en/document_detail/32005.html (error responses and codes),
 * https://www.alibabacloud.com/help/en/oss/how-to-troubleshoot-403-status-code-when-you-access-oss (403 codes:
 * InvalidAccessKeyId, InvalidSecurityToken, AccessKeyIdAndSecurityTokenNotMatch, SignatureDoesNotMatch,
 * RequestTimeTooSkewed, SecondLevelDomainForbidden), https://www.alibabacloud.com/help/en/oss/support/0002-00000007
 * (expired STS token), https://www.alibabacloud.com/help/zh/oss/support/429-error (QpsLimitExceeded).
 */
export const ossErrors: ErrorProfile = {
  provider: "aliyun-oss",
  compareSigned, // signed requests: a SignatureMismatch error carries what was signed
  requestIdHeaders: ["x-oss-request-id"],
  ecHeader: "x-oss-ec",
  codeKinds: {
    NoSuchBucket: "NoSuchBucket",
    AccessDenied: "AccessDenied",
    InvalidAccessKeyId: "InvalidCredentials",
    SecurityTokenExpired: "InvalidCredentials",
    InvalidSecurityToken: "InvalidCredentials",
    AccessKeyIdAndSecurityTokenNotMatch: "InvalidCredentials",
    SignatureDoesNotMatch: "SignatureMismatch",
    RequestTimeTooSkewed: "ClockSkew",
    // Path-style on an OSS domain: the request's form is wrong (use virtual-hosted addressing), not a permission.
    SecondLevelDomainForbidden: "InvalidArgument",
    InvalidBucketName: "InvalidArgument",
    InvalidArgument: "InvalidArgument",
    MissingArgument: "InvalidArgument",
    BadRequest: "Unavailable", // the Go SDK v2 retries it: transient front-end rejection
    SlowDown: "Throttled", // 503 when a bucket's request rate is too high
    QpsLimitExceeded: "Throttled", // 429: the account's requests per second are over the limit
    InternalError: "ServerError",
    ServiceUnavailable: "Unavailable",
  },
  // A bucket addressed on another region's endpoint: 403 AccessDenied naming the bucket's <Endpoint> (OSS's 403
  // page: "must be addressed using the specified endpoint"). Only the endpoint or region options fix it, as with a
  // 301 PermanentRedirect; permissions have nothing to do with it.
  kindOf: (vendor) => (vendor.endpoint ? "Configuration" : undefined),
  readError(body) {
    // The package's XML reader hands error bodies over as objects with the <Error> root unwrapped. An <Error> sent
    // under another content type (none, text/plain) reaches here as text: ali-oss reads it whatever the type. (A
    // throw here leaves the error without a code, as before; lenient: an odd optional element does not throw.)
    if (typeof body === "string") {
      const doc = readXml(body, xmlShapes, { lenient: true });
      body = doc.root === "Error" ? doc.value : undefined;
    }
    if (!isObject(body)) return {};
    return { code: str(body.Code), message: str(body.Message), requestId: str(body.RequestId), ec: str(body.EC), helpUrl: str(body.RecommendDoc), accessDeniedDetail: accessDeniedDetail(body.AccessDeniedDetail), endpoint: str(body.Endpoint) };
  },
  // SignatureDoesNotMatch carries what OSS signed: <StringToSign> (V1, V4) and <CanonicalRequest> (V4).
  serverSigned: (body) => (isObject(body) ? { canonicalRequest: str(body.CanonicalRequest), stringToSign: str(body.StringToSign) } : undefined),
  regionOfHost: (host) => ossRegionOfHost(host),
};

/**
 * The region id an OSS service host names: `oss-cn-shanghai[-internal].aliyuncs.com` names cn-shanghai (the form
 * OSS's `<Endpoint>` takes). Only the usual region-id form (area, place, optional number): a label that is no region
 * id (oss-accelerate, finance-cloud labels such as oss-cn-hzjbp-a) names none; so does a dual-stack host, which a
 * legacy bucket domain (`cn-test.oss.aliyuncs.com`) can look like.
 */
export function ossRegionOfHost(host: string): string | undefined {
  return /^oss-([a-z]{2}-[a-z]+(?:-\d+)?)(?:-internal)?\.aliyuncs\.com$/i.exec(host)?.[1]?.toLowerCase();
}

/**
 * An existing OSS bucket's name: 3-63 characters of a-z, 0-9, "-" and "_", not starting or ending with "-". The
 * rule ali-oss (the official Node SDK) applies to every request naming a bucket (`checkBucketName(name)`); its
 * creation rule, the one OSS documents (no "_": "Bucket naming conventions"), applies only to PutBucket, so
 * buckets made before it (with "_") stay reachable. The Go SDK v2 and oss2 apply the creation rule to every
 * request: every name they accept is accepted here.
 */
export function checkOssBucket(bucket: unknown): string {
  return checkBucketName("aliyun-oss", bucket, /^[a-z0-9_][a-z0-9_-]{1,61}[a-z0-9_]$/, '3-63 characters of a-z, 0-9, "-" and "_", not starting or ending with "-"');
}

/** AccessControlPolicy → BucketAcl: the canned <Grant> is the ACL; grants spell out what it means. */
export const ossAclFields = {
  ownerId: { from: "Owner.ID", required: true, via: text },
  ownerDisplayName: { from: "Owner.DisplayName", via: text },
  // Not required: ali-oss hands any <Grant> over as it is, so one OSS adds later must not fail a call (see below).
  acl: { from: "AccessControlList.Grant", via: cannedAcl },
} satisfies FieldTable<AccessControlPolicy>;

export function normalizeOssAcl(raw: AccessControlPolicy, bucket: string, onDrop?: (dropped: DroppedField) => void): BucketAcl<"aliyun-oss"> {
  const { ownerId, ownerDisplayName, acl } = applyTable(raw, ossAclFields, onDrop) as { ownerId: string; ownerDisplayName?: string; acl?: CannedAcl };
  return {
    provider: "aliyun-oss",
    bucket,
    owner: ownerDisplayName === undefined ? { id: ownerId } : { id: ownerId, displayName: ownerDisplayName },
    // A <Grant> that is no canned ACL bucketry knows was left out and reported: what it grants beyond the owner's
    // full control is unknown.
    ...(acl ? { acl } : { conditional: true as const }),
    grants: grantsOfCanned(acl, ownerId),
    raw,
  };
}

/** Signed in its Authorization header, or presigned in its query (V1 `Signature`, V4 `x-oss-signature`). */
const signedOssRequest = (request: Request) => request.headers.has("authorization") || /[?&](Signature|x-oss-signature)=/.test(request.url);

const unsignedCnameCall = (request: Request): BucketryError =>
  configError("aliyun-oss", `raw does not sign calls to a CNAME endpoint (${new URL(request.url).host}), which OSS signs with the bucket's name: call getBucketAcl(bucket), or give the raw call a signer: { middleware: [ossV4Signer({ credentials, region, bucket })] }`);

export function createOssBucketClient(options: AliyunOssOptions): AliyunOssClient {
  const region = requireString("aliyun-oss", "region", options.region, 'region: "cn-hangzhou"').replace(/^oss-/, "");
  if (!/^[a-z]{2,}(-[a-z0-9]+)+$/.test(region)) throw configError("aliyun-oss", `region must be a region id such as cn-hangzhou, got ${quoted(options.region)}`);
  const version = options.signatureVersion ?? "v4";
  if (version !== "v4" && version !== "v1") throw configError("aliyun-oss", `signatureVersion must be "v4" or "v1", got ${quoted(version)}`);
  // An endpoint's label (oss-cn-hangzhou-internal, oss-accelerate-overseas) would be signed into the V4 scope,
  // which must be the bucket's region id (V1 signs no region: there it only names the host, as it always did).
  if (version === "v4" && /-internal$|^accelerate/.test(region)) {
    throw configError("aliyun-oss", `region ${quoted(options.region)} names an endpoint: pass endpoint: "https://oss-${region}.aliyuncs.com" with the bucket's region id (e.g. region: "${region.endsWith("-internal") ? region.slice(0, -9) : "cn-hangzhou"}")`);
  }
  // The XML middleware marks the root it read in a response header; one arriving from the wire is dropped.
  const state = clientState(ossErrors, options, { dropHeaders: [XML_ROOT_HEADER] });
  // ali-oss trims the accessKeyId and accessKeySecret it is given (not its stsToken); so does the facade.
  const credentials = accessKeySource("aliyun-oss", accessKeys, trimmedKeys(options.credentials), undefined, (...v) => state.secrets.add(...v), state);
  const endpoint = options.endpoint !== undefined ? checkEndpoint("aliyun-oss", options.endpoint, /\.aliyuncs\.com$/i, true) : undefined;
  // V4 signs the region into every request, and an OSS service host serves its own region's buckets only: a region
  // the host contradicts fails every call with a signature error. (V1 signs no region: the host alone decides.)
  const hostRegion = endpoint !== undefined && version === "v4" ? ossRegionOfHost(new URL(endpoint).hostname) : undefined;
  if (hostRegion !== undefined && /^[a-z]{2}-[a-z]+(-\d+)?$/.test(region) && hostRegion !== region) {
    throw configError("aliyun-oss", `region ${quoted(options.region)} contradicts endpoint ${new URL(endpoint!).host} (region ${hostRegion}), and V4 signs the region into every request: make them agree (region alone picks https://oss-{region}.aliyuncs.com)`);
  }
  const addressing = bucketAddressing("aliyun-oss", endpoint, options);
  // With cname, raw has no signer of its own (OSS signs the bucket's name, which a CNAME host does not carry): a
  // raw call that no per-call signer signed is refused before it goes out unsigned. The facade's own calls bring
  // their signer and their own fetch.
  const rawFetch = addressing === "cname" ? (request: Request) => (signedOssRequest(request) ? state.fetch(request) : Promise.reject(unsignedCnameCall(request))) : state.fetch;
  const raw: OssClient = generated("aliyun-oss", () => createClient({ baseUrl: endpoint ?? `https://oss-${region}.aliyuncs.com`, fetch: rawFetch }));
  if (endpoint) {
    // OSS's service hosts (oss-{region}[-internal].aliyuncs.com, oss-accelerate…, {region}.oss.aliyuncs.com for
    // dual-stack; not the legacy {bucket}.oss.aliyuncs.com) and a bucket's domain on them (the console's "bucket
    // domain name"): a bucket prefixed to a bucket's domain names a host no certificate covers; cname: true on a
    // service host names no bucket.
    const url = new URL(endpoint);
    // Dual-stack hosts start with a region id (cn-hangzhou, ap-southeast-1: a known area prefix), which tells them
    // from a legacy bucket domain such as my-bucket.oss.aliyuncs.com.
    const service = /^(oss-[^.]+|(cn|ap|us|eu|me|na|sa|af|rg)-[a-z0-9]+(-[a-z0-9]+)*\.oss)\.aliyuncs\.com$/i;
    const parent = url.hostname.slice(url.hostname.indexOf(".") + 1);
    if (addressing === "cname" && service.test(url.hostname)) {
      throw configError("aliyun-oss", `cname: true needs the bucket's own domain as endpoint; ${url.hostname} is an OSS service endpoint (leave cname out: the bucket is then addressed as {bucket}.${url.hostname})`);
    }
    if (addressing !== "cname" && service.test(parent)) {
      throw configError("aliyun-oss", `endpoint ${url.hostname} is a bucket's domain: pass ${url.protocol}//${parent} and name the bucket in each call, or cname: true to reach only that bucket through it`);
    }
  }
  const signer = (bucket?: string) => {
    // A CNAME host does not name the bucket: the signer is told it (per call); other styles carry it in the URL.
    const common = { credentials, addressing: addressing === "path" ? ("path" as const) : ("virtual-hosted" as const), clock: state.clock.now, ...(bucket !== undefined ? { bucket } : {}) };
    return version === "v4" ? ossV4Signer({ ...common, region }) : ossV1Signer(common);
  };
  // With cname the calls sign with a per-call middleware (the bucket), so `raw` carries no signer of its own.
  if (addressing !== "cname") raw.use(signer());

  return {
    provider: "aliyun-oss",
    raw,
    async getBucketAcl(bucket: string, call?: CallOptions) {
      const name = checkOssBucket(bucket);
      // Virtual-hosted: https://{bucket}.{endpoint host or oss-{region}.aliyuncs.com}/?acl; path-style:
      // {endpoint or https://oss-{region}.aliyuncs.com}/{bucket}/?acl; cname: {endpoint}/?acl.
      const service = endpoint ?? `https://oss-${region}.aliyuncs.com`;
      const baseUrl = addressing === "cname" ? service : addressing === "path" ? `${service}/${name}` : virtualHostedBase(service, name);
      const middleware = addressing === "cname" ? [signer(name)] : undefined;
      return execute(
        callContext(state, call),
        async (signal) => {
          // The XML middleware rejects a body it cannot parse before openapi-fetch returns the response;
          // keep the response (per attempt) so that error still carries its status and request id.
          let received: Response | undefined;
          const send = state.send(signal);
          const fetch = async (request: Request) => (received = await send(request));
          try {
            return await raw.GET("/", { baseUrl, parseAs: "text", fetch, ...(middleware ? { middleware } : {}) });
          } catch (err) {
            // After the response arrived, anything but a transport failure (connection lost mid-body, abort,
            // the size cap) means the XML reader could not read the body: XmlBodyError, or a RangeError from
            // a pathological document.
            // A body the transport could not read as HTTP (Bun's fetch fails the read with the code on the error) is
            // the transport's fault too.
            if (received === undefined || signal.aborted || err instanceof UnreadableBodyError || networkErrorCode(err) !== false || lastingTransportFault?.(err)) throw err;
            const what = (err as Error | undefined)?.name === "XmlBodyError" ? (err as Error).message : `unreadable XML (${(err as Error | undefined)?.name ?? "error"})`;
            // 2xx: MalformedResponse; otherwise the status decides the kind (a 503 stays retryable).
            throw received.ok ? malformed(ossErrors, received, what, err) : errorFromResponse(ossErrors, received, "unreadable XML", state.clock.now());
          }
        },
        ({ response, data }) => {
          let body: unknown;
          try {
            body = typeof data === "string" && data.trim() !== "" ? JSON.parse(data) : undefined;
          } catch {
            // Not the parser's error as cause: its message quotes a cut piece of the body (see parseJsonBody).
            throw malformed(ossErrors, response, "body is neither XML nor JSON");
          }
          // The package's XML reader names the root it unwrapped; anything else (JSON, HTML, another root) is not an ACL.
          const root = response.headers.get(XML_ROOT_HEADER);
          if (root !== "AccessControlPolicy") {
            // An empty body's content type is the XML middleware's (it reads XML bodies into JSON), not the server's.
            const got = body === undefined ? "an empty body" : (response.headers.get("content-type") ?? "no content type");
            throw malformed(ossErrors, response, root ? `expected <AccessControlPolicy>, got <${root}>` : `expected an XML body, got ${got}`);
          }
          try {
            return normalizeReporting(state, (onDrop) => normalizeOssAcl(body as AccessControlPolicy, name, onDrop), () => name);
          } catch (err) {
            throw malformed(ossErrors, response, (err as Error).message, err);
          }
        },
      );
    },
  };
}

/** `bucketry/aliyun-oss`: an OSS client, as `createBucketClient({ provider: "aliyun-oss", … })` makes it. */
export const createBucketClient = entryFunction("aliyun-oss", createOssBucketClient, ["region", "credentials", "signatureVersion", "addressing", "cname"]);

export const providerModule: ProviderModule<"aliyun-oss", AliyunOssOptions, AliyunOssClient> = {
  id: "aliyun-oss",
  vendor: "Alibaba Cloud OSS",
  operation: "getBucketAcl",
  operations: ["GetBucketAcl"],
  auth: ["OSS4-HMAC-SHA256", "OSS V1 (--signature-version v1)"],
  requiredOptions: ["region"],
  env,
  errors: ossErrors,
  create: createOssBucketClient,
  cli: {
    label: "OSS",
    region: "cn-hangzhou",
    signatureVersions: ["v4", "v1"],
    required: ["--region"],
    env: ["ACCESS_KEY_ID", "ACCESS_KEY_SECRET", "SECURITY_TOKEN", "ADDRESSING", "CNAME"],
    examples: ["bucketry get-acl --provider aliyun-oss --region cn-hangzhou --bucket examplebucket"],
    profileExample: { accessKeyId: "LTAI…", accessKeySecret: "…", region: "cn-hangzhou" },
    profileFields: ["accessKeyId", "accessKeySecret", "securityToken"],
    flags: /* @__PURE__ */ addressingCliFlags("virtual-hosted, but path-style on an IP-address or localhost endpoint"),
    options: (ctx) => ({ ...accessKeyCliOptions({ ...ctx, provider: "aliyun-oss" }, "required"), ...addressingCliOptions(ctx) }) as AliyunOssOptions,
    credentialChain: ["environment", "oidc-role", "cli-profile (~/.aliyun/config.json)", "credentials-file (~/.alibabacloud/credentials)", "ecs-ram-role (100.100.100.200)", "credentials-uri"],
    describeCredentials: async (options, environment) => (await describeAccessKeys("aliyun-oss", accessKeys, trimmedKeys(options.credentials), environment)).description,
    mockEnv: (mock) => accessKeyMockEnv(env, mock),
  },
  docs: { record: "AccessControlPolicy", fields: ossAclFields, sample: { options: { region: "cn-hangzhou" }, argument: "examplebucket" } },
};

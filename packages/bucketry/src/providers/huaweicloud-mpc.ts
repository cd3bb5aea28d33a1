// Huawei Cloud MPC: GET /v1/{project_id}/buckets — one page holding all of a region's buckets.
import { createClient, type MpcClient, type ObsBucket } from "@bucketry/huaweicloud-mpc";
import type { AccessKeyCredentials, CredentialSource } from "@bucketry/signing";
import { huaweiTokenAuth, sdkHmacSha256Signer } from "@bucketry/signing/huawei-sdk-hmac";
import { huaweiDefaultChain, projectIdLookup } from "#credential-defaults";
import { accessKeySource, assertToken, defaultEnv, credentialsError, describeAccessKeys, type AccessKeyFacts, type Env, type EnvNames } from "../credentials.js";
import { optionalSetting } from "../credentials/env.js";
import { compareSigned, errorShaped, foreignWithoutResult, isObject, malformed, parseJsonBody, str, xmlErrorFields, type ErrorProfile } from "../http.js";
import type { Bucket } from "../model.js";
import type { BucketPage, CommonOptions, ListBucketsOptions, ListingClient, PageOptions } from "../options.js";
import { eachPage, namePrefix } from "../pagination.js";
import { accessKeyCliOptions, accessKeyMockEnv, entryFunction, firstNonBlank, type ProviderModule } from "../provider.js";
import { execute } from "../runtime.js";
import { applyTable, compactUtcDate, text, type DroppedField, type FieldTable } from "./mapping.js";
import { callContext, generated, checkEndpoint, clientState, configError, quoted, normalizeReporting, requireString, type ClientState } from "./common.js";

/**
 * Options of an MPC client: `region`, or an `endpoint` (then the region is optional), as the README's provider
 * table says; the type refuses neither.
 */
export type HuaweiMpcOptions = HuaweiMpcBaseOptions & ({ region: string } | { endpoint: string });

/** What every MPC client accepts; {@link HuaweiMpcOptions} adds that `region` or `endpoint` is given. */
export interface HuaweiMpcBaseOptions extends CommonOptions {
  provider: "huaweicloud-mpc";
  /**
   * Region id such as `cn-north-4`: picks the endpoint (`mpc.{region}.myhuaweicloud.com`) and the IAM region
   * a missing project id is looked up in. Not needed with `endpoint` (AK/SK signing and token auth do not use
   * it); then the region is read from an `mpc.{region}` / `mts.{region}` host where it can be, and the
   * buckets carry no `region` otherwise.
   */
  region?: string | undefined;
  /**
   * Project id of that region (sent in the path and, with AK/SK, as X-Project-Id). Omitted:
   * HUAWEICLOUD_SDK_PROJECT_ID, the project id of the credentials' profile, else (Node, AK/SK) looked up
   * from IAM by region once per client (GET /v3/projects?name={region}), as the Huawei SDKs do.
   */
  projectId?: string | undefined;
  /** AK/SK (SDK-HMAC-SHA256), or `{ token }` for IAM token auth. Omitted: Huawei's default chain (environment, ~/.huaweicloud/credentials, ECS metadata). */
  credentials?: CredentialSource<AccessKeyCredentials> | { token: string } | undefined;
}

/** An MPC client: `listBuckets` and `listBucketsPage` (MPC answers with one page, so no `pageSize`). */
export type HuaweiMpcClient = ListingClient<"huaweicloud-mpc", Omit<ListBucketsOptions, "pageSize">>;

declare module "../model.js" {
  interface RawBucketRecords {
    "huaweicloud-mpc": ObsBucket;
  }
}
declare module "../options.js" {
  interface RawClients {
    "huaweicloud-mpc": MpcClient;
  }
}

/** The variables the Huawei Cloud SDKs read. */
const env: EnvNames = {
  accessKeyId: "HUAWEICLOUD_SDK_AK",
  accessKeySecret: "HUAWEICLOUD_SDK_SK",
  securityToken: "HUAWEICLOUD_SDK_SECURITY_TOKEN",
  projectId: "HUAWEICLOUD_SDK_PROJECT_ID",
  iamEndpoint: "HUAWEICLOUD_SDK_IAM_ENDPOINT",
};

/**
 * Where keys come from when none are passed; APIGW.0307 (token must be updated) makes a call refresh them once, and
 * so does APIG.0307, the same code from gateways that use the APIG prefix (see `kindOf` below).
 */
const accessKeys: AccessKeyFacts = { env, expiredCodes: ["APIGW.0307", "APIG.0307"], chain: huaweiDefaultChain };

/**
 * MPC error codes → kinds (retryable follows the kind). The API Gateway's codes from Huawei Cloud's table,
 * https://support.huaweicloud.com/intl/en-us/devg-apisign/api-sign-errorcode.html (IAM token errors are
 * APIGW.0301 "decrypt token fail" and APIGW.0307 "The token must be updated"); MPC's own code from the
 * ListAllBuckets page; OBS codes MPC relays as XML. APIGW.0201 is left to the status: the gateway sends it with
 * 400/413/414 (bad request) and 502/504 (backend unavailable).
 */
export const mpcErrors: ErrorProfile = {
  provider: "huaweicloud-mpc",
  compareSigned, // signed requests: a SignatureMismatch error carries what was signed
  requestIdHeaders: ["x-request-id"],
  codeKinds: {
    "MPC.10208": "AccessDenied", // "Failed to verify the tenant ID." (the page's 403 example)
    "APIGW.0101": "NotFound", // API not found / not published
    "APIGW.0301": "InvalidCredentials", // incorrect IAM authentication information (AK/SK signature, token)
    "APIGW.0302": "AccessDenied", // the IAM user is not authorized to access the API
    "APIGW.0303": "ClockSkew", // X-Sdk-Date outside the gateway's 15-minute window
    "APIGW.0304": "AccessDenied", // the app is not authorized to access the API
    "APIGW.0305": "InvalidCredentials", // incorrect authentication information
    "APIGW.0306": "AccessDenied", // API access denied
    "APIGW.0307": "InvalidCredentials", // the token must be updated (expired)
    "APIGW.0308": "Throttled", // throttling threshold reached
    "APIGW.0310": "AccessDenied", // the project is unavailable
    "APIGW.0613": "Unavailable", // IAM is unavailable
    // OBS errors relayed as XML (MPC proxies the listing to OBS: huaweicloud/huaweicloud-sdk-python-v3#23).
    AccessDenied: "AccessDenied",
    NoSuchBucket: "NoSuchBucket",
    RequestTimeTooSkewed: "ClockSkew",
    SignatureDoesNotMatch: "SignatureMismatch",
    InvalidAccessKeyId: "InvalidCredentials",
  },
  // APIGW.0301 covers an unknown key, a bad token and a signature that does not verify; the last says so in its
  // message ("verify aksk signature fail"), and is what the other vendors call a signature mismatch (a wrong secret
  // included): the error then carries what bucketry signed.
  // Newer Huawei gateways send the same codes as APIG.xxxx (Huawei's OCR and APIG FAQs: "APIG.0301 … verify aksk
  // signature fail", "APIG.0308 … throttling threshold"): read them as their APIGW twins.
  kindOf: ({ code, message }, _, twin = code?.replace("APIG.", "APIGW.")) =>
    twin === "APIGW.0301" && /verify aksk signature fail/i.test(message ?? "") ? "SignatureMismatch" : twin !== code ? mpcErrors.codeKinds[twin!] : undefined,
  readError(body) {
    if (isObject(body)) {
      // MPC {error_code, error_msg}; API Gateway adds request_id; some Huawei services nest {error: {code, message}}.
      // The nested form first, each field on its own, as the SDK's ExceptionUtil.generalException reads them.
      const nested = isObject(body.error) ? body.error : undefined;
      // An IAM policy's denial carries its reason encoded (IAM's DecodeAuthorizationMessage reads it).
      const encoded = str(nested?.encoded_authorization_message ?? body.encoded_authorization_message);
      return {
        code: str(nested?.code ?? body.error_code),
        message: str(nested?.message ?? body.error_msg),
        requestId: str(body.request_id),
        ...(encoded ? { accessDeniedDetail: { encodedAuthorizationMessage: encoded } } : {}),
      };
    }
    // An OBS-style XML error passed through.
    return xmlErrorFields(body) ?? {};
  },
};

/** ObsBucket → Bucket (region: the client's region; MPC lists one region's buckets). */
export const mpcBucketFields = {
  name: { from: "bucket", required: true, via: text },
  createdAt: { from: "creation_date", via: compactUtcDate },
} satisfies FieldTable<ObsBucket>;

/** ObsBucket → Bucket; an optional field that cannot be read is left out and handed to `onDrop`. */
export function normalizeMpcBucket(raw: ObsBucket, region?: string, onDrop?: (dropped: DroppedField) => void): Bucket<"huaweicloud-mpc"> {
  return { provider: "huaweicloud-mpc", ...(applyTable(raw, mpcBucketFields, onDrop) as { name: string }), ...(region !== undefined ? { region } : {}), raw };
}

/** The region of an official MPC host (`mpc.cn-north-4.myhuaweicloud.com`, legacy `mts.cn-north-1…`), else undefined. */
function mpcRegionOfEndpoint(endpoint: string): string | undefined {
  return /^(?:mpc|mts)\.([a-z]{2,}(?:-[a-z0-9]+)+)\.myhuaweicloud\.(?:com|eu|cn)$/.exec(new URL(endpoint).hostname)?.[1];
}

export function createMpcBucketClient(options: HuaweiMpcOptions): HuaweiMpcClient {
  const endpoint = options.endpoint !== undefined ? checkEndpoint("huaweicloud-mpc", options.endpoint, /^(mpc|mts)\.[\w-]+\.myhuaweicloud\.(com|eu|cn)$/i) : undefined;
  // With an endpoint the region is optional: the signature and the token do not carry it.
  const region =
    endpoint === undefined || options.region !== undefined
      ? requireString("huaweicloud-mpc", "region", options.region, 'region: "cn-north-4" (or an endpoint)')
      : mpcRegionOfEndpoint(endpoint);
  // An official host names its region: another `region` would look the project id up there and label every
  // bucket with it.
  const endpointRegion = endpoint !== undefined && options.region !== undefined ? mpcRegionOfEndpoint(endpoint) : undefined;
  if (endpointRegion !== undefined && endpointRegion !== region) {
    throw configError("huaweicloud-mpc", `region ${quoted(region)} contradicts endpoint ${new URL(endpoint!).host} (region ${endpointRegion}): leave region out, or make them agree`);
  }
  // Left out (JavaScript callers, or on purpose): HUAWEICLOUD_SDK_PROJECT_ID, else the project id the
  // credential source carries, else IAM's answer for the region (as the SDKs' BasicCredentials does).
  // The environment is read only without the option: a runtime may refuse env access (Deno without --allow-env).
  // A blank option is no project id: the variable is read then, as without the option.
  const option = typeof options.projectId === "string" && options.projectId.trim() === "" ? undefined : options.projectId;
  // Optional (IAM supplies it otherwise): a variable the runtime refuses to read counts as unset, as the security
  // token does, so Deno's --allow-env may list only the key pair, or nothing with `credentials` passed.
  const given = option ?? optionalSetting(defaultEnv(), env.projectId!);
  const fixedProjectId = given === undefined || (typeof given === "string" && given.trim() === "") ? undefined : requireString("huaweicloud-mpc", "projectId", given, `projectId: "<32-character id>" (or set ${env.projectId})`);
  if (fixedProjectId !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(fixedProjectId)) {
    throw configError("huaweicloud-mpc", `projectId${option === undefined ? ` (from ${env.projectId})` : ""} must be the 32-character project id (letters, digits)`);
  }
  const state = clientState(mpcErrors, options);
  const raw: MpcClient = generated("huaweicloud-mpc", () => createClient({
    ...(endpoint ? { baseUrl: endpoint } : { region: region! }),
    fetch: state.fetch,
  }));
  const creds = options.credentials;
  let resolveProjectId: () => Promise<string>;
  if (creds && typeof creds === "object" && "token" in creds) {
    state.secrets.add(creds.token);
    assertToken("huaweicloud-mpc", creds.token);
    if (fixedProjectId === undefined) throw configError("huaweicloud-mpc", `\`projectId\` is required with token credentials (or set ${env.projectId})`);
    resolveProjectId = () => Promise.resolve(fixedProjectId);
    raw.use(huaweiTokenAuth({ token: creds.token }));
  } else {
    const credentials = accessKeySource("huaweicloud-mpc", accessKeys, creds as CredentialSource | undefined, undefined, (...v) => state.secrets.add(...v), state);
    let lookedUp: Promise<string> | undefined;
    resolveProjectId = fixedProjectId !== undefined ? () => Promise.resolve(fixedProjectId) : () => (lookedUp ??= lookUpProjectId(credentials, region, endpoint, state).catch((err: unknown) => {
      lookedUp = undefined;
      throw err;
    }));
    // A looked-up id reaches the signer as the X-Project-Id header (signed like every x-* header).
    if (fixedProjectId === undefined) raw.use({ onRequest: async ({ request }) => (request.headers.set("X-Project-Id", await resolveProjectId()), request) });
    raw.use(sdkHmacSha256Signer({ credentials, projectId: fixedProjectId, clock: state.clock.now }));
  }

  async function listBucketsPage(opts?: ListBucketsOptions & PageOptions): Promise<BucketPage<"huaweicloud-mpc">> {
    if (opts?.cursor !== undefined) return { buckets: [] }; // MPC answers with one page: nothing follows it.
    if (opts?.pageSize !== undefined) throw configError("huaweicloud-mpc", "MPC returns all buckets in one response; pageSize is not supported");
    return execute(
      callContext(state, opts),
      async (signal) => raw.GET("/v1/{project_id}/buckets", { params: { path: { project_id: await resolveProjectId() } }, parseAs: "text", fetch: state.send(signal) }),
      ({ response, data }) => {
        const body = parseJsonBody(mpcErrors, response, data);
        try {
          // `buckets` left out (the SDKs declare it omitempty) is no buckets, unless the body is the vendor's
          // error; anything else that is not a list is malformed.
          if (!isObject(body)) throw new TypeError("body is not a JSON object");
          const error = errorShaped(mpcErrors, body, "buckets") ?? foreignWithoutResult(body, "buckets", ["request_id"]);
          if (error) throw new TypeError(error);
          if (body.buckets !== undefined && !Array.isArray(body.buckets)) throw new TypeError("buckets is not an array");
          const buckets = ((body.buckets ?? []) as ObsBucket[]).map((b) => normalizeReporting(state, (onDrop) => normalizeMpcBucket(b, region, onDrop), (n) => n.name));
          const keep = namePrefix<Bucket<"huaweicloud-mpc">>(opts?.prefix);
          return { buckets: keep ? buckets.filter(keep) : buckets };
        } catch (err) {
          throw malformed(mpcErrors, response, (err as Error).message, err, body);
        }
      },
    );
  }

  return {
    provider: "huaweicloud-mpc",
    raw,
    listBucketsPage,
    listBuckets: (opts) => eachPage("huaweicloud-mpc", (cursor) => listBucketsPage({ ...opts, cursor }), opts?.signal),
  };
}

/**
 * Why the project id cannot be looked up from Huawei's public IAM for a client of `endpoint`, if it cannot:
 * an endpoint that is not Huawei's (a mock, a proxy, a private cloud) and no IAM endpoint named with the keys.
 * The lookup is a signed request: it must not go to a host the caller never configured.
 */
function iamRefused(endpoint: string | undefined, iamEndpoint: string | undefined): string | undefined {
  if (endpoint === undefined || iamEndpoint) return undefined;
  let host: string;
  try {
    host = new URL(endpoint).hostname;
  } catch {
    return undefined; // the endpoint check reports it
  }
  // Huawei Cloud Europe (myhuaweicloud.eu) is Huawei's too: its IAM is the region's own (huaweiIamEndpoint).
  if (/(^|\.)myhuaweicloud\.(com|eu)$/.test(host)) return undefined;
  return `\`projectId\` is required with the endpoint ${host}, which is not Huawei Cloud's: your keys are not sent to Huawei's public IAM to look it up (pass projectId, set ${env.projectId}, or name an IAM endpoint: ${env.iamEndpoint})`;
}

/**
 * The IAM endpoint of the project-id lookup: the one the keys carry (their profile's iam_endpoint, the
 * environment's with keys from the environment), else HUAWEICLOUD_SDK_IAM_ENDPOINT whatever the keys came from —
 * as the Go SDK picks it (selectIamEndpoint, then GetIamEndpointById): a private cloud or a network without the
 * public IAM sets the variable once, for keys from the profile file or the ECS metadata too.
 */
function lookupIamEndpoint(keys: { iamEndpoint?: string | undefined }, environment: Env = defaultEnv()): string | undefined {
  try {
    return keys.iamEndpoint || environment[env.iamEndpoint!]?.trim() || undefined;
  } catch {
    return undefined; // a runtime that refuses this variable (Deno's --allow-env list): not set
  }
}

/** The project id the credentials carry, else IAM's (Node only: elsewhere `projectId` is required). */
async function lookUpProjectId(credentials: CredentialSource, region: string | undefined, endpoint: string | undefined, state: ClientState): Promise<string> {
  const c = (typeof credentials === "function" ? await credentials() : credentials) as AccessKeyCredentials & { projectId?: string; iamEndpoint?: string };
  if (c.projectId) return c.projectId;
  // The lookup is Node's (Deno's, Bun's): in a browser or a Worker there is neither it nor an environment to set.
  const lookup = projectIdLookup as typeof projectIdLookup | undefined;
  if (!lookup) throw configError("huaweicloud-mpc", "`projectId` is required on this platform: the project id is looked up from IAM on Node, Deno and Bun only (pass projectId)");
  // IAM looks the project up by region name: without one (a custom endpoint) the id must be given.
  if (region === undefined) throw configError("huaweicloud-mpc", `\`projectId\` is required when no region is given (or set ${env.projectId}, or pass region)`);
  const iamEndpoint = lookupIamEndpoint(c);
  const refused = iamRefused(endpoint, iamEndpoint);
  if (refused) throw configError("huaweicloud-mpc", refused);
  // The lookup (Node only) reports its failures as credential errors itself.
  return lookup({ credentials: { ...c, source: "client" }, region, iamEndpoint, fetch: state.fetch, clock: state.clock.now });
}

/** `bucketry/huaweicloud-mpc`: an MPC client, as `createBucketClient({ provider: "huaweicloud-mpc", … })` makes it. */
export const createBucketClient = entryFunction("huaweicloud-mpc", createMpcBucketClient, ["region", "projectId", "credentials"]);

export const providerModule: ProviderModule<"huaweicloud-mpc", HuaweiMpcOptions, HuaweiMpcClient> = {
  id: "huaweicloud-mpc",
  vendor: "Huawei Cloud MPC",
  operation: "listBuckets",
  operations: ["GET /v1/{project_id}/buckets"],
  auth: ["SDK-HMAC-SHA256", "X-Auth-Token (profile token)"],
  requiredOptions: [],
  env,
  errors: mpcErrors,
  create: createMpcBucketClient,
  cli: {
    label: "MPC",
    region: "cn-north-4",
    signatureVersions: [],
    signRefuses(request) {
      // The project id lookup, made when neither the options nor the credentials' source gave one.
      return new URL(request.url).pathname.endsWith("/v3/projects")
        ? `huaweicloud-mpc needs --project-id (or ${env.projectId}, or project_id in the credentials file) here: without it the client first looks the project id up with a signed IAM request, and sign sends nothing`
        : undefined;
    },
    required: ["--region (or --endpoint)"],
    flags: { "project-id": { placeholder: "ID", help: "project id (or HUAWEICLOUD_SDK_PROJECT_ID; else looked up from IAM)" } },
    env: ["PROJECT_ID", "ACCESS_KEY_ID", "ACCESS_KEY_SECRET", "SECURITY_TOKEN"],
    examples: ["bucketry list-buckets --provider huaweicloud-mpc --region cn-north-4 --project-id 0a1b… --json"],
    profileExample: { accessKeyId: "…", accessKeySecret: "…", region: "cn-north-4", projectId: "…" },
    profileFields: ["accessKeyId", "accessKeySecret", "securityToken", "projectId", "token"],
    profileKeys: 'Huawei "token" (IAM X-Auth-Token)',
    options(ctx) {
      const projectId = firstNonBlank(ctx.flags["project-id"], ctx.entry.projectId, ctx.env[`${ctx.prefix}_PROJECT_ID`], ctx.env[env.projectId!]);
      const token = firstNonBlank(ctx.entry.token);
      // Both would leave one unused without a word (the keys were used): the entry must say which.
      if (token && ctx.accessKey) return ctx.usage(`huaweicloud-mpc takes an IAM "token" or an access key pair, not both: remove one from the profile entry (or unset ${ctx.prefix}_ACCESS_KEY_ID and ${ctx.prefix}_ACCESS_KEY_SECRET)`);
      // No project id: the facade looks it up from IAM by region (AK/SK); a token needs one.
      if (!projectId && token) return ctx.usage(`huaweicloud-mpc with a token needs --project-id (or ${env.projectId}, or "projectId" in the profile)`);
      // An endpoint needs no region (neither AK/SK signing nor a token uses it).
      const base = accessKeyCliOptions({ ...ctx, provider: "huaweicloud-mpc" }, ctx.endpoint ? "optional" : "required");
      return { ...base, ...(projectId ? { projectId } : {}), ...(token ? { credentials: { token } } : {}) } as HuaweiMpcOptions;
    },
    credentialChain: ["environment", "profile-file (~/.huaweicloud/credentials)", "ecs-metadata (169.254.169.254)"],
    async describeCredentials(options, environment) {
      const { description, keys } = await describeAccessKeys("huaweicloud-mpc", accessKeys, options.credentials, environment);
      if (!keys) return options.projectId ? { ...description, projectId: options.projectId } : description;
      const projectId = options.projectId ?? environment[env.projectId!]?.trim() ?? keys.projectId;
      if (projectId) return { ...description, projectId };
      const lookup = projectIdLookup as typeof projectIdLookup | undefined;
      if (!options.region || !lookup) return description;
      const iamEndpoint = lookupIamEndpoint(keys, environment);
      const refused = iamRefused(options.endpoint, iamEndpoint);
      if (refused) throw configError("huaweicloud-mpc", refused);
      try {
        return { ...description, projectId: await lookup({ credentials: { ...keys, source: description.source }, region: options.region, iamEndpoint }) };
      } catch (err) {
        throw credentialsError("huaweicloud-mpc", err);
      }
    },
    mockEnv: (mock) => [...(mock.options.projectId ? [{ vendor: env.projectId, cli: "PROJECT_ID", value: mock.options.projectId }] : []), ...accessKeyMockEnv(env, mock)],
  },
  docs: { record: "ObsBucket", fields: mpcBucketFields, sample: { options: { region: "cn-north-4", projectId: "0123456789abcdef0123456789abcdef" } } },
};

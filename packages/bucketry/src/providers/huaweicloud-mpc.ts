// Huawei Cloud MPC: GET /v1/{project_id}/buckets — one page holding all of a region's buckets.
import { createClient, type MpcClient, type ObsBucket } from "@bucketry/huaweicloud-mpc";
import { accessKeySource, assertToken, credentialsError, ENV } from "../credentials.js";
import { projectIdLookup } from "#credential-defaults";
import { isObject, malformed, parseJsonBody, str, type ErrorProfile } from "../http.js";
import type { Bucket } from "../model.js";
import type { BucketPage, HuaweiMpcOptions, ListBucketsOptions, ListingClient, PageOptions } from "../options.js";
import { execute } from "../runtime.js";
import { huaweiTokenAuth, sdkHmacSha256Signer } from "@bucketry/signing/huawei-sdk-hmac";
import type { AccessKeyCredentials, CredentialSource } from "@bucketry/signing";
import { applyTable, compactUtcDate, text, type FieldTable } from "./mapping.js";
import { callContext, generated, checkEndpoint, clientState, configError, requireString, type ClientState } from "./common.js";

export const mpcErrors: ErrorProfile = {
  provider: "huaweicloud-mpc",
  requestIdHeaders: ["x-request-id"],
  codeKinds: {
    "MPC.10208": "AccessDenied", // "Failed to verify the tenant ID." (the page's 403 example)
    "APIGW.0301": "InvalidCredentials", // IAM authentication information incorrect
    "APIGW.0303": "ClockSkew", // X-Sdk-Date outside the gateway's 15-minute window
    "APIGW.0308": "Throttled", // throttling threshold reached
    "APIGW.0101": "NotFound", // API not found / not published
    "APIGW.0201": "InvalidArgument", // malformed request
    // OBS errors relayed as XML (vendor-notes: MPC proxies the listing to OBS).
    AccessDenied: "AccessDenied",
    NoSuchBucket: "NoSuchBucket",
    RequestTimeTooSkewed: "ClockSkew",
    SignatureDoesNotMatch: "SignatureMismatch",
    InvalidAccessKeyId: "InvalidCredentials",
  },
  readError(body) {
    if (isObject(body)) {
      // MPC {error_code, error_msg}; API Gateway adds request_id; some Huawei services nest {error: {code, message}}.
      const nested = isObject(body.error) ? body.error : undefined;
      return {
        code: str(body.error_code ?? nested?.code),
        message: str(body.error_msg ?? nested?.message),
        requestId: str(body.request_id),
      };
    }
    if (typeof body === "string" && body.includes("<Error>")) {
      // OBS-style XML error passed through: read the few fields a program acts on.
      const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1];
      return { code: tag("Code"), message: tag("Message"), requestId: tag("RequestId") };
    }
    return {};
  },
};

/** ObsBucket → Bucket (region: the client's region; MPC lists one region's buckets). */
export const mpcBucketFields = {
  name: { from: "bucket", required: true, via: text },
  createdAt: { from: "creation_date", via: compactUtcDate },
} satisfies FieldTable;

export function normalizeMpcBucket(raw: ObsBucket, region: string): Bucket<"huaweicloud-mpc"> {
  return { provider: "huaweicloud-mpc", ...(applyTable(raw, mpcBucketFields) as { name: string }), region, raw };
}

export function createMpcBucketClient(options: HuaweiMpcOptions): ListingClient<"huaweicloud-mpc", ListBucketsOptions> {
  const region = requireString("huaweicloud-mpc", "region", options.region, 'region: "cn-north-4"');
  // Left out (JavaScript callers, or on purpose): HUAWEICLOUD_SDK_PROJECT_ID, else the project id the
  // credential source carries, else IAM's answer for the region (as the SDKs' BasicCredentials does).
  const envProject = typeof process !== "undefined" ? process.env?.[ENV["huaweicloud-mpc"].projectId!] : undefined;
  const given = options.projectId ?? envProject;
  const fixedProjectId = given === undefined || given.trim() === "" ? undefined : requireString("huaweicloud-mpc", "projectId", given, `projectId: "<32-character id>" (or set ${ENV["huaweicloud-mpc"].projectId})`);
  if (fixedProjectId !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(fixedProjectId)) throw configError("huaweicloud-mpc", "projectId must be the 32-character project id (letters, digits)");
  const state = clientState(mpcErrors, options);
  const raw: MpcClient = generated("huaweicloud-mpc", () => createClient({
    ...(options.endpoint ? { baseUrl: checkEndpoint("huaweicloud-mpc", options.endpoint) } : { region }),
    fetch: state.fetch,
  }));
  const creds = options.credentials;
  let resolveProjectId: () => Promise<string>;
  if (creds && typeof creds === "object" && "token" in creds) {
    state.secrets.add(creds.token);
    assertToken("huaweicloud-mpc", creds.token);
    if (fixedProjectId === undefined) throw configError("huaweicloud-mpc", `\`projectId\` is required with token credentials (or set ${ENV["huaweicloud-mpc"].projectId})`);
    resolveProjectId = () => Promise.resolve(fixedProjectId);
    raw.use(huaweiTokenAuth({ token: creds.token }));
  } else {
    const credentials = accessKeySource("huaweicloud-mpc", creds as CredentialSource | undefined, undefined, (...v) => state.secrets.add(...v), state);
    let lookedUp: Promise<string> | undefined;
    resolveProjectId = fixedProjectId !== undefined ? () => Promise.resolve(fixedProjectId) : () => (lookedUp ??= lookUpProjectId(credentials, region, state).catch((err: unknown) => {
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
      async (signal) => raw.GET("/v1/{project_id}/buckets", { params: { path: { project_id: await resolveProjectId() } }, parseAs: "text", signal, fetch: state.send(signal) }),
      ({ response, data }) => {
        const body = parseJsonBody(mpcErrors, response, data);
        try {
          if (!isObject(body) || !Array.isArray(body.buckets)) throw new TypeError("buckets is not an array");
          const buckets = (body.buckets as ObsBucket[]).map((b) => normalizeMpcBucket(b, region));
          return { buckets: opts?.prefix ? buckets.filter((b) => b.name.startsWith(opts.prefix!)) : buckets };
        } catch (err) {
          throw malformed(mpcErrors, response, (err as Error).message, err);
        }
      },
    );
  }

  return {
    provider: "huaweicloud-mpc",
    raw,
    listBucketsPage,
    async *listBuckets(opts) {
      yield* (await listBucketsPage(opts)).buckets;
    },
  };
}

/** The project id the credentials carry, else IAM's (Node only: elsewhere `projectId` is required). */
async function lookUpProjectId(credentials: CredentialSource, region: string, state: ClientState): Promise<string> {
  const c = (typeof credentials === "function" ? await credentials() : credentials) as AccessKeyCredentials & { projectId?: string; iamEndpoint?: string };
  if (c.projectId) return c.projectId;
  const lookup = projectIdLookup as typeof projectIdLookup | undefined;
  if (!lookup) throw configError("huaweicloud-mpc", `\`projectId\` is required (or set ${ENV["huaweicloud-mpc"].projectId})`);
  try {
    return await lookup({ credentials: { ...c, source: "client" }, region, fetch: state.fetch, clock: state.clock.now });
  } catch (err) {
    throw credentialsError("huaweicloud-mpc", err);
  }
}

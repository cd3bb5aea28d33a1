// The project id of a region, looked up from IAM when none is given (BasicCredentials.processAuthParams in the
// Huawei Cloud SDKs), cached per access key, region and endpoint. One lookup at a time per key (calls at once share
// it); a failed one is returned as it is for a while before IAM is asked again (the credential sources' backoff:
// 1 s, doubling with each failure in a row up to 30 s), so an IAM that refuses or is down is not asked by every call.
import { signSdkHmacSha256 } from "@bucketry/signing/huawei-sdk-hmac";
import { SecretSet } from "../secrets.js";
import { HUAWEI_ENV, type HuaweiCredentials } from "./huawei-chain.js";
import { jsonBody, send, str, withoutUserInfo } from "./request.js";
import { FAILURE_BACKOFF_MS } from "./refreshing-cache.js";
import { notConfigured, sourceFailed, statusTransient } from "./types.js";

const IAM_TIMEOUT_MS = 15_000;

const REGIONAL_IAM = new Set([
  "cn-north-1", "cn-north-2", "cn-north-4", "cn-north-9", "cn-east-2", "cn-east-3", "cn-east-4", "cn-east-5", "cn-south-1", "cn-south-2",
  "cn-southwest-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "af-south-1", "sa-brazil-1", "la-south-2",
  "na-mexico-1", "la-north-2", "eu-west-0", "my-kualalumpur-1", "ru-moscow-1", "me-east-1", "ae-ad-1", "tr-west-1",
]);

/** The IAM endpoint the Go SDK picks for `region` (a regional one where it has it, else the global one). */
export function huaweiIamEndpoint(region: string): string {
  // Huawei Cloud Europe is a separate cloud under myhuaweicloud.eu: the global IAM does not know its accounts
  // (the SDKs' IamRegion tables: eu-west-101 → iam.eu-west-101.myhuaweicloud.eu).
  if (region === "eu-west-101") return `https://iam.${region}.myhuaweicloud.eu`;
  return REGIONAL_IAM.has(region) ? `https://iam.${region}.myhuaweicloud.com` : "https://iam.myhuaweicloud.com";
}

/** `{endpoint}/v3/projects`, or a Configuration error naming where the endpoint is set (a bare host is common). */
function iamUrl(endpoint: string, region: string): URL {
  // User info has no place in an IAM endpoint; with a "/" in its password, the text even parses, as a host named
  // like the user: the signed lookup would go there.
  if (endpoint.includes("@")) {
    throw notConfigured("IAM project lookup", `the IAM endpoint ${JSON.stringify(withoutUserInfo(endpoint))} (${HUAWEI_ENV.iamEndpoint}, a credentials file's iam_endpoint or the iamEndpoint option) must not hold user info (user:password@)`);
  }
  let url: URL | undefined;
  try {
    url = new URL(`${endpoint}/v3/projects`);
  } catch {}
  if (url?.protocol === "https:" || url?.protocol === "http:") return url;
  throw notConfigured(
    "IAM project lookup",
    `the IAM endpoint ${JSON.stringify(withoutUserInfo(endpoint))} (${HUAWEI_ENV.iamEndpoint}, a credentials file's iam_endpoint or the iamEndpoint option) is not an http(s) URL: write it with its scheme, e.g. ${huaweiIamEndpoint(region)}`,
  );
}

export interface ProjectIdOptions {
  credentials: HuaweiCredentials;
  region: string;
  /** Default: the credentials' iam_endpoint, else the region's IAM endpoint. */
  iamEndpoint?: string | undefined;
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  clock?: (() => number) | undefined;
}

/** Project ids by access key, region and endpoint, the most recently used last; at most PROJECT_IDS_KEPT. */
const projectIds = new Map<string, string>();
/** Rotating temporary keys and one client per tenant key would otherwise keep an entry each, forever. */
export const PROJECT_IDS_KEPT = 256;
/** Lookups under way, by key. */
const lookups = new Map<string, Promise<string>>();
/** The last failure by key, returned until `until`; at most PROJECT_IDS_KEPT, the oldest dropped. */
const failures = new Map<string, { count: number; until: number; error: unknown }>();

/**
 * The project id of `region` for these credentials: GET {iam}/v3/projects?name={region}, signed with
 * SDK-HMAC-SHA256. Exactly one project is the answer (cached per access key, region and endpoint, as the
 * SDKs cache it); none or several is an error naming what to set. (The Node SDK then creates a project;
 * bucketry does not write to an account to find credentials.) Calls at once share one lookup; a failure is
 * returned as it is until IAM is asked again (`projectIdBackoffMs`).
 */
export async function huaweiProjectId(options: ProjectIdOptions): Promise<string> {
  const { region } = options;
  const { key, endpoint } = keyOf(options);
  const cached = projectIds.get(key);
  if (cached !== undefined) {
    projectIds.delete(key);
    projectIds.set(key, cached);
    return cached;
  }
  const clock = options.clock ?? Date.now;
  const failed = failures.get(key);
  if (failed !== undefined && clock() < failed.until) throw failed.error;
  let lookup = lookups.get(key);
  if (lookup === undefined) {
    lookup = lookUp(options, region, endpoint).then(
      (id) => {
        failures.delete(key);
        projectIds.set(key, id);
        if (projectIds.size > PROJECT_IDS_KEPT) projectIds.delete(projectIds.keys().next().value!);
        return id;
      },
      (error: unknown) => {
        const count = (failures.get(key)?.count ?? 0) + 1;
        failures.delete(key);
        failures.set(key, { count, until: clock() + Math.min(FAILURE_BACKOFF_MS[1], FAILURE_BACKOFF_MS[0] * 2 ** Math.min(count - 1, 30)), error });
        if (failures.size > PROJECT_IDS_KEPT) failures.delete(failures.keys().next().value!);
        throw error;
      },
    );
    lookups.set(key, lookup);
    void lookup.then(
      () => lookups.delete(key),
      () => lookups.delete(key),
    );
  }
  return lookup;
}

/** The cache key of a lookup (access key, region and IAM endpoint), and that endpoint. */
function keyOf(options: ProjectIdOptions): { key: string; endpoint: string } {
  const { credentials: c, region } = options;
  const endpoint = (options.iamEndpoint ?? c.iamEndpoint ?? huaweiIamEndpoint(region)).replace(/\/+$/, "");
  return { key: `${c.accessKeyId}\n${region}\n${endpoint}`, endpoint };
}

/** Ms until IAM is asked again after this lookup failed (0: it would be asked now). */
export function projectIdBackoffMs(options: ProjectIdOptions): number {
  const failed = failures.get(keyOf(options).key);
  return failed === undefined ? 0 : Math.max(0, failed.until - (options.clock ?? Date.now)());
}

async function lookUp(options: ProjectIdOptions, region: string, endpoint: string): Promise<string> {
  const c = options.credentials;
  const name = "IAM project lookup";
  const url = iamUrl(endpoint, region);
  url.searchParams.set("name", region);
  const headers = new Headers({ "content-type": "application/json" });
  await signSdkHmacSha256({ method: "GET", url, headers }, { credentials: c, clock: options.clock });
  const res = await send(options.fetch, name, { method: "GET", url: url.href, headers: Object.fromEntries(headers), timeoutMs: IAM_TIMEOUT_MS });
  const body = jsonBody(res.text);
  if (res.status !== 200) {
    // As the SDK's ExceptionUtil reads it: IAM's nested {error: {code, message}} first (its code may be a number,
    // 403), then the gateway's flat error_code/error_msg. The message says why (a missing IAM permission, …).
    const err = (typeof body?.error === "object" && body.error) || {};
    const text = (v: unknown) => (typeof v === "number" ? String(v) : str(v));
    const code = text((err as { code?: unknown }).code) ?? str(body?.error_code);
    const message = str((err as { message?: unknown }).message) ?? str(body?.error_msg);
    // IAM's message may quote the request (a security token is longer than the 200 characters shown): the
    // credentials are hidden before it is cut, or a cut token would no longer match the client's redaction.
    const secrets = new SecretSet();
    secrets.add(c.accessKeySecret, c.securityToken);
    const shown = message && secrets.redact(message).slice(0, 200);
    const status = `HTTP ${res.status}${code && code !== String(res.status) ? ` ${code}` : ""}`;
    throw sourceFailed(name, `IAM answered ${status}${shown ? ` (${shown})` : ""} for the projects of region ${region}; pass projectId or set ${HUAWEI_ENV.projectId}`, statusTransient(res.status));
  }
  const projects = Array.isArray(body?.projects) ? (body!.projects as { id?: unknown }[]) : [];
  const ids = projects.map((p) => str(p.id)).filter((id): id is string => id !== undefined);
  if (ids.length === 0) throw sourceFailed(name, `no project named ${region} in this account; pass projectId or set ${HUAWEI_ENV.projectId}`);
  if (ids.length > 1) throw sourceFailed(name, `several projects named ${region} (${ids.join(", ")}); pass projectId or set ${HUAWEI_ENV.projectId}`);
  return ids[0]!;
}

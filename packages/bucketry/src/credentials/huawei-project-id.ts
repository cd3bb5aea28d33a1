// The project id of a region, looked up from IAM when none is given (BasicCredentials.processAuthParams in the
// Huawei Cloud SDKs), cached per access key, region and endpoint.
import { signSdkHmacSha256 } from "@bucketry/signing/huawei-sdk-hmac";
import { HUAWEI_ENV, type HuaweiCredentials } from "./huawei-chain.js";
import { jsonBody, send, str, withoutUserInfo } from "./request.js";
import { notConfigured, sourceFailed, statusTransient } from "./types.js";

const IAM_TIMEOUT_MS = 15_000;

const REGIONAL_IAM = new Set([
  "cn-north-1", "cn-north-2", "cn-north-4", "cn-north-9", "cn-east-2", "cn-east-3", "cn-east-4", "cn-east-5", "cn-south-1", "cn-south-2",
  "cn-southwest-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "af-south-1", "sa-brazil-1", "la-south-2",
  "na-mexico-1", "la-north-2", "eu-west-0", "my-kualalumpur-1", "ru-moscow-1", "me-east-1", "ae-ad-1", "tr-west-1",
]);

/** The IAM endpoint the Go SDK picks for `region` (a regional one where it has it, else the global one). */
export function huaweiIamEndpoint(region: string): string {
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

/**
 * The project id of `region` for these credentials: GET {iam}/v3/projects?name={region}, signed with
 * SDK-HMAC-SHA256. Exactly one project is the answer (cached per access key, region and endpoint, as the
 * SDKs cache it); none or several is an error naming what to set. (The Node SDK then creates a project;
 * bucketry does not write to an account to find credentials.)
 */
export async function huaweiProjectId(options: ProjectIdOptions): Promise<string> {
  const { credentials: c, region } = options;
  const endpoint = (options.iamEndpoint ?? c.iamEndpoint ?? huaweiIamEndpoint(region)).replace(/\/+$/, "");
  const key = `${c.accessKeyId}\n${region}\n${endpoint}`;
  const cached = projectIds.get(key);
  if (cached !== undefined) {
    projectIds.delete(key);
    projectIds.set(key, cached);
    return cached;
  }
  const name = "IAM project lookup";
  const url = iamUrl(endpoint, region);
  url.searchParams.set("name", region);
  const headers = new Headers({ "content-type": "application/json" });
  await signSdkHmacSha256({ method: "GET", url, headers }, { credentials: c, clock: options.clock });
  const res = await send(options.fetch, name, { method: "GET", url: url.href, headers: Object.fromEntries(headers), timeoutMs: IAM_TIMEOUT_MS });
  const body = jsonBody(res.text);
  if (res.status !== 200) {
    const err = (body?.error ?? {}) as Record<string, unknown>;
    const code = str(body?.error_code) ?? str(err.code);
    throw sourceFailed(name, `IAM answered HTTP ${res.status}${code ? ` ${code}` : ""} for the projects of region ${region}; pass projectId or set ${HUAWEI_ENV.projectId}`, statusTransient(res.status));
  }
  const projects = Array.isArray(body?.projects) ? (body!.projects as { id?: unknown }[]) : [];
  const ids = projects.map((p) => str(p.id)).filter((id): id is string => id !== undefined);
  if (ids.length === 0) throw sourceFailed(name, `no project named ${region} in this account; pass projectId or set ${HUAWEI_ENV.projectId}`);
  if (ids.length > 1) throw sourceFailed(name, `several projects named ${region} (${ids.join(", ")}); pass projectId or set ${HUAWEI_ENV.projectId}`);
  projectIds.set(key, ids[0]!);
  if (projectIds.size > PROJECT_IDS_KEPT) projectIds.delete(projectIds.keys().next().value!);
  return ids[0]!;
}

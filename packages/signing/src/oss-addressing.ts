// How an OSS URL names its bucket (virtual-hosted or path-style), shared by the OSS V1 and V4 signers.
import { decodePath } from "./percent-encoding.js";

/** How an OSS URL names the bucket; see OssV4SignerOptions.addressing. */
export type OssAddressing = "virtual-hosted" | "path";

/**
 * The decoded `/{bucket}/{key}` an OSS request addresses (`/` for service-level requests such as
 * ListBuckets). Shared by V1 (used decoded) and V4 (re-encoded).
 */
export function ossResourcePath(url: URL, bucket: string | undefined, addressing: OssAddressing | undefined): string {
  if (addressing !== undefined && addressing !== "virtual-hosted" && addressing !== "path") {
    // Anything else read as path-style signed the wrong resource.
    throw new Error(`OSS: options.addressing must be "virtual-hosted" or "path"`);
  }
  const path = decodePath(url.pathname || "/");
  const hostname = url.hostname;
  const mode = addressing ?? inferAddressing(hostname, path, bucket);
  if (mode === "virtual-hosted") {
    // The bucket is the first label of a host name; a dotless host, an IP address or an OSS service host
    // (oss-cn-hangzhou.aliyuncs.com: its first label is the endpoint's) names none. A service host's root is
    // service-level (ListBuckets signs "/"); below it, a path would be a guess between a bucket and an object.
    const service = bucket === undefined && isOssServiceHost(hostname);
    if (service && path === "/") return "/";
    const name = bucket ?? (service ? undefined : /^([\w-]+)\.(?![\d.]+$)/.exec(hostname)?.[1]);
    if (!name) throw new Error("OSS: cannot derive the bucket from the host; pass options.bucket");
    return "/" + name + path;
  }
  if (path === "/") return "/";
  // "/bucket" addresses the bucket itself: canonical "/bucket/".
  return path.indexOf("/", 1) === -1 ? path + "/" : path;
}

function inferAddressing(hostname: string, path: string, bucket: string | undefined): OssAddressing {
  if (bucket !== undefined) {
    if (hostname.startsWith(bucket + ".")) return "virtual-hosted";
    if (path === "/" + bucket || path.startsWith("/" + bucket + "/")) return "path";
    return "virtual-hosted"; // a CNAME / custom domain bound to the bucket
  }
  return isOssVirtualHost(hostname) ? "virtual-hosted" : "path";
}

/** `{bucket}.oss-{region}[-internal].aliyuncs.com`, `{bucket}.oss-accelerate.aliyuncs.com`, `{bucket}.{region}.oss.aliyuncs.com`. */
function isOssVirtualHost(hostname: string): boolean {
  // Decided by what follows the first label (a bucket may itself be called "oss-example").
  return /^[^.]+\.(oss-[^]*|[^.]*\.oss)\.aliyuncs\.com$/.test(hostname);
}

/**
 * `oss-{region}[-internal].aliyuncs.com`, `oss-accelerate[-overseas].aliyuncs.com`, `{region}.oss.aliyuncs.com`
 * (dual-stack: a region id starts with a known area, which tells it from a legacy `{bucket}.oss.aliyuncs.com`).
 */
function isOssServiceHost(hostname: string): boolean {
  return /^(oss-[^.]+|(cn|ap|us|eu|me|na|sa|af|rg)-[a-z0-9]+(-[a-z0-9]+)*\.oss)\.aliyuncs\.com$/i.test(hostname);
}

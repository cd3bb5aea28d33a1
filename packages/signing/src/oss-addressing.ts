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
    // The bucket is the first label of a host name; a dotless host or an IP address names none.
    const name = bucket ?? /^([\w-]+)\.(?![\d.]+$)/.exec(hostname)?.[1];
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

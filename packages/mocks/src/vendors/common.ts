// Helpers shared by the vendor adapters.
import type { MockContext } from "../adapter.js";
import type { ErrorExample, OperationSpec, Reply } from "../types.js";

export const WINDOW_15_MIN = 15 * 60 * 1000;

/** Header naming why the mock rejected a request (debugging aid; real vendors do not send it). */
export const REASON_HEADER = "x-bucketry-mock-reason";

export function hex(random: () => number, length: number, upper = false): string {
  let out = "";
  for (let i = 0; i < length; i++) out += Math.floor(random() * 16).toString(16);
  return upper ? out.toUpperCase() : out;
}

export function uuid(random: () => number, upper = false): string {
  const h = hex(random, 32, upper);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${(upper ? "89AB" : "89ab")[Math.floor(random() * 4)]}${h.slice(17, 20)}-${h.slice(20)}`;
}

export function reply(status: number, contentType: string | undefined, body: string | null, headers: Record<string, string> = {}): Reply {
  const h = new Headers(headers);
  if (contentType) h.set("content-type", contentType);
  return { status, headers: h, body };
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}, contentType = "application/json"): Reply {
  return reply(status, contentType, JSON.stringify(value), headers);
}

export const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Adds a header unless the reply already has it. */
export function setDefault(reply: Reply, name: string, value: string): void {
  if (!reply.headers.has(name)) reply.headers.set(name, value);
}

export function findError(ctx: MockContext, code: string): ErrorExample {
  const found = ctx.spec.errors.find((e) => e.code === code) ?? ctx.spec.errors.find((e) => e.example === code);
  if (!found) throw new Error(`${ctx.spec.provider} documents no error ${code}`);
  return found;
}

/**
 * The spec's example for a documented error, with the request id (and host) of this request patched in so
 * body and headers agree.
 */
export function documentedErrorReply(ctx: MockContext, code: string, headers: Record<string, string> = {}): Reply {
  const e = findError(ctx, code);
  if (e.body === undefined) return reply(e.status, undefined, null, headers);
  if (typeof e.body === "string") {
    const body = e.body
      .replace(/<RequestId>[^<]*<\/RequestId>/, `<RequestId>${ctx.requestId}</RequestId>`)
      .replace(/<HostId>[^<]*<\/HostId>/, `<HostId>${xmlEscape(ctx.url.host)}</HostId>`);
    const ec = /<EC>([^<]+)<\/EC>/.exec(body)?.[1];
    return reply(e.status, e.mediaType, body, ec ? { "x-oss-ec": ec, ...headers } : headers);
  }
  const value = structuredClone(e.body) as Record<string, unknown>;
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const key of ["RequestId", "requestId", "request_id"]) if (key in value) value[key] = ctx.requestId;
    if ("HostId" in value) value.HostId = ctx.url.host;
  }
  return reply(e.status, e.mediaType, JSON.stringify(value), headers);
}

export { successExample } from "../examples.js";

/** Headers restricted to the names a signature covers (host comes from the URL). */
export function onlyHeaders(headers: Headers, names: readonly string[]): Headers {
  const out = new Headers();
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null && name !== "host") out.set(name, value);
  }
  return out;
}

/** `2023-10-26T10:22:32Z` → epoch ms (seconds precision, UTC), or NaN. */
export function parseIsoSeconds(value: string | null | undefined): number {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value)) return Number.NaN;
  return Date.parse(value);
}

/** `20231203T121212Z` → epoch ms, or NaN. */
export function parseIsoBasic(value: string | null | undefined): number {
  const m = value ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value) : null;
  if (!m) return Number.NaN;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

/** The bytes of a request body (undefined when empty), as the signers expect. */
export const bodyOf = (ctx: MockContext): Uint8Array | undefined => (ctx.bodyBytes.length > 0 ? ctx.bodyBytes : undefined);

/**
 * The credentials to re-sign a request with: the account's keys plus the security token the request carries
 * (temporary credentials: Alibaba STS, Baidu STS, Huawei temporary AK/SK). The signers own their token header or
 * parameter and drop one the request has, so re-signing without it could never match a request signed with it.
 * The mock accepts any token (it issues none); refusing one is a documented-error scenario.
 */
export function withToken<C extends { accessKeyId: string; accessKeySecret: string }>(creds: C, token: string | null | undefined): C & { securityToken?: string } {
  return token ? { ...creds, securityToken: token } : creds;
}

/** Constant-time-ish string comparison (the mock is no security boundary, but keep the habit). */
export function same(a: string | undefined | null, b: string | undefined | null): boolean {
  if (typeof a !== "string" || typeof b !== "string" || a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export const HTML_502 =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

export function badGateway(): Reply {
  return reply(502, "text/html", HTML_502);
}

export const seconds = (ms: number) => String(Math.max(0, Math.ceil(ms / 1000)));

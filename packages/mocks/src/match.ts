// URL patterns for MSW: one RegExp per (operation, server) and per (operation, custom base URL). MSW matches
// them against `origin + pathname` (query and fragment removed); named groups carry the server variables and
// path parameters.
import type { OperationSpec, Route, ServerSpec, VendorSpec } from "./types.js";

export type { Route };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

class Builder {
  source = "";
  groups: Record<string, string> = {};
  #count = 0;
  literal(text: string): void {
    this.source += escape(text);
  }
  variable(name: string, body: string): void {
    const group = `g${this.#count++}_${name.replace(/[^A-Za-z0-9_]/g, "_")}`;
    this.groups[group] = name;
    this.source += `(?<${group}>${body})`;
  }
}

/** Splits a template on `{name}` placeholders. */
function pieces(template: string): Array<{ text: string } | { name: string }> {
  const out: Array<{ text: string } | { name: string }> = [];
  const re = /\{([^}]+)\}/g;
  let last = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    if (m.index > last) out.push({ text: template.slice(last, m.index) });
    out.push({ name: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < template.length) out.push({ text: template.slice(last) });
  return out;
}

/** Index where the path of a server URL template starts (after `scheme://authority`). */
function pathStart(url: string): number {
  const scheme = url.indexOf("://");
  const slash = url.indexOf("/", scheme === -1 ? 0 : scheme + 3);
  return slash === -1 ? url.length : slash;
}

function addTemplate(b: Builder, template: string, server: ServerSpec | undefined, inHost: boolean): void {
  const parts = pieces(template);
  parts.forEach((part, i) => {
    if ("text" in part) return b.literal(part.text);
    const variable = server?.variables[part.name];
    if (variable?.enum?.length) return b.variable(part.name, variable.enum.map(escape).join("|"));
    if (!inHost) return b.variable(part.name, "[^/]+");
    // A variable that is the whole authority (Hitachi's `{host}`) may hold dots and a port; a host label may not.
    const before = i > 0 ? parts[i - 1] : undefined;
    const after = parts[i + 1];
    const whole = (before === undefined || ("text" in before && before.text.endsWith("://"))) && (after === undefined || ("text" in after && after.text.startsWith("/")));
    b.variable(part.name, whole ? "[^/]+" : "[^/.]+");
  });
}

/** Appends the operation path; a trailing slash (or its absence) is optional, as the vendors accept both. */
function addPath(b: Builder, path: string, afterServerPath: boolean): void {
  const trimmed = path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
  if (trimmed === "/") {
    // A URL's pathname is at least "/"; after a server path (`/{bucket}`) the slash is optional.
    b.source += afterServerPath ? "/?" : "/";
    return;
  }
  addTemplate(b, trimmed, undefined, false);
  b.source += "/?";
}

function finish(b: Builder): RegExp {
  return new RegExp(`^${b.source}$`);
}

/** Any scheme and authority: what a base given as a bare path (`/aliyun-oss`) answers under. */
const ANY_ORIGIN = "https?://[^/]+";

/**
 * The server's host variable that is a whole first label (`{bucket}` of `{bucket}.oss-{region}.aliyuncs.com`):
 * the bucket of a virtual-hosted request. A variable with an enum (BOS `{region}`) names no bucket.
 */
function firstLabelVariable(server: ServerSpec): string | undefined {
  const m = /^[a-z]+:\/\/\{([^}]+)\}\./.exec(server.url);
  if (!m || server.variables[m[1]!]?.enum?.length) return undefined;
  return m[1];
}

/**
 * Routes of one operation: its spec servers, then each custom base URL (see README): path-style
 * (`{base}/{bucket}`) and, where the spec's servers name the bucket in the first host label, virtual-hosted
 * (`{bucket}.{base host}`). A base that is a bare path (`/aliyun-oss`) answers under any scheme and host (a mock
 * behind a proxy or a port mapping); there a request on `{bucket}.{host}` (a host that is not an IP address)
 * names its bucket in the first label, as the vendor reads a virtual-hosted request.
 */
export function routesFor(spec: VendorSpec, operationId: string, baseUrls: readonly string[] = []): Route[] {
  const operation = spec.operations[operationId];
  if (!operation) throw new Error(`${spec.provider}: no operation ${operationId}`);
  const routes: Route[] = [];
  for (const server of operation.servers) {
    const b = new Builder();
    const cut = pathStart(server.url);
    // Default ports are dropped by URL.origin; a template never carries them.
    addTemplate(b, server.url.slice(0, cut), server, true);
    const serverPath = server.url.slice(cut).replace(/\/+$/, "");
    addTemplate(b, serverPath, server, false);
    addPath(b, operation.path, serverPath !== "");
    routes.push({ spec, operation, pattern: finish(b), server, groups: b.groups, defaults: {} });
  }
  for (const raw of baseUrls) {
    const anyHost = raw.startsWith("/");
    const base = raw.replace(/\/+$/, "");
    const basePath = anyHost ? base : new URL(base).pathname.replace(/\/+$/, "");
    // The part of each server's path from its first variable on (OSS path style: `/{bucket}`) is kept;
    // host variables take their defaults.
    const seen = new Set<string>();
    for (const server of operation.servers) {
      const path = server.url.slice(pathStart(server.url));
      const firstVar = path.indexOf("{");
      const tail = firstVar === -1 ? "" : path.slice(path.lastIndexOf("/", firstVar)).replace(/\/+$/, "");
      if (seen.has(tail)) continue;
      seen.add(tail);
      const defaults: Record<string, string> = {};
      for (const [name, v] of Object.entries(server.variables)) defaults[name] = v.default;
      const hostVariable = tail === "" ? firstLabelVariable(server) : undefined;
      if (hostVariable) {
        // Virtual-hosted on the base: `{bucket}.{base host}`; under any host, `{bucket}.{rest}` where rest is
        // not a dotted IPv4 address (an IP or a single-label host names no bucket).
        const b = new Builder();
        if (anyHost) {
          b.source += "https?://";
          b.variable(hostVariable, "[^./:\\[]+");
          b.source += "\\.(?![0-9.]+(?::[0-9]+)?/)[^/]+";
          b.literal(base);
        } else {
          const url = new URL(base);
          b.literal(`${url.protocol}//`);
          b.variable(hostVariable, "[^./:\\[]+");
          b.literal(`.${url.host}${basePath}`);
        }
        addPath(b, operation.path, basePath.length > 0);
        routes.push({ spec, operation, pattern: finish(b), server, baseUrl: base, groups: b.groups, defaults });
      }
      const b = new Builder();
      if (anyHost) b.source += ANY_ORIGIN;
      b.literal(base);
      addTemplate(b, tail, server, false);
      addPath(b, operation.path, basePath.length > 0 || tail !== "");
      routes.push({ spec, operation, pattern: finish(b), server, baseUrl: base, groups: b.groups, defaults });
    }
  }
  return routes;
}

/** Server variables and path parameters of a URL matched by `route` (decoded), defaults filled in. */
export function matchRoute(route: Route, url: URL): Record<string, string> | undefined {
  const m = route.pattern.exec(url.origin + url.pathname);
  if (!m) return undefined;
  const vars: Record<string, string> = { ...route.defaults };
  for (const [group, name] of Object.entries(route.groups)) {
    const value = m.groups?.[group];
    if (value === undefined) continue;
    try {
      vars[name] = decodeURIComponent(value);
    } catch {
      vars[name] = value;
    }
  }
  return vars;
}

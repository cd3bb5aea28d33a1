// What the recorded calls (`mock.requests`) keep of a request's credentials: their names, never their values.
// A recorded call is printed, logged, written to report files and shown in pages; the credentials it would
// otherwise carry (Authorization, security tokens, X-Auth-Token, Cookie, X-XSRF-TOKEN, signature query
// parameters) stay on the wire. Each value is replaced by REDACTED; the same values are also hidden where the
// mock's answer quotes them (OSS's SignatureProvided and StringToSign, an RPC string to sign).
import { percentEncode } from "@bucketry/signing";

/** What a credential's value is replaced by. */
export const REDACTED = "[redacted]";

/** Header names whose values are credentials (lower case); with the names `secretHeader` recognizes. */
const HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie"]);

/** Security tokens, X-Auth-Token, X-Subject-Token, metadata tokens; XSRF/CSRF tokens; anything named a secret or password. */
export function secretHeader(name: string): boolean {
  const n = name.toLowerCase();
  return HEADERS.has(n) || /(?:^|-)(?:token|secret|password|signature)$/.test(n) || /xsrf|csrf/.test(n);
}

/** Query and form parameters that carry a signature, a token or a password (RPC v1, presigned OSS/BOS URLs, a password grant). */
export function secretParameter(name: string): boolean {
  return /^(?:signature|x-oss-signature|x-amz-signature|securitytoken|security-token|x-oss-security-token|x-amz-security-token|x-bce-security-token|authorization|x-auth-token|password|client_secret|access_token|refresh_token)$/i.test(name);
}

/** One request's credentials: what the log shows instead, and every value it hid (to hide where an answer quotes them). */
export class Redactor {
  readonly values = new Set<string>();

  #hide(value: string): string {
    this.#remember(value.trim());
    return REDACTED;
  }

  #remember(value: string): void {
    // Short values (and parts of the marker) would hide ordinary text.
    if (value.length < 4 || REDACTED.includes(value)) return;
    this.values.add(value);
    // As a string to sign or a query carries it: percent-encoded once and twice (Alibaba's form escapes !'()* too).
    try {
      for (const encode of [encodeURIComponent, percentEncode]) this.values.add(encode(value)).add(encode(encode(value)));
    } catch {
      // a lone surrogate: no header carries it
    }
    // An answer quotes an Authorization's signature or bearer token on its own (OSS's SignatureProvided).
    const parts = [...value.matchAll(/Signature=([^,\s]+)/gi)].map((m) => m[1]);
    parts.push(/^(?:Bearer\s+|OSS\s+[^:\s]+:)(\S+)$/i.exec(value)?.[1], /^bce-auth-v1\/\S*\/([^/]+)$/.exec(value)?.[1]);
    for (const part of parts) if (part && part.length >= 4) this.values.add(part);
  }

  /** A header's value for the log. Cookies keep their names (and Set-Cookie its attributes). */
  header(name: string, value: string): string {
    const n = name.toLowerCase();
    if (n === "cookie") return value.split(";").map((pair) => cookiePair(pair, (v) => this.#hide(v))).join(";");
    if (n === "set-cookie") {
      const semi = value.indexOf(";");
      return cookiePair(semi < 0 ? value : value.slice(0, semi), (v) => this.#hide(v)) + (semi < 0 ? "" : value.slice(semi));
    }
    return secretHeader(n) ? this.#hide(value) : value;
  }

  /** `a=1&Signature=…` with the secret parameters' values replaced (the rest as it was, encoding included). */
  query(search: string): string {
    return search.replace(/([?&]|^)([^&=#]*)=([^&#]*)/g, (all, lead: string, name: string, value: string) => {
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, " "));
      } catch {
        // kept as it is
      }
      if (!secretParameter(decoded)) return all;
      let raw = value;
      try {
        raw = decodeURIComponent(value.replace(/\+/g, " "));
      } catch {
        // kept as it is
      }
      this.#remember(value);
      return `${lead}${name}=${this.#hide(raw)}`;
    });
  }

  /** A URL with its secret query parameters redacted. */
  url(href: string): string {
    const q = href.indexOf("?");
    return q < 0 ? href : href.slice(0, q) + this.query(href.slice(q));
  }

  /** Text with every value hidden so far replaced (an answer quoting the request's signature or token). */
  text(text: string): string {
    let out = text;
    // Longest first: a value's encoded form or a part of it must not leave the rest of a longer one readable.
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) if (out.includes(v)) out = out.split(v).join(REDACTED);
    return out;
  }
}

function cookiePair(pair: string, hide: (value: string) => string): string {
  const eq = pair.indexOf("=");
  return eq < 0 ? pair : `${pair.slice(0, eq)}=${hide(pair.slice(eq + 1))}`;
}

// 6. credentials URI: ALIBABA_CLOUD_CREDENTIALS_URI answers { AccessKeyId, AccessKeySecret, SecurityToken, Expiration }.
import { hideSecrets } from "@bucketry/signing";
import { holdsUserInfo, jsonBody, parseExpiration, send, str } from "../request.js";
import { notConfigured, setting, sourceFailed, statusTransient, type CredentialProvider } from "../types.js";
import { ALIBABA_ENV, context, type AlibabaSourceOptions } from "./context.js";
import { STS_TIMEOUT_MS } from "./sts.js";

export interface CredentialsUriOptions extends AlibabaSourceOptions {
  /** Default ALIBABA_CLOUD_CREDENTIALS_URI. */
  uri?: string | undefined;
  name?: string | undefined;
}

/** GET a URI answering `{ AccessKeyId, AccessKeySecret, SecurityToken, Expiration }` (a sidecar, a vault agent). */
export function fromCredentialsUri(options: CredentialsUriOptions = {}): CredentialProvider {
  const ctx = context(options);
  const name = options.name ?? "credentials-uri";
  return {
    name,
    async resolve() {
      const uri = options.uri ?? setting(ctx.env, ALIBABA_ENV.credentialsUri);
      if (!uri) throw notConfigured(name, `${ALIBABA_ENV.credentialsUri} is not set`);
      // Not quoted: the text may hold a password or a token. Sent anyway, it would fail as a "network error" that
      // may pass, and be retried as one.
      const protocol = URL.canParse(uri) ? new URL(uri).protocol : undefined;
      const from = options.uri !== undefined ? "the uri option" : ALIBABA_ENV.credentialsUri;
      if (protocol !== "http:" && protocol !== "https:") {
        throw sourceFailed(name, `${from} is not an http:// or https:// URL: set it to the full address that answers the credentials, scheme included (e.g. http://127.0.0.1:8080/credentials)`);
      }
      if (holdsUserInfo(uri)) {
        throw sourceFailed(name, `${from} must not hold user info (user:password@), which fetch refuses to send: set it to the address alone (e.g. http://127.0.0.1:8080/credentials)`);
      }
      const res = await send(ctx.fetch, name, { method: "GET", url: uri, timeoutMs: options.stsTimeoutMs ?? STS_TIMEOUT_MS });
      if (res.status !== 200) throw sourceFailed(name, `answered HTTP ${res.status}`, statusTransient(res.status));
      const data = jsonBody(res.text);
      if (data === undefined) throw sourceFailed(name, "answered something other than a JSON object");
      const accessKeyId = str(data.AccessKeyId);
      const accessKeySecret = str(data.AccessKeySecret);
      const securityToken = str(data.SecurityToken);
      if (!accessKeyId || !accessKeySecret || !securityToken) throw sourceFailed(name, "answered without AccessKeyId, AccessKeySecret and SecurityToken");
      const expiration = parseExpiration(data.Expiration);
      return hideSecrets({ accessKeyId, accessKeySecret, securityToken, ...(expiration !== undefined ? { expiration } : {}), source: name });
    },
  };
}

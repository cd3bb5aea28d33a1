// The Node-only credential sources of the facade (exported through #credential-defaults, condition "node"):
// a vendor's default chain, cached and refreshed ahead of expiry, and Hitachi's token file. Elsewhere the
// facade reads the environment only, so a browser bundle carries none of this.
import type { AccessKeyCredentials, CredentialSource } from "@bucketry/signing";
import type { HitachiTokenRequest } from "@bucketry/signing/hitachi-session";
import type { AccessKeyFacts, EnvNames, RememberSecrets } from "./facts.js";
import type { Provider } from "../model.js";
import { assertAccessKeyCredentials, assertToken, credentialsError, headerProblem, isHeaderSafe } from "./checks.js";
import { hitachiTokenFile } from "./hitachi-token-file.js";
import { huaweiProjectId, projectIdBackoffMs, type ProjectIdOptions } from "./huawei-project-id.js";
import { RefreshingCredentials } from "./refreshing-cache.js";
import { sourceFailed, type CredentialProvider, type Env } from "./types.js";


/**
 * The vendor's default chain as a client's credential source (one refresh in flight per client), or undefined
 * when the provider has none; `invalidate` drops credentials a server refused as expired (true: dropped, so
 * the call retries once with fresh ones).
 */
export function chainedAccessKeys(
  provider: Provider,
  facts: AccessKeyFacts,
  env: Env,
  remember?: RememberSecrets,
  clock?: () => number,
): { source: CredentialSource; invalidate: (attemptStartedAt: number) => boolean } | undefined {
  const chain = facts.chain?.({ env, ...(clock ? { clock } : {}) });
  if (chain === undefined) return undefined;
  // What a source gives is checked before it is cached: a value no header can carry is the source's fault
  // (named as such), and is not served again until it expires.
  const checked: CredentialProvider = {
    name: chain.chain.name,
    async resolve() {
      const c = await chain.chain.resolve();
      for (const key of ["accessKeyId", "accessKeySecret", "securityToken"] as const) {
        const v = c[key];
        if (v !== undefined && !isHeaderSafe(v)) throw sourceFailed(c.source, `its ${key} ${headerProblem(v)}`);
      }
      return c;
    },
  };
  const cache = new RefreshingCredentials(checked, { clock, refreshMarginMs: chain.refreshMarginMs });
  const source = async () => {
    let value: AccessKeyCredentials;
    try {
      value = await cache.get();
    } catch (err) {
      // The cache returns this failure until it asks the source again: a retry waits for that.
      throw credentialsError(provider, err, cache.backoffMs() || undefined);
    }
    remember?.(value.accessKeySecret, value.securityToken);
    assertAccessKeyCredentials(provider, value);
    return value;
  };
  return { source, invalidate: (since) => cache.invalidate(since) };
}

/** Hitachi's bearer token from the file `path` names, re-read when it changes. */
export function tokenFileCredentials(names: EnvNames, path: string, env: Env, remember?: RememberSecrets): (request?: HitachiTokenRequest) => Promise<{ token: string }> {
  const provider = "hitachi-vsp-one-object";
  const source = hitachiTokenFile({ path, env });
  return async (request) => {
    let value: { token: string };
    try {
      value = await source(request);
    } catch (err) {
      throw credentialsError(provider, err);
    }
    remember?.(value.token);
    assertToken(provider, value.token, `the token in ${names.tokenFile}`);
    return value;
  };
}

/** IAM's project id for Huawei keys; a failure is reported as a credential source's (Configuration or InvalidCredentials). */
export async function lookUpHuaweiProjectId(options: ProjectIdOptions): Promise<string> {
  try {
    return await huaweiProjectId(options);
  } catch (err) {
    // The lookup returns this failure until it asks IAM again: a retry waits for that.
    throw credentialsError("huaweicloud-mpc", err, projectIdBackoffMs(options) || undefined);
  }
}

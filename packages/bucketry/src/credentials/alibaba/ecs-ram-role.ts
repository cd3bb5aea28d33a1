// 5. ECS RAM role: the instance's role keys from the metadata service (hardened mode: a metadata token first).
import { hideSecrets } from "@bucketry/signing";
import { endpointProblem, jsonBody, parseExpiration, refusedByRuntime, send, str } from "../request.js";
import { CredentialSourceError, METADATA_DISABLED_ENV, isTrue, notConfigured, setting, sourceFailed, statusTransient, type CredentialProvider } from "../types.js";
import { ALIBABA_ENV, context, type AlibabaSourceOptions } from "./context.js";

export const ALIBABA_METADATA_ENDPOINT = "http://100.100.100.200";
const METADATA_TOKEN_TTL_SECONDS = 21600;
// The libraries' metadata timeout: 1 s connect + 1 s read.
const METADATA_TIMEOUT_MS = 2_000;

export interface EcsRamRoleOptions extends AlibabaSourceOptions {
  /** The instance's RAM role (default ALIBABA_CLOUD_ECS_METADATA, else asked from the metadata service). */
  roleName?: string | undefined;
  /** Only hardened mode (metadata token required); ALIBABA_CLOUD_IMDSV1_DISABLED=true forces it even when this is false. */
  disableImdsV1?: boolean | undefined;
  name?: string | undefined;
}

/** Temporary keys of the ECS instance's RAM role from the metadata service. */
export function fromEcsRamRole(options: EcsRamRoleOptions = {}): CredentialProvider {
  const ctx = context(options);
  const name = options.name ?? "ecs-ram-role";
  const base = (options.metadataEndpoint ?? ALIBABA_METADATA_ENDPOINT).replace(/\/+$/, "");
  const timeoutMs = options.metadataTimeoutMs ?? METADATA_TIMEOUT_MS;
  // Once the metadata service has answered, silence from it is a failure (it may pass), not "not an ECS instance".
  let answered = false;
  const absent = (err: CredentialSourceError) => (answered ? err : notConfigured(name, refusedByRuntime(err) ? err.message : `${err.message} (not an ECS instance?)`));

  const get = async (path: string, token: string | null) => {
    try {
      const res = await send(ctx.fetch, name, { method: "GET", url: `${base}${path}`, headers: token === null ? {} : { "x-aliyun-ecs-metadata-token": token }, timeoutMs });
      // Any answer (a 404 included) means an instance's metadata service is there: a later request's silence may pass.
      answered = true;
      return res;
    } catch (err) {
      // Nothing answering at the metadata address: not an ECS instance (or metadata blocked).
      if (err instanceof CredentialSourceError) throw absent(err);
      throw err;
    }
  };

  return {
    name,
    async resolve() {
      if (isTrue(ctx.env[ALIBABA_ENV.ecsMetadataDisabled])) throw notConfigured(name, `switched off by ${ALIBABA_ENV.ecsMetadataDisabled}=true`);
      if (isTrue(ctx.env[METADATA_DISABLED_ENV])) throw notConfigured(name, `switched off by ${METADATA_DISABLED_ENV}=true`);
      // Checked here, not left to fetch: its refusal would read as "not an ECS instance?".
      const problem = options.metadataEndpoint === undefined ? undefined : endpointProblem(options.metadataEndpoint, "the metadataEndpoint option", ALIBABA_METADATA_ENDPOINT);
      if (problem) throw sourceFailed(name, problem);
      // The variable forces hardened mode whatever the option says, as in the official library (an operator's switch).
      const v1Disabled = options.disableImdsV1 === true || isTrue(ctx.env[ALIBABA_ENV.imdsV1Disabled]);

      const metadataToken = async (): Promise<string | null> => {
        let res;
        try {
          res = await send(ctx.fetch, name, { method: "PUT", url: `${base}/latest/api/token`, headers: { "x-aliyun-ecs-metadata-token-ttl-seconds": String(METADATA_TOKEN_TTL_SECONDS) }, timeoutMs });
          answered = true;
        } catch (err) {
          if (!v1Disabled) return null;
          throw err instanceof CredentialSourceError ? absent(err) : err;
        }
        if (res.status === 200) return res.text;
        if (v1Disabled) throw sourceFailed(name, `metadata token request answered HTTP ${res.status} (hardened mode is required by ${ALIBABA_ENV.imdsV1Disabled})`, statusTransient(res.status));
        return null;
      };
      /** With the token; without it as the fallback when plain requests are allowed (as the libraries do). */
      const getWithFallback = async (path: string, token: string | null) => {
        let res;
        try {
          res = await get(path, token);
        } catch (err) {
          if (token !== null && !v1Disabled) return get(path, null);
          throw err;
        }
        if (res.status !== 200 && token !== null && !v1Disabled) return get(path, null);
        return res;
      };

      let roleName = options.roleName ?? setting(ctx.env, ALIBABA_ENV.ecsMetadata);
      // Where a configured role name comes from, for the error when the instance has no such role.
      const namedBy = options.roleName !== undefined ? "the profile's role_name / ram_role_name, or the roleName option" : roleName ? ALIBABA_ENV.ecsMetadata : undefined;
      if (!roleName) {
        const res = await getWithFallback("/latest/meta-data/ram/security-credentials/", await metadataToken());
        if (res.status === 404) throw notConfigured(name, "the instance has no RAM role attached");
        if (res.status !== 200) throw sourceFailed(name, `role name request answered HTTP ${res.status}`, statusTransient(res.status));
        roleName = res.text.trim();
        if (!roleName) throw notConfigured(name, "the instance has no RAM role attached");
      }
      const res = await getWithFallback(`/latest/meta-data/ram/security-credentials/${encodeURIComponent(roleName)}`, await metadataToken());
      if (res.status === 404 && namedBy) throw sourceFailed(name, `the instance has no RAM role named ${roleName} (the metadata service answered HTTP 404; the name comes from ${namedBy}): attach that role to the instance, or correct the name`);
      if (res.status !== 200) throw sourceFailed(name, `credentials request for role ${roleName} answered HTTP ${res.status}`, statusTransient(res.status));
      const data = jsonBody(res.text);
      const accessKeyId = str(data?.AccessKeyId);
      const accessKeySecret = str(data?.AccessKeySecret);
      const securityToken = str(data?.SecurityToken);
      if (!accessKeyId || !accessKeySecret || !securityToken) throw sourceFailed(name, "the metadata service answered without AccessKeyId, AccessKeySecret and SecurityToken");
      if (data?.Code !== "Success") throw sourceFailed(name, "the metadata service answered Code other than Success");
      const expiration = parseExpiration(data.Expiration);
      return hideSecrets({ accessKeyId, accessKeySecret, securityToken, ...(expiration !== undefined ? { expiration } : {}), source: name });
    },
  };
}

// 1. environment: ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET [/ ALIBABA_CLOUD_SECURITY_TOKEN].
import { hideSecrets } from "@bucketry/signing";
import { notConfigured, processEnv, setting, type CredentialProvider, type SourceOptions } from "../types.js";
import { ALIBABA_ENV } from "./context.js";

/** ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET / ALIBABA_CLOUD_SECURITY_TOKEN. */
export function fromAlibabaEnv(options: SourceOptions = {}): CredentialProvider {
  const name = "environment";
  return {
    name,
    async resolve() {
      const env = options.env ?? processEnv();
      const accessKeyId = setting(env, ALIBABA_ENV.accessKeyId);
      const accessKeySecret = setting(env, ALIBABA_ENV.accessKeySecret);
      if (!accessKeyId) throw notConfigured(name, accessKeySecret ? `${ALIBABA_ENV.accessKeyId} is not set` : `${ALIBABA_ENV.accessKeyId} and ${ALIBABA_ENV.accessKeySecret} are not set`);
      if (!accessKeySecret) throw notConfigured(name, `${ALIBABA_ENV.accessKeySecret} is not set (${ALIBABA_ENV.accessKeyId} is)`);
      const securityToken = setting(env, ALIBABA_ENV.securityToken);
      return hideSecrets({ accessKeyId, accessKeySecret, ...(securityToken ? { securityToken } : {}), source: name });
    },
  };
}

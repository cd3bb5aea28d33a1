// Huawei Cloud's default credential chain as the official SDKs resolve it (huaweicloud-sdk-go-v3 / -python-v3
// DefaultCredentialProviderChain "basic": environment → profile → metadata; the Node core SDK has the
// environment part), in order (the project id looked up from IAM when none is given: huawei-project-id.ts):
//
//   1. environment   HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK [/ _SECURITY_TOKEN] [/ _PROJECT_ID] [/ _IAM_ENDPOINT]
//   2. profile-file  HUAWEICLOUD_SDK_CREDENTIALS_FILE or ~/.huaweicloud/credentials (ini), section [basic]:
//                    ak, sk, security_token, project_id, iam_endpoint
//   3. ecs-metadata  temporary keys of the ECS agency from http://169.254.169.254/openstack/latest/securitykey
//                    (a metadata token from PUT /meta-data/latest/api/token first when the service has it);
//                    off with BUCKETRY_METADATA_DISABLED=true
//
// Federated login (HUAWEICLOUD_SDK_IDP_ID + _ID_TOKEN_FILE) is not supported: such a source reports so, and the
// chain stops there (the SDKs would log in with it, so a later source would be another identity).
import { hideSecrets } from "@bucketry/signing";
import { io as platformIo } from "#credential-io";
import { credentialChain, type CredentialChain } from "./chain.js";
import { parseIni, readSourceFile } from "./files.js";
import type { CredentialIo } from "./io.js";
import { endpointProblem, jsonBody, parseExpiration, refusedByRuntime, send, str } from "./request.js";
import {
  CredentialSourceError,
  METADATA_DISABLED_ENV,
  isTrue,
  notConfigured,
  processEnv,
  setting,
  sourceFailed,
  statusTransient,
  unsupportedSource,
  type CredentialProvider,
  type ResolvedCredentials,
  type SourceOptions,
} from "./types.js";

export const HUAWEI_ENV = {
  accessKeyId: "HUAWEICLOUD_SDK_AK",
  accessKeySecret: "HUAWEICLOUD_SDK_SK",
  securityToken: "HUAWEICLOUD_SDK_SECURITY_TOKEN",
  projectId: "HUAWEICLOUD_SDK_PROJECT_ID",
  iamEndpoint: "HUAWEICLOUD_SDK_IAM_ENDPOINT",
  idpId: "HUAWEICLOUD_SDK_IDP_ID",
  idTokenFile: "HUAWEICLOUD_SDK_ID_TOKEN_FILE",
  credentialsFile: "HUAWEICLOUD_SDK_CREDENTIALS_FILE",
} as const;

export const HUAWEI_CHAIN_SOURCES = ["environment", "profile-file", "ecs-metadata"] as const;
export const HUAWEI_METADATA_ENDPOINT = "http://169.254.169.254";
/** The SDKs refresh temporary keys 40 minutes before they expire. */
export const HUAWEI_REFRESH_MARGIN_MS = 40 * 60_000;
const METADATA_TIMEOUT_MS = 3_000; // the Go SDK's metadata client timeout

/** Huawei credentials may carry the IAM endpoint their profile names. */
export interface HuaweiCredentials extends ResolvedCredentials {
  iamEndpoint?: string | undefined;
}

export interface HuaweiSourceOptions extends SourceOptions {
  /** Instance-metadata base URL (default http://169.254.169.254). */
  metadataEndpoint?: string | undefined;
  metadataTimeoutMs?: number | undefined;
  /** @internal File access (tests: the Node one). */
  io?: CredentialIo | undefined;
}

/** HUAWEICLOUD_SDK_AK / _SK / _SECURITY_TOKEN / _PROJECT_ID / _IAM_ENDPOINT. */
export function fromHuaweiEnv(options: SourceOptions = {}): CredentialProvider<HuaweiCredentials> {
  const name = "environment";
  return {
    name,
    async resolve() {
      const env = options.env ?? processEnv();
      const accessKeyId = setting(env, HUAWEI_ENV.accessKeyId);
      const accessKeySecret = setting(env, HUAWEI_ENV.accessKeySecret);
      if (setting(env, HUAWEI_ENV.idpId) && setting(env, HUAWEI_ENV.idTokenFile)) {
        // Huawei's SDKs log in with them (before any AK/SK): moving on would use another source's identity.
        throw unsupportedSource(name, `${HUAWEI_ENV.idpId} and ${HUAWEI_ENV.idTokenFile} are set: federated (OIDC) login is not supported by bucketry, and Huawei's SDKs would use it, so the chain stops here: pass \`credentials\`, or unset them`);
      }
      if (!accessKeyId) throw notConfigured(name, accessKeySecret ? `${HUAWEI_ENV.accessKeyId} is not set` : `${HUAWEI_ENV.accessKeyId} and ${HUAWEI_ENV.accessKeySecret} are not set`);
      if (!accessKeySecret) throw notConfigured(name, `${HUAWEI_ENV.accessKeySecret} is not set (${HUAWEI_ENV.accessKeyId} is)`);
      return withOptional({ accessKeyId, accessKeySecret, source: name }, setting(env, HUAWEI_ENV.securityToken), setting(env, HUAWEI_ENV.projectId), setting(env, HUAWEI_ENV.iamEndpoint));
    },
  };
}

function withOptional(base: HuaweiCredentials, securityToken: string | undefined, projectId: string | undefined, iamEndpoint: string | undefined): HuaweiCredentials {
  return hideSecrets({ ...base, ...(securityToken ? { securityToken } : {}), ...(projectId ? { projectId } : {}), ...(iamEndpoint ? { iamEndpoint } : {}) });
}

/** The [basic] section of ~/.huaweicloud/credentials (or HUAWEICLOUD_SDK_CREDENTIALS_FILE). */
export function fromHuaweiProfile(options: HuaweiSourceOptions = {}): CredentialProvider<HuaweiCredentials> {
  const name = "profile-file";
  return {
    name,
    async resolve() {
      const env = options.env ?? processEnv();
      const io = options.io ?? platformIo;
      const named = setting(env, HUAWEI_ENV.credentialsFile);
      let path = named;
      if (!path) {
        const home = options.homedir ?? io.homedir();
        if (!home && io.available) throw notConfigured(name, "no home directory");
        path = io.join(home, ".huaweicloud", "credentials");
      }
      let text: string;
      try {
        text = await readSourceFile(io, name, path, "credentials file");
      } catch (err) {
        // A file the environment names explicitly is configured: its absence is a failure, not "nothing here".
        if (named && err instanceof CredentialSourceError && !err.configured) throw sourceFailed(name, `${HUAWEI_ENV.credentialsFile} names ${path}, which cannot be read (${err.message})`);
        throw err;
      }
      const section = parseIni(text, { colon: true }).basic; // `ak: x` too, as the Go and Python SDKs read it
      if (!section) throw notConfigured(name, `${path} has no [basic] section`);
      if (section.idp_id && section.id_token_file) {
        throw unsupportedSource(name, `[basic] in ${path} uses idp_id/id_token_file: federated (OIDC) login is not supported by bucketry, and Huawei's SDKs would use it, so the chain stops here: pass \`credentials\`, or remove them`);
      }
      if (!section.ak || !section.sk) throw sourceFailed(name, `[basic] in ${path} has no ak and sk`);
      return withOptional({ accessKeyId: section.ak, accessKeySecret: section.sk, source: `${name} [basic]` }, section.security_token || undefined, section.project_id || undefined, section.iam_endpoint || undefined);
    },
  };
}

/** Temporary keys of the ECS instance's agency from the metadata service. */
export function fromHuaweiEcsMetadata(options: HuaweiSourceOptions = {}): CredentialProvider<HuaweiCredentials> {
  const name = "ecs-metadata";
  const base = (options.metadataEndpoint ?? HUAWEI_METADATA_ENDPOINT).replace(/\/+$/, "");
  const timeoutMs = options.metadataTimeoutMs ?? METADATA_TIMEOUT_MS;
  let token: string | null = null;
  // Once the metadata service has answered, silence from it is a failure (it may pass), not "not an ECS instance".
  let answered = false;
  const call = async (method: string, path: string, headers: Record<string, string>) => {
    try {
      const res = await send(options.fetch, name, { method, url: `${base}${path}`, headers, timeoutMs });
      answered = true;
      return res;
    } catch (err) {
      if (err instanceof CredentialSourceError && !answered) throw notConfigured(name, refusedByRuntime(err) ? err.message : `${err.message} (not an ECS instance?)`);
      throw err;
    }
  };
  const updateToken = async (required: boolean) => {
    const res = await call("PUT", "/meta-data/latest/api/token", { "X-Metadata-Token-Ttl-Seconds": "21600" });
    if (res.status === 200) token = res.text;
    else if ((res.status === 404 || res.status === 405) && !required) token = null;
    else throw sourceFailed(name, `metadata token request answered HTTP ${res.status}`, statusTransient(res.status));
  };
  return {
    name,
    async resolve() {
      const env = options.env ?? processEnv();
      if (isTrue(env[METADATA_DISABLED_ENV])) throw notConfigured(name, `switched off by ${METADATA_DISABLED_ENV}=true`);
      // Checked here, not left to fetch: its refusal would read as "not an ECS instance?".
      const problem = options.metadataEndpoint === undefined ? undefined : endpointProblem(options.metadataEndpoint, "the metadataEndpoint option", HUAWEI_METADATA_ENDPOINT);
      if (problem) throw sourceFailed(name, problem);
      if (token === null) await updateToken(false);
      const read = () => call("GET", "/openstack/latest/securitykey", token === null ? {} : { "X-Metadata-Token": token });
      let res = await read();
      if (res.status === 401 && !res.text.includes("Please configure Cloud Service Agency first")) {
        await updateToken(true);
        res = await read();
      }
      if (res.status === 401 || res.status === 404) throw notConfigured(name, `the metadata service has no temporary keys (HTTP ${res.status}: is an agency attached to the instance?)`);
      if (res.status !== 200) throw sourceFailed(name, `securitykey request answered HTTP ${res.status}`, statusTransient(res.status));
      const c = jsonBody(res.text)?.credential as Record<string, unknown> | undefined;
      const accessKeyId = str(c?.access);
      const accessKeySecret = str(c?.secret);
      const securityToken = str(c?.securitytoken);
      if (!accessKeyId || !accessKeySecret || !securityToken) throw sourceFailed(name, "the metadata service answered without credential.access, secret and securitytoken");
      const expiration = parseExpiration(c?.expires_at);
      return hideSecrets({ accessKeyId, accessKeySecret, securityToken, ...(expiration !== undefined ? { expiration } : {}), source: name });
    },
  };
}

export type HuaweiChainOptions = HuaweiSourceOptions;

/** Huawei's default chain for BasicCredentials (see the top of this file). */
export function huaweiCredentialChain(options: HuaweiChainOptions = {}): CredentialChain<HuaweiCredentials> {
  return credentialChain<HuaweiCredentials>("Huawei Cloud", [fromHuaweiEnv(options), fromHuaweiProfile(options), fromHuaweiEcsMetadata(options)]);
}

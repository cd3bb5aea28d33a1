// What a provider module tells the facade's credential sources about its vendor (re-exported by src/credentials.ts).
import type { DefaultChainFactory } from "./defaults.js";

/** The environment variables a provider reads (its module's `env`; `ENV` lists them all). */
export interface EnvNames {
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
  projectId?: string;
  /** The IAM endpoint the project-id lookup uses, taken with keys from the environment (Huawei). */
  iamEndpoint?: string;
  token?: string;
  /** A file holding the token, re-read when it changes (Hitachi). */
  tokenFile?: string;
  username?: string;
  password?: string;
  tokenUrl?: string;
  clientId?: string;
  /** The password grant's OAuth client secret, realm and scope (HCP for cloud scale 2.x: realm and `scope=*`). */
  clientSecret?: string;
  realm?: string;
  scope?: string;
}

/** What a provider module tells `accessKeySource` about its vendor's access keys. */
export interface AccessKeyFacts {
  /** The vendor's environment variables. */
  env: EnvNames;
  /**
   * Vendor codes that say "your (temporary) credentials expired": the call refreshes them once and retries once
   * (OSS SecurityTokenExpired, ACS InvalidSecurityToken.Expired, Huawei APIGW.0307 and its APIG.0307 twin: token must be
   * updated). Matched exactly: list every spelling a gateway sends.
   */
  expiredCodes: readonly string[];
  /** The vendor's default chain; undefined outside Node (then the environment only). */
  chain?: DefaultChainFactory | undefined;
}

/** Called with every credential value a client is given or obtains, so its errors can redact them. */
export type RememberSecrets = (...values: unknown[]) => void;

// What the facade's platform module (#credential-defaults) provides.
import type { CredentialProvider, ResolvedCredentials, SourceOptions } from "./types.js";

export type DefaultChainOptions = SourceOptions;

export interface DefaultChain {
  chain: CredentialProvider<ResolvedCredentials> & { readonly sources?: readonly string[] };
  refreshMarginMs?: number | undefined;
}

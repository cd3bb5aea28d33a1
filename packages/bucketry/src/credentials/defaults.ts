// What the facade's platform module (#credential-defaults) provides.
import type { CredentialProvider, ResolvedCredentials, SourceOptions } from "./types.js";

export type DefaultChainOptions = SourceOptions;

export interface DefaultChain {
  chain: CredentialProvider<ResolvedCredentials> & { readonly sources?: readonly string[] };
  refreshMarginMs?: number | undefined;
}

/** A vendor's default chain for a client (the module `#credential-defaults` has one per vendor family on Node). */
export type DefaultChainFactory = (options: DefaultChainOptions) => DefaultChain;

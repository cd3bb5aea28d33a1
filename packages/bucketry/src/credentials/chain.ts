// A chain of sources, tried in order as the vendors' default chains do: the first that supplies credentials
// is kept for every later refresh; a chain where none does throws one error listing every source and why. A
// source set up in a way only the vendor's library can use ends the chain (types.ts, unsupportedSource).
import { permissionDenial } from "./io.js";
import { CredentialChainError, CredentialSourceError, stopsChain, type CredentialProvider, type ResolvedCredentials, type SourceAttempt } from "./types.js";

export interface CredentialChain<C extends ResolvedCredentials = ResolvedCredentials> extends CredentialProvider<C> {
  /** The source in use, once one supplied credentials. */
  readonly selected: string | undefined;
  /** Names of the sources, in order. */
  readonly sources: readonly string[];
}

export function credentialChain<C extends ResolvedCredentials = ResolvedCredentials>(name: string, providers: readonly CredentialProvider<C>[]): CredentialChain<C> {
  let chosen: CredentialProvider<C> | undefined;
  return {
    name,
    get selected() {
      return chosen?.name;
    },
    sources: providers.map((p) => p.name),
    async resolve() {
      if (chosen !== undefined) {
        try {
          return await chosen.resolve();
        } catch (err) {
          throw new CredentialChainError(name, [attemptOf(chosen, err)]);
        }
      }
      const attempts: SourceAttempt[] = [];
      for (const provider of providers) {
        try {
          const value = await provider.resolve();
          chosen = provider;
          return value;
        } catch (err) {
          attempts.push(attemptOf(provider, err));
          // The vendor's chain would have taken this source's credentials: a later source is another identity.
          if (stopsChain(err)) break;
        }
      }
      throw new CredentialChainError(name, attempts);
    },
  };
}

function attemptOf(provider: CredentialProvider<ResolvedCredentials>, err: unknown): SourceAttempt {
  if (err instanceof CredentialSourceError) return { source: provider.name, reason: err.message, configured: err.configured, transient: err.transient };
  if (err instanceof CredentialChainError) return { source: provider.name, reason: err.attempts.map((a) => `${a.source}: ${a.reason}`).join("; "), configured: err.sourceFailed, transient: err.transient };
  // Not one of ours (a caller's source, a runtime's refusal): its name only, as its message could quote anything
  // — except a runtime's permission refusal, which says which permission to grant.
  const denied = permissionDenial(err);
  return { source: provider.name, reason: `failed (${err instanceof Error ? err.name : typeof err}${denied ? `: ${denied}` : ""})`, configured: true };
}

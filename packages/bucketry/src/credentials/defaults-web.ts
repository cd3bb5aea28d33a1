// Outside Node (package.json "imports" #credential-defaults, default condition): the default chain is the
// environment only, read by the facade itself, so browser bundles carry none of the file, metadata and STS code.
import type { Provider } from "../model.js";
import type { DefaultChain, DefaultChainOptions } from "./defaults.js";

export function defaultChain(_provider: Exclude<Provider, "hitachi-vsp-one-object">, _options: DefaultChainOptions): DefaultChain | undefined {
  return undefined;
}

export const hitachiTokenFile = undefined;

export const projectIdLookup = undefined;

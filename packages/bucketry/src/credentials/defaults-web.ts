// Outside Node (package.json "imports" #credential-defaults, default condition): the default chain is the
// environment only, read by the facade itself, so browser bundles carry none of the file, metadata and STS code,
// nor the cache that refreshes a chain's answers.
import type { DefaultChainFactory } from "./defaults.js";

export const alibabaDefaultChain: DefaultChainFactory | undefined = undefined;

export const huaweiDefaultChain: DefaultChainFactory | undefined = undefined;

export const baiduDefaultChain: DefaultChainFactory | undefined = undefined;

export const hitachiTokenFile = undefined;

export const refreshingCredentials = undefined;

export const projectIdLookup = undefined;

export const chainedAccessKeys: typeof import("./chained.js").chainedAccessKeys | undefined = undefined;

export const tokenFileCredentials: typeof import("./chained.js").tokenFileCredentials | undefined = undefined;

// Child processes the tests start load the network guard for children (network-guard-child.mjs, via NODE_OPTIONS):
// a connection to anything but loopback is refused and reported on the child's stderr.
import { fileURLToPath } from "node:url";

/** The child guard's path, for NODE_OPTIONS=--import=<it>. */
export const NETWORK_GUARD_CHILD = fileURLToPath(new URL("./network-guard-child.mjs", import.meta.url));

/**
 * A preload for children (NODE_OPTIONS=--import=<it>) under which every `.invalid` host name fails to resolve with
 * the code in BUCKETRY_TEST_DNS_FAILURE (ENOTFOUND, EAI_AGAIN), no resolver asked (dns-failure-child.mjs).
 */
export const DNS_FAILURE_CHILD = fileURLToPath(new URL("./dns-failure-child.mjs", import.meta.url));

/** `env` with the child guard added to its NODE_OPTIONS. */
export function withNetworkGuard(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --import=${NETWORK_GUARD_CHILD}`.trim() };
}

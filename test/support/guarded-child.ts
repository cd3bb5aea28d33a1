// Child processes the tests start load the network guard for children (network-guard-child.mjs, via NODE_OPTIONS):
// a connection to anything but loopback is refused and reported on the child's stderr.
import { fileURLToPath } from "node:url";

/** The child guard's path, for NODE_OPTIONS=--import=<it>. */
export const NETWORK_GUARD_CHILD = fileURLToPath(new URL("./network-guard-child.mjs", import.meta.url));

/** `env` with the child guard added to its NODE_OPTIONS. */
export function withNetworkGuard(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --import=${NETWORK_GUARD_CHILD}`.trim() };
}

// A Node 22 binary for the pack test, so the installed packages also run on a later LTS line than the CI machine's
// (it has only Node 20). Fetched and cached by scripts/node-line.mjs, which the benchmark shares; see
// there for where it lives and how BUCKETRY_NODE22 names an existing binary instead.
import { nodeLine } from "../../scripts/node-line.mjs";

export interface Node22 {
  path?: string;
  version?: string;
  /** Why there is none (then the Node 22 runs are skipped and say so). */
  reason?: string;
}

export function node22(root: string): Promise<Node22> {
  return nodeLine(root, 22);
}

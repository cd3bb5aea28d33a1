// The bench's profile phase puts each CPU sample in a bucket by the code it ran; a throughput miss's cause quotes
// those buckets, so a sample counted in the wrong one would misstate why ours is slower.
import { describe, expect, it } from "vitest";
import { BUCKETS, bucketize } from "../bench/lib/phase-profile.mjs";

interface Frame {
  functionName: string;
  url: string;
}

/** A .cpuprofile whose samples each run one call stack (outermost frame first), every sample 100 µs apart. */
function profileOf(stacks: Frame[][]) {
  const nodes: { id: number; callFrame: Frame & { lineNumber: number }; children: number[] }[] = [{ id: 1, callFrame: { functionName: "(root)", url: "", lineNumber: -1 }, children: [] }];
  const samples: number[] = [];
  for (const stack of stacks) {
    let parent = nodes[0]!;
    for (const frame of stack) {
      const node = { id: nodes.length + 1, callFrame: { ...frame, lineNumber: 0 }, children: [] };
      nodes.push(node);
      parent.children.push(node.id);
      parent = node;
    }
    samples.push(parent.id);
  }
  return { nodes, samples, timeDeltas: samples.map(() => 100), startTime: 0, endTime: 100 * samples.length };
}

const pkg = (path: string) => `file:///repo/packages/${path}`;
const call = { functionName: "call", url: "file:///repo/bench/impl/aliyun-ens/ours.mjs" };
const coreFetch = { functionName: "coreFetch", url: "file:///repo/node_modules/openapi-fetch/dist/index.mjs" };

describe("bench profile buckets", () => {
  it("counts each sample toward the nearest caller whose code has a bucket, per call", () => {
    const profile = profileOf([
      // openapi-fetch building the platform's Request: the platform's cost, not openapi-fetch's.
      [call, coreFetch, { functionName: "_Request", url: "node:internal/deps/undici/undici" }],
      // A native frame under the signer (a hash) is the signer's.
      [call, coreFetch, { functionName: "signAcs3", url: pkg("signing/dist/acs3.js") }, { functionName: "hash", url: "node:internal/crypto/hash" }],
      [call, coreFetch, { functionName: "viaOwnConnections", url: pkg("signing/dist/transport/node.js") }],
      // The socket's write call is counted apart, whoever made it.
      [call, { functionName: "viaOwnConnections", url: pkg("signing/dist/transport/node.js") }, { functionName: "writeLatin1String", url: "" }],
      [call, coreFetch, { functionName: "serialize", url: pkg("aliyun-ens/dist/index.js") }],
      [call, coreFetch, { functionName: "mergeHeaders", url: coreFetch.url }],
      [{ functionName: "request", url: "file:///repo/bench/node_modules/@alicloud/pop-core/lib/rpc.js" }, { functionName: "ClientRequest", url: "node:_http_client" }],
      [{ functionName: "request", url: "file:///repo/bench/node_modules/@alicloud/pop-core/lib/rpc.js" }],
      [{ functionName: "ReadableStream", url: "node:internal/webstreams/readablestream" }, { functionName: "makeTransferable", url: "node:internal/worker/js_transferable" }],
      [{ functionName: "(garbage collector)", url: "" }],
      [{ functionName: "(idle)", url: "" }],
      [{ functionName: "processTicksAndRejections", url: "node:internal/process/task_queues" }],
    ]);
    const { perCall, cpu } = bucketize(profile, 2);
    expect(Object.keys(perCall)).toEqual(BUCKETS);
    expect(perCall).toEqual({
      "platform Request/Response": 100,
      "openapi-fetch": 50,
      signer: 50,
      transport: 50,
      "generated client": 50,
      "node:http": 50,
      "SDK code": 50,
      "socket writes": 50,
      GC: 50,
      "other Node": 50,
    });
    // Idle time is no one's CPU.
    expect(cpu).toBe(550);
  });
});

// An operation a spec change adds is answered as its spec documents it until its adapter learns it: each adapter
// declares the operations it answers from the data set (`answers`), and the runtime answers any other one with the
// spec's 2xx example (MPC's adapter used to answer it with a bucket listing). An adapter's list names only
// operations its spec has, so a renamed operation is not silently answered from examples.
import { describe, expect, it } from "vitest";
import { createMockState, MockRuntime, testAccount, vendorAdapters, type VendorAdapter } from "../src/index.js";
import { vendors } from "../src/generated/index.js";
import { spec as mpcSpec } from "../src/generated/huaweicloud-mpc.js";
import type { OperationSpec, VendorSpec } from "../src/types.js";

const listing = mpcSpec.operations.ListAllBuckets!;
const THINGS = { things: [{ name: "documented-thing" }] };

/** MPC's spec with one more operation, as a spec edit would add it (its own path and 200 example, or none). */
function withAddedOperation(example: unknown): { spec: VendorSpec; operation: OperationSpec } {
  const ok = listing.responses["200"]!;
  const operation: OperationSpec = {
    ...structuredClone(listing),
    operationId: "ListThings",
    path: "/v1/{project_id}/things",
    responses: {
      "200": { ...structuredClone(ok), content: { "application/json": { schema: { type: "object" }, examples: example === undefined ? {} : { documented: example } } } },
    },
  };
  return { spec: { ...mpcSpec, operations: { ...mpcSpec.operations, ListThings: operation } }, operation };
}

async function call(adapters: readonly VendorAdapter[], spec: VendorSpec): Promise<{ status: number; headers: Headers; text: string }> {
  const runtime = new MockRuntime({ state: createMockState({ buckets: 5, seed: 1 }), adapters });
  const [route] = runtime.routes(spec, "ListThings", []);
  const url = `https://mpc.cn-north-4.myhuaweicloud.com/v1/${testAccount.mpcProjectId}/things`;
  const response = await runtime.handle(route!, new Request(url, { headers: { "X-Auth-Token": testAccount.mpcToken } }));
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe("an operation a spec change added", () => {
  it("is answered with the spec's documented example, decorated as the vendor's answers are", async () => {
    const answer = await call(vendorAdapters, withAddedOperation(THINGS).spec);
    expect(answer.status, answer.text).toBe(200);
    expect(JSON.parse(answer.text)).toEqual(THINGS);
    expect(answer.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
  });

  it("without a documented example, is a 501 that says what the mock lacks", async () => {
    const answer = await call(vendorAdapters, withAddedOperation(undefined).spec);
    expect(answer.status).toBe(501);
    expect(answer.text).toBe("@bucketry/mocks: no answer for ListThings: the huaweicloud-mpc adapter does not answer it (its `answers`), and its spec documents no 2xx example");
  });

  it("an adapter that declares no `answers` keeps answering every operation itself", async () => {
    const adapters = vendorAdapters.map((a): VendorAdapter => {
      if (a.provider !== "huaweicloud-mpc") return a;
      const { answers: _declared, ...rest } = a;
      return rest;
    });
    const answer = await call(adapters, withAddedOperation(THINGS).spec);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toHaveProperty("buckets");
  });

  it("each adapter's `answers` are operations of its spec", () => {
    for (const adapter of vendorAdapters) {
      const operations = Object.keys(vendors[adapter.provider]!.spec.operations);
      expect(adapter.answers, adapter.provider).toBeDefined();
      for (const id of adapter.answers ?? []) expect(operations, `${adapter.provider} answers ${id}`).toContain(id);
    }
  });
});

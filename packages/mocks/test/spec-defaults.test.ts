// An adapter pages by the defaults its spec documents, read from the spec it is given, so a spec change moves
// the mock with it (a hard-coded default went on answering the old one). The real ENS adapter is given its
// operation with PageSize's default changed; a request without PageSize then gets that many buckets.
import { signAcs3 } from "@bucketry/signing";
import { describe, expect, it } from "vitest";
import { testCredentials, vendorAdapters, type VendorAdapter } from "../src/index.js";
import type { OperationSpec } from "../src/types.js";
import { send, sign, useMock } from "./helpers.js";

const withPageSizeDefault = (operation: OperationSpec, value: number): OperationSpec => ({
  ...operation,
  parameters: operation.parameters.map((p) => (p.name === "PageSize" ? { ...p, schema: { ...(p.schema as object), default: value } } : p)),
});
const adapters = vendorAdapters.map((a): VendorAdapter => (a.provider === "aliyun-ens" ? { ...a, respond: (ctx) => a.respond({ ...ctx, operation: withPageSizeDefault(ctx.operation, 7) }) } : a));
const mock = useMock({ buckets: 30, adapters });

describe("ENS paging defaults come from the spec", () => {
  it("a request without PageSize gets the spec's default page size", async () => {
    const request = await sign({ method: "POST", url: "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10&Format=JSON" }, (r) => signAcs3(r, { credentials: testCredentials["aliyun-ens"] }));
    const answer = await send(request);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json().BucketInfos).toHaveLength(7);
    expect(answer.json().TotalCount).toBe(mock.state.buckets.length);
  });
});

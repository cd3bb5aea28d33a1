// Never lose a bucket (issue 12 item 4): a listing record with an unexpected optional value is still returned,
// that normalized field absent and the vendor's value in `raw`; `onWarning` hears what was dropped and why.
// Required fields still fail the page with MalformedResponse. Bodies are written by hand in each vendor's shape.
import { describe, expect, it } from "vitest";
import { BucketryError, type BucketryWarning } from "../src/index.js";
import { clientFor, rejection, STUB_ENDPOINT, stubFetch, unhandledRejectionsDuring } from "./reliability/helpers.js";

const json = (value: unknown) => new Response(JSON.stringify(value), { status: 200, headers: { "content-type": "application/json" } });

const ensPage = (infos: unknown[]) => json({ RequestId: "r-1", TotalCount: infos.length, PageNumber: 1, PageSize: 100, BucketInfos: infos });

describe("ENS: odd optional values", () => {
  const infos = [
    { BucketName: "kept-acl", BucketAcl: "default", CreateTime: "2022-10-12T05:45:00Z", EnsRegionId: "cn-beijing-15" },
    { BucketName: "kept-date", BucketAcl: "private", CreateTime: "2022/10/12 05:45", EnsRegionId: "cn-beijing-15" },
    { BucketName: "plain", BucketAcl: "public-read", CreateTime: "2022-10-12T05:45:00Z", EnsRegionId: "cn-beijing-15" },
  ];

  it("every bucket is listed; the unreadable field is absent and reported once, with the bucket and the raw value", async () => {
    const warnings: BucketryWarning[] = [];
    const client = clientFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"], { fetch: stubFetch(() => ensPage(infos)), onWarning: (w: BucketryWarning) => warnings.push(w) });
    const page = await client.listBucketsPage();
    expect(page.buckets.map((b: { name: string }) => b.name)).toEqual(["kept-acl", "kept-date", "plain"]);
    expect(page.buckets[0]).toEqual({ provider: "aliyun-ens", name: "kept-acl", createdAt: new Date(Date.UTC(2022, 9, 12, 5, 45)), region: "cn-beijing-15", raw: infos[0] });
    expect(page.buckets[1]).toEqual({ provider: "aliyun-ens", name: "kept-date", region: "cn-beijing-15", acl: "private", raw: infos[1] });
    expect(warnings).toEqual([
      { provider: "aliyun-ens", kind: "DroppedField", bucket: "kept-acl", field: "acl", from: "BucketAcl", value: "default", reason: expect.stringContaining("canned ACL"), message: expect.stringContaining('"default"') },
      { provider: "aliyun-ens", kind: "DroppedField", bucket: "kept-date", field: "createdAt", from: "CreateTime", value: "2022/10/12 05:45", reason: expect.stringContaining("ISO 8601"), message: expect.stringContaining("kept-date") },
    ]);
  });

  it("without onWarning the buckets come back the same (warnings are ignored)", async () => {
    const client = clientFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"], { fetch: stubFetch(() => ensPage(infos)) });
    const names: string[] = [];
    for await (const b of client.listBuckets()) names.push(b.name);
    expect(names).toEqual(["kept-acl", "kept-date", "plain"]);
  });

  it("an onWarning that throws does not fail the call", async () => {
    const client = clientFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"], {
      fetch: stubFetch(() => ensPage(infos)),
      onWarning: () => {
        throw new Error("logger down");
      },
    });
    expect((await client.listBucketsPage()).buckets).toHaveLength(3);
  });

  it("an async onWarning that rejects does not fail the call, nor leave an unhandled rejection", async () => {
    const client = clientFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"], {
      fetch: stubFetch(() => ensPage(infos)),
      onWarning: async () => {
        throw new Error("log shipper down");
      },
    });
    let listed = 0;
    const unhandled = await unhandledRejectionsDuring(async () => (listed = (await client.listBucketsPage()).buckets.length));
    expect(unhandled).toEqual([]);
    expect(listed).toBe(3);
  });

  it("a missing required field still fails the page with MalformedResponse", async () => {
    const client = clientFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"], { fetch: stubFetch(() => ensPage([...infos, { BucketAcl: "private" }])), retry: false });
    const err = await rejection(client.listBucketsPage());
    expect(err).toMatchObject({ kind: "MalformedResponse", retryable: false });
    expect(err.message).toMatch(/BucketName/);
  });

  it("onWarning must be a function", () => {
    expect(() => clientFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"], { onWarning: "console" })).toThrow(BucketryError);
    expect(() => clientFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"], { onWarning: "console" })).toThrow(/onWarning must be a function/);
  });
});

describe("MPC and Hitachi: odd optional values", () => {
  it("MPC: a creation_date that does not parse leaves createdAt out and is reported", async () => {
    const warnings: BucketryWarning[] = [];
    const body = { buckets: [{ bucket: "odd-date", creation_date: "26/10/2022", is_authorized: 1 }, { bucket: "good", creation_date: 20221026152511, is_authorized: 0 }] };
    const client = clientFor("huaweicloud-mpc", STUB_ENDPOINT["huaweicloud-mpc"], { fetch: stubFetch(() => json(body)), onWarning: (w: BucketryWarning) => warnings.push(w) });
    const page = await client.listBucketsPage();
    expect(page.buckets).toEqual([
      { provider: "huaweicloud-mpc", name: "odd-date", region: "cn-north-4", raw: body.buckets[0] },
      { provider: "huaweicloud-mpc", name: "good", region: "cn-north-4", createdAt: new Date(Date.UTC(2022, 9, 26, 15, 25, 11)), raw: body.buckets[1] },
    ]);
    expect(warnings).toMatchObject([{ provider: "huaweicloud-mpc", kind: "DroppedField", bucket: "odd-date", field: "createdAt", from: "creation_date", value: "26/10/2022" }]);
  });

  it("Hitachi: a bucketId that is not an id leaves id out and is reported", async () => {
    const warnings: BucketryWarning[] = [];
    const items = [{ bucketId: 1.5, bucketName: "odd-id" }, { bucketId: 7, bucketName: "good" }];
    const client = clientFor("hitachi-vsp-one-object", STUB_ENDPOINT["hitachi-vsp-one-object"], { fetch: stubFetch(() => json(items)), onWarning: (w: BucketryWarning) => warnings.push(w) });
    const page = await client.listBucketsPage({ userId: 1 });
    expect(page.buckets.map((b: { name: string; id?: string }) => [b.name, b.id])).toEqual([
      ["odd-id", undefined],
      ["good", "7"],
    ]);
    expect(page.buckets[0]).not.toHaveProperty("id");
    expect(warnings).toMatchObject([{ provider: "hitachi-vsp-one-object", bucket: "odd-id", field: "id", from: "bucketId", value: 1.5 }]);
  });
});

describe("OSS: a <Grant> beyond the canned ACLs OSS documents", () => {
  // ali-oss hands any <Grant> back as it is; the facade must not fail a call the official SDK answers.
  const body = (grant: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<AccessControlPolicy><Owner><ID>0022012****</ID><DisplayName>user_example</DisplayName></Owner><AccessControlList><Grant>${grant}</Grant></AccessControlList></AccessControlPolicy>`;
  const xml = (text: string) => new Response(text, { status: 200, headers: { "content-type": "application/xml", "x-oss-request-id": "r-1" } });

  it("is returned in raw with the owner's grant, conditional, no acl; onWarning hears it", async () => {
    const warnings: BucketryWarning[] = [];
    const client = clientFor("aliyun-oss", STUB_ENDPOINT["aliyun-oss"], { fetch: stubFetch(() => xml(body("authenticated-read"))), onWarning: (w: BucketryWarning) => warnings.push(w) });
    const acl = await client.getBucketAcl("examplebucket");
    expect(acl).not.toHaveProperty("acl");
    expect(acl).toMatchObject({ provider: "aliyun-oss", conditional: true, grants: [{ grantee: { type: "user", id: "0022012****" }, permission: "FULL_CONTROL" }] });
    expect(acl.raw.AccessControlList.Grant).toBe("authenticated-read");
    expect(warnings).toMatchObject([{ provider: "aliyun-oss", kind: "DroppedField", bucket: "examplebucket", field: "acl", from: "AccessControlList.Grant", value: "authenticated-read" }]);
  });

  it("a policy without <Grant> is returned the same way (nothing to report)", async () => {
    const warnings: BucketryWarning[] = [];
    const client = clientFor("aliyun-oss", STUB_ENDPOINT["aliyun-oss"], { fetch: stubFetch(() => xml(body("").replace("<Grant></Grant>", ""))), onWarning: (w: BucketryWarning) => warnings.push(w) });
    const acl = await client.getBucketAcl("examplebucket");
    expect(acl).not.toHaveProperty("acl");
    expect(acl).toMatchObject({ conditional: true, grants: [{ grantee: { type: "user", id: "0022012****" }, permission: "FULL_CONTROL" }] });
    expect(warnings).toEqual([]);
  });
});

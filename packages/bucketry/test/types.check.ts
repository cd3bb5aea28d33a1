// Type-level tests of the facade: `tsc -p test/tsconfig.json` must compile this file, and each
// expect-error directive below must be needed (an unused one is itself an error). Nothing here runs.
import type { BucketInfo as EnsBucketInfo } from "@bucketry/aliyun-ens";
import type { ObsBucket } from "@bucketry/huaweicloud-mpc";
import type { UserBucket } from "@bucketry/hitachi-vsp-one-object";
import type { AccessControlPolicy as OssPolicy } from "@bucketry/aliyun-oss";
import type { GetBucketAclResponse } from "@bucketry/baidu-bos";
import { createBucketClient, ENV, type Bucket, type BucketAcl, type BucketClientFor, type BucketClientOptions, type BucketPage, type BucketryError, type CannedAcl, type EnvNames, type Grantee, type RetryBudgetOptions, type RetryOptions } from "../src/index.js";
import { createBucketClient as ensEntry } from "../src/generated/entries/aliyun-ens.js";
import { createBucketClient as mpcEntry } from "../src/generated/entries/huaweicloud-mpc.js";
import { createBucketClient as bosEntry } from "../src/generated/entries/baidu-bos.js";
import { createBucketClient as hitachiEntry } from "../src/generated/entries/hitachi-vsp-one-object.js";
import { createBucketClient as ossEntry, type BucketryError as EntryError } from "../src/generated/entries/aliyun-oss.js";
import { text as mappingText, type FieldTable } from "../src/providers/mapping.js";
import type { MockServerLike } from "../src/cli/mocks.js";
import type { COMMON_OPTION_KEYS, CommonOptions } from "../src/options.js";
import type { AccessDeniedDetail, BucketryErrorInit } from "../src/index.js";
import type { AccessDeniedDetail as EntryAccessDeniedDetail, BucketryErrorInit as EntryErrorInit } from "../src/generated/entries/baidu-bos.js";
import type { CredentialIo, CredentialSourceError, Env, FileStamp, SourceOptions, TransientKind } from "../src/credentials/index.js";
import type { BucketryError as RootError } from "../src/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}
declare const maybeRegion: string | undefined;
declare const useCname: boolean;

export async function ossClient(): Promise<void> {
  const oss = createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou" });
  const acl: BucketAcl<"aliyun-oss"> = await oss.getBucketAcl("examplebucket", { retry: false });
  assertType<Equal<typeof acl.raw, OssPolicy>>();
  assertType<Equal<typeof oss.provider, "aliyun-oss">>();
  // @ts-expect-error OSS documents GetBucketAcl only: no listing
  oss.listBuckets();
  // @ts-expect-error no listBucketsPage either
  void oss.listBucketsPage;
  // @ts-expect-error getBucketAcl needs the bucket
  await oss.getBucketAcl();
  createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", cname: true, endpoint: "https://img.example.com" });
  createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", cname: useCname, endpoint: "https://img.example.com" });
  // @ts-expect-error cname: true needs the bucket's domain as endpoint (a Configuration error at run time)
  createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", cname: true });
  // @ts-expect-error a cname flag that may be true, and no endpoint
  createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", cname: useCname });
  // @ts-expect-error the same through the provider's own entry
  ossEntry({ region: "cn-hangzhou", cname: true });

  // `raw` is the signed generated client, typed from the spec.
  const { data, error } = await oss.raw.GET("/", {});
  if (data) {
    const policy: OssPolicy = data;
    const grant: CannedAcl = data.AccessControlList.Grant;
    const ownerId: string = data.Owner.ID;
    void [policy, grant, ownerId];
  }
  if (error) {
    const code: string = error.Code;
    void code;
  }
  // @ts-expect-error GetBucketAcl is a GET
  await oss.raw.PUT("/", {});
}

export async function bosClient(): Promise<void> {
  const bos = createBucketClient({ provider: "baidu-bos" }); // region optional (default bj)
  const acl = await bos.getBucketAcl("examplebucket");
  assertType<Equal<typeof acl, BucketAcl<"baidu-bos">>>();
  assertType<Equal<typeof acl.raw, GetBucketAclResponse>>();
  // @ts-expect-error BOS has no listing
  bos.listBuckets();
  // @ts-expect-error addressing is one of two styles
  createBucketClient({ provider: "baidu-bos", addressing: "dns" });
  createBucketClient({ provider: "baidu-bos", cname: true, endpoint: "https://img.example.com" });
  createBucketClient({ provider: "baidu-bos", cname: false });
  // @ts-expect-error cname: true needs the bucket's domain as endpoint (a Configuration error at run time)
  createBucketClient({ provider: "baidu-bos", cname: true });
  // @ts-expect-error the same through the provider's own entry
  bosEntry({ cname: true });
  // @ts-expect-error cname addresses by the bucket's own domain, never path-style
  createBucketClient({ provider: "baidu-bos", cname: true, endpoint: "https://img.example.com", addressing: "path" });
}

export async function ensClient(): Promise<void> {
  const ens = createBucketClient({ provider: "aliyun-ens" }); // region optional (central endpoint)
  for await (const bucket of ens.listBuckets()) {
    assertType<Equal<typeof bucket, Bucket<"aliyun-ens">>>();
    assertType<Equal<typeof bucket.raw, EnsBucketInfo>>();
    assertType<Equal<Bucket<"aliyun-ens">["raw"], EnsBucketInfo>>();
    const name: string = bucket.name;
    const created: Date | undefined = bucket.createdAt;
    // @ts-expect-error createdAt may be absent
    const mustHave: Date = bucket.createdAt;
    // @ts-expect-error ENS records have no Hitachi fields
    void bucket.raw.bucketId;
    void [name, created, mustHave];
  }
  for await (const bucket of ens.listBuckets({ prefix: "img", pageSize: 50 })) void bucket;
  const page: BucketPage<"aliyun-ens"> = await ens.listBucketsPage({ cursor: "2" });
  const next: string | undefined = page.nextCursor;
  void next;
  // @ts-expect-error ENS lists buckets; it has no getBucketAcl
  await ens.getBucketAcl("b");
  // @ts-expect-error signatureVersion is "v3" or "v1"
  createBucketClient({ provider: "aliyun-ens", signatureVersion: "v2" });
  // @ts-expect-error prefix is a string
  ens.listBuckets({ prefix: 1 });
}

export async function mpcClient(): Promise<void> {
  const mpc = createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", projectId: "0a1b2c3d4e5f60718293a4b5c6d7e8f9" });
  for await (const bucket of mpc.listBuckets()) assertType<Equal<typeof bucket.raw, ObsBucket>>();
  createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", projectId: "p", credentials: { token: "iam-token" } });
  // projectId may be left out: HUAWEICLOUD_SDK_PROJECT_ID, the credentials' profile, or IAM by region.
  createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4" });
  // With an endpoint MPC needs no region.
  createBucketClient({ provider: "huaweicloud-mpc", endpoint: "https://mpc.cn-north-4.myhuaweicloud.com", projectId: "p" });
  mpcEntry({ endpoint: "https://mpc.cn-north-4.myhuaweicloud.com", projectId: "p" });
  mpcEntry({ region: "cn-north-4" });
  // @ts-expect-error MPC needs a region or an endpoint (a Configuration error at run time)
  createBucketClient({ provider: "huaweicloud-mpc", projectId: "p" });
  // @ts-expect-error the same through the provider's own entry
  mpcEntry({ projectId: "p" });
  // @ts-expect-error a region that may be undefined, and no endpoint
  createBucketClient({ provider: "huaweicloud-mpc", region: maybeRegion });
  // @ts-expect-error MPC has no getBucketAcl
  void mpc.getBucketAcl;
}

export async function hitachiClient(): Promise<void> {
  const hitachi = createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: "https://admin.region1.cluster1/mapi", credentials: { token: "t" } });
  for await (const bucket of hitachi.listBuckets({ userId: 42 })) {
    assertType<Equal<typeof bucket.raw, UserBucket>>();
    const id: string | undefined = bucket.id; // numeric bucketIds are normalized to strings
    void id;
  }
  for await (const bucket of hitachi.listBuckets({ userId: "7c1f0d2a-91f4-4f0e-8a55-2b8f3c4d5e6f", pageSize: 500 })) void bucket;
  await hitachi.listBucketsPage({ userId: 1, cursor: "token" });
  // @ts-expect-error Hitachi listing requires { userId }
  hitachi.listBuckets();
  // @ts-expect-error … and not an empty options object
  hitachi.listBuckets({});
  // @ts-expect-error listBucketsPage requires userId too
  await hitachi.listBucketsPage({ cursor: "token" });
  // @ts-expect-error Hitachi needs the management endpoint
  createBucketClient({ provider: "hitachi-vsp-one-object", credentials: { token: "t" } });
  createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: "https://h/mapi", credentials: { username: "u", password: "p", tokenUrl: "https://t" } });
  createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: "https://h/mapi", credentials: async () => ({ token: "t" }) });
  // @ts-expect-error access keys are not Hitachi credentials
  createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: "https://h/mapi", credentials: { accessKeyId: "a", accessKeySecret: "s" } });
}

export function requiredOptions(): void {
  // @ts-expect-error OSS needs a region (it is part of the V4 signature scope and the host)
  createBucketClient({ provider: "aliyun-oss" });
  // @ts-expect-error unknown provider
  createBucketClient({ provider: "aws-s3" });
  // Credentials: static, STS, or a (possibly async) function.
  createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", credentials: { accessKeyId: "a", accessKeySecret: "s", securityToken: "t" } });
  createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", credentials: async () => ({ accessKeyId: "a", accessKeySecret: "s" }) });
  // @ts-expect-error accessKeySecret is required
  createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", credentials: { accessKeyId: "a" } });
  // @ts-expect-error signatureVersion for OSS is "v4" or "v1"
  createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", signatureVersion: "v3" });
}

export function unknownOptions(): void {
  // A misspelled optional option is an error (the generic parameter alone would accept and ignore it).
  // @ts-expect-error `retires` is not an option
  createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", retires: 5 });
  // @ts-expect-error `regoin` is not an option (ENS's region is optional, so nothing else catches it)
  createBucketClient({ provider: "aliyun-ens", regoin: "cn-beijing" });
  // @ts-expect-error `projectId` is an MPC option, not a BOS one
  createBucketClient({ provider: "baidu-bos", projectId: "p" });
  // @ts-expect-error `apiVersion` is Hitachi's, not OSS's
  createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", apiVersion: "3.3" });
  // Misspellings inside nested options too: an STS token spelled wrong would be dropped and the call sent unsigned by it.
  // @ts-expect-error `baseDelay` is not a retry option (baseDelayMs)
  createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", retry: { maxAttempts: 2, baseDelay: 50 } });
  // @ts-expect-error `securityTokn` is not a credentials field
  createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", credentials: { accessKeyId: "a", accessKeySecret: "b", securityTokn: "t" } });
  // MPC answers with one page: a pageSize (a Configuration error at run time) does not compile.
  // @ts-expect-error MPC takes no pageSize
  void createBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4" }).listBucketsPage({ pageSize: 10 });
  // Every provider's own options still pass, including ones only some credential forms use.
  createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: "https://h/mapi", apiVersion: "3.0", credentials: { token: "t" }, retry: { maxAttempts: 2 }, timeoutMs: 1_000 });
  createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", addressing: "path", signatureVersion: "v1", fetch: globalThis.fetch });
  // Options held in a variable of the union type still type-check (each is its provider's).
  const fromConfig = JSON.parse("{}") as BucketClientOptions;
  const client = createBucketClient(fromConfig);
  void client.provider;
}

export function aclNarrowing(acl: BucketAcl): string[] {
  const out: string[] = [];
  const first = acl.grants[0];
  if (first) {
    const grantee: Grantee = first.grantee;
    if (grantee.type === "user") out.push(grantee.id);
    else {
      assertType<Equal<typeof grantee, { type: "everyone" }>>();
      // @ts-expect-error "everyone" has no id
      out.push(grantee.id);
    }
    // @ts-expect-error id exists only once narrowed to a user
    out.push(first.grantee.id);
  }
  const canned: CannedAcl | undefined = acl.acl;
  // @ts-expect-error "default" is an object ACL, not a bucket ACL
  const objectAcl: CannedAcl = "default";
  void [canned, objectAcl];
  return out;
}

// Each provider's own entry (`bucketry/<id>`): the root entry's options with `provider` optional, and exactly
// the client type the root entry gives for that provider.

export function providerEntries(): void {
  const ens = ensEntry({});
  assertType<Equal<typeof ens, BucketClientFor<{ provider: "aliyun-ens" }>>>();
  assertType<Equal<typeof ens, ReturnType<typeof createBucketClient<"aliyun-ens">>>>();
  const mpc = mpcEntry({ region: "cn-north-4", projectId: "p" });
  assertType<Equal<typeof mpc, BucketClientFor<{ provider: "huaweicloud-mpc" }>>>();
  const bos = bosEntry({ provider: "baidu-bos", region: "gz" });
  assertType<Equal<typeof bos, BucketClientFor<{ provider: "baidu-bos" }>>>();
  const hitachi = hitachiEntry({ endpoint: "https://h/mapi", credentials: { token: "t" } });
  assertType<Equal<typeof hitachi, BucketClientFor<{ provider: "hitachi-vsp-one-object" }>>>();
  const oss = ossEntry({ region: "cn-hangzhou", signatureVersion: "v1" });
  assertType<Equal<typeof oss, BucketClientFor<{ provider: "aliyun-oss" }>>>();
  assertType<Equal<typeof oss, ReturnType<typeof createBucketClient<"aliyun-oss">>>>();
  // The entries share one error class (and the model) with the root entry.
  assertType<Equal<EntryError, BucketryError>>();
  // Options a provider requires stay required.
  // @ts-expect-error OSS needs a region
  ossEntry({});
  // @ts-expect-error Hitachi needs the management endpoint
  hitachiEntry({ credentials: { token: "t" } });
  mpcEntry({ endpoint: "https://mpc.cn-north-4.myhuaweicloud.com", projectId: "p" });
  // @ts-expect-error an entry makes its own provider's clients only
  ossEntry({ provider: "baidu-bos", region: "cn-hangzhou" });
  // @ts-expect-error OSS signature versions only
  ossEntry({ region: "cn-hangzhou", signatureVersion: "v3" });
  // @ts-expect-error the OSS client has no listing
  oss.listBuckets();
}

// Options the run time takes as undefined (a value read from config that may be absent) type-check under
// exactOptionalPropertyTypes, and ENV's element type has a name a program's declarations can use.
export function undefinedOptions(maybe: number | undefined): EnvNames {
  const retry: RetryOptions = { maxAttempts: maybe, baseDelayMs: maybe, maxDelayMs: maybe, onRetry: undefined };
  const budget: RetryBudgetOptions = { capacity: maybe, retryCost: maybe, timeoutCost: maybe, successIncrement: maybe };
  void createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", retry, retryBudget: budget });
  return ENV["aliyun-oss"];
}

// Without a type argument, Bucket and BucketAcl are unions over the providers: `provider` narrows `raw`.
export function narrowByProvider(bucket: Bucket, acl: BucketAcl): string {
  if (bucket.provider === "huaweicloud-mpc") assertType<Equal<typeof bucket.raw, ObsBucket>>();
  if (bucket.provider === "aliyun-ens") assertType<Equal<typeof bucket.raw, EnsBucketInfo>>();
  if (acl.provider === "aliyun-oss") return acl.raw.Owner?.ID ?? "";
  assertType<Equal<typeof acl.raw, GetBucketAclResponse>>();
  return acl.raw.owner.id;
}

// A field table names its vendor fields by the generated record type: a field the vendor renamed, or a path
// into one that does not exist, is a build error in the facade (not a field silently read as missing).
export function fieldTablesFollowTheGeneratedRecords(): void {
  void ({ name: { from: "BucketName", via: mappingText } } satisfies FieldTable<EnsBucketInfo>);
  // @ts-expect-error ENS names it BucketName: a table still saying "Name" after a rename does not compile
  void ({ name: { from: "Name", via: mappingText } } satisfies FieldTable<EnsBucketInfo>);
  void ({ ownerId: { from: "Owner.ID", via: mappingText } } satisfies FieldTable<OssPolicy>);
  // @ts-expect-error a path into the record is checked member by member
  void ({ ownerId: { from: "Owner.Id", via: mappingText } } satisfies FieldTable<OssPolicy>);
  // @ts-expect-error MPC's field is creation_date
  void ({ createdAt: { from: "created", via: mappingText } } satisfies FieldTable<ObsBucket>);
  // An untyped table takes any path (the generic applyTable reads any record).
  void ({ x: { from: "any.path", via: mappingText } } satisfies FieldTable);
}

// `bucketry mock` / `demo` load @bucketry/mocks/server at run time (an optional peer, never imported statically):
// what the CLI reads of it is MockServerLike. A mocks release that changes its server's shape must fail here,
// not in a user's terminal.
export async function mocksServerFitsTheCli(start: typeof import("@bucketry/mocks/server").startMockServer): Promise<MockServerLike> {
  return start({ port: 0, host: "127.0.0.1", buckets: 1, seed: 1 });
}

// The runtime list of common option keys (the unknown-option check reads it) names every key of CommonOptions.
export function commonOptionKeysAreWhole(): void {
  assertType<Equal<(typeof COMMON_OPTION_KEYS)[number], keyof CommonOptions>>();
}

// A Hitachi credentials function is always told whether its last token was refused ({ refresh }).
export function hitachiCredentialsFunction(): void {
  createBucketClient({ provider: "hitachi-vsp-one-object", endpoint: "https://h/mapi", credentials: async ({ refresh }) => ({ token: refresh ? "fresh" : "cached" }) });
  hitachiEntry({ endpoint: "https://h/mapi", credentials: (request: { refresh: boolean }) => ({ token: request.refresh ? "fresh" : "cached" }) });
}

// Types that public signatures name are exported under their names: the error constructor's init, a credential
// failure's transient kind, the credential sources' `io` and `env` options.
export function namedPublicTypes(): void {
  assertType<Equal<BucketryErrorInit, ConstructorParameters<typeof RootError>[0]>>();
  assertType<Equal<EntryErrorInit, BucketryErrorInit>>();
  assertType<Equal<AccessDeniedDetail | undefined, RootError["accessDeniedDetail"]>>();
  assertType<Equal<EntryAccessDeniedDetail, AccessDeniedDetail>>();
  assertType<Equal<TransientKind | undefined, CredentialSourceError["transient"]>>();
  assertType<Equal<Env | undefined, SourceOptions["env"]>>();
  assertType<Equal<ReturnType<CredentialIo["fingerprint"]>, Promise<FileStamp>>>();
}

// BucketPage, like Bucket, takes no type argument for "any listing provider": its buckets narrow by `provider`.
export function anyPage(page: BucketPage): string[] {
  assertType<Equal<BucketPage["buckets"][number], Bucket>>();
  return page.buckets.map((b) => (b.provider === "huaweicloud-mpc" ? b.raw.bucket : b.name));
}

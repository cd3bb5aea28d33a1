// The pure signers given inputs of the wrong shape: each says what to change, in its own words, and never quotes a
// secret.
import { describe, expect, it } from "vitest";
import { signAcsRpcV1 } from "../src/acs-rpc-v1.js";
import { signAcs3 } from "../src/acs3.js";
import { signBceV1 } from "../src/bce-v1.js";
import { signSdkHmacSha256 } from "../src/huawei-sdk-hmac.js";
import { signOssV1 } from "../src/oss-v1.js";
import { signOssV4 } from "../src/oss-v4.js";
import type { Clock, CredentialSource } from "../src/types.js";

const request = (url = "https://examplebucket.oss-cn-hangzhou.aliyuncs.com/?acl") => ({ method: "GET", url: new URL(url), headers: new Headers() });
type Sign = (credentials: CredentialSource, clock?: Clock) => Promise<void>;
const SIGNERS: Record<string, [prefix: string, sign: Sign]> = {
  "ACS3 (ENS)": ["ACS3", (credentials, clock) => signAcs3(request(), { credentials, clock, action: "ListBuckets", version: "2017-11-10" })],
  "RPC v1 (ENS)": ["RPC v1", (credentials, clock) => signAcsRpcV1(request("https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10"), { credentials, clock })],
  "OSS V4": ["OSS V4", (credentials, clock) => signOssV4(request(), { credentials, clock, region: "cn-hangzhou", bucket: "examplebucket" })],
  "OSS V1": ["OSS V1", (credentials, clock) => signOssV1(request(), { credentials, clock, bucket: "examplebucket" })],
  "bce-auth-v1 (BOS)": ["bce-auth-v1", (credentials, clock) => signBceV1(request(), { credentials, clock })],
  "SDK-HMAC-SHA256 (MPC)": ["SDK-HMAC-SHA256", (credentials, clock) => signSdkHmacSha256(request(), { credentials, clock })],
};

const failure = (promise: Promise<unknown>): Promise<Error | undefined> =>
  promise.then(
    () => undefined,
    (e: unknown) => e as Error,
  );

describe("credentials that resolve to something other than an object", () => {
  for (const [scheme, [prefix, sign]] of Object.entries(SIGNERS)) {
    it.each([
      ["a function that returns nothing", (): undefined => undefined, "undefined"],
      ["an async function that resolves to null", async (): Promise<null> => null, "null"],
      ["a string", "AKID:secret-in-a-string", "string"],
    ] as const)(`${scheme}: %s is refused, saying what arrived`, async (_, credentials, got) => {
      const err = await failure(sign(credentials as never));
      expect(err).toBeInstanceOf(TypeError);
      expect(err!.message).toBe(`${prefix}: credentials resolved to ${got}, not { accessKeyId, accessKeySecret }`);
    });
  }
});

describe("a clock that returns no time", () => {
  const credentials = { accessKeyId: "AKID-test", accessKeySecret: "sk-test" };
  for (const [scheme, [prefix, sign]] of Object.entries(SIGNERS)) {
    it.each([
      [(): number => NaN, "NaN"],
      [(): number => Infinity, "Infinity"],
      [(): number => 1e20, "100000000000000000000"],
      [(() => undefined) as never as Clock, "undefined"],
    ] as const)(`${scheme}: clock %s is refused, naming the option`, async (clock, got) => {
      const err = await failure(sign(credentials, clock));
      expect(err).toBeInstanceOf(TypeError);
      expect(err!.message).toBe(`${prefix}: clock must return epoch milliseconds (as Date.now does), got ${got}`);
    });

    it(`${scheme}: a clock returning a fractional millisecond or a Date still signs`, async () => {
      await expect(sign(credentials, () => 1_700_000_000_000.5)).resolves.toBeUndefined();
      await expect(sign(credentials, (() => new Date(1_700_000_000_000)) as never as Clock)).resolves.toBeUndefined();
    });
  }
});

describe("a list option given as something other than an array of strings", () => {
  const credentials = { accessKeyId: "AKID-test", accessKeySecret: "sk-test" };
  const url = "https://examplebucket.oss-cn-hangzhou.aliyuncs.com/?acl";
  const LISTS: [scheme: string, option: string, sign: (list: unknown) => Promise<void>][] = [
    ["bce-auth-v1", "headersToSign", (list) => signBceV1(request(), { credentials, headersToSign: list as string[] })],
    ["OSS V1", "subResources", (list) => signOssV1(request(url), { credentials, bucket: "examplebucket", subResources: list as string[] })],
    ["OSS V4", "additionalHeaders", (list) => signOssV4(request(url), { credentials, region: "cn-hangzhou", bucket: "examplebucket", additionalHeaders: list as string[] })],
  ];
  for (const [scheme, option, sign] of LISTS) {
    it.each([
      ["a string", "host"],
      ["an object", { host: true }],
      ["an array with a number", ["host", 7]],
    ] as const)(`${scheme}: ${option} as %s is refused, naming the option`, async (_, list) => {
      const err = await failure(sign(list));
      expect(err).toBeInstanceOf(TypeError);
      expect(err!.message).toBe(`${scheme}: ${option} must be an array of strings`);
    });

    it(`${scheme}: ${option} as an array, empty or absent still signs`, async () => {
      for (const list of [["host"], [], undefined]) await expect(sign(list)).resolves.toBeUndefined();
    });
  }
});

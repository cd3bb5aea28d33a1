// The CLI's exit codes, kind by kind, as the README's table documents them (written out here by hand, not read
// from the code's sets): a new error kind fails to compile until it is given its code.
import { describe, expect, it } from "vitest";
import { CliError, EXIT, exitCodeFor, formatError, formatErrorJson, inCliTerms, UsageError } from "../../src/cli/exit.js";
import { marked } from "../../src/credentials/checks.js";
import { BucketryError, type ErrorKind } from "../../src/errors.js";
import { errorFromResponse } from "../../src/http.js";
import { ossErrors } from "../../src/providers/aliyun-oss.js";
import { clientFor, rejection, STUB_ENDPOINT, stubFetch } from "../reliability/helpers.js";

/** README, "Exit codes": 3 credentials or auth, 4 not found, 5 any other API error, 6 network or timeout. */
const DOCUMENTED = {
  InvalidCredentials: 3,
  SignatureMismatch: 3,
  AccessDenied: 3,
  NoSuchBucket: 4,
  NotFound: 4,
  InvalidArgument: 5,
  Throttled: 5,
  ClockSkew: 5,
  Unavailable: 5,
  ServerError: 5,
  Aborted: 5,
  MalformedResponse: 5,
  Unknown: 5,
  Network: 6,
  Timeout: 6,
  // A value the library refuses (exit 2); credentials it refuses: 3 (below).
  Configuration: 2,
} as const satisfies Record<ErrorKind, number>;

describe("exit codes", () => {
  it.each(Object.entries(DOCUMENTED))("a BucketryError of kind %s exits %i", (kind, code) => {
    expect(exitCodeFor(new BucketryError({ provider: "aliyun-oss", kind: kind as ErrorKind, message: "x" }))).toBe(code);
  });

  it("a Configuration error about credentials exits 3; the command line 2; the CLI's own failures their code; anything else 1", () => {
    expect(exitCodeFor(marked(new BucketryError({ provider: "aliyun-oss", kind: "Configuration", message: "no credentials" })))).toBe(3);
    expect(exitCodeFor(new UsageError("unknown flag --x"))).toBe(2);
    expect(exitCodeFor(new CliError("bad profile file", 3))).toBe(3);
    expect(exitCodeFor(new TypeError("a bug"))).toBe(1);
    expect(EXIT).toEqual({ ok: 0, failure: 1, usage: 2, auth: 3, notFound: 4, api: 5, network: 6 });
  });
});

describe("the error line", () => {
  // OSS's explicit-deny example (its page for EC 0003-00000201), as the facade reads it.
  const denied = new BucketryError({
    provider: "aliyun-oss",
    kind: "AccessDenied",
    status: 403,
    code: "AccessDenied",
    requestId: "65AF5037***5347E6D09",
    ec: "0003-00000201",
    helpUrl: "https://api.aliyun.com/troubleshoot?q=0003-00000201",
    accessDeniedDetail: { authAction: "oss:PutBucketReferer", noPermissionType: "ExplicitDeny", policyType: "AccountLevelIdentityBasedPolicy", authPrincipalType: "SubUser" },
    message: "aliyun-oss answered HTTP 403 (AccessDenied: Access denied by bucket policy.) [request id 65AF5037***5347E6D09]",
  });

  it("names the request id, OSS's EC, the action RAM denied and why, and ends with the vendor's page", () => {
    expect(formatError(denied)).toBe(
      "bucketry: aliyun-oss answered HTTP 403 (AccessDenied: Access denied by bucket policy.) (kind AccessDenied, request id 65AF5037***5347E6D09, EC 0003-00000201, RAM denied oss:PutBucketReferer ExplicitDeny AccountLevelIdentityBasedPolicy) — see https://api.aliyun.com/troubleshoot?q=0003-00000201",
    );
  });

  it("without them, none of those facts", () => {
    const plain = new BucketryError({ provider: "baidu-bos", kind: "AccessDenied", status: 403, code: "AccessDenied", message: "baidu-bos answered HTTP 403 (AccessDenied: x)" });
    expect(formatError(plain)).toBe("bucketry: baidu-bos answered HTTP 403 (AccessDenied: x) (kind AccessDenied)");
  });
});

describe("the library's advice in CLI terms", () => {
  // Written out by hand: the CLI builds its map from the provider modules' flags (cli.test.ts runs the binary).
  const flags = new Map([
    ["projectId", "--project-id"],
    ["apiVersion", "--api-version"],
    ["userId", "--user-id"],
    ["signatureVersion", "--signature-version"],
    ["addressing", "--addressing"],
    ["cname", "--cname"],
  ]);

  it("an option with its value reads as the flag with that value (addressing: \"path\", cname: true, apiVersion \"3.0\")", () => {
    expect(inCliTerms('cname: true addresses the bucket by its own domain; it cannot be combined with addressing: "path"', flags)).toBe(
      "--cname true addresses the bucket by its own domain; it cannot be combined with --addressing path",
    );
    expect(inCliTerms('apiVersion "3.3" contradicts the cluster, which answered in the older form (a bare array): use "auto" or "3.0"', flags)).toBe(
      '--api-version 3.3 contradicts the cluster, which answered in the older form (a bare array): use "auto" or "3.0"',
    );
    expect(inCliTerms('signatureVersion: "v1" and `userId` is required; pass projectId', flags)).toBe("--signature-version v1 and --user-id is required; pass --project-id");
    // A value a shell would split keeps its quotes.
    expect(inCliTerms('apiVersion "a b"', flags)).toBe('--api-version "a b"');
  });

  it("a plain word that names an option is left alone in prose (no backticks, no value)", () => {
    expect(inCliTerms("leave cname out: virtual-hosted addressing applies", flags)).toBe("leave cname out: virtual-hosted addressing applies");
    expect(inCliTerms("`cname` needs an endpoint", flags)).toBe("--cname needs an endpoint");
  });

  it("a clock-skew error keeps the advice a command line can follow (sync the clock), not the library's `clock` option", async () => {
    const skewed = () =>
      new Response(`<?xml version="1.0"?><Error><Code>RequestTimeTooSkewed</Code><Message>skewed</Message><RequestId>R</RequestId></Error>`, { status: 403, headers: { "content-type": "application/xml" } });
    const client = clientFor("aliyun-oss", STUB_ENDPOINT["aliyun-oss"], { fetch: stubFetch(skewed), retry: false });
    const err = await rejection(client.getBucketAcl("example-bucket"));
    expect(err.message).toMatch(/: sync this machine's clock \(NTP\) or pass `clock`$/);
    expect(formatError(err, flags)).toMatch(/: sync this machine's clock \(NTP\) \(kind ClockSkew, /);
    expect(JSON.parse(formatErrorJson(err, flags)).error.message).toMatch(/: sync this machine's clock \(NTP\)$/);
  });

  it("OSS's PermanentRedirect names the region to pass (the CLI's --region reads the same), and --json carries the endpoint OSS named", () => {
    const body = { Code: "PermanentRedirect", Message: "must be addressed using the specified endpoint", RequestId: "R", Endpoint: "oss-cn-shanghai.aliyuncs.com" };
    const err = errorFromResponse(ossErrors, new Response(null, { status: 301 }), body);
    expect(formatError(err, flags)).toBe(
      `bucketry: aliyun-oss answered HTTP 301 (PermanentRedirect: must be addressed using the specified endpoint); redirects are not followed: use region: "cn-shanghai" (the bucket's region; its endpoint oss-cn-shanghai.aliyuncs.com) (kind Configuration, request id R)`,
    );
    expect(JSON.parse(formatErrorJson(err, flags)).error).toMatchObject({ endpoint: "oss-cn-shanghai.aliyuncs.com", exitCode: 2 });
  });

  it("--json's message gives the same advice as the error line; the other fields are the error's own", () => {
    const hitachi = new BucketryError({
      provider: "hitachi-vsp-one-object",
      kind: "Configuration",
      message: "hitachi-vsp-one-object: no credentials: pass `credentials: { token }` (or { username, password, tokenUrl }) or set VSP_ONE_OBJECT_TOKEN",
    });
    expect(JSON.parse(formatErrorJson(hitachi, flags))).toEqual({
      error: { name: "BucketryError", provider: "hitachi-vsp-one-object", kind: "Configuration", message: "hitachi-vsp-one-object: no credentials: set VSP_ONE_OBJECT_TOKEN", retryable: false, attempts: 1, exitCode: 2 },
    });
    const chain = new BucketryError({ provider: "aliyun-ens", kind: "Configuration", message: "aliyun-ens: no credentials found; 1. environment: not set (or pass `credentials` in the options)" });
    expect(JSON.parse(formatErrorJson(chain, flags)).error.message).toBe("aliyun-ens: no credentials found; 1. environment: not set");
    const mpc = new BucketryError({ provider: "huaweicloud-mpc", kind: "Configuration", message: "huaweicloud-mpc: `projectId` is required (pass projectId, set HUAWEICLOUD_SDK_PROJECT_ID)" });
    expect(JSON.parse(formatErrorJson(mpc, flags)).error.message).toBe("huaweicloud-mpc: --project-id is required (pass --project-id, set HUAWEICLOUD_SDK_PROJECT_ID)");
    expect(formatError(mpc, flags)).toBe("bucketry: huaweicloud-mpc: --project-id is required (pass --project-id, set HUAWEICLOUD_SDK_PROJECT_ID) (kind Configuration)");
    // A vendor's message is quoted as sent, in JSON as on the line; its request id stays in the JSON message.
    const vendor = new BucketryError({ provider: "aliyun-oss", kind: "InvalidArgument", status: 400, requestId: "R1", message: "aliyun-oss answered HTTP 400 (InvalidArgument: projectId cname: true) [request id R1]" });
    expect(JSON.parse(formatErrorJson(vendor, flags)).error).toMatchObject({ message: "aliyun-oss answered HTTP 400 (InvalidArgument: projectId cname: true) [request id R1]", requestId: "R1", status: 400 });
  });
});

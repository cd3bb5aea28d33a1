// The CLI's exit codes, kind by kind, as the README's table documents them (written out here by hand, not read
// from the code's sets): a new error kind fails to compile until it is given its code.
import { describe, expect, it } from "vitest";
import { CliError, EXIT, exitCodeFor, formatError, UsageError } from "../../src/cli/exit.js";
import { marked } from "../../src/credentials/checks.js";
import { BucketryError, type ErrorKind } from "../../src/errors.js";

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

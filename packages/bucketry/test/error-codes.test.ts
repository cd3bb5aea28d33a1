// Every error code in each provider's code table maps to the right kind and retryable flag, one test per code.
// The expected kind is written here from the vendor's documented meaning of the code (the pages each table
// cites), not read from the table. A code the mocks document (`scenario.error(provider, code)`, from the
// spec's error examples) goes through the mock server and the facade client end to end; the few codes no spec
// example carries (relayed OBS XML, gateway-internal ones) go through the provider's error profile directly.
import { errorCodes, scenario } from "@bucketry/mocks";
import { startMockServer, type MockServer } from "@bucketry/mocks/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BucketryError, createBucketClient, type Provider } from "../src/index.js";
import type { ErrorKind } from "../src/errors.js";
import { errorFromResponse, type ErrorProfile } from "../src/http.js";
import { ensErrors } from "../src/providers/aliyun-ens.js";
import { ossErrors } from "../src/providers/aliyun-oss.js";
import { bosErrors } from "../src/providers/baidu-bos.js";
import { mpcErrors } from "../src/providers/huaweicloud-mpc.js";

/** [code, what the vendor says it means, expected kind, expected retryable]. */
type Row = [code: string, meaning: string, kind: ErrorKind, retryable: boolean];

const EXPECTED: Record<Exclude<Provider, "hitachi-vsp-one-object">, Row[]> = {
  "aliyun-ens": [
    ["MissingParameter", "a required parameter is missing", "InvalidArgument", false],
    ["InvalidParameter.PageSize", "a parameter value is invalid", "InvalidArgument", false],
    ["InvalidParameter", "the Action or Version parameter is invalid", "InvalidArgument", false],
    ["NoPermission", "permission denied", "AccessDenied", false],
    ["AccessDenied", "auth is not valid", "AccessDenied", false],
    ["UserDisable", "the user is disabled for arrears", "AccessDenied", false],
    ["Forbidden", "user not authorized on the resource", "AccessDenied", false],
    ["Forbidden.RAM", "RAM user not authorized", "AccessDenied", false],
    ["NoSuchBucket", "the bucket does not exist", "NoSuchBucket", false],
    ["InvalidAccessKeyId.NotFound", "the AccessKey ID does not exist", "InvalidCredentials", false],
    ["InvalidAccessKeyId.Inactive", "the AccessKey is disabled", "InvalidCredentials", false],
    ["InvalidAccessKeyId", "the AccessKey ID is invalid", "InvalidCredentials", false],
    ["InvalidSecurityToken.Expired", "the STS token has expired", "InvalidCredentials", false],
    ["InvalidSecurityToken.Malformed", "the STS token is malformed", "InvalidCredentials", false],
    ["InvalidSecurityToken.MismatchWithAccessKey", "the STS token belongs to another AccessKey", "InvalidCredentials", false],
    ["SignatureDoesNotMatch", "the signature does not match the server's", "SignatureMismatch", false],
    ["IncompleteSignature", "the signature does not conform to the standard", "SignatureMismatch", false],
    ["InvalidTimeStamp.Expired", "the request time is outside the 15-minute window", "ClockSkew", true],
    ["InvalidTimeStamp.Format", "the request time is not well formatted", "InvalidArgument", false],
    ["IllegalTimestamp", "the Timestamp parameter is missing", "InvalidArgument", false],
    ["SignatureNonceUsed", "the nonce was used already", "InvalidArgument", false],
    ["Throttling", "denied by request throttling", "Throttled", true],
    ["Throttling.User", "denied by user flow control", "Throttled", true],
    ["Throttling.Api", "denied by API flow control", "Throttled", true],
    ["InternalError", "unknown server-side failure", "ServerError", true],
    ["ServiceUnavailable", "temporary failure of the server", "Unavailable", true],
  ],
  "aliyun-oss": [
    ["NoSuchBucket", "the bucket does not exist", "NoSuchBucket", false],
    ["AccessDenied", "not authorized to read the ACL", "AccessDenied", false],
    ["InvalidAccessKeyId", "the AccessKey ID does not exist or is disabled", "InvalidCredentials", false],
    ["InvalidSecurityToken", "the STS token is invalid", "InvalidCredentials", false],
    ["SecurityTokenExpired", "the STS token has expired", "InvalidCredentials", false],
    ["AccessKeyIdAndSecurityTokenNotMatch", "the STS token belongs to another AccessKey", "InvalidCredentials", false],
    ["SignatureDoesNotMatch", "the signature does not match the server's", "SignatureMismatch", false],
    ["RequestTimeTooSkewed", "the request time is more than 15 minutes off", "ClockSkew", true],
    ["SecondLevelDomainForbidden", "path-style request on an OSS domain: use virtual-hosted style", "InvalidArgument", false],
    ["InvalidBucketName", "the bucket name is not valid", "InvalidArgument", false],
    ["InvalidArgument", "a header or signature field is malformed", "InvalidArgument", false],
    ["MissingArgument", "a required argument is missing", "InvalidArgument", false],
    ["QpsLimitExceeded", "requests per second over the limit", "Throttled", true],
    ["SlowDown", "the bucket's request rate is too high", "Throttled", true],
    ["InternalError", "internal error", "ServerError", true],
    ["ServiceUnavailable", "service unavailable", "Unavailable", true],
    ["BadRequest", "a transient front-end rejection the Go SDK v2 retries", "Unavailable", true],
  ],
  "huaweicloud-mpc": [
    ["MPC.10208", "failed to verify the tenant ID", "AccessDenied", false],
    ["APIGW.0101", "the API does not exist or is not published", "NotFound", false],
    // The spec's example says "verify aksk signature fail" (a signature that does not verify): the kind other
    // vendors give a signature mismatch. The same code with another message is InvalidCredentials (errors.test.ts).
    ["APIGW.0301", "incorrect IAM authentication information: verify aksk signature fail", "SignatureMismatch", false],
    ["APIGW.0302", "the IAM user is not authorized to access the API", "AccessDenied", false],
    ["APIGW.0303", "X-Sdk-Date too far from the server clock", "ClockSkew", true],
    ["APIGW.0304", "the app is not authorized to access the API", "AccessDenied", false],
    ["APIGW.0305", "incorrect authentication information", "InvalidCredentials", false],
    ["APIGW.0306", "API access denied", "AccessDenied", false],
    ["APIGW.0307", "the token must be updated", "InvalidCredentials", false],
    ["APIGW.0308", "the throttling threshold has been reached", "Throttled", true],
    ["APIGW.0310", "the project is unavailable", "AccessDenied", false],
    ["APIGW.0613", "IAM is unavailable", "Unavailable", true],
    ["AccessDenied", "OBS (relayed): access denied", "AccessDenied", false],
    ["NoSuchBucket", "OBS (relayed): the bucket does not exist", "NoSuchBucket", false],
    ["RequestTimeTooSkewed", "OBS (relayed): the request time is too far off", "ClockSkew", true],
    ["SignatureDoesNotMatch", "OBS (relayed): the signature does not match", "SignatureMismatch", false],
    ["InvalidAccessKeyId", "OBS (relayed): the access key does not exist", "InvalidCredentials", false],
  ],
  "baidu-bos": [
    ["AccessDenied", "no permission on the resource", "AccessDenied", false],
    ["AccountOverdue", "the account has an overdue bill", "AccessDenied", false],
    ["OptInRequired", "the service is not enabled", "AccessDenied", false],
    ["InvalidAccessKeyId", "the Access Key ID does not exist", "InvalidCredentials", false],
    ["InvalidHTTPAuthHeader", "the Authorization header is malformed", "InvalidArgument", false],
    ["SignatureDoesNotMatch", "the signature does not match the server's", "SignatureMismatch", false],
    ["RequestExpired", "the request timestamp is too far from the server time", "ClockSkew", true],
    ["RequestRateLimitExceeded", "the request rate is over the limit", "Throttled", true],
    ["NoSuchBucket", "the bucket does not exist", "NoSuchBucket", false],
    ["InvalidVersion", "the API version in the URI is invalid", "NotFound", false],
    ["MalformedJSON", "the JSON is not well-formed", "InvalidArgument", false],
    ["InvalidURI", "the URI could not be parsed", "InvalidArgument", false],
    ["PreconditionFailed", "If-Match does not match the ETag", "InvalidArgument", false],
    ["InternalError", "internal error, please try again", "ServerError", true],
    ["ServiceUnavailable", "service temporarily unavailable", "Unavailable", true],
    ["Http400", "a transient gateway rejection the Go SDK retries", "Unavailable", true],
  ],
};

const PROFILES: Record<keyof typeof EXPECTED, ErrorProfile> = {
  "aliyun-ens": ensErrors,
  "aliyun-oss": ossErrors,
  "huaweicloud-mpc": mpcErrors,
  "baidu-bos": bosErrors,
};

/** The vendor's error body for a code the mocks do not carry (status as the vendor sends it). */
function vendorBody(provider: keyof typeof EXPECTED, code: string): { status: number; body: unknown } {
  switch (provider) {
    case "aliyun-oss":
      return { status: 400, body: { Code: code, Message: "illustrative", RequestId: "R-1" } };
    case "huaweicloud-mpc":
      if (code.startsWith("APIGW.")) return { status: code === "APIGW.0613" ? 503 : 404, body: { error_code: code, error_msg: "illustrative", request_id: "R-1" } };
      return { status: 403, body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>illustrative</Message><RequestId>R-1</RequestId></Error>` };
    case "baidu-bos":
      return { status: 400, body: { code, message: "illustrative", requestId: "R-1" } };
    default:
      return { status: 400, body: { Code: code, Message: "illustrative", RequestId: "R-1" } };
  }
}

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ buckets: 5, seed: 12 });
});
afterAll(() => server.close());
beforeEach(() => server.mock.reset());

function call(provider: Provider): Promise<unknown> {
  const client = createBucketClient({ ...server.clientOptions[provider], retry: false } as never) as never as {
    listBucketsPage(o?: object): Promise<unknown>;
    getBucketAcl(b: string): Promise<unknown>;
  };
  return provider === "aliyun-oss" || provider === "baidu-bos" ? client.getBucketAcl(server.mock.state.buckets[0]!.name) : client.listBucketsPage({});
}

describe.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])("%s error codes", (provider) => {
  const documented = new Set(errorCodes(provider));

  it.each(EXPECTED[provider])("%s (%s) → %s, retryable %s", async (code, _meaning, kind, retryable) => {
    let error: unknown;
    if (documented.has(code)) {
      server.mock.use(scenario.error(provider, code, { always: true }));
      error = await call(provider).then(
        () => undefined,
        (err: unknown) => err,
      );
    } else {
      const { status, body } = vendorBody(provider, code);
      error = errorFromResponse(PROFILES[provider], new Response(null, { status }), body);
    }
    expect(error).toBeInstanceOf(BucketryError);
    expect(error).toMatchObject({ provider, code, kind, retryable });
  });

  it("the table has no code without a row here, and every documented code of the mocks has one", () => {
    const rows = new Set(EXPECTED[provider].map(([code]) => code));
    const exact = Object.keys(PROFILES[provider].codeKinds).filter((code) => !code.endsWith("*"));
    expect(exact.filter((code) => !rows.has(code))).toEqual([]);
    expect([...documented].filter((code) => !/^\d{3}$/.test(code) && !rows.has(code))).toEqual([]);
  });
});

// Error mapping: every error code on each vendor's API page and every variant the vendors' wider docs show, with the vendors'
// real body shapes, through each provider's error profile (and, for the body paths that depend on the
// generated client, through the facade client with a transport double).
// Expected kinds, ids and delays are written by hand from those pages (each spec's externalDocs) and the sources each spec cites.
import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { readXml, xmlShapes } from "@bucketry/aliyun-oss";
import { describe, expect, it } from "vitest";
import { BucketryError, RETRYABLE_KINDS, type ErrorKind } from "../src/errors.js";
import { errorFromResponse, isRetryableKind, type ErrorProfile } from "../src/http.js";
import { createEnsBucketClient, ensErrors } from "../src/providers/aliyun-ens.js";
import { createOssBucketClient, ossErrors } from "../src/providers/aliyun-oss.js";
import { bosErrors, createBosBucketClient } from "../src/providers/baidu-bos.js";
import { hitachiErrors } from "../src/providers/hitachi-vsp-one-object.js";
import { createMpcBucketClient, mpcErrors } from "../src/providers/huaweicloud-mpc.js";

const NOW = Date.UTC(2026, 0, 15, 8, 0, 0);

function mapError(profile: ErrorProfile, status: number, body: unknown, headers: Record<string, string> = {}): BucketryError {
  return errorFromResponse(profile, new Response(null, { status, headers }), body, NOW);
}

/** An OSS `<Error>` document as the facade receives it: read by the OSS package's XML reader (root unwrapped). */
function ossError(code: string, message: string, requestId = "636B68BA80DA8539399F****", extra = ""): unknown {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>${code}</Code>
  <Message>${message}</Message>
  <RequestId>${requestId}</RequestId>
  <HostId>oss-example.oss-cn-hangzhou.aliyuncs.com</HostId>
  <EC>0016-00000502</EC>
  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=0016-00000502</RecommendDoc>${extra}
</Error>`;
  const { root, value } = readXml(xml, xmlShapes);
  expect(root).toBe("Error");
  return value;
}

const ensBody = (Code: string, Message: string) => ({
  RequestId: "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
  HostId: "ens.aliyuncs.com",
  Code,
  Message,
  Recommend: `https://next.api.aliyun.com/troubleshoot?q=${Code}&product=Ens`,
});
const bosBody = (code: string, message: string) => ({ code, message, requestId: "4db2b34d-654d-4d8a-b49b-3049ca4c4c37" });

type Row = [label: string, profile: ErrorProfile, status: number, body: unknown, kind: ErrorKind, code: string | undefined, retryable: boolean];

describe("every documented error code maps to its kind", () => {
  const rows: Row[] = [
    // ENS API page, "Error codes".
    ["ENS 400 MissingParameter", ensErrors, 400, ensBody("MissingParameter", "MissingParameter"), "InvalidArgument", "MissingParameter", false],
    ["ENS 400 NoPermission", ensErrors, 400, ensBody("NoPermission", "Permission denied."), "AccessDenied", "NoPermission", false],
    ["ENS 400 InvalidParameter.PageSize", ensErrors, 400, ensBody("InvalidParameter.PageSize", "The specified field PageSize invalid. Please check it again."), "InvalidArgument", "InvalidParameter.PageSize", false],
    ["ENS 400 InvalidParameter.Prefix", ensErrors, 400, ensBody("InvalidParameter.Prefix", "The specified field Prefix invalid. Please check it again."), "InvalidArgument", "InvalidParameter.Prefix", false],
    ["ENS 403 AccessDenied", ensErrors, 403, ensBody("AccessDenied", "auth is not valid"), "AccessDenied", "AccessDenied", false],
    ["ENS 403 UserDisable", ensErrors, 403, ensBody("UserDisable", "The user has been disabled due to arrears."), "AccessDenied", "UserDisable", false],
    ["ENS 404 NoSuchBucket", ensErrors, 404, ensBody("NoSuchBucket", "The specified bucket does not exist"), "NoSuchBucket", "NoSuchBucket", false],
    // ENS beyond the page: the POP gateway's throttling and availability codes (Alibaba Cloud's OpenAPI error-code lists).
    ["ENS 400 Throttling", ensErrors, 400, ensBody("Throttling", "Request was denied due to request throttling."), "Throttled", "Throttling", true],
    ["ENS 400 Throttling.User", ensErrors, 400, ensBody("Throttling.User", "Request was denied due to user flow control."), "Throttled", "Throttling.User", true],
    ["ENS 429 Throttling.User", ensErrors, 429, ensBody("Throttling.User", "Request was denied due to user flow control."), "Throttled", "Throttling.User", true],
    ["ENS 400 Throttling.Api", ensErrors, 400, ensBody("Throttling.Api", "Request was denied due to api flow control."), "Throttled", "Throttling.Api", true],
    ["ENS 503 ServiceUnavailable", ensErrors, 503, ensBody("ServiceUnavailable", "The request has failed due to a temporary failure of the server."), "Unavailable", "ServiceUnavailable", true],
    ["ENS 500 InternalError", ensErrors, 500, ensBody("InternalError", "The request processing has failed due to some unknown error."), "ServerError", "InternalError", true],
    ["ENS lower-case code/message keys", ensErrors, 403, { requestId: "r", code: "AccessDenied", message: "auth is not valid" }, "AccessDenied", "AccessDenied", false],

    // MPC API page: the 403 example.
    ["MPC 403 MPC.10208", mpcErrors, 403, { error_code: "MPC.10208", error_msg: "Failed to verify the tenant ID." }, "AccessDenied", "MPC.10208", false],
    // MPC beyond the page: API Gateway error bodies carry request_id (its error-code table).
    // APIGW.0301 is one code for several faults; its message tells a signature that does not verify (what the other
    // vendors call a signature mismatch) from an unknown key or a bad token.
    ["MPC 401 APIGW.0301 signature", mpcErrors, 401, { error_msg: "Incorrect IAM authentication information: verify aksk signature fail", error_code: "APIGW.0301", request_id: "b1a5e2c3d4" }, "SignatureMismatch", "APIGW.0301", false],
    ["MPC 401 APIGW.0301 unknown key", mpcErrors, 401, { error_msg: "Incorrect IAM authentication information: ak not exist", error_code: "APIGW.0301", request_id: "b1a5e2c3d4" }, "InvalidCredentials", "APIGW.0301", false],
    ["MPC 401 APIGW.0301 token", mpcErrors, 401, { error_msg: "Incorrect IAM authentication information: decrypt token fail", error_code: "APIGW.0301", request_id: "b1a5e2c3d4" }, "InvalidCredentials", "APIGW.0301", false],
    ["MPC 401 APIGW.0303", mpcErrors, 401, { error_msg: "Incorrect IAM authentication information: x-sdk-date expired", error_code: "APIGW.0303", request_id: "b1a5e2c3d5" }, "ClockSkew", "APIGW.0303", true],
    ["MPC 429 APIGW.0308", mpcErrors, 429, { error_msg: "The throttling threshold has been reached: policy user over ratelimit,limit:10,time:1 second", error_code: "APIGW.0308", request_id: "b1a5e2c3d6" }, "Throttled", "APIGW.0308", true],
    ["MPC nested {error:{code,message}}", mpcErrors, 403, { error: { code: "MPC.10208", message: "Failed to verify the tenant ID." } }, "AccessDenied", "MPC.10208", false],
    [
      "MPC 403 OBS XML passed through (python-v3#23)",
      mpcErrors,
      403,
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>AWS authentication requires a valid Date or x-amz-date header</Message><RequestId>0000018A2B3C4D5E</RequestId><HostId>obs.cn-north-4.myhuaweicloud.com</HostId></Error>',
      "AccessDenied",
      "AccessDenied",
      false,
    ],

    // BOS: the API page points at the general error codes (https://cloud.baidu.com/doc/BOS/s/Ajwvysfpl).
    ["BOS 403 AccessDenied", bosErrors, 403, bosBody("AccessDenied", "Access denied."), "AccessDenied", "AccessDenied", false],
    ["BOS 403 InvalidAccessKeyId", bosErrors, 403, bosBody("InvalidAccessKeyId", "The Access Key ID you provided does not exist."), "InvalidCredentials", "InvalidAccessKeyId", false],
    ["BOS 400 InvalidHTTPAuthHeader", bosErrors, 400, bosBody("InvalidHTTPAuthHeader", "The Authorization header you provided is not valid."), "InvalidArgument", "InvalidHTTPAuthHeader", false],
    ["BOS 400 SignatureDoesNotMatch", bosErrors, 400, bosBody("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided."), "SignatureMismatch", "SignatureDoesNotMatch", false],
    ["BOS 400 RequestExpired", bosErrors, 400, bosBody("RequestExpired", "Request has expired. Timestamp date is 2026-01-15T07:00:00Z."), "ClockSkew", "RequestExpired", true],
    ["BOS 404 NoSuchBucket", bosErrors, 404, bosBody("NoSuchBucket", "The specified bucket does not exist."), "NoSuchBucket", "NoSuchBucket", false],
    ["BOS 500 InternalError", bosErrors, 500, bosBody("InternalError", "We encountered an internal error. Please try again."), "ServerError", "InternalError", true],
    ["BOS 403 AccountOverdue", bosErrors, 403, bosBody("AccountOverdue", "The account is overdue."), "AccessDenied", "AccountOverdue", false],
    ["BOS 404 InvalidVersion", bosErrors, 404, bosBody("InvalidVersion", "The API version in the URI is not valid."), "NotFound", "InvalidVersion", false],
    ["BOS 403 OptInRequired", bosErrors, 403, bosBody("OptInRequired", "A subscription for the service is required."), "AccessDenied", "OptInRequired", false],
    ["BOS 400 MalformedJSON", bosErrors, 400, bosBody("MalformedJSON", "The JSON you provided was not well-formed."), "InvalidArgument", "MalformedJSON", false],
    ["BOS 412 PreconditionFailed", bosErrors, 412, bosBody("PreconditionFailed", "The specified If-Match header doesn't match the ETag header."), "InvalidArgument", "PreconditionFailed", false],
    ["BOS 400 Http400 (retried by the Go SDK)", bosErrors, 400, bosBody("Http400", "Bad request."), "Unavailable", "Http400", true],

    // Hitachi API page: 400 / 404 with {code, message, details}; 401 and 405 without a body.
    ["Hitachi 400 {code,message,details}", hitachiErrors, 400, { code: "example", message: "example", details: "example" }, "InvalidArgument", "example", false],
    ["Hitachi 401 no body", hitachiErrors, 401, undefined, "InvalidCredentials", undefined, false],
    ["Hitachi 404 {code,message,details}", hitachiErrors, 404, { code: "example", message: "example", details: "example" }, "NotFound", "example", false],
    ["Hitachi 405 no body", hitachiErrors, 405, undefined, "InvalidArgument", undefined, false],
    ["Hitachi 401 plain text", hitachiErrors, 401, "Unauthorized", "InvalidCredentials", undefined, false],

    // OSS API page, "Error codes", then OSS's error-code list (https://www.alibabacloud.com/help/en/document_detail/32005.html).
    ["OSS 404 NoSuchBucket", ossErrors, 404, ossError("NoSuchBucket", "The specified bucket does not exist."), "NoSuchBucket", "NoSuchBucket", false],
    ["OSS 403 AccessDenied", ossErrors, 403, ossError("AccessDenied", "You do not have read acl permission on this object."), "AccessDenied", "AccessDenied", false],
    ["OSS 403 InvalidAccessKeyId", ossErrors, 403, ossError("InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist in our records."), "InvalidCredentials", "InvalidAccessKeyId", false],
    ["OSS 403 SignatureDoesNotMatch", ossErrors, 403, ossError("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.", undefined, "<StringToSign>GET</StringToSign>"), "SignatureMismatch", "SignatureDoesNotMatch", false],
    ["OSS 403 SecurityTokenExpired", ossErrors, 403, ossError("SecurityTokenExpired", "The security token you provided has expired."), "InvalidCredentials", "SecurityTokenExpired", false],
    ["OSS 400 BadRequest (retried by the Go SDK v2)", ossErrors, 400, ossError("BadRequest", "Bad request."), "Unavailable", "BadRequest", true],
    ["OSS 500 InternalError", ossErrors, 500, ossError("InternalError", "We encountered an internal error. Please try again."), "ServerError", "InternalError", true],
  ];

  it.each(rows)("%s", (_, profile, status, body, kind, code, retryable) => {
    const err = mapError(profile, status, body);
    expect(err).toBeInstanceOf(BucketryError);
    expect(err).toMatchObject({ provider: profile.provider, status, kind, retryable });
    expect(err.code).toBe(code);
    expect(err.message).toContain(`HTTP ${status}`);
    if (code) expect(err.message).toContain(code);
  });

  it("keeps the vendor message verbatim (BOS's leading space trimmed)", () => {
    expect(mapError(ensErrors, 403, ensBody("UserDisable", "The user has been disabled due to arrears.")).vendorMessage).toBe("The user has been disabled due to arrears.");
    expect(mapError(bosErrors, 404, bosBody("NoSuchKey", " The resource you requested does not exist")).vendorMessage).toBe("The resource you requested does not exist");
    expect(mapError(hitachiErrors, 400, { code: "c", details: "only details" }).vendorMessage).toBe("only details");
    expect(mapError(mpcErrors, 403, { error_code: "MPC.10208", error_msg: "Failed to verify the tenant ID." }).vendorMessage).toBe("Failed to verify the tenant ID.");
  });

  it("an undocumented code falls back to the HTTP status", () => {
    expect(mapError(ensErrors, 400, ensBody("CallInterface", "x")).kind).toBe("InvalidArgument");
    expect(mapError(bosErrors, 404, bosBody("NoSuchKey", "x")).kind).toBe("NotFound");
    expect(mapError(mpcErrors, 502, { error_code: "MPC.99999", error_msg: "x" }).kind).toBe("Unavailable");
    expect(mapError(ossErrors, 409, ossError("BucketNotEmpty", "x")).kind).toBe("InvalidArgument");
  });
});

describe("clock skew", () => {
  const date = "Fri, 24 Feb 2012 04:11:23 GMT";
  const serverTime = Date.UTC(2012, 1, 24, 4, 11, 23);

  it("OSS RequestTimeTooSkewed → ClockSkew, retryable, serverTime from the Date header", () => {
    const body = ossError("RequestTimeTooSkewed", "The difference between the request time and the current time is too large.", undefined, "<RequestTime>2012-02-24T04:30:00.000Z</RequestTime><ServerTime>2012-02-24T04:11:23.000Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>");
    const err = mapError(ossErrors, 403, body, { Date: date, "x-oss-request-id": "534B371674E88A4D8906****" });
    expect(err).toMatchObject({ kind: "ClockSkew", code: "RequestTimeTooSkewed", retryable: true, serverTime, requestId: "534B371674E88A4D8906****" });
  });

  it.each([
    ["MPC APIGW.0303", mpcErrors, 401, { error_code: "APIGW.0303", error_msg: "x-sdk-date expired", request_id: "r" }],
    ["BOS RequestExpired", bosErrors, 400, bosBody("RequestExpired", "Request has expired.")],
    ["ENS InvalidTimeStamp.Expired", ensErrors, 400, ensBody("InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.")],
  ])("%s carries the server's Date as serverTime", (_, profile, status, body) => {
    expect(mapError(profile, status, body, { date })).toMatchObject({ kind: "ClockSkew", serverTime });
  });

  it("no or unreadable Date → no serverTime", () => {
    expect(mapError(ossErrors, 403, ossError("RequestTimeTooSkewed", "x")).serverTime).toBeUndefined();
    expect(mapError(ossErrors, 403, ossError("RequestTimeTooSkewed", "x"), { date: "yesterday-ish" }).serverTime).toBeUndefined();
  });
});

describe("request ids", () => {
  it.each([
    ["ENS", ensErrors, { "x-acs-request-id": "HDR-ENS" }, ensBody("AccessDenied", "x"), "HDR-ENS"],
    ["MPC", mpcErrors, { "X-Request-Id": "HDR-MPC" }, { error_code: "APIGW.0301", error_msg: "x", request_id: "body-mpc" }, "HDR-MPC"],
    ["BOS", bosErrors, { "x-bce-request-id": "HDR-BOS" }, bosBody("AccessDenied", "x"), "HDR-BOS"],
    ["OSS", ossErrors, { "x-oss-request-id": "HDR-OSS" }, ossError("AccessDenied", "x", "body-oss"), "HDR-OSS"],
  ])("%s: the request-id header wins over the body", (_, profile, headers, body, id) => {
    const err = mapError(profile, 403, body, headers);
    expect(err.requestId).toBe(id);
    expect(err.message).toContain(id);
  });

  it.each([
    ["ENS RequestId", ensErrors, ensBody("AccessDenied", "x"), "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853"],
    ["MPC request_id (API Gateway)", mpcErrors, { error_code: "APIGW.0301", error_msg: "x", request_id: "body-mpc" }, "body-mpc"],
    ["MPC OBS XML <RequestId>", mpcErrors, "<Error><Code>AccessDenied</Code><Message>m</Message><RequestId>0000018A2B3C4D5E</RequestId></Error>", "0000018A2B3C4D5E"],
    ["BOS requestId", bosErrors, bosBody("AccessDenied", "x"), "4db2b34d-654d-4d8a-b49b-3049ca4c4c37"],
    ["OSS <RequestId>", ossErrors, ossError("AccessDenied", "x", "body-oss"), "body-oss"],
  ])("%s is used when the header is absent", (_, profile, body, id) => {
    expect(mapError(profile, 403, body).requestId).toBe(id);
  });

  it("another vendor's request-id header is not taken", () => {
    expect(mapError(ensErrors, 403, {}, { "x-oss-request-id": "nope" }).requestId).toBeUndefined();
    expect(mapError(ossErrors, 403, {}, { "x-acs-request-id": "nope" }).requestId).toBeUndefined();
    expect(mapError(hitachiErrors, 401, undefined, { "x-request-id": "nope" }).requestId).toBeUndefined();
  });
});

describe("the vendor's finer code and help page", () => {
  // ENS: the spec's 403 UserDisable example; OSS: the error document of OSS's "Error responses" page (vendor notes).
  it("ENS: Recommend is the help page; ENS has no EC", () => {
    const err = mapError(ensErrors, 403, ensBody("UserDisable", "The user has been disabled due to arrears."));
    expect(err.helpUrl).toBe("https://next.api.aliyun.com/troubleshoot?q=UserDisable&product=Ens");
    expect(err.ec).toBeUndefined();
  });

  it("ENS: the gateway's XML error carries Recommend in CDATA", () => {
    const xml = "<?xml version='1.0' encoding='UTF-8'?><Error><RequestId>8906582E-6722-409A-A6C4-0E7863B733A5</RequestId><HostId>ens.aliyuncs.com</HostId><Code>Throttling.User</Code><Message>Request was denied due to user flow control.</Message><Recommend><![CDATA[https://api.aliyun.com/troubleshoot?q=Throttling.User&product=Ens]]></Recommend></Error>";
    expect(mapError(ensErrors, 400, xml).helpUrl).toBe("https://api.aliyun.com/troubleshoot?q=Throttling.User&product=Ens");
  });

  it("OSS: <EC> and <RecommendDoc> from the body", () => {
    const err = mapError(ossErrors, 403, ossError("AccessDenied", "x"), { "x-oss-ec": "0003-00000001" });
    expect([err.ec, err.helpUrl]).toEqual(["0016-00000502", "https://api.aliyun.com/troubleshoot?q=0016-00000502"]);
  });

  it("OSS: the x-oss-ec header when the body has no EC (a body cut short, or none)", () => {
    expect(mapError(ossErrors, 403, "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code>", { "x-oss-ec": "0003-00000001" }).ec).toBe("0003-00000001");
    expect(mapError(ossErrors, 403, undefined, { "x-oss-ec": "0003-00000001" })).toMatchObject({ ec: "0003-00000001", helpUrl: undefined });
    // Another vendor's header is not read.
    expect(mapError(bosErrors, 403, bosBody("AccessDenied", "x"), { "x-oss-ec": "0003-00000001" }).ec).toBeUndefined();
  });

  // OSS's page for EC 0003-00000201 (an explicit Deny in a RAM policy): its error document, as OSS shows it (fixture).
  const ossExplicitDeny = readFileSync(new URL("./fixtures/oss-explicit-deny.xml", import.meta.url), "utf8");
  const explicitDeny = {
    authAction: "oss:PutBucketReferer",
    authPrincipalType: "SubUser",
    authPrincipalOwnerId: "10323***2056",
    authPrincipalDisplayName: "20587***54611",
    noPermissionType: "ExplicitDeny",
    policyType: "AccountLevelIdentityBasedPolicy",
    encodedDiagnosticMessage: "AQIBIAAAACB1******WAaW7O7kNSJdFn5klF//79WvW+QLnFa1ZRhLyP6w7*****4oGB5vXTQZJmWh8tkIRG6vFf7gGLSp8vsVjGwF***Sb6kUQ==",
  };

  it("OSS: RAM's AccessDeniedDetail, with EC and RecommendDoc, from OSS's explicit-deny example (read by the OSS package's XML reader)", () => {
    const { root, value } = readXml(ossExplicitDeny, xmlShapes);
    expect(root).toBe("Error");
    const err = mapError(ossErrors, 403, value);
    expect(err).toMatchObject({ kind: "AccessDenied", code: "AccessDenied", ec: "0003-00000201", helpUrl: "https://api.aliyun.com/troubleshoot?q=0003-00000201" });
    expect(err.accessDeniedDetail).toEqual(explicitDeny);
    expect(JSON.parse(JSON.stringify(err)).accessDeniedDetail).toEqual(explicitDeny);
  });

  it("OSS: the same document as text (no XML content type) is read the same", () => {
    expect(mapError(ossErrors, 403, ossExplicitDeny).accessDeniedDetail).toEqual(explicitDeny);
  });

  it("ENS: AccessDeniedDetail in the gateway's JSON, PascalCase (the spec) or camelCase (Alibaba's newer APIs)", () => {
    const pascal = { AuthAction: "ens:ListBuckets", AuthPrincipalType: "SubUser", NoPermissionType: "ImplicitDeny", PolicyType: "AccountLevelIdentityBasedPolicy" };
    const expected = { authAction: "ens:ListBuckets", authPrincipalType: "SubUser", noPermissionType: "ImplicitDeny", policyType: "AccountLevelIdentityBasedPolicy" };
    expect(mapError(ensErrors, 403, { ...ensBody("NoPermission", "Permission denied."), AccessDeniedDetail: pascal }).accessDeniedDetail).toEqual(expected);
    expect(mapError(ensErrors, 403, { ...ensBody("NoPermission", "Permission denied."), accessDeniedDetail: expected }).accessDeniedDetail).toEqual(expected);
    // A field RAM adds (AuthResource, as its DecodeDiagnosticMessage page shows) is kept, named the same way.
    expect(mapError(ensErrors, 403, { ...ensBody("NoPermission", "x"), AccessDeniedDetail: { ...pascal, AuthResource: "*" } }).accessDeniedDetail).toEqual({ ...expected, authResource: "*" });
    // Not an object, or no text field under a name: no detail.
    for (const odd of ["ens:ListBuckets", [], {}, { AuthAction: true }, { AuthAction: { nested: "x" } }, JSON.parse('{"__proto__": "x", "": "y", "_a": "z", "a-b": "w"}')]) {
      expect(mapError(ensErrors, 403, { ...ensBody("NoPermission", "x"), AccessDeniedDetail: odd }).accessDeniedDetail, JSON.stringify(odd)).toBeUndefined();
    }
  });

  it.each([
    ["a javascript: link", "javascript:alert(document.cookie)"],
    ["a relative link", "/troubleshoot?q=AccessDenied"],
    ["text", "see the docs"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["without a host", "https:///troubleshoot"],
    ["one with a terminal escape", "https://api.aliyun.com/\x1b]8;;https://evil.example/\x07x"],
    ["one with a bidi override", "https://api.aliyun.com/\u202etxt.exe"],
    ["one with a space inside", "https://api.aliyun.com/a b"],
  ])("a help link that is %s is not kept (a page may show it as a link)", (_, link) => {
    expect(mapError(ensErrors, 403, { ...ensBody("AccessDenied", "x"), Recommend: link }).helpUrl).toBeUndefined();
  });

  it("the other vendors' errors carry neither, and their JSON leaves both out; OSS's JSON has both", () => {
    for (const err of [mapError(bosErrors, 403, bosBody("AccessDenied", "x")), mapError(mpcErrors, 403, { error_code: "MPC.10208", error_msg: "x" })]) {
      expect([err.ec, err.helpUrl]).toEqual([undefined, undefined]);
      expect(Object.keys(JSON.parse(JSON.stringify(err)))).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(ec|helpUrl)$/)]));
    }
    const oss = JSON.parse(JSON.stringify(mapError(ossErrors, 403, ossError("AccessDenied", "x"))));
    expect(oss).toMatchObject({ ec: "0016-00000502", helpUrl: "https://api.aliyun.com/troubleshoot?q=0016-00000502" });
  });
});

describe("bodies that are not what the vendor documents", () => {
  const html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
  const profiles: [string, ErrorProfile, Record<string, string>, string | undefined][] = [
    ["ENS", ensErrors, { "x-acs-request-id": "R-ENS" }, "R-ENS"],
    ["MPC", mpcErrors, { "x-request-id": "R-MPC" }, "R-MPC"],
    ["BOS", bosErrors, { "x-bce-request-id": "R-BOS" }, "R-BOS"],
    ["Hitachi", hitachiErrors, {}, undefined],
    ["OSS", ossErrors, { "x-oss-request-id": "R-OSS" }, "R-OSS"],
  ];
  const bodies: [string, unknown, number, ErrorKind][] = [
    ["an HTML gateway page", html, 502, "Unavailable"],
    ["an empty string", "", 500, "ServerError"],
    ["no body", undefined, 503, "Unavailable"],
    ["truncated JSON", '{"Code":"Throttling.User","Mess', 429, "Throttled"],
    ["a JSON array", [1, 2], 404, "NotFound"],
    ["JSON null", null, 403, "AccessDenied"],
  ];
  const cases = profiles.flatMap(([name, profile, headers, id]) => bodies.map(([what, body, status, kind]) => [name, what, profile, headers, id, body, status, kind] as const));

  it.each(cases)("%s, %s → BucketryError with status and request id", (_, __, profile, headers, id, body, status, kind) => {
    const err = mapError(profile, status, body, headers);
    expect(err).toBeInstanceOf(BucketryError);
    expect(err).toMatchObject({ provider: profile.provider, status, kind, retryable: ["Unavailable", "ServerError", "Throttled"].includes(kind) });
    expect(err.requestId).toBe(id);
    expect(err.code).toBeUndefined();
    expect(err.message).toContain(`HTTP ${status}`);
    if (id) expect(err.message).toContain(id);
  });

  it("a readError that throws does not escape", () => {
    const throwing: ErrorProfile = { ...ensErrors, readError: () => { throw new Error("boom"); } };
    expect(mapError(throwing, 500, "{}", { "x-acs-request-id": "r" })).toMatchObject({ kind: "ServerError", status: 500, requestId: "r" });
  });
});

describe("redirects", () => {
  it("a 3xx says it was not followed and names the host it points to, never its path or query", () => {
    const location = "https://examplebucket.oss-cn-beijing.aliyuncs.com/?acl&x-oss-security-token=secret-token";
    const err = mapError(ossErrors, 301, ossError("PermanentRedirect", "The bucket you are attempting to access must be addressed using the specified endpoint."), { location });
    // Not followed, so only other options help: the endpoint or region is wrong (Configuration, not Unknown).
    expect(err).toMatchObject({ kind: "Configuration", code: "PermanentRedirect", status: 301, retryable: false });
    expect(err.message).toContain("redirects are not followed (it points to examplebucket.oss-cn-beijing.aliyuncs.com): check the endpoint and region");
    expect(err.message).not.toContain("secret-token");
    expect(mapError(bosErrors, 307, "", { location: "/elsewhere" }).message).toContain("; redirects are not followed: check the endpoint and region");
    expect(mapError(bosErrors, 404, bosBody("NoSuchBucket", "The specified bucket does not exist.")).message).not.toContain("redirect");
  });

  it.each([301, 302, 303, 307, 308])("HTTP %d is Configuration whatever code its body carries, not retried", (status) => {
    for (const [profile, body] of [
      [ossErrors, ossError("PermanentRedirect", "The bucket you are attempting to access must be addressed using the specified endpoint.")],
      [ensErrors, ensBody("Throttling", "a proxy's page with a code")],
      [mpcErrors, { error_code: "APIGW.0308", error_msg: "x" }],
      [bosErrors, ""],
      [hitachiErrors, undefined],
    ] as const) {
      expect(mapError(profile, status, body, { location: "https://elsewhere.example/" })).toMatchObject({ kind: "Configuration", status, retryable: false });
    }
  });
});

describe("codes and bodies the tables do not know", () => {
  it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])("a vendor code named like an Object.prototype member (%s) is a code, not a kind", (code) => {
    const hitachi = mapError(hitachiErrors, 400, { code, message: "x" });
    expect(hitachi).toMatchObject({ kind: "InvalidArgument", code, retryable: false });
    const ens = mapError(ensErrors, 503, ensBody(code, "busy"));
    expect(ens).toMatchObject({ kind: "Unavailable", code, retryable: true });
    expect(JSON.parse(JSON.stringify(ens))).toMatchObject({ kind: "Unavailable" });
  });

  // A wrong path in the endpoint (or a proxy's 404 page) read exactly like the vendor's "no such bucket": kind NotFound,
  // exit 4, and nothing saying the vendor never spoke. It still is NotFound; the message says where to look.
  it("a 404 in which the vendor says nothing of its own points at the endpoint; the vendor's own 404 does not", () => {
    const hint = "; no error of the vendor's: check the endpoint (a path in it, or a proxy, answers such a 404)";
    for (const profile of [ensErrors, mpcErrors, bosErrors, hitachiErrors, ossErrors]) {
      for (const body of ["", "<html><body>404 Not Found</body></html>", { detail: "Not Found" }]) {
        const err = mapError(profile, 404, body);
        expect(err.kind, profile.provider).toBe("NotFound");
        expect(err.message, profile.provider).toContain(hint);
      }
    }
    expect(mapError(bosErrors, 404, { code: "NoSuchBucket", message: "The specified bucket does not exist.", requestId: "r-1" }).message).toBe(
      "baidu-bos answered HTTP 404 (NoSuchBucket: The specified bucket does not exist.) [request id r-1]",
    );
    expect(mapError(ossErrors, 404, ossError("NoSuchBucket", "The specified bucket does not exist.")).message).not.toContain("endpoint");
  });

  it("a JSON error body in a shape the vendor does not use is not called 'no error body'", () => {
    expect(mapError(mpcErrors, 403, { code: "AccessDenied", message: "denied by proxy" }).message).toBe("huaweicloud-mpc answered HTTP 403 (an error body without the vendor's code or message)");
    expect(mapError(ensErrors, 500, "").message).toBe("aliyun-ens answered HTTP 500 (no error body)");
    for (const scalar of [503, true, 0]) expect(mapError(ensErrors, 500, scalar).message).toBe("aliyun-ens answered HTTP 500 (an error body without the vendor's code or message)");
  });

  it("toJSON (and the CLI's --json) carries the server's wait and clock", () => {
    const err = mapError(ossErrors, 503, ossError("SlowDown", "Please reduce your request rate."), { "retry-after": "30", date: new Date(NOW).toUTCString() });
    expect(JSON.parse(JSON.stringify(err))).toMatchObject({ kind: "Throttled", retryAfterMs: 30_000, serverTime: NOW });
    expect(JSON.parse(JSON.stringify(mapError(ossErrors, 404, ossError("NoSuchBucket", "x"))))).not.toHaveProperty("retryAfterMs");
  });
});

describe("OSS PermanentRedirect", () => {
  it("names the endpoint OSS's body gives when there is no Location (redirects are not followed)", () => {
    const redirect = (endpoint: string) =>
      ossError("PermanentRedirect", "The bucket you are attempting to access must be addressed using the specified endpoint.", "RID-1", `<Bucket>examplebucket</Bucket><Endpoint>${endpoint}</Endpoint>`);
    const body = redirect("oss-cn-shanghai.aliyuncs.com");
    const err = mapError(ossErrors, 301, body);
    expect(err).toMatchObject({ code: "PermanentRedirect", status: 301, retryable: false, endpoint: "oss-cn-shanghai.aliyuncs.com" });
    expect(JSON.parse(JSON.stringify(err))).toMatchObject({ endpoint: "oss-cn-shanghai.aliyuncs.com" });
    // OSS's V4 signs the region: the region the host names is what to change, not the endpoint alone.
    expect(err.message).toContain('; redirects are not followed: use region: "cn-shanghai" (the bucket\'s region; its endpoint oss-cn-shanghai.aliyuncs.com)');
    // A host that names no region id (acceleration, a finance-cloud label) is named as the endpoint to use.
    for (const host of ["oss-accelerate.aliyuncs.com", "oss-cn-hzjbp-a.aliyuncs.com"]) {
      const other = mapError(ossErrors, 301, redirect(host));
      expect(other).toMatchObject({ endpoint: host });
      expect(other.message).toContain(`; redirects are not followed: use the endpoint ${host} (the bucket's region) it names`);
    }
    // Text that is no host name (a proxy's) is neither a field nor advice.
    const odd = mapError(ossErrors, 301, redirect("see https://evil.example/"));
    expect(odd.endpoint).toBeUndefined();
    expect(odd.message).not.toContain("evil");
    // A Location wins: its host is named.
    expect(mapError(ossErrors, 301, body, { location: "https://examplebucket.oss-cn-beijing.aliyuncs.com/" }).message).toContain("(it points to examplebucket.oss-cn-beijing.aliyuncs.com)");
  });
});

describe("Retry-After and x-acs-retry-after", () => {
  const at = (ms: number) => new Date(ms).toUTCString();
  it.each([
    ["Retry-After seconds", { "Retry-After": "3" }, 3000],
    ["Retry-After fractional seconds", { "Retry-After": "0.5" }, 500],
    ["Retry-After HTTP-date 5 s ahead", { "Retry-After": at(NOW + 5000) }, 5000],
    ["Retry-After HTTP-date in the past", { "Retry-After": at(NOW - 60_000) }, 0],
    ["Retry-After garbage", { "Retry-After": "soon" }, undefined],
    // Neither delta-seconds nor an HTTP date; the engine's Date.parse reads each as a date in the past (no wait).
    ["Retry-After negative", { "Retry-After": "-5" }, undefined],
    ["Retry-After signed", { "Retry-After": "+10" }, undefined],
    ["Retry-After list", { "Retry-After": "1,2" }, undefined],
    ["Retry-After obsolete RFC 850 date 5 s ahead", { "Retry-After": new Date(NOW + 5000).toUTCString().replace(/^(\w+), (\d+) (\w+) \d\d(\d\d)/, (_, d: string, n: string, m: string, y: string) => `${{ Thu: "Thursday" }[d] ?? d}, ${n}-${m}-${y}`) }, 5000],
    ["x-acs-retry-after (ms)", { "x-acs-retry-after": "1500" }, 1500],
    ["x-acs-retry-after wins over Retry-After", { "x-acs-retry-after": "1500", "Retry-After": "9" }, 1500],
    ["x-acs-retry-after 0 is ignored", { "x-acs-retry-after": "0", "Retry-After": "2" }, 2000],
    ["no header", {}, undefined],
  ])("%s → retryAfterMs %s", (_, headers, ms) => {
    expect(mapError(ensErrors, 429, ensBody("Throttling.User", "Request was denied due to user flow control."), headers).retryAfterMs).toBe(ms);
  });

  it("ENS: any 4xx/5xx carrying a positive x-acs-retry-after is a throttle, whatever its code (as Alibaba's SDK reads it)", () => {
    const err = mapError(ensErrors, 400, ensBody("Flowcontrol.Exceeded", "too many"), { "x-acs-retry-after": "1200" });
    expect(err).toMatchObject({ kind: "Throttled", retryable: true, retryAfterMs: 1200, code: "Flowcontrol.Exceeded" });
    expect(mapError(ensErrors, 400, ensBody("Flowcontrol.Exceeded", "too many"), { "x-acs-retry-after": "0" })).toMatchObject({ kind: "InvalidArgument", retryable: false });
    expect(mapError(ensErrors, 400, ensBody("Flowcontrol.Exceeded", "too many"))).toMatchObject({ kind: "InvalidArgument" });
  });

  it("ENS throttling with x-acs-retry-after: Throttled, retryable, delay from the header", () => {
    const err = mapError(ensErrors, 400, ensBody("Throttling.User", "Request was denied due to user flow control."), { "x-acs-retry-after": "2000", "x-acs-request-id": "R" });
    expect(err).toMatchObject({ kind: "Throttled", retryable: true, retryAfterMs: 2000, requestId: "R", status: 400 });
  });

  it("MPC 429 APIGW.0308 with Retry-After", () => {
    expect(mapError(mpcErrors, 429, { error_code: "APIGW.0308", error_msg: "throttled", request_id: "r" }, { "Retry-After": "1" })).toMatchObject({ kind: "Throttled", retryAfterMs: 1000 });
  });
});

describe("retryable per kind", () => {
  // Kinds a retry can fix by itself: throttling, transient server and transport failures, and clock skew
  // (fixed by re-signing with the server's clock).
  const kinds: [ErrorKind, boolean][] = [
    ["NoSuchBucket", false],
    ["NotFound", false],
    ["AccessDenied", false],
    ["InvalidCredentials", false],
    ["SignatureMismatch", false],
    ["InvalidArgument", false],
    ["Throttled", true],
    ["ClockSkew", true],
    ["Unavailable", true],
    ["ServerError", true],
    ["Network", true],
    ["Timeout", true],
    ["Aborted", false],
    ["MalformedResponse", false],
    ["Configuration", false],
    ["Unknown", false],
  ];
  it.each(kinds)("%s → retryable %s", (kind, retryable) => {
    expect(isRetryableKind(kind)).toBe(retryable);
    expect(RETRYABLE_KINDS.has(kind)).toBe(retryable);
  });

  it.each([
    [408, "Timeout", true],
    [409, "InvalidArgument", false],
    [429, "Throttled", true],
    [500, "ServerError", true],
    [501, "ServerError", false], // Not Implemented: a retry meets the same answer
    [505, "ServerError", false], // HTTP Version Not Supported: likewise
    [506, "ServerError", false], // Variant Also Negotiates: the server's configuration
    [507, "ServerError", true], // Insufficient Storage: may be freed
    [508, "ServerError", false], // Loop Detected
    [510, "ServerError", false], // Not Extended
    [511, "ServerError", false], // Network Authentication Required: a captive portal
    [599, "ServerError", true],
    [502, "Unavailable", true],
    [503, "Unavailable", true],
    [504, "Unavailable", true],
    [302, "Configuration", false],
  ] as const)("bare HTTP %d → %s (retryable %s)", (status, kind, retryable) => {
    expect(mapError(hitachiErrors, status, undefined)).toMatchObject({ kind, retryable });
  });
});

describe("BucketryError serialization", () => {
  const secretCause = Object.assign(new TypeError("fetch failed"), {
    request: { headers: { authorization: "OSS4-HMAC-SHA256 Credential=LTAI5tSECRETKEYID/20260115", "x-oss-security-token": "STS.SECRET-TOKEN" } },
  });
  const err = new BucketryError({
    provider: "aliyun-oss",
    kind: "AccessDenied",
    status: 403,
    code: "AccessDenied",
    vendorMessage: "You do not have read acl permission on this object.",
    requestId: "534B371674E88A4D8906****",
    retryable: false,
    message: "aliyun-oss answered HTTP 403 (AccessDenied: You do not have read acl permission on this object.) [request id 534B371674E88A4D8906****]",
    cause: secretCause,
  });

  it("toJSON carries the data fields", () => {
    expect(err.toJSON()).toEqual({
      name: "BucketryError",
      provider: "aliyun-oss",
      kind: "AccessDenied",
      status: 403,
      code: "AccessDenied",
      message: "aliyun-oss answered HTTP 403 (AccessDenied: You do not have read acl permission on this object.) [request id 534B371674E88A4D8906****]",
      vendorMessage: "You do not have read acl permission on this object.",
      requestId: "534B371674E88A4D8906****",
      retryable: false,
      attempts: 1,
    });
    const json = JSON.stringify(err);
    expect(JSON.parse(json)).toMatchObject({ kind: "AccessDenied", requestId: "534B371674E88A4D8906****" });
    expect(json).not.toMatch(/SECRET|cause|stack/);
  });

  it("util.inspect shows the fields and summarizes the cause by name and message only", () => {
    for (const out of [inspect(err), inspect({ wrapped: err }, { depth: 5 }), inspect(err, { showHidden: true })]) {
      expect(out).toContain("BucketryError");
      expect(out).toContain('"kind":"AccessDenied"');
      expect(out).toContain('"requestId":"534B371674E88A4D8906****"');
      expect(out).toContain('"status":403');
      expect(out).toContain('"cause":"TypeError: fetch failed"');
      expect(out).not.toContain("SECRET");
      expect(out).not.toContain("x-oss-security-token");
    }
  });

  it("is an Error with name BucketryError and the cause kept for programs", () => {
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe("BucketryError");
    expect(err.cause).toBe(secretCause);
  });
});

// The paths where the body's form depends on the generated client (openapi-fetch reads error bodies as
// text then JSON; OSS's package middleware turns XML into objects), driven through the facade clients.
describe("through the facade clients", () => {
  const creds = { accessKeyId: "AKIDEXAMPLE", accessKeySecret: "secretEXAMPLE" };
  const reply = (status: number, body: string | null, headers: Record<string, string>) => async () => new Response(body, { status, headers });
  const rejection = (p: Promise<unknown>) =>
    p.then(
      () => expect.unreachable("the call should fail"),
      (e: unknown) => {
        expect(e).toBeInstanceOf(BucketryError);
        return e as BucketryError;
      },
    );

  it("OSS: an XML RequestTimeTooSkewed reaches the profile as an object → ClockSkew with serverTime", async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message><RequestId>BODY-ID</RequestId><HostId>oss-example.oss-cn-hangzhou.aliyuncs.com</HostId><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds></Error>`;
    const fetch = reply(403, xml, { "content-type": "application/xml", "x-oss-request-id": "534B371674E88A4D8906****", date: "Fri, 24 Feb 2012 04:11:23 GMT" });
    const client = createOssBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", credentials: creds, fetch, retry: false });
    const err = await rejection(client.getBucketAcl("oss-example"));
    expect(err).toMatchObject({
      kind: "ClockSkew",
      code: "RequestTimeTooSkewed",
      status: 403,
      requestId: "534B371674E88A4D8906****",
      serverTime: Date.UTC(2012, 1, 24, 4, 11, 23),
      vendorMessage: "The difference between the request time and the current time is too large.",
      attempts: 1,
    });
  });

  it("OSS: 404 NoSuchBucket, request id from the body when the header is missing", async () => {
    const xml = "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist.</Message><RequestId>5C3D9175B6FC201293AD****</RequestId><BucketName>oss-example</BucketName></Error>";
    const client = createOssBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", credentials: creds, fetch: reply(404, xml, { "content-type": "application/xml" }), retry: false });
    expect(await rejection(client.getBucketAcl("oss-example"))).toMatchObject({ kind: "NoSuchBucket", status: 404, requestId: "5C3D9175B6FC201293AD****" });
  });

  it("OSS: a truncated XML error body still gives status and request id", async () => {
    const client = createOssBucketClient({
      provider: "aliyun-oss",
      region: "cn-hangzhou",
      credentials: creds,
      fetch: reply(503, "<Error><Code>ServiceUnavailable</Code><Mess", { "content-type": "application/xml", "x-oss-request-id": "R-OSS" }),
      retry: false,
    });
    expect(await rejection(client.getBucketAcl("oss-example"))).toMatchObject({ kind: "Unavailable", status: 503, requestId: "R-OSS", retryable: true });
  });

  it("OSS: a 200 that is HTML is a MalformedResponse with status and request id", async () => {
    const client = createOssBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", credentials: creds, fetch: reply(200, "<html><body>captive portal</body></html>", { "content-type": "text/html", "x-oss-request-id": "R-OSS" }), retry: false });
    expect(await rejection(client.getBucketAcl("oss-example"))).toMatchObject({ kind: "MalformedResponse", status: 200, requestId: "R-OSS", retryable: false });
  });

  it("MPC: an OBS XML error passed through is read from the text body", async () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>AWS authentication requires a valid Date or x-amz-date header</Message><RequestId>0000018A2B3C4D5E</RequestId></Error>';
    const client = createMpcBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", projectId: "0123456789abcdef0123456789abcdef", credentials: creds, fetch: reply(403, xml, { "content-type": "application/xml" }), retry: false });
    expect(await rejection(client.listBucketsPage({}))).toMatchObject({
      kind: "AccessDenied",
      code: "AccessDenied",
      status: 403,
      requestId: "0000018A2B3C4D5E",
      vendorMessage: "AWS authentication requires a valid Date or x-amz-date header",
    });
  });

  it("MPC: the 403 example body with X-Request-Id", async () => {
    const body = JSON.stringify({ error_code: "MPC.10208", error_msg: "Failed to verify the tenant ID." });
    const client = createMpcBucketClient({ provider: "huaweicloud-mpc", region: "cn-north-4", projectId: "0123456789abcdef0123456789abcdef", credentials: creds, fetch: reply(403, body, { "content-type": "application/json", "X-Request-Id": "req-1-1700000000-host" }), retry: false });
    expect(await rejection(client.listBucketsPage({}))).toMatchObject({ kind: "AccessDenied", code: "MPC.10208", requestId: "req-1-1700000000-host" });
  });

  it("Hitachi: the page's details field is kept beside the message; a proxy's HTML page is not quoted as the vendor's message", () => {
    // The API page's 400 body shape: code, message and details.
    const err = mapError(hitachiErrors, 400, { code: "InvalidParameter", message: "The request was missing a user id or parameters are invalid.", details: "count must be between 1 and 1000" });
    expect(err).toMatchObject({ kind: "InvalidArgument", code: "InvalidParameter", vendorMessage: "The request was missing a user id or parameters are invalid.: count must be between 1 and 1000" });
    expect(mapError(hitachiErrors, 404, { code: "x", message: "same", details: "same" }).vendorMessage).toBe("same");
    const html = mapError(hitachiErrors, 502, "<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>");
    expect(html).toMatchObject({ kind: "Unavailable", vendorMessage: undefined });
    expect(html.message).toBe("hitachi-vsp-one-object answered HTTP 502 (unexpected error body)");
  });

  it("Hitachi: a text error body is redacted before it is cut to 200 characters (no secret cut in half shows)", () => {
    const token = "eyJhbGciOiJSUzI1NiJ9.BEARERsecretPAYLOADsignature0123456789";
    const body = `${"x".repeat(170)} authorization=Bearer ${token} end`;
    const trace = { ours: undefined, redact: (t: string) => t.split(token).join("[redacted]") };
    const err = errorFromResponse(hitachiErrors, new Response(body, { status: 500 }), body, 0, trace);
    expect(err.vendorMessage).toContain("Bearer [redacte");
    expect(err.message).not.toContain(token.slice(0, 8));
  });

  it("ENS: the gateway's XML error (a proxy dropped Format=JSON) is read: Throttling.User at 400 is a retryable throttle", async () => {
    // The POP gateway's XML error document (vendor notes: XML unless Format=JSON or an application/json Accept).
    const xml = '<?xml version="1.0" encoding="UTF-8"?><Error><RequestId>RID-1</RequestId><HostId>ens.aliyuncs.com</HostId><Code>Throttling.User</Code><Message>Request was denied due to user flow control &amp; &lt;limits&gt;.</Message></Error>';
    const client = createEnsBucketClient({ provider: "aliyun-ens", credentials: creds, fetch: reply(400, xml, { "content-type": "text/xml;charset=utf-8" }), retry: false });
    expect(await rejection(client.listBucketsPage({}))).toMatchObject({
      kind: "Throttled",
      retryable: true,
      code: "Throttling.User",
      requestId: "RID-1",
      vendorMessage: "Request was denied due to user flow control & <limits>.",
    });
  });

  it("ENS: a 503 HTML page → Unavailable with status and request id", async () => {
    const client = createEnsBucketClient({ provider: "aliyun-ens", credentials: creds, fetch: reply(503, "<html><body>Service Unavailable</body></html>", { "content-type": "text/html", "x-acs-request-id": "R-ENS" }), retry: false });
    expect(await rejection(client.listBucketsPage({}))).toMatchObject({ kind: "Unavailable", status: 503, requestId: "R-ENS", code: undefined });
  });

  it("ENS: a 200 whose record lacks BucketName → MalformedResponse naming the field", async () => {
    const body = JSON.stringify({ RequestId: "R", BucketInfos: [{ BucketAcl: "private", CreateTime: "2022-10-12T05:45:00Z" }], TotalCount: 1 });
    const client = createEnsBucketClient({ provider: "aliyun-ens", credentials: creds, fetch: reply(200, body, { "content-type": "application/json", "x-acs-request-id": "R-ENS" }), retry: false });
    const err = await rejection(client.listBucketsPage({}));
    expect(err).toMatchObject({ kind: "MalformedResponse", status: 200, requestId: "R-ENS", retryable: false });
    expect(err.message).toMatch(/BucketName/);
    expect(err.cause).toBeInstanceOf(TypeError);
  });

  it("ENS: a 200 with truncated JSON → MalformedResponse", async () => {
    const client = createEnsBucketClient({ provider: "aliyun-ens", credentials: creds, fetch: reply(200, '{"RequestId":"R","BucketInfos":[{"Bucke', { "content-type": "application/json" }), retry: false });
    expect(await rejection(client.listBucketsPage({}))).toMatchObject({ kind: "MalformedResponse", status: 200 });
  });

  it("a 200 that is not JSON: the message and the error quote no piece of the body (an echoed secret, cut, escapes redaction)", async () => {
    // A server echoing the request's security token unquoted: the JSON parser's own message quotes a cut window.
    const body = '{"Echo": STSECHOEDTOKENabcdefghij0123456789}';
    const client = createEnsBucketClient({ provider: "aliyun-ens", credentials: creds, fetch: reply(200, body, { "content-type": "application/json", "x-acs-request-id": "R-ENS" }), retry: false });
    const err = await rejection(client.listBucketsPage({}));
    expect(err).toMatchObject({ kind: "MalformedResponse", status: 200, requestId: "R-ENS", retryable: false });
    expect(err.message).toContain("body is not JSON");
    for (const text of [err.message, inspect(err, { depth: Infinity, showHidden: true }), JSON.stringify(err)]) expect(text).not.toMatch(/STSECHO|Echo/);
    expect(err.cause).toBeUndefined();
    // OSS reads JSON on its own path: the same.
    const oss = createOssBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", credentials: creds, fetch: reply(200, body, { "content-type": "application/json" }), retry: false });
    const ossErr = await rejection(oss.getBucketAcl("oss-example"));
    expect(ossErr).toMatchObject({ kind: "MalformedResponse", status: 200 });
    for (const text of [ossErr.message, inspect(ossErr, { depth: Infinity, showHidden: true }), JSON.stringify(ossErr)]) expect(text).not.toMatch(/STSECHO|Echo/);
    expect(ossErr.cause).toBeUndefined();
    // An HTML or XML page says so.
    const html = createEnsBucketClient({ provider: "aliyun-ens", credentials: creds, fetch: reply(200, "<html>captive portal</html>", { "content-type": "application/json" }), retry: false });
    expect((await rejection(html.listBucketsPage({}))).message).toContain('it starts with "<"');
  });

  it("BOS: a 200 without owner → MalformedResponse naming owner; an empty 500 → ServerError", async () => {
    const bad = createBosBucketClient({ provider: "baidu-bos", credentials: creds, fetch: reply(200, JSON.stringify({ accessControlList: [] }), { "content-type": "application/json", "x-bce-request-id": "R-BOS" }), retry: false });
    const err = await rejection(bad.getBucketAcl("bucket-example"));
    expect(err).toMatchObject({ kind: "MalformedResponse", status: 200, requestId: "R-BOS" });
    expect(err.message).toMatch(/owner/);
    const empty = createBosBucketClient({ provider: "baidu-bos", credentials: creds, fetch: reply(500, null, { "x-bce-request-id": "R-BOS", "content-length": "0" }), retry: false });
    expect(await rejection(empty.getBucketAcl("bucket-example"))).toMatchObject({ kind: "ServerError", status: 500, requestId: "R-BOS", retryable: true });
  });
});

describe("a redacted copy of an error", () => {
  it("keeps every field but the redacted ones, and not the cause (it may echo the secret)", async () => {
    const { toBucketryError } = await import("../src/runtime.js");
    const signature = { ours: { stringToSign: "GET\n/" } };
    const original = new BucketryError({
      provider: "aliyun-oss",
      kind: "SignatureMismatch",
      message: "aliyun-oss answered HTTP 403 (SECRET-VALUE)",
      status: 403,
      code: "SignatureDoesNotMatch",
      vendorMessage: "expected SECRET-VALUE",
      requestId: "req-1",
      retryable: true,
      attempts: 2,
      retryAfterMs: 1500,
      serverTime: 1_700_000_000_000,
      signature,
      cause: new Error("SECRET-VALUE"),
    });
    const ctx = { profile: ossErrors, redact: (t: string) => t.replaceAll("SECRET-VALUE", "[redacted]") } as Parameters<typeof toBucketryError>[0];
    const copy = toBucketryError(ctx, original);
    expect(copy).not.toBe(original);
    expect(copy).toBeInstanceOf(BucketryError);
    expect({ ...copy, message: copy.message, cause: copy.cause }).toEqual({
      name: "BucketryError",
      provider: "aliyun-oss",
      kind: "SignatureMismatch",
      message: "aliyun-oss answered HTTP 403 ([redacted])",
      status: 403,
      code: "SignatureDoesNotMatch",
      vendorMessage: "expected [redacted]",
      requestId: "req-1",
      retryable: true,
      attempts: 2,
      retryAfterMs: 1500,
      serverTime: 1_700_000_000_000,
      signature,
      cause: undefined,
    });
    expect(Object.keys(copy).sort()).toEqual(Object.keys(original).sort());
  });
});

describe("an error from another copy of bucketry (two versions installed, two bundles)", () => {
  it("is recognized by isBucketryError and instanceof, both ways; other errors and look-alikes are not", async () => {
    // A second instance of the module (Vite keys modules by their URL, query included): its own class.
    const other = (await import("../src/errors.js?second-copy")) as typeof import("../src/errors.js");
    const { isBucketryError } = await import("../src/errors.js");
    expect(other.BucketryError).not.toBe(BucketryError);
    const theirs = new other.BucketryError({ provider: "aliyun-oss", kind: "Throttled", retryable: true, message: "aliyun-oss answered HTTP 503" });
    const ours = new BucketryError({ provider: "baidu-bos", kind: "NoSuchBucket", message: "baidu-bos answered HTTP 404" });
    expect(isBucketryError(theirs)).toBe(true);
    expect(theirs instanceof BucketryError).toBe(true);
    expect(other.isBucketryError(ours)).toBe(true);
    expect(ours instanceof other.BucketryError).toBe(true);
    for (const stranger of [new Error("x"), { name: "BucketryError", kind: "Throttled" }, null, "BucketryError", Object.create(null)]) {
      expect(isBucketryError(stranger)).toBe(false);
    }
    // The mark adds no field: what a program spreads or serializes is unchanged.
    expect(Object.keys(ours)).not.toContain("bucketry.BucketryError");
    expect(Object.getOwnPropertySymbols(ours)).toEqual([]);
    // A subclass a program derives keeps the prototype-chain test.
    class Mine extends BucketryError {}
    expect(ours instanceof Mine).toBe(false);
    expect(new Mine({ kind: "Unknown", message: "m" }) instanceof Mine).toBe(true);
  });
});

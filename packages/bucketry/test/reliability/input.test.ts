// Bad input is refused before any request, with a Configuration error that says what to change.
import { describe, expect, it } from "vitest";
import { BucketryError, createBucketClient } from "../../src/index.js";
import { createBucketClient as ensEntry } from "../../src/providers/aliyun-ens.js";
import { createBucketClient as ossEntry } from "../../src/providers/aliyun-oss.js";
import { createBucketClient as bosEntry } from "../../src/providers/baidu-bos.js";
import { createBucketClient as hitachiEntry } from "../../src/providers/hitachi-vsp-one-object.js";
import { createBucketClient as mpcEntry } from "../../src/providers/huaweicloud-mpc.js";
import { callOnce, creds, optionsFor, PROVIDERS, STUB_ENDPOINT, stubFetch, VALID_BODY } from "./helpers.js";

const fetch = stubFetch(() => {
  throw new Error("no request may be sent for bad input");
});

function configError(fn: () => unknown): BucketryError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(BucketryError);
    expect((err as BucketryError).kind).toBe("Configuration");
    return err as BucketryError;
  }
  throw new Error("expected a Configuration error");
}

async function configRejection(fn: () => Promise<unknown> | AsyncIterable<unknown>): Promise<BucketryError> {
  try {
    const r = fn();
    if (Symbol.asyncIterator in (r as object)) for await (const _ of r as AsyncIterable<unknown>) void _;
    else await r;
  } catch (err) {
    expect(err).toBeInstanceOf(BucketryError);
    expect((err as BucketryError).kind).toBe("Configuration");
    return err as BucketryError;
  }
  throw new Error("expected a Configuration error");
}

const make = (o: Record<string, unknown>) => () => createBucketClient({ fetch, ...o } as never);

describe("client options", () => {
  const cases: [string, Record<string, unknown> | undefined, RegExp | null][] = [
    ["no options", undefined as never, /provider/],
    ["unknown provider", { provider: "aws-s3" }, /use one of aliyun-ens/],
    ["a config object as provider: named by its type, its keys not quoted", { provider: { provider: "aliyun-oss", accessKeySecret: "Provider-Quoted-Secret" } }, /^unknown provider an object: use one of aliyun-ens/],
    ["OSS without region", { provider: "aliyun-oss", credentials: creds["aliyun-oss"] }, /`region` is required \(e\.g\. region: "cn-hangzhou"\)/],
    ["OSS region that is a host", { provider: "aliyun-oss", region: "oss-cn-hangzhou.aliyuncs.com", credentials: creds["aliyun-oss"] }, /region id such as cn-hangzhou/],
    ["MPC without region", { provider: "huaweicloud-mpc", projectId: "p1", credentials: creds["huaweicloud-mpc"] }, /`region` is required/],
    ["ENS region that is not an id", { provider: "aliyun-ens", region: "Hangzhou!", credentials: creds["aliyun-ens"] }, /"Hangzhou!" is not a region id like ap-southeast-1/],
    ["MPC region that is not an id", { provider: "huaweicloud-mpc", region: "r", projectId: "p1", credentials: creds["huaweicloud-mpc"] }, /"r" is not a region id like cn-north-4/],
    // With AK/SK a missing projectId is looked up from IAM (huawei-chain.test.ts); a token cannot do that.
    ["MPC token without projectId", { provider: "huaweicloud-mpc", region: "cn-north-4", credentials: { token: "iam-token" } }, /`projectId` is required with token credentials/],
    ["timeoutMs past what a timer can hold", { provider: "aliyun-oss", region: "cn-hangzhou", credentials: creds["aliyun-oss"], timeoutMs: 3e9 }, /timeoutMs must be at most 2147483647 ms/],
    ["deadlineMs past what a timer can hold", { provider: "baidu-bos", credentials: creds["baidu-bos"], deadlineMs: 2 ** 31 }, /deadlineMs must be at most 2147483647 ms/],
    ["MPC projectId that is not a string", { provider: "huaweicloud-mpc", region: "cn-north-4", projectId: 123456, credentials: creds["huaweicloud-mpc"] }, /`projectId` must be a string \(e\.g\. projectId: "<32-character id>".*\), got 123456$/],
    ["MPC projectId with a slash", { provider: "huaweicloud-mpc", region: "cn-north-4", projectId: "../x", credentials: creds["huaweicloud-mpc"] }, /projectId must be/],
    ["MPC empty token", { provider: "huaweicloud-mpc", region: "cn-north-4", projectId: "p1", credentials: { token: " " } }, /credentials\.token is missing or empty/],
    ["Hitachi without endpoint", { provider: "hitachi-vsp-one-object", credentials: creds["hitachi-vsp-one-object"] }, /`endpoint` is required: the management API base/],
    ["BOS region that is not a short name", { provider: "baidu-bos", region: "beijing-1", credentials: creds["baidu-bos"] }, /BOS region short name/],
    ["BOS bad addressing", { provider: "baidu-bos", addressing: "dns", credentials: creds["baidu-bos"] }, /addressing must be/],
    ["ENS bad signatureVersion", { provider: "aliyun-ens", signatureVersion: "v2", credentials: creds["aliyun-ens"] }, /signatureVersion must be "v3" or "v1"/],
    ["OSS bad signatureVersion", { provider: "aliyun-oss", region: "cn-hangzhou", signatureVersion: "v2", credentials: creds["aliyun-oss"] }, /signatureVersion must be "v4" or "v1"/],
    // options no provider of that name takes: a typo, another provider's option (JavaScript, JSON, options built first)
    ["ENS endPoint (its requests went to the public host)", { provider: "aliyun-ens", endPoint: "http://127.0.0.1:9000", credentials: creds["aliyun-ens"] }, /^aliyun-ens: unknown option "endPoint" \(did you mean endpoint\?\); aliyun-ens takes region, credentials, signatureVersion and the common options \(endpoint, retry, timeoutMs, deadlineMs, retryBudget, maxResponseBytes, fetch, clock, onWarning\)$/],
    ["BOS regoin", { provider: "baidu-bos", regoin: "gz", credentials: creds["baidu-bos"] }, /unknown option "regoin" \(did you mean region\?\)/],
    ["ENS retires: false", { provider: "aliyun-ens", retires: false, credentials: creds["aliyun-ens"] }, /unknown option "retires" \(did you mean retry\?\)/],
    ["ENS signatureVersoin", { provider: "aliyun-ens", signatureVersoin: "v1", credentials: creds["aliyun-ens"] }, /unknown option "signatureVersoin" \(did you mean signatureVersion\?\)/],
    ["ENS addressing (an OSS/BOS option)", { provider: "aliyun-ens", addressing: "path", credentials: creds["aliyun-ens"] }, /^aliyun-ens: unknown option "addressing"; aliyun-ens takes region, credentials/],
    ["OSS internal (the bare client's option)", { provider: "aliyun-oss", region: "cn-hangzhou", internal: true, credentials: creds["aliyun-oss"] }, /unknown option "internal"; aliyun-oss takes region, credentials, signatureVersion, addressing, cname and/],
    ["Hitachi undefined-valued typo", { provider: "hitachi-vsp-one-object", endpoint: "http://h/mapi", apiVerison: undefined, credentials: creds["hitachi-vsp-one-object"] }, /unknown option "apiVerison" \(did you mean apiVersion\?\); hitachi-vsp-one-object takes credentials, apiVersion and/],
    ["MPC projectID", { provider: "huaweicloud-mpc", region: "cn-north-4", projectID: "p1", credentials: creds["huaweicloud-mpc"] }, /unknown option "projectID" \(did you mean projectId\?\)/],
    // endpoint URLs
    ...(["aliyun-ens", "aliyun-oss", "baidu-bos", "huaweicloud-mpc"] as const).flatMap((provider): [string, Record<string, unknown>, RegExp][] => [
      [`${provider} empty endpoint (not the vendor's public host)`, { ...optionsFor(provider, "http://127.0.0.1:1"), endpoint: "" }, /endpoint is empty: leave the option out for the vendor's own endpoint$/],
      [`${provider} endpoint as a URL object`, { ...optionsFor(provider, "http://127.0.0.1:1"), endpoint: new URL("http://127.0.0.1:9000") }, /endpoint must be a URL string such as "https:\/\/127\.0\.0\.1:9000", got a URL object \(pass url\.href\)$/],
      [`${provider} endpoint as a number`, { ...optionsFor(provider, "http://127.0.0.1:1"), endpoint: 9000 }, /endpoint must be a URL string .*, got 9000$/],
      [`${provider} endpoint null (not the vendor's public host)`, { ...optionsFor(provider, "http://127.0.0.1:1"), endpoint: null }, /endpoint must be a URL string .*, got null$/],
    ]),
    ["MPC region that contradicts its official endpoint", { provider: "huaweicloud-mpc", region: "ap-southeast-3", endpoint: "https://mpc.cn-north-4.myhuaweicloud.com", projectId: "p1", credentials: creds["huaweicloud-mpc"] }, /region "ap-southeast-3" contradicts endpoint mpc\.cn-north-4\.myhuaweicloud\.com \(region cn-north-4\): leave region out, or make them agree$/],
    ["MPC region that agrees with its official endpoint", { provider: "huaweicloud-mpc", region: "cn-north-4", endpoint: "https://mpc.cn-north-4.myhuaweicloud.com", projectId: "p1", credentials: creds["huaweicloud-mpc"] }, null],
    ["Hitachi empty endpoint", { provider: "hitachi-vsp-one-object", endpoint: "", credentials: creds["hitachi-vsp-one-object"] }, /`endpoint` is required: the management API base/],
    ["relative endpoint", { provider: "aliyun-ens", endpoint: "/ens/local", credentials: creds["aliyun-ens"] }, /not an absolute URL \(expected e\.g\. http:\/\/127\.0\.0\.1:9000\)/],
    ["bare host endpoint, as endpoint tables write it", { provider: "aliyun-oss", region: "cn-hangzhou", endpoint: "oss-cn-hangzhou.aliyuncs.com", credentials: creds["aliyun-oss"] }, /endpoint needs a scheme: https:\/\/oss-cn-hangzhou\.aliyuncs\.com \(or http:\/\/ for a local mock\)/],
    ["host:port endpoint (read by URL as a scheme)", { provider: "aliyun-ens", endpoint: "localhost:9000", credentials: creds["aliyun-ens"] }, /endpoint needs a scheme: https:\/\/localhost:9000 /],
    ["OSS endpoint with a bucket in its path", { provider: "aliyun-oss", region: "cn-hangzhou", endpoint: "https://oss-cn-hangzhou.aliyuncs.com/examplebucket", credentials: creds["aliyun-oss"] }, /endpoint oss-cn-hangzhou\.aliyuncs\.com takes no path \(got \/examplebucket\): use https:\/\/oss-cn-hangzhou\.aliyuncs\.com and name the bucket in the call/],
    ["BOS endpoint with the API page's /v1 prefix", { provider: "baidu-bos", endpoint: "http://bj.bcebos.com/v1", credentials: creds["baidu-bos"] }, /endpoint bj\.bcebos\.com takes no path \(got \/v1\)/],
    ["ENS endpoint with an operation in its path", { provider: "aliyun-ens", endpoint: "https://ens.aliyuncs.com/ListBuckets", credentials: creds["aliyun-ens"] }, /endpoint ens\.aliyuncs\.com takes no path \(got \/ListBuckets\): use https:\/\/ens\.aliyuncs\.com$/],
    ["MPC endpoint with the API's /v1 prefix", { provider: "huaweicloud-mpc", endpoint: "https://mpc.cn-north-4.myhuaweicloud.com/v1", projectId: "p1", credentials: creds["huaweicloud-mpc"] }, /endpoint mpc\.cn-north-4\.myhuaweicloud\.com takes no path \(got \/v1\): use https:\/\/mpc\.cn-north-4\.myhuaweicloud\.com$/],
    ["Hitachi host:port/path endpoint without a scheme", { provider: "hitachi-vsp-one-object", endpoint: "admin.region1.cluster1:9099/mapi", credentials: creds["hitachi-vsp-one-object"] }, /endpoint needs a scheme: https:\/\/admin\.region1\.cluster1:9099\/mapi \(or http:\/\/ for a local mock\)/],
    ["OSS bucket's domain as endpoint", { provider: "aliyun-oss", region: "cn-hangzhou", endpoint: "https://examplebucket.oss-cn-hangzhou.aliyuncs.com", credentials: creds["aliyun-oss"] }, /endpoint examplebucket\.oss-cn-hangzhou\.aliyuncs\.com is a bucket's domain: pass https:\/\/oss-cn-hangzhou\.aliyuncs\.com and name the bucket in each call, or cname: true/],
    ["OSS bucket's dual-stack domain as endpoint", { provider: "aliyun-oss", region: "cn-hangzhou", endpoint: "https://examplebucket.cn-hangzhou.oss.aliyuncs.com", credentials: creds["aliyun-oss"] }, /is a bucket's domain: pass https:\/\/cn-hangzhou\.oss\.aliyuncs\.com /],
    ["OSS cname: true on a service endpoint", { provider: "aliyun-oss", region: "cn-hangzhou", endpoint: "https://oss-cn-hangzhou-internal.aliyuncs.com", cname: true, credentials: creds["aliyun-oss"] }, /cname: true needs the bucket's own domain as endpoint; oss-cn-hangzhou-internal\.aliyuncs\.com is an OSS service endpoint/],
    ["OSS region that names the internal endpoint", { provider: "aliyun-oss", region: "oss-cn-hangzhou-internal", credentials: creds["aliyun-oss"] }, /region "oss-cn-hangzhou-internal" names an endpoint: pass endpoint: "https:\/\/oss-cn-hangzhou-internal\.aliyuncs\.com" with the bucket's region id \(e\.g\. region: "cn-hangzhou"\)/],
    ["OSS legacy bucket domain with cname: true is the bucket's own domain, not a service host", { provider: "aliyun-oss", region: "cn-hangzhou", endpoint: "https://examplebucket.oss.aliyuncs.com", cname: true, credentials: creds["aliyun-oss"] }, null],
    ["OSS legacy bucket domain of a hyphenated bucket with cname: true", { provider: "aliyun-oss", region: "cn-hangzhou", endpoint: "https://my-bucket.oss.aliyuncs.com", cname: true, credentials: creds["aliyun-oss"] }, null],
    ["OSS dual-stack service host with cname: true", { provider: "aliyun-oss", region: "ap-southeast-1", endpoint: "https://ap-southeast-1.oss.aliyuncs.com", cname: true, credentials: creds["aliyun-oss"] }, /cname: true needs the bucket's own domain as endpoint; ap-southeast-1\.oss\.aliyuncs\.com is an OSS service endpoint/],
    ["OSS mistyped signatureVersion is named before the region", { provider: "aliyun-oss", region: "oss-cn-hangzhou-internal", signatureVersion: "V1", credentials: creds["aliyun-oss"] }, /signatureVersion must be "v4" or "v1", got "V1"/],
    ["ENS endpoint behind a proxy path on another Alibaba Cloud host", { provider: "aliyun-ens", endpoint: "https://1234.cn-hangzhou.fc.aliyuncs.com/2016-08-15/proxy/ens", credentials: creds["aliyun-ens"] }, null],
    ["MPC endpoint behind a proxy path on another Huawei Cloud host", { provider: "huaweicloud-mpc", endpoint: "https://apig.cn-north-4.myhuaweicloud.com/mpc", projectId: "p1", credentials: creds["huaweicloud-mpc"] }, null],
    ["OSS V4 region another region's service host contradicts", { provider: "aliyun-oss", region: "cn-hangzhou", endpoint: "https://oss-cn-shanghai.aliyuncs.com", credentials: creds["aliyun-oss"] }, /region "cn-hangzhou" contradicts endpoint oss-cn-shanghai\.aliyuncs\.com \(region cn-shanghai\), and V4 signs the region into every request: make them agree/],
    ["OSS V4 region its internal host contradicts", { provider: "aliyun-oss", region: "cn-hangzhou", endpoint: "https://oss-cn-beijing-internal.aliyuncs.com", credentials: creds["aliyun-oss"] }, /contradicts endpoint oss-cn-beijing-internal\.aliyuncs\.com \(region cn-beijing\)/],
    ["OSS V4 region its own service host agrees with", { provider: "aliyun-oss", region: "cn-shanghai", endpoint: "https://oss-cn-shanghai-internal.aliyuncs.com", credentials: creds["aliyun-oss"] }, null],
    ["OSS V1 with another region's service host (V1 signs no region)", { provider: "aliyun-oss", region: "cn-hangzhou", endpoint: "https://oss-cn-shanghai.aliyuncs.com", signatureVersion: "v1", credentials: creds["aliyun-oss"] }, null],
    ["OSS V4 with a finance-cloud host whose label is no region id", { provider: "aliyun-oss", region: "cn-hangzhou-finance", endpoint: "https://oss-cn-hzjbp-a.aliyuncs.com", credentials: creds["aliyun-oss"] }, null],
    ["OSS V4 with the accelerate host", { provider: "aliyun-oss", region: "cn-hangzhou", endpoint: "https://oss-accelerate.aliyuncs.com", credentials: creds["aliyun-oss"] }, null],
    ["OSS endpoint-shaped region with V1 (it signs no region)", { provider: "aliyun-oss", region: "oss-cn-hangzhou-internal", signatureVersion: "v1", credentials: creds["aliyun-oss"] }, null],
    ["OSS region that names the accelerate endpoint", { provider: "aliyun-oss", region: "oss-accelerate-overseas", credentials: creds["aliyun-oss"] }, /names an endpoint: pass endpoint: "https:\/\/oss-accelerate-overseas\.aliyuncs\.com"/],
    ["scheme-less endpoint with user info (not echoed)", { provider: "baidu-bos", endpoint: "//admin:s3cret-pw@bos.local", credentials: creds["baidu-bos"] }, /^(?!.*s3cret-pw).*not an absolute URL/],
    ["virtual-hosted addressing with an IP endpoint", { provider: "aliyun-oss", region: "cn-hangzhou", endpoint: "http://127.0.0.1:9000", addressing: "virtual-hosted", credentials: creds["aliyun-oss"] }, /addressing: "virtual-hosted" needs an endpoint with a host name; a bucket cannot prefix the IP address 127\.0\.0\.1 \(use addressing: "path"\)/],
    ["virtual-hosted addressing with an IPv6 endpoint", { provider: "baidu-bos", endpoint: "http://[::1]:9000", addressing: "virtual-hosted", credentials: creds["baidu-bos"] }, /a bucket cannot prefix the IP address \[::1\]/],
    ["ftp endpoint", { provider: "aliyun-ens", endpoint: "ftp://ens.local", credentials: creds["aliyun-ens"] }, /must be http\(s\)/],
    ["endpoint with user info", { provider: "baidu-bos", endpoint: "http://u:p@bos.local", credentials: creds["baidu-bos"] }, /must not contain user info/],
    ["endpoint with a query", { provider: "aliyun-oss", region: "cn-hangzhou", endpoint: "http://oss.local/?a=1", credentials: creds["aliyun-oss"] }, /must not contain a query/],
    ["Hitachi host/path endpoint without a scheme", { provider: "hitachi-vsp-one-object", endpoint: "admin/mapi", credentials: creds["hitachi-vsp-one-object"] }, /endpoint needs a scheme: https:\/\/admin\/mapi /],
    // credentials
    ["ENS credentials not an object", { provider: "aliyun-ens", credentials: "LTAI:secret" }, /credentials` must be \{ accessKeyId, accessKeySecret/],
    ["OSS empty accessKeyId", { provider: "aliyun-oss", region: "cn-hangzhou", credentials: { accessKeyId: "", accessKeySecret: "s" } }, /credentials\.accessKeyId is missing or empty/],
    ["BOS missing secret", { provider: "baidu-bos", credentials: { accessKeyId: "a" } }, /credentials\.accessKeySecret is missing or empty/],
    ["MPC empty securityToken", { provider: "huaweicloud-mpc", region: "cn-north-4", projectId: "p1", credentials: { accessKeyId: "a", accessKeySecret: "s", securityToken: "" } }, /securityToken, when given, must be a non-empty string/],
    ["ENS secret with a newline inside", { provider: "aliyun-ens", credentials: { accessKeyId: "a", accessKeySecret: "s3c\nret" } }, /accessKeySecret contains a character that cannot be sent in an HTTP header/],
    // A key read from a file keeps its newline: the official SDKs of ENS, BOS and MPC do not trim the keys they are
    // given, so these refuse it, saying what to change.
    ["ENS secret with a trailing newline", { provider: "aliyun-ens", credentials: { accessKeyId: "a", accessKeySecret: "s3cret\n" } }, /credentials\.accessKeySecret has leading or trailing whitespace \(a newline from a file\?\): trim it$/],
    ["BOS key id with surrounding spaces", { provider: "baidu-bos", credentials: { accessKeyId: " ak-id ", accessKeySecret: "s" } }, /credentials\.accessKeyId has leading or trailing whitespace .*: trim it$/],
    ["MPC token with a trailing CRLF", { provider: "huaweicloud-mpc", region: "cn-north-4", projectId: "p1", credentials: { accessKeyId: "a", accessKeySecret: "s", securityToken: "tok\r\n" } }, /credentials\.securityToken has leading or trailing whitespace .*: trim it$/],
    ["MPC secret with a space inside and at the end", { provider: "huaweicloud-mpc", region: "cn-north-4", projectId: "p1", credentials: { accessKeyId: "a", accessKeySecret: "s s " } }, /credentials\.accessKeySecret contains a character that cannot be sent/],
    // A key pasted from a file: ali-oss trims the accessKeyId and accessKeySecret it is given, so OSS takes them.
    ["OSS keys with surrounding whitespace (trimmed, as ali-oss trims them)", { provider: "aliyun-oss", region: "cn-hangzhou", credentials: { accessKeyId: " LTAI5tKey\t", accessKeySecret: "oss-secret\n" } }, null],
    ["OSS token with a space", { provider: "aliyun-oss", region: "cn-hangzhou", credentials: { accessKeyId: "a", accessKeySecret: "s", securityToken: "to ken" } }, /securityToken contains a character/],
    ["Hitachi token with a newline", { provider: "hitachi-vsp-one-object", endpoint: "http://h/mapi", credentials: { token: "tok\nen" } }, /credentials\.token contains a character/],
    ["Hitachi token with a trailing newline", { provider: "hitachi-vsp-one-object", endpoint: "http://h/mapi", credentials: { token: "token\n" } }, /credentials\.token has leading or trailing whitespace .*: trim it$/],
    ["Hitachi password grant with a tokenUrl that is not a URL", { provider: "hitachi-vsp-one-object", endpoint: "http://h/mapi", credentials: { username: "u", password: "p", tokenUrl: "nope" } }, /tokenUrl/],
    ["Hitachi password grant without tokenUrl", { provider: "hitachi-vsp-one-object", endpoint: "http://h/mapi", credentials: { username: "u", password: "p" } }, /credentials\.tokenUrl is missing/],
    // the reliability options
    ["retry.maxAttempts 0", { provider: "aliyun-ens", credentials: creds["aliyun-ens"], retry: { maxAttempts: 0 } }, /retry\.maxAttempts must be an integer >= 1/],
    ["retry negative delay", { provider: "aliyun-ens", credentials: creds["aliyun-ens"], retry: { baseDelayMs: -1 } }, /retry\.baseDelayMs and retry\.maxDelayMs must be finite/],
    ["retry.onRetry not a function", { provider: "aliyun-ens", credentials: creds["aliyun-ens"], retry: { onRetry: "log" } }, /retry\.onRetry must be a function/],
    ["retry: true", { provider: "aliyun-ens", credentials: creds["aliyun-ens"], retry: true }, /retry must be false or \{/],
    ["timeoutMs negative", { provider: "aliyun-ens", credentials: creds["aliyun-ens"], timeoutMs: -5 }, /timeoutMs must be a number of milliseconds >= 0/],
    ["timeoutMs a string", { provider: "aliyun-ens", credentials: creds["aliyun-ens"], timeoutMs: "30s" }, /timeoutMs must be a number/],
    ["timeoutMs null (off, or the default?)", { provider: "aliyun-ens", credentials: creds["aliyun-ens"], timeoutMs: null }, /^aliyun-ens: timeoutMs is null: leave it out for the default \(30000 ms\), or give milliseconds \(0 turns it off\)$/],
    ["deadlineMs null", { provider: "aliyun-ens", credentials: creds["aliyun-ens"], deadlineMs: null }, /^aliyun-ens: deadlineMs is null: leave it out for no deadline, or give milliseconds/],
    ["maxResponseBytes null", { provider: "aliyun-ens", credentials: creds["aliyun-ens"], maxResponseBytes: null }, /^aliyun-ens: maxResponseBytes is null: leave it out for the default \(\d+ bytes\), or give a number of bytes$/],
    // Beside an endpoint the ENS region selects nothing, but a blank one is an unset variable all the same: refused,
    // as MPC and BOS refuse it beside an endpoint.
    ["ENS blank region beside an endpoint", { provider: "aliyun-ens", region: "", endpoint: "http://127.0.0.1:9000", credentials: creds["aliyun-ens"] }, /^aliyun-ens: `region` is blank: leave it out for none \(the endpoint decides\), or give one \(e\.g\. region: "ap-southeast-1"\)$/],
    ["ENS whitespace region beside an endpoint", { provider: "aliyun-ens", region: " \t", endpoint: "http://127.0.0.1:9000", credentials: creds["aliyun-ens"] }, /^aliyun-ens: `region` is blank: leave it out for none/],
    ["MPC blank region beside an endpoint", { provider: "huaweicloud-mpc", region: "", endpoint: "http://127.0.0.1:9000", credentials: creds["huaweicloud-mpc"] }, /^huaweicloud-mpc: `region` is required/],
    ["BOS blank region beside an endpoint", { provider: "baidu-bos", region: "", endpoint: "http://127.0.0.1:9000", credentials: creds["baidu-bos"] }, /^baidu-bos: `region` is blank/],
    ["ENS region left out beside an endpoint", { provider: "aliyun-ens", endpoint: "http://127.0.0.1:9000", credentials: creds["aliyun-ens"] }, null],
    ["ENS blank region (an unset variable, not the central endpoint unseen)", { provider: "aliyun-ens", region: " ", credentials: creds["aliyun-ens"] }, /^aliyun-ens: `region` is blank: leave it out for the central endpoint, ens\.aliyuncs\.com, or give one \(e\.g\. region: "ap-southeast-1"\)$/],
    ["ENS region null", { provider: "aliyun-ens", region: null, credentials: creds["aliyun-ens"] }, /`region` is null: leave it out for the central endpoint/],
    ["BOS region null (was bj unseen)", { provider: "baidu-bos", region: null, credentials: creds["baidu-bos"] }, /^baidu-bos: `region` is null: leave it out for the default region, bj, or give one \(e\.g\. region: "gz"\)$/],
    ["BOS blank region", { provider: "baidu-bos", region: "", credentials: creds["baidu-bos"] }, /`region` is blank: leave it out for the default region, bj/],
    ["deadlineMs NaN", { provider: "aliyun-ens", credentials: creds["aliyun-ens"], deadlineMs: Number.NaN }, /deadlineMs must be a number of milliseconds >= 0/],
    ["maxResponseBytes 0", { provider: "aliyun-ens", credentials: creds["aliyun-ens"], maxResponseBytes: 0 }, /maxResponseBytes must be a whole number of bytes >= 1/],
    ["retryBudget negative", { provider: "aliyun-ens", credentials: creds["aliyun-ens"], retryBudget: { capacity: -1 } }, /retryBudget\.capacity must be a finite number >= 0/],
    ["fetch not a function", { provider: "aliyun-ens", credentials: creds["aliyun-ens"], fetch: "undici" }, /fetch must be a function/],
    ["clock not a function", { provider: "aliyun-ens", credentials: creds["aliyun-ens"], clock: 0 }, /clock must be a function/],
  ];
  it.each(cases)("%s", (_, options, message) => {
    if (message === null) {
      // Accepted: a form that must not be refused.
      expect(() => make(options!)()).not.toThrow();
      return;
    }
    const err = configError(options === undefined ? () => createBucketClient(undefined as never) : make(options));
    expect(err.message).toMatch(message);
    expect(fetch.requests).toHaveLength(0);
  });
});

describe("options inherited from a defaults object (Object.create(defaults))", () => {
  const entries = { "aliyun-ens": ensEntry, "huaweicloud-mpc": mpcEntry, "baidu-bos": bosEntry, "hitachi-vsp-one-object": hitachiEntry, "aliyun-oss": ossEntry } as const;
  const answering = (provider: (typeof PROVIDERS)[number]) => stubFetch(() => new Response(VALID_BODY[provider].body, { headers: { "content-type": VALID_BODY[provider].type } }));

  it.each(PROVIDERS)("%s: its own entry, without provider, reads an inherited endpoint (a copy of the options dropped it: the call went to the public host)", async (provider) => {
    const stub = answering(provider);
    const { provider: _, ...defaults } = optionsFor(provider, STUB_ENDPOINT[provider], { fetch: stub });
    const client = (entries[provider] as (o: object) => unknown)(Object.create(defaults));
    await callOnce(client, provider);
    expect(stub.requests).toHaveLength(1);
    // The endpoint's host, or a bucket's name before it (virtual-hosted OSS).
    expect(new URL(stub.requests[0]!.url).host).toMatch(new RegExp(`(^|\\.)${new URL(STUB_ENDPOINT[provider]).host.replace(/\./g, "\\.")}$`));
  });
  it.each(PROVIDERS)("%s: its own entry reads an endpoint from a class getter over a private field (the getter runs on its own object)", async (provider) => {
    const stub = answering(provider);
    const { provider: _, endpoint, ...rest } = optionsFor(provider, STUB_ENDPOINT[provider], { fetch: stub });
    class Settings {
      readonly #endpoint = endpoint;
      get endpoint() {
        return this.#endpoint;
      }
    }
    const client = (entries[provider] as (o: object) => unknown)(Object.assign(new Settings(), rest));
    await callOnce(client, provider);
    expect(new URL(stub.requests[0]!.url).host).toMatch(new RegExp(`(^|\\.)${new URL(STUB_ENDPOINT[provider]).host.replace(/\./g, "\\.")}$`));
  });
  it.each(PROVIDERS)("%s: methods on the options' prototype (a settings class written the ES5 way) are not options", async (provider) => {
    const stub = answering(provider);
    const { provider: _, ...own } = optionsFor(provider, STUB_ENDPOINT[provider], { fetch: stub });
    function Settings(this: Record<string, unknown>) {
      Object.assign(this, own);
    }
    Settings.prototype.toEnv = function () {
      return "";
    };
    const settings = new (Settings as unknown as new () => object)();
    await callOnce((entries[provider] as (o: object) => unknown)(settings), provider);
    await callOnce(createBucketClient(Object.assign(settings, { provider }) as never), provider);
    expect(stub.requests).toHaveLength(2);
  });
  it.each(PROVIDERS)("%s: an inherited misspelt option is refused, from the root and from its own entry", (provider) => {
    const { provider: _, ...defaults } = optionsFor(provider, STUB_ENDPOINT[provider], { fetch, endPoint: "http://127.0.0.1:9" });
    const viaRoot = Object.assign(Object.create(defaults) as object, { provider });
    expect(configError(() => createBucketClient(viaRoot as never)).message).toMatch(/unknown option "endPoint" \(did you mean endpoint\?\)/);
    expect(configError(() => (entries[provider] as (o: object) => unknown)(Object.create(defaults))).message).toMatch(/unknown option "endPoint"/);
    expect(fetch.requests).toHaveLength(0);
  });
});

describe("a region with spaces around it (pasted, or read from a file)", () => {
  it.each([
    ["aliyun-ens", " ap-southeast-1 ", "ens.ap-southeast-1.aliyuncs.com"],
    ["baidu-bos", " gz\n", "example-bucket.gz.bcebos.com"],
  ] as const)("%s region %j is trimmed: the call goes to %s", async (provider, region, host) => {
    const stub = stubFetch(() => new Response(VALID_BODY[provider].body, { headers: { "content-type": VALID_BODY[provider].type } }));
    const { endpoint: _, ...options } = optionsFor(provider, "unused", { region, fetch: stub });
    await callOnce(createBucketClient(options as never), provider);
    expect(new URL(stub.requests[0]!.url).host).toBe(host);
  });
});

describe("a call's timeoutMs or deadlineMs null", () => {
  it.each(["timeoutMs", "deadlineMs"])("%s: null is refused, naming what leaving it out means", async (name) => {
    const client = createBucketClient({ ...optionsFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"]), fetch } as never);
    expect((await configRejection(() => callOnce(client, "aliyun-ens", { [name]: null }))).message).toBe(
      `aliyun-ens: ${name} is null: leave it out for the client's, or give milliseconds (0 turns it off)`,
    );
  });
});

describe("a clock that does not return epoch milliseconds", () => {
  // Hitachi's requests carry a bearer token and are not signed: nothing reads the clock before they go out.
  it.each(PROVIDERS.filter((p) => p !== "hitachi-vsp-one-object"))("%s: a Date is a Configuration error naming the option, and nothing is sent", async (provider) => {
    const client = createBucketClient({ ...optionsFor(provider, STUB_ENDPOINT[provider]), fetch, clock: () => new Date(), retry: false } as never);
    const err = await configRejection(() => callOnce(client, provider));
    expect(err.message).toBe(`${provider}: clock must return epoch milliseconds as a finite number, got a Date (return date.getTime())`);
    expect(fetch.requests).toHaveLength(0);
  });
});

describe("call arguments", () => {
  const ens = () => createBucketClient({ ...optionsFor("aliyun-ens", STUB_ENDPOINT["aliyun-ens"]), fetch } as never) as never as {
    listBucketsPage(o?: object): Promise<unknown>;
    listBuckets(o?: object): AsyncIterable<unknown>;
  };
  const hitachi = () =>
    createBucketClient({ ...optionsFor("hitachi-vsp-one-object", STUB_ENDPOINT["hitachi-vsp-one-object"]), fetch } as never) as never as {
      listBucketsPage(o?: object): Promise<unknown>;
      listBuckets(o?: object): AsyncIterable<unknown>;
    };
  const mpc = () => createBucketClient({ ...optionsFor("huaweicloud-mpc", STUB_ENDPOINT["huaweicloud-mpc"]), fetch } as never) as never as { listBucketsPage(o?: object): Promise<unknown> };
  const acl = (provider: "aliyun-oss" | "baidu-bos") =>
    createBucketClient({ ...optionsFor(provider, STUB_ENDPOINT[provider]), fetch } as never) as never as { getBucketAcl(b: unknown, o?: object): Promise<unknown> };

  it.each([0, 101, 1.5, -1, Number.NaN])("ENS pageSize %s: 1 to 100", async (pageSize) => {
    expect((await configRejection(() => ens().listBucketsPage({ pageSize }))).message).toMatch(/pageSize must be an integer from 1 to 100/);
    expect((await configRejection(() => ens().listBuckets({ pageSize }))).message).toMatch(/pageSize must be an integer from 1 to 100/);
  });
  it.each([0, 1001])("Hitachi pageSize %s: 1 to 1000", async (pageSize) => {
    expect((await configRejection(() => hitachi().listBucketsPage({ userId: 1, pageSize }))).message).toMatch(/from 1 to 1000/);
  });
  it("MPC has no pageSize", async () => {
    expect((await configRejection(() => mpc().listBucketsPage({ pageSize: 10 }))).message).toMatch(/one response; pageSize is not supported/);
  });
  it("ENS cursor must come from a previous page", async () => {
    expect((await configRejection(() => ens().listBucketsPage({ cursor: "abc" }))).message).toMatch(/cursor must be a page number/);
  });
  it("ENS prefix cut inside an emoji (a lone surrogate) is a Configuration error naming prefix, not Unknown 'URI malformed'", async () => {
    const cut = "img-\u{1F600}".slice(0, -1);
    expect((await configRejection(() => ens().listBucketsPage({ prefix: cut }))).message).toBe("aliyun-ens: prefix must be a string of whole characters");
  });
  it("says what it got for a pageSize or userId of the wrong type", async () => {
    expect((await configRejection(() => ens().listBucketsPage({ pageSize: "10" }))).message).toBe('aliyun-ens: pageSize must be an integer from 1 to 100, got "10" (a string)');
    expect((await configRejection(() => hitachi().listBucketsPage({ userId: 1.5 }))).message).toBe(
      "hitachi-vsp-one-object: `userId` is required: the user's numeric id (3.3.x, a whole number) or UUID (2.x); got 1.5",
    );
  });
  it("quotes a value of the wrong type by its type alone, and a long string cut: an object passed for a string may hold the keys", async () => {
    const secret = "Quoted-Secret-0123456789abcdef";
    const config = { bucket: "examplebucket", region: "cn-hangzhou", accessKeyId: "LTAI5tQuoted", accessKeySecret: secret };
    const rejections = [
      await configRejection(() => acl("aliyun-oss").getBucketAcl(config)),
      await configRejection(() => acl("baidu-bos").getBucketAcl(config)),
      await configRejection(() => ens().listBucketsPage({ cursor: config })),
      await configRejection(() => ens().listBucketsPage({ pageSize: config })),
      configError(make({ provider: "baidu-bos", region: config, credentials: creds["baidu-bos"] })),
      configError(make({ provider: "aliyun-oss", region: "cn-hangzhou", addressing: config, credentials: creds["aliyun-oss"] })),
      configError(make({ provider: "baidu-bos", cname: config, credentials: creds["baidu-bos"] })),
      configError(make({ provider: "aliyun-ens", signatureVersion: config, credentials: creds["aliyun-ens"] })),
      configError(make({ provider: "hitachi-vsp-one-object", endpoint: "http://h/mapi", apiVersion: config, credentials: creds["hitachi-vsp-one-object"] })),
      configError(make({ provider: "aliyun-ens", credentials: creds["aliyun-ens"], maxResponseBytes: config })),
      configError(make({ provider: "aliyun-ens", credentials: creds["aliyun-ens"], timeoutMs: config })),
    ];
    for (const err of rejections) {
      expect(err.message).toMatch(/got an object\b/);
      expect(JSON.stringify(err)).not.toContain(secret);
    }
    const long = await configRejection(() => acl("aliyun-oss").getBucketAcl("b".repeat(1_000_000)));
    expect(long.message).toContain(`bucket name "${"b".repeat(60)}…" is invalid`);
    expect(long.message.length).toBeLessThan(300);
    const asString = configError(make({ provider: "aliyun-ens", credentials: creds["aliyun-ens"], maxResponseBytes: "1024" }));
    expect(asString.message).toMatch(/got "1024" \(a string\)$/);
  });
  it("Hitachi cursor that is not a string: a Configuration error, not a TypeError from inside", async () => {
    expect((await configRejection(() => hitachi().listBucketsPage({ userId: 1, cursor: 2 }))).message).toBe("hitachi-vsp-one-object: cursor must be a page's nextCursor (a string), got 2");
  });
  it.each([undefined, "", "  ", 1.5, null])("Hitachi userId %s", async (userId) => {
    expect((await configRejection(() => hitachi().listBucketsPage({ userId }))).message).toMatch(/`userId` is required/);
    expect((await configRejection(() => hitachi().listBuckets({ userId }))).message).toMatch(/`userId` is required/);
  });

  const badNames = ["ab", "a".repeat(64), "Upper", "-lead", "trail-", "dot.ted", "", "sp ace", "ünï", 42, "..", "."];
  it.each(badNames.map((n) => [n]))("bucket name %j is refused for OSS and BOS, naming the rule", async (name) => {
    expect((await configRejection(() => acl("baidu-bos").getBucketAcl(name))).message).toMatch(/3-63 characters of a-z, 0-9 and "-", starting and ending with a letter or digit$/);
    expect((await configRejection(() => acl("aliyun-oss").getBucketAcl(name))).message).toMatch(/3-63 characters of a-z, 0-9, "-" and "_", not starting or ending with "-"$/);
  });
  // "_": an existing OSS bucket may have one (ali-oss's rule, see differential/aliyun-oss.test.ts); a BOS bucket
  // may not (bce-sdk-go's isValidBucketName, services/bos/api/util.go: ^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$).
  it.each(["under_score", "_lead", "trail_"])("bucket name %j is refused for BOS only", async (name) => {
    expect((await configRejection(() => acl("baidu-bos").getBucketAcl(name))).message).toMatch(/3-63 characters of a-z, 0-9 and "-", starting and ending with a letter or digit$/);
    const ok = stubFetch(() => new Response("{}", { status: 404 }));
    const client = createBucketClient({ ...optionsFor("aliyun-oss", STUB_ENDPOINT["aliyun-oss"]), fetch: ok } as never) as never as { getBucketAcl(b: string): Promise<unknown> };
    await expect(client.getBucketAcl(name)).rejects.toMatchObject({ kind: "NotFound" });
    expect(ok.requests).toHaveLength(1);
  });
  it.each(["abc", "a".repeat(63), "my-bucket-01", "0-0"])("bucket name %s is accepted", async (name) => {
    const ok = stubFetch(() => new Response("{}", { status: 404 }));
    const client = createBucketClient({ ...optionsFor("baidu-bos", STUB_ENDPOINT["baidu-bos"]), fetch: ok } as never) as never as { getBucketAcl(b: string): Promise<unknown> };
    await expect(client.getBucketAcl(name)).rejects.toMatchObject({ kind: "NotFound" });
    expect(ok.requests).toHaveLength(1);
  });

  it.each([
    [{ retry: { maxAttempts: -1 } }, /retry\.maxAttempts/],
    [{ timeoutMs: -1 }, /timeoutMs must be/],
    [{ deadlineMs: Infinity }, /deadlineMs must be/],
    [{ signal: "stop" }, /signal must be an AbortSignal/],
  ])("per-call option %j", async (call, message) => {
    expect((await configRejection(() => acl("aliyun-oss").getBucketAcl("example-bucket", call))).message).toMatch(message);
  });

  it("credentials from a function are checked on every call, before the request", async () => {
    let n = 0;
    const client = createBucketClient({
      ...optionsFor("baidu-bos", STUB_ENDPOINT["baidu-bos"]),
      fetch,
      credentials: () => (n++ === 0 ? { accessKeyId: "a", accessKeySecret: "" } : { accessKeyId: "a", accessKeySecret: "s", securityToken: "bad\ttoken" }),
    } as never) as never as { getBucketAcl(b: string): Promise<unknown> };
    expect((await configRejection(() => client.getBucketAcl("example-bucket"))).message).toMatch(/accessKeySecret is missing or empty/);
    expect((await configRejection(() => client.getBucketAcl("example-bucket"))).message).toMatch(/securityToken contains a character/);
    expect(fetch.requests).toHaveLength(0);
  });
});

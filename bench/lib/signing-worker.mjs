// Signing ops/s for one scheme in a fresh process: ours (bucketry/signing pure core, node:crypto fast path)
// against the official SDK's signing function, called as the SDK calls it per request (the oracle pattern of
// packages/signing/test/*.test.ts), each side including its per-request date/nonce/header work.
//
// Both sides sign a prepared request: each side has `prepare()`, which builds one request in the shape its
// signer takes (ours: `{ method, url: new URL(…), headers: new Headers(…) }`; the SDK: its request object,
// e.g. Huawei's HttpRequestBuilder output), and `sign(request)`. Requests are prepared in batches of 64
// outside the timed region (a signer mutates its request, so each op needs a fresh one); only the `sign`
// calls are timed. The date, nonce and signed-header bookkeeping the SDK does around its signing function
// stay inside its `sign`, as our signer does them inside.
//   node lib/signing-worker.mjs <scheme> <msPerRound> <rounds>
// Prints {"ours":[ops/s per round], "sdk":[ops/s per round]}. Rounds alternate ours/sdk.
import { createRequire } from "node:module";
import { signAcs3, signAcsRpcV1, signBceV1, signOssV1, signOssV4, signSdkHmacSha256 } from "bucketry/signing";
import { AK, BUCKET, PROJECT_ID, SK } from "./common.mjs";

const require = createRequire(import.meta.url);
const creds = { accessKeyId: AK, accessKeySecret: SK };

/** Our pure core over a fresh SignableRequest per op, as the middleware builds one per attempt. */
const ours = (method, url, headers, sign, options) => ({
  prepare: () => ({ method, url: new URL(url), headers: new Headers(headers) }),
  sign: (request) => sign(request, options),
  result: (request) => request.headers.get("authorization") ?? request.url.search,
});

/** An SDK side whose per-request input is built inside its signing call (plain objects with date/nonce). */
const sdkOnly = (fn) => ({ prepare: () => undefined, sign: fn, result: (out) => out });

export function scheme(name) {
  const s = schemeRaw(name);
  return { ...s, sdk: s.sdk.prepare ? s.sdk : sdkOnly(s.sdk) };
}

function schemeRaw(name) {
  switch (name) {
    case "acs3": {
      // ENS ListBuckets, ACS3-HMAC-SHA256. SDK: @alicloud/openapi-core doRequest's header set + utils.getAuthorization.
      const U = require("@alicloud/openapi-core/dist/utils.js").default;
      return {
        label: "ACS3-HMAC-SHA256 (ENS)",
        sdkName: "@alicloud/openapi-core utils.getAuthorization",
        ours: ours("POST", "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10&PageNumber=1&PageSize=10", {}, signAcs3, { credentials: creds }),
        async sdk() {
          const request = {
            method: "POST",
            pathname: "/",
            query: { PageNumber: "1", PageSize: "10" },
            headers: {
              host: "ens.aliyuncs.com",
              "x-acs-version": "2017-11-10",
              "x-acs-action": "ListBuckets",
              "user-agent": U.getUserAgent(undefined),
              "x-acs-date": U.getTimestamp(),
              "x-acs-signature-nonce": U.getNonce(),
              accept: "application/json",
            },
          };
          const payload = U.hash(Buffer.from("", "utf-8"), "ACS3-HMAC-SHA256").toString("hex");
          request.headers["x-acs-content-sha256"] = payload;
          return U.getAuthorization(request, "ACS3-HMAC-SHA256", payload, AK, SK);
        },
      };
    }
    case "rpc-v1": {
      // ENS ListBuckets, RPC HMAC-SHA1. SDK: openapi-core doRPCRequest's query assembly + utils.getRPCSignature.
      const U = require("@alicloud/openapi-core/dist/utils.js").default;
      return {
        label: "RPC HMAC-SHA1 v1 (ENS)",
        sdkName: "@alicloud/openapi-core utils.getRPCSignature",
        ours: ours("POST", "https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10&PageNumber=1&PageSize=10", {}, signAcsRpcV1, { credentials: creds }),
        async sdk() {
          const query = {
            Action: "ListBuckets",
            Format: "json",
            Version: "2017-11-10",
            Timestamp: U.getTimestamp(),
            SignatureNonce: U.getNonce(),
            PageNumber: "1",
            PageSize: "10",
          };
          query.SignatureMethod = "HMAC-SHA1";
          query.SignatureVersion = "1.0";
          query.AccessKeyId = AK;
          query.Signature = U.getRPCSignature({ ...query }, "POST", SK);
          return query.Signature;
        },
      };
    }
    case "oss-v4": {
      // OSS GetBucketAcl, OSS4-HMAC-SHA256. SDK: ali-oss createRequest's date headers + signUtils.authorizationV4.
      const signUtils = require("ali-oss/lib/common/signUtils.js");
      const isoBasic = (d) => d.toISOString().replace(/[-:]/g, "").slice(0, 15) + "Z";
      return {
        label: "OSS4-HMAC-SHA256 (OSS)",
        sdkName: "ali-oss signUtils.authorizationV4",
        ours: ours("GET", `https://${BUCKET}.oss-cn-hangzhou.aliyuncs.com/?acl`, {}, signOssV4, { credentials: creds, region: "cn-hangzhou", bucket: BUCKET }),
        async sdk() {
          const headers = { "x-oss-date": isoBasic(new Date()), "x-oss-content-sha256": "UNSIGNED-PAYLOAD" };
          return signUtils.authorizationV4(AK, SK, "cn-hangzhou", "GET", { headers, queries: { acl: null } }, BUCKET, undefined, []);
        },
      };
    }
    case "oss-v1": {
      // OSS GetBucketAcl, OSS V1 (HMAC-SHA1). SDK: ali-oss client.authorization = buildCanonicalString + authorization.
      const signUtils = require("ali-oss/lib/common/signUtils.js");
      return {
        label: "OSS V1 HMAC-SHA1 (OSS)",
        sdkName: "ali-oss signUtils.buildCanonicalString + authorization",
        ours: ours("GET", `https://${BUCKET}.oss-cn-hangzhou.aliyuncs.com/?acl`, {}, signOssV1, { credentials: creds, bucket: BUCKET }),
        async sdk() {
          const headers = { "x-oss-date": new Date().toUTCString() };
          const stringToSign = signUtils.buildCanonicalString("GET", `/${BUCKET}/`, { headers, parameters: "acl" });
          return signUtils.authorization(AK, SK, stringToSign, "utf-8");
        },
      };
    }
    case "sdk-hmac-sha256": {
      // MPC ListAllBuckets. SDK: HcClient.buildRequest's HttpRequestBuilder + BasicCredentials.processAuthRequest (AKSKSigner).
      const { BasicCredentials } = require("@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials");
      const { HttpRequestBuilder } = require("@huaweicloud/huaweicloud-sdk-core/http/IHttpRequestBuilder");
      const cred = new BasicCredentials().withAk(AK).withSk(SK).withProjectId(PROJECT_ID);
      return {
        label: "SDK-HMAC-SHA256 (MPC)",
        sdkName: "@huaweicloud/huaweicloud-sdk-core BasicCredentials.processAuthRequest",
        ours: ours(
          "GET",
          `https://mpc.cn-north-4.myhuaweicloud.com/v1/${PROJECT_ID}/buckets`,
          { "content-type": "application/json" },
          signSdkHmacSha256,
          { credentials: creds, projectId: PROJECT_ID },
        ),
        sdk: {
          // HcClient.buildRequest's request object is the SDK's equivalent of our URL + Headers input.
          prepare: () =>
            new HttpRequestBuilder()
              .withEndpoint("https://mpc.cn-north-4.myhuaweicloud.com")
              .withUrl(`/v1/${PROJECT_ID}/buckets`)
              .withHeaders({ "content-type": "application/json" })
              .withMethod("GET")
              .withPathParams({})
              .withData(undefined)
              .withQueryParams({})
              .build(),
          sign: (req) => cred.processAuthRequest(null, req),
          result: (signed) => signed.headers.Authorization,
        },
      };
    }
    case "bce-v1": {
      // BOS GetBucketAcl. SDK: BceBaseClient.createSignature = x-bce-date + new Auth(ak, sk).generateAuthorization.
      const Auth = require("@baiducloud/sdk/src/auth");
      return {
        label: "bce-auth-v1 (BOS)",
        sdkName: "@baiducloud/sdk Auth.generateAuthorization",
        ours: ours("GET", `https://bj.bcebos.com/v1/${BUCKET}?acl`, {}, signBceV1, { credentials: creds }),
        async sdk() {
          const now = Date.now();
          const headers = { Host: "bj.bcebos.com", "x-bce-date": new Date(now).toISOString().replace(/\.\d+Z$/, "Z") };
          return new Auth(AK, SK).generateAuthorization("GET", `/v1/${BUCKET}`, { acl: "" }, headers, now / 1000);
        },
      };
    }
    default:
      throw new Error(`unknown scheme ${name}`);
  }
}

export const SCHEMES = ["acs3", "rpc-v1", "oss-v4", "oss-v1", "sdk-hmac-sha256", "bce-v1"];

const BATCH = 64;

/** ops/s of `side.sign` over requests from `side.prepare`, built BATCH at a time outside the timed region. */
async function opsPerSecond(side, ms) {
  const { prepare, sign } = side;
  const batch = new Array(BATCH);
  let ops = 0;
  let timed = 0;
  while (timed < ms) {
    for (let i = 0; i < BATCH; i++) batch[i] = prepare();
    const t0 = performance.now();
    for (let i = 0; i < BATCH; i++) await sign(batch[i]);
    timed += performance.now() - t0;
    ops += BATCH;
  }
  return (ops * 1000) / timed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [name, msArg, roundsArg] = process.argv.slice(2);
  const s = scheme(name);
  const ms = Number(msArg);
  const rounds = Number(roundsArg);
  // Both sides must produce a signature; warm up the JIT on each.
  for (const side of [s.ours, s.sdk]) {
    const request = side.prepare();
    const out = side.result((await side.sign(request)) ?? request);
    if (typeof out !== "string" || out.length < 10) throw new Error(`${name}: no signature produced`);
  }
  await opsPerSecond(s.ours, Math.min(300, ms));
  await opsPerSecond(s.sdk, Math.min(300, ms));
  const result = { label: s.label, sdkName: s.sdkName, ours: [], sdk: [] };
  for (let r = 0; r < rounds; r++) {
    // Alternate which side goes first so drift in machine load hits both.
    if (r % 2 === 0) {
      result.ours.push(await opsPerSecond(s.ours, ms));
      result.sdk.push(await opsPerSecond(s.sdk, ms));
    } else {
      result.sdk.push(await opsPerSecond(s.sdk, ms));
      result.ours.push(await opsPerSecond(s.ours, ms));
    }
  }
  process.stdout.write(JSON.stringify(result) + "\n");
}

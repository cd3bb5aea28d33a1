// The pure signers, called directly (not through the middleware, whose own guard covers them), with a credential a
// header cannot carry: the platform's Headers would refuse it with a message that quotes the value — a security
// token or key id in an error. Each signer refuses it first, naming the field only.
import { describe, expect, it } from "vitest";
import { signAcsRpcV1 } from "../src/acs-rpc-v1.js";
import { signAcs3 } from "../src/acs3.js";
import { signBceV1 } from "../src/bce-v1.js";
import { signSdkHmacSha256 } from "../src/huawei-sdk-hmac.js";
import { signOssV1 } from "../src/oss-v1.js";
import { signOssV4 } from "../src/oss-v4.js";

const SECRET_PART = "Sentinel-Token-9f3b";
const request = () => ({ method: "GET", url: new URL("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/?acl"), headers: new Headers() });
const SIGNERS = {
  "ACS3 (ENS)": (credentials: object) => signAcs3(request(), { credentials: credentials as never, action: "ListBuckets", version: "2017-11-10" }),
  // RPC v1 carries them in the query (percent-encoded), where no header refuses them: refused alike, as the facade does.
  "RPC v1 (ENS)": (credentials: object) => signAcsRpcV1({ ...request(), url: new URL("https://ens.aliyuncs.com/?Action=ListBuckets&Version=2017-11-10") }, { credentials: credentials as never }),
  "OSS V4": (credentials: object) => signOssV4(request(), { credentials: credentials as never, region: "cn-hangzhou", bucket: "examplebucket" }),
  "OSS V1": (credentials: object) => signOssV1(request(), { credentials: credentials as never, bucket: "examplebucket" }),
  "bce-auth-v1 (BOS)": (credentials: object) => signBceV1(request(), { credentials: credentials as never }),
  "SDK-HMAC-SHA256 (MPC)": (credentials: object) => signSdkHmacSha256(request(), { credentials: credentials as never }),
};

describe("a credential a header cannot carry, given to a signer directly", () => {
  for (const [scheme, sign] of Object.entries(SIGNERS)) {
    it.each([
      ["securityToken", { accessKeyId: "AKID-test", accessKeySecret: "sk-test", securityToken: `${SECRET_PART}\n` }],
      ["securityToken", { accessKeyId: "AKID-test", accessKeySecret: "sk-test", securityToken: `${SECRET_PART}\u00e9` }],
      ["accessKeyId", { accessKeyId: `${SECRET_PART}\r\nX: y`, accessKeySecret: "sk-test" }],
    ] as const)(`${scheme}: a bad %s is refused by name, its value not quoted`, async (field, credentials) => {
      const err = await sign(credentials).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(err).toBeInstanceOf(TypeError);
      expect(err!.message).toContain(`credentials.${field} contains a character that cannot be sent in an HTTP header`);
      expect(err!.message).not.toContain(SECRET_PART);
      expect(JSON.stringify(err, Object.getOwnPropertyNames(err))).not.toContain(SECRET_PART);
    });
  }

  it("a token of the characters STS issues (base64 with +, / and =) is signed", async () => {
    const credentials = { accessKeyId: "STS.NUq7Wn", accessKeySecret: "sk-test", securityToken: "CAIS+abc/DEF==" };
    for (const sign of Object.values(SIGNERS)) await expect(sign(credentials)).resolves.toBeUndefined();
  });
});

// Cold start: importing a signer or the transport loads none of Node's crypto or network modules; the first
// digest loads node:crypto (the transport's own tests send through node:net). Each case runs in a fresh Node
// process, which reports the builtins it has loaded (process.moduleLoadList).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

/** Node's builtins that `program` (an ES module, run from this package) has loaded when it ends, among `names`. */
function loadedAfter(program: string, names: readonly string[]): string[] {
  const report = `console.log(JSON.stringify(${JSON.stringify(names)}.filter((name) => process.moduleLoadList.includes("NativeModule " + name))));`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", `${program}\n${report}`], { cwd: packageDir, encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!) as string[];
}

const NETWORK = ["net", "tls", "http", "https", "zlib"] as const;

describe("Node builtins are loaded on first use", () => {
  it.each(["@bucketry/signing", "@bucketry/signing/acs3", "@bucketry/signing/acs-rpc-v1", "@bucketry/signing/oss-v4", "@bucketry/signing/oss-v1", "@bucketry/signing/huawei-sdk-hmac", "@bucketry/signing/bce-v1", "@bucketry/signing/fetch"])(
    "importing %s loads neither node:crypto nor a network module",
    (entry) => {
      expect(loadedAfter(`await import(${JSON.stringify(entry)});`, ["crypto", ...NETWORK])).toEqual([]);
    },
  );

  it("the first signature loads node:crypto, and signs as it would have", () => {
    const program = `
      const { signAcs3 } = await import("@bucketry/signing/acs3");
      const request = { method: "POST", url: new URL("http://127.0.0.1:9/?PageNumber=1"), headers: new Headers() };
      await signAcs3(request, { credentials: { accessKeyId: "id", accessKeySecret: "secret" }, action: "ListBuckets", version: "2017-11-10", clock: () => 0 });
      if (!/^ACS3-HMAC-SHA256 Credential=id,SignedHeaders=.+,Signature=[0-9a-f]{64}$/.test(request.headers.get("authorization"))) throw new Error("not signed");`;
    expect(loadedAfter(program, ["crypto"])).toEqual(["crypto"]);
  });
});

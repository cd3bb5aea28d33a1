// Constants shared by the harness and the benchmarked programs (pure: bundled for browsers too).
export const VENDORS = ["aliyun-ens", "huaweicloud-mpc", "baidu-bos", "hitachi-vsp-one-object", "aliyun-oss"];

/** Fake credentials: the local server never verifies signatures, but every signer does all its work. */
export const AK = "LTAI5tBenchAccessKeyId0";
export const SK = "BenchAccessKeySecretBenchAccessKey0";
export const PROJECT_ID = "0123456789abcdef0123456789abcdef";
export const BUCKET = "examplebucket";
export const REGION = { "aliyun-ens": "cn-hangzhou", "huaweicloud-mpc": "cn-north-4", "baidu-bos": "bj", "aliyun-oss": "cn-hangzhou" };
export const HITACHI_TOKEN = "bench-bearer-token";
export const HITACHI_USER_ID = 42;

/** Throws unless a call produced the documented example's content (so a silently failing client can't look fast). */
export function check(ok, what) {
  if (!ok) throw new Error(`unexpected result: ${what}`);
}

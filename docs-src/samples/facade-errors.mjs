// Errors are data: branch on `kind`, log `code` and `requestId`.
import { createBucketClient, isBucketryError } from "bucketry";

const oss = createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou" });
try {
  await oss.getBucketAcl("no-such-bucket-here");
} catch (err) {
  if (!isBucketryError(err)) throw err;
  console.log(err.kind, err.status, err.code, err.requestId, err.retryable);
}

// The facade: every ENS bucket whose name starts with "img", across all pages (credentials from the env).
import { createBucketClient } from "bucketry";

const ens = createBucketClient({ provider: "aliyun-ens" });
let count = 0;
for await (const bucket of ens.listBuckets({ prefix: "img" })) {
  if (count++ < 3) console.log(bucket.name, bucket.createdAt?.toISOString(), bucket.region, bucket.acl);
}
console.log(`${count} buckets`);

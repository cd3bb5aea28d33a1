// Mocks in your tests: the spec-generated MSW handlers, with one scenario switched on.
import { setupServer } from "msw/node";
import { createMock, scenario, testCredentials } from "@bucketry/mocks";
import { createBucketClient } from "bucketry";

const mock = createMock();
const server = setupServer(...mock.handlers);
server.listen({ onUnhandledRequest: "error" });

const oss = createBucketClient({ provider: "aliyun-oss", region: "cn-hangzhou", credentials: testCredentials["aliyun-oss"], retry: false });
console.log((await oss.getBucketAcl("examplebucket")).acl);

mock.use(scenario.error("aliyun-oss", "AccessDenied"));
await oss.getBucketAcl("examplebucket").catch((err) => console.log(err.kind, err.code));

server.close();

// Preloaded (`node --import`) before a documentation sample: the spec-generated mock handlers answer the
// vendors' real hosts in this process, and the vendors' env vars hold the mock's published test credentials,
// so a sample runs exactly as a user would write it.
import { setupServer } from "msw/node";
import { createMock, testCredentials } from "@bucketry/mocks";

const alibaba = testCredentials["aliyun-oss"];
process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = alibaba.accessKeyId;
process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = alibaba.accessKeySecret;

const server = setupServer(...createMock().handlers);
server.listen({ onUnhandledRequest: "error" });
process.on("beforeExit", () => server.close());

// startMockServer and request bodies it cannot or will not read: a body over `maxBodyBytes` (declared or sent), a
// malformed chunked body, a client that leaves mid-body. Each is an answer without a stack, or a closed
// connection, and the server goes on serving.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../src/server.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ buckets: 5, maxBodyBytes: 64 });
});
afterAll(() => server.close());

const PATH = "/aliyun-ens/?Action=ListBuckets&Version=2017-11-10&Format=JSON";
const head = (extra: string) => `POST ${PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nAuthorization: Bearer secret-canary-31\r\n${extra}\r\n`;

/** Writes `text` on a new connection and collects everything the server sends until it closes the connection. */
function exchange(text: string, then: "wait" | "half-close" | "destroy" = "wait"): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(server.port, "127.0.0.1");
    let received = "";
    socket.on("data", (data) => (received += data.toString("latin1")));
    socket.on("error", () => {}); // a reset after the server closed: what was received is the outcome
    socket.on("close", () => resolve(received));
    socket.write(text, () => {
      if (then === "half-close") socket.end();
      if (then === "destroy") socket.destroy();
    });
  });
}

/** The server still answers: an unsigned ENS request gets ENS's own MissingParameter. */
async function stillServing(): Promise<void> {
  const r = await fetch(`${server.url}${PATH}`, { method: "POST", body: "PageSize=1" });
  expect([r.status, (await r.json()).Code]).toEqual([400, "MissingParameter"]);
}

describe("request bodies startMockServer does not read", () => {
  it("a declared Content-Length over maxBodyBytes is answered 413 before the body is sent, and the connection closed", async () => {
    const before = server.mock.requests.length;
    const answer = await exchange(head("Content-Length: 100000\r\n"));
    expect(answer).toMatch(/^HTTP\/1\.1 413 Payload Too Large\r\n/);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer.split("\r\n\r\n")[1]).toBe("@bucketry/mocks: the request body is over 64 bytes (maxBodyBytes)");
    expect(server.mock.requests.length).toBe(before); // never reached the mock
    await stillServing();
  });

  it("a chunked body that grows past maxBodyBytes is answered 413 once it does", async () => {
    const chunk = "PageSize=10&Prefix=" + "a".repeat(80);
    const answer = await exchange(`${head("Transfer-Encoding: chunked\r\n")}${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain("@bucketry/mocks: the request body is over 64 bytes (maxBodyBytes)");
    await stillServing();
  });

  it("a body within maxBodyBytes is read and answered as before", async () => {
    const body = "PageSize=10";
    const answer = await exchange(`${head(`Content-Length: ${body.length}\r\nConnection: close\r\n`)}${body}`);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('"Code":"MissingParameter"');
  });

  it("a malformed chunk or a body cut short gets node:http's 400 and a closed connection, no 500, stack or credential", async () => {
    const malformed = await exchange(`${head("Transfer-Encoding: chunked\r\n")}ZZ\r\nnot hex\r\n`);
    const short = await exchange(`${head("Content-Length: 50\r\n")}PageSize=1`, "half-close");
    for (const answer of [malformed, short]) {
      expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(answer).not.toMatch(/500|server error|secret-canary|\bat .*:\d+:\d+/);
    }
    await stillServing();
  });

  it("a client that leaves mid-body is a closed connection; nothing reaches the mock", async () => {
    const before = server.mock.requests.length;
    expect(await exchange(`${head("Content-Length: 50\r\n")}PageSize=`, "destroy")).toBe("");
    await stillServing();
    expect(server.mock.requests.length).toBe(before + 1); // stillServing's request only
  });

  it("refuses a maxBodyBytes that is no byte count", async () => {
    await expect(startMockServer({ maxBodyBytes: Number.NaN })).rejects.toThrow("maxBodyBytes must be a non-negative integer, got NaN");
  });
});

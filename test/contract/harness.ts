// Contract-suite harness: the generated MSW handlers over a 10 000-bucket data set; after every test, each
// recorded request must satisfy the spec's request schema and each answer the spec's response schema.
import { readXml, xmlShapes } from "@bucketry/aliyun-oss";
import { createMock, createMockState, validateRecordedResponse, type Mock, type Provider, type RecordedCall } from "@bucketry/mocks";
import { isBucketryError, type BucketryError } from "bucketry";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect } from "vitest";

export const BUCKETS = 10_000;
export const SEED = 20_24;
/** A custom base URL per provider (what `endpoint` points at), served by the same handlers. */
export const BASE = (p: Provider) => `http://mock.bucketry.test/${p}`;

const parseXml = (text: string) => readXml(text, xmlShapes);

/** Requests a test sends on purpose in breach of the spec: their validation issues are expected. */
export const deliberatelyInvalid = new WeakSet<RecordedCall>();

export function contractMock(provider: Provider, options: { clock?: () => number } = {}): Mock {
  return serveContractMock(createMock({ state: createMockState({ buckets: BUCKETS, seed: SEED }), baseUrls: { [provider]: BASE(provider) }, ...options }));
}

/** Serves `mock` through MSW for the file's tests; after each test every call is checked against the spec. */
export function serveContractMock(mock: Mock): Mock {
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    checkCalls(mock.requests);
    mock.reset();
  });
  afterAll(() => server.close());
  return mock;
}

/** Every recorded request valid against the spec (unless marked), every answer valid against the spec. */
export function checkCalls(calls: readonly RecordedCall[]): void {
  for (const call of calls) {
    const where = `${call.method} ${call.url} (${call.operationId})`;
    if (!deliberatelyInvalid.has(call)) expect(call.issues, `request ${where}`).toEqual([]);
    if (call.reset) continue;
    expect(validateRecordedResponse(call, { parseXml, closed: true }).errors, `response ${call.response?.status} to ${where}: ${call.response?.body?.slice(0, 200)}`).toEqual([]);
  }
}

export async function failure(p: Promise<unknown>): Promise<BucketryError> {
  try {
    await p;
  } catch (err) {
    if (isBucketryError(err)) return err;
    throw err;
  }
  throw new Error("expected the call to fail");
}

export async function collect<T extends { name: string }>(it: AsyncIterable<T>): Promise<string[]> {
  const out: string[] = [];
  for await (const b of it) out.push(b.name);
  return out;
}

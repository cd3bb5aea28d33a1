// Shared setup: one mock behind MSW per test file, reset after each test.
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { SignableRequest } from "@bucketry/signing";
import { createMock, createMockState, type CreateMockOptions, type Mock } from "../src/index.js";

export function useMock(options: CreateMockOptions & { buckets?: number; seed?: number } = {}): Mock {
  const { buckets = 200, seed = 42, ...rest } = options;
  const mock = createMock({ state: createMockState({ buckets, seed }), ...rest });
  const server = setupServer(...mock.handlers);
  // Loopback requests go to the real node:http mock server (tests of `startMockServer`); anything else unmatched is an error.
  beforeAll(() =>
    server.listen({
      onUnhandledRequest(request, print) {
        const host = new URL(request.url).hostname;
        if (host !== "127.0.0.1" && host !== "localhost") print.error();
      },
    }),
  );
  afterEach(() => mock.reset());
  afterAll(() => server.close());
  return mock;
}

export interface Draft {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Signs a draft request with a facade signer; returns the signed parts (so a test can tamper with them). */
export async function sign(draft: Draft, signer: (r: SignableRequest) => Promise<void>): Promise<{ method: string; url: URL; headers: Headers; body?: string }> {
  const r: SignableRequest = {
    method: draft.method,
    url: new URL(draft.url),
    headers: new Headers(draft.headers ?? {}),
    body: draft.body === undefined ? undefined : new TextEncoder().encode(draft.body),
  };
  await signer(r);
  return { method: r.method, url: r.url, headers: r.headers, ...(draft.body !== undefined ? { body: draft.body } : {}) };
}

export async function send(req: { method: string; url: URL | string; headers: Headers | Record<string, string>; body?: string }): Promise<{ status: number; headers: Headers; text: string; json: () => any }> {
  const response = await fetch(String(req.url), { method: req.method, headers: req.headers, ...(req.body !== undefined ? { body: req.body } : {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

export const MINUTE = 60_000;

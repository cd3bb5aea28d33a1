// Type-level tests: `tsc -p test/tsconfig.json` must compile this file; every @ts-expect-error must be needed. Nothing here runs.
import { hitachiSession, type HitachiCredentials, type HitachiTokenCredentials, type HitachiTokenRequest } from "../src/index.js";

// The session always calls a credentials function with its request ({ refresh: false }, or true after a 401):
// a function may read it without `?.`, destructure it, or declare it as a required parameter.
export const destructured: HitachiCredentials = async ({ refresh }) => ({ token: refresh ? "fresh" : "cached" });
export const declared: HitachiCredentials = (request: { refresh: boolean }): HitachiTokenCredentials => ({ token: request.refresh ? "fresh" : "cached" });
// A function that ignores the request still fits.
export const ignoring: HitachiCredentials = async () => ({ token: "t" });
hitachiSession({ baseUrl: "https://cluster:9099/mapi", credentials: async ({ refresh }) => ({ token: refresh ? "fresh" : "cached" }) });
// @ts-expect-error the request has no other field
export const unknownField: HitachiCredentials = async ({ force }) => ({ token: force ? "a" : "b" });

// The request type is exported where HitachiCredentials is (the package root as well as ./hitachi-session).
export const named = (request: HitachiTokenRequest): HitachiTokenCredentials => ({ token: request.refresh ? "fresh" : "cached" });
hitachiSession({ baseUrl: "https://cluster:9099/mapi", credentials: named });

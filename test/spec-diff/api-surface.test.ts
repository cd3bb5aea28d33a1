// The API-surface report and its classification: removed or changed → major, added → minor, doc comments → none.
// Fixture packages are written to a temp folder: declarations as tsc emits them, entries from package.json exports.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without types
import { apiSurfaces, entryPoints, formatReport, parentKey, parseReport, splitLine } from "../../scripts/spec-diff/api-surface.mjs";
// @ts-expect-error plain ESM script without types
import { surfaceChanges } from "../../scripts/spec-diff/surface-changes.mjs";
import { root as repoRoot } from "./helpers.js";

const work = mkdtempSync(join(tmpdir(), "bucketry-api-surface-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let count = 0;
/** A package in the temp folder: `files` relative to it; returns its folder. */
function fixture(files: Record<string, string>, exportsMap: unknown = { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } }, name = "@fixture/pkg"): string {
  const dir = join(work, `pkg${++count}`);
  for (const [file, text] of Object.entries({ "package.json": JSON.stringify({ name, version: "1.0.0", type: "module", exports: exportsMap }), ...files })) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

type Entries = Record<string, string[]>;
const surfaceOf = (dir: string, name = "@fixture/pkg"): Entries => apiSurfaces([{ name, dir }], { root: work })[name].entries;
type Change = { level: string; entry: string; key: string; message: string };
const diff = (before: string, after: string): Change[] =>
  surfaceChanges(surfaceOf(fixture({ "dist/index.d.ts": before })), surfaceOf(fixture({ "dist/index.d.ts": after })));

const SCHEMA = `export interface components {
    schemas: {
        /** @description An OBS bucket. */
        ObsBucket: {
            bucket: string;
            is_authorized: 0 | 1;
            region?: string;
        };
    };
}
export interface operations {
    ListAllBuckets: {
        parameters: { query?: never; path: { project_id: string } };
    };
}
export declare function createClient(options?: { region?: string }): void;
export declare const REGIONS: readonly ["cn-north-4"];
`;

describe("API report", () => {
  it("has one line per export and member, doc comments left out", () => {
    const lines = surfaceOf(fixture({ "dist/index.d.ts": SCHEMA }))["."];
    expect(lines).toEqual([
      "const REGIONS: readonly [ \"cn-north-4\" ]",
      "interface components",
      "components.schemas: {}",
      "components.schemas.ObsBucket: {}",
      "components.schemas.ObsBucket.bucket: string",
      "components.schemas.ObsBucket.is_authorized: 0 | 1",
      "components.schemas.ObsBucket.region?: string",
      "function createClient(options?: { region?: string }): void",
      "interface operations",
      "operations.ListAllBuckets: {}",
      "operations.ListAllBuckets.parameters: {}",
      "operations.ListAllBuckets.parameters.query?: never",
      "operations.ListAllBuckets.parameters.path: {}",
      "operations.ListAllBuckets.parameters.path.project_id: string",
    ]);
  });

  it("reads its entry points from package.json exports (nested conditions, every subpath) and round-trips", () => {
    const dir = fixture(
      {
        "dist/index.d.ts": `export * as util from "./util.js";\nexport { helper } from "./util.js";\nexport type { Client } from "openapi-fetch";\nexport * from "./more.js";\n`,
        "dist/more.d.ts": `export * from "msw";\nexport declare const more = 1;\nexport * as again from "./index.js";\n`,
        "dist/util.d.ts": `export declare function helper(x: number): string;\nexport declare class Box<T> { private secret; readonly value: T; constructor(value: T); get size(): number; static of<T>(v: T): Box<T>; }\n`,
        "dist/node/extra.d.ts": `export type Extra = "a" | "b";\n`,
      },
      {
        ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
        "./extra": { node: { types: "./dist/node/extra.d.ts", default: "./dist/node/extra.js" }, default: "./dist/node/extra.js" },
        "./package.json": "./package.json",
      },
    );
    expect(entryPoints(dir).map((e: { entry: string; file: string }) => [e.entry, e.file.slice(dir.length)])).toEqual([
      [".", "/dist/index.d.ts"],
      ["./extra", "/dist/node/extra.d.ts"],
    ]);
    const surface = apiSurfaces([{ name: "@fixture/pkg", dir }], { root: work })["@fixture/pkg"];
    expect(surface.entries["./extra"]).toEqual(['type Extra = "a" | "b"']);
    expect(surface.entries["."]).toContain('Client: import("openapi-fetch").Client');
    expect(surface.entries["."]).toContain("function helper(x: number): string");
    expect(surface.entries["."]).toContain("const more = 1");
    expect(surface.entries["."]).toContain("namespace again");
    expect(surface.entries["."].some((l: string) => l.startsWith("again."))).toBe(false);
    expect(surface.entries["."][0]).toBe('export * from "msw"');
    expect(surface.entries["."]).toContain("namespace util");
    expect(surface.entries["."]).toContain("util.Box.value: T (readonly)");
    expect(surface.entries["."]).toContain("util.Box.size: get(): number");
    expect(surface.entries["."].some((l: string) => l.includes("secret"))).toBe(false);
    expect(surface.references).toEqual(["msw", "openapi-fetch"]);
    expect(parseReport(formatReport("@fixture/pkg", surface))).toEqual(surface.entries);
  });

  it("expands a subpath pattern into one entry per built declaration it matches (explicit keys win)", () => {
    const dir = fixture(
      {
        "dist/index.d.ts": `export declare const root = 1;\n`,
        "dist/entries/one.d.ts": `export declare const one = 1;\n`,
        "dist/entries/two.d.ts": `export declare const two = 2;\n`,
        "dist/entries/two.js": ``,
        "dist/signing/index.d.ts": `export declare const signing = 3;\n`,
        "dist/entries/signing.d.ts": `export declare const shadowed = 4;\n`,
      },
      {
        ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
        "./signing": { types: "./dist/signing/index.d.ts", default: "./dist/signing/index.js" },
        "./*": { types: "./dist/entries/*.d.ts", default: "./dist/entries/*.js" },
        "./package.json": "./package.json",
      },
    );
    expect(entryPoints(dir).map((e: { entry: string; file: string }) => [e.entry, e.file.slice(dir.length)])).toEqual([
      [".", "/dist/index.d.ts"],
      ["./one", "/dist/entries/one.d.ts"],
      ["./signing", "/dist/signing/index.d.ts"],
      ["./two", "/dist/entries/two.d.ts"],
    ]);
  });

  it("splits a line into its key, and knows each key's parent", () => {
    expect(splitLine('paths["/v1/{id}"].get?: operations["Get"]')).toEqual({ keyword: "", key: 'paths["/v1/{id}"].get', rest: '?: operations["Get"]' });
    expect(splitLine("function createClient(options?: O): C")).toEqual({ keyword: "function", key: "createClient", rest: "(options?: O): C" });
    expect(splitLine("type A<T> = T[]")).toEqual({ keyword: "type", key: "A", rest: "<T> = T[]" });
    // `()` is part of the key only for a call signature; a method without parameters is keyed by its name.
    expect(splitLine("RetryBudget.stats(): RetryBudgetStats")).toEqual({ keyword: "", key: "RetryBudget.stats", rest: "(): RetryBudgetStats" });
    expect(splitLine("Signer()(request: Request): Promise<Request>")).toEqual({ keyword: "", key: "Signer()", rest: "(request: Request): Promise<Request>" });
    expect(parentKey('paths["/v1/{id}"].get')).toBe('paths["/v1/{id}"]');
    expect(parentKey('paths["/v1/{id}"]')).toBe("paths");
    expect(parentKey("paths")).toBe("");
  });
});

describe("API surface changes", () => {
  const levels = (changes: Change[]) => changes.map((c) => `${c.level} ${c.key}`);

  it("a removed field is breaking, listed once (not each of its members)", () => {
    const after = SCHEMA.replace("            is_authorized: 0 | 1;\n", "");
    expect(levels(diff(SCHEMA, after))).toEqual(["major components.schemas.ObsBucket.is_authorized"]);
    const noSchema = SCHEMA.replace(/ {8}\/\*\*[^]*?\n {8}\};\n/, "");
    expect(levels(diff(SCHEMA, noSchema))).toEqual(["major components.schemas.ObsBucket"]);
  });

  it("a renamed field is breaking (removed) and a feature (added)", () => {
    expect(levels(diff(SCHEMA, SCHEMA.replace("bucket: string", "bucket_name: string")))).toEqual([
      "major components.schemas.ObsBucket.bucket",
      "minor components.schemas.ObsBucket.bucket_name",
    ]);
  });

  it("a narrowed type, a field made optional or required, a changed signature are breaking", () => {
    expect(levels(diff(SCHEMA, SCHEMA.replace("is_authorized: 0 | 1", "is_authorized: 1")))).toEqual(["major components.schemas.ObsBucket.is_authorized"]);
    expect(levels(diff(SCHEMA, SCHEMA.replace("bucket: string", "bucket?: string")))).toEqual(["major components.schemas.ObsBucket.bucket"]);
    expect(levels(diff(SCHEMA, SCHEMA.replace("region?: string", "region: string")))).toEqual(["major components.schemas.ObsBucket.region"]);
    expect(levels(diff(SCHEMA, SCHEMA.replace("createClient(options?:", "createClient(options:")))).toEqual(["major createClient"]);
  });

  it("an added optional field, an added export and a widened union are features", () => {
    expect(levels(diff(SCHEMA, SCHEMA.replace("region?: string;", "region?: string;\n            tags?: string[];")))).toEqual(["minor components.schemas.ObsBucket.tags"]);
    expect(levels(diff(SCHEMA, `${SCHEMA}export type Region = string;\n`))).toEqual(["minor Region"]);
    const widened = diff(SCHEMA, SCHEMA.replace("is_authorized: 0 | 1", "is_authorized: 0 | 1 | 2"));
    expect(levels(widened)).toEqual(["minor components.schemas.ObsBucket.is_authorized"]);
    expect(widened[0]!.message).toContain("gained `2`");
  });

  it("an optional parameter added at the end of a function or method is a feature; anything else about a signature is breaking", () => {
    const api = `export interface Client {
  getBucketAcl(bucket: string): Promise<string>;
  close(): Promise<void>;
}
export declare function createClient<P extends string>(provider: P): Client;
`;
    const given = diff(api, api.replace("getBucketAcl(bucket: string)", "getBucketAcl(bucket: string, options?: { timeoutMs?: number })"));
    expect(levels(given)).toEqual(["minor Client.getBucketAcl"]);
    expect(given[0]!.message).toBe(
      "Given optional parameters: `options?: { timeoutMs?: number }`: `Client.getBucketAcl(bucket: string): Promise<string>` → `Client.getBucketAcl(bucket: string, options?: { timeoutMs?: number }): Promise<string>`.",
    );
    expect(levels(diff(api, api.replace("close()", "close(signal?: AbortSignal)")))).toEqual(["minor Client.close"]);
    expect(levels(diff(api, api.replace("(provider: P)", "(provider: P, ...rest: string[])")))).toEqual(["minor createClient"]);
    // A required parameter, a changed return type or type parameter, a parameter made optional: breaking.
    expect(levels(diff(api, api.replace("close()", "close(signal: AbortSignal)")))).toEqual(["major Client.close"]);
    expect(levels(diff(api, api.replace("(provider: P): Client", "(provider: P, region?: string): Client | undefined")))).toEqual(["major createClient"]);
    expect(levels(diff(api, api.replace("<P extends string>(provider: P)", "<P extends number>(provider: P, region?: string)")))).toEqual(["major createClient"]);
    expect(levels(diff(api, api.replace("getBucketAcl(bucket: string)", "getBucketAcl(bucket?: string)")))).toEqual(["major Client.getBucketAcl"]);
  });

  it("a widening users may read is breaking; one they only pass in, or an enum value added, is a feature", () => {
    const facade = `export interface Acl {
  owner: { id: string; displayName?: string };
  acl?: "private" | "public-read";
}
export interface CallOptions {
  timeoutMs?: number;
}
export declare function read(options?: CallOptions): Acl;
`;
    const output = diff(facade, facade.replace("displayName?: string", "displayName?: string | { full: string }"));
    expect(levels(output)).toEqual(["major Acl.owner.displayName"]);
    expect(output[0]!.message).toContain("gained `{ full: string; }`; code that reads it may not handle that");
    expect(levels(diff(facade, facade.replace('"private" | "public-read"', '"private" | "public-read" | "public-read-write"')))).toEqual(["minor Acl.acl"]);
    expect(levels(diff(facade, facade.replace("timeoutMs?: number", "timeoutMs?: number | string")))).toEqual(["minor CallOptions.timeoutMs"]);
    expect(levels(diff(SCHEMA, SCHEMA.replace("bucket: string", "bucket: string | null")))).toEqual(["major components.schemas.ObsBucket.bucket"]);
    // A literal gained where the value was not an enum before is a new kind of value, not an enum value added.
    const quota = facade.replace("timeoutMs?: number;\n}", "timeoutMs?: number;\n}\nexport interface Quota {\n  limit: number;\n}");
    expect(levels(diff(quota, quota.replace("limit: number", 'limit: number | "unlimited"')))).toEqual(["major Quota.limit"]);
  });

  it("a parameter group that was `never` and now has optional members was added, not changed", () => {
    const after = SCHEMA.replace("query?: never;", "query?: { prefix?: string };");
    expect(levels(diff(SCHEMA, after))).toEqual(["minor operations.ListAllBuckets.parameters.query"]);
    expect(levels(diff(after, SCHEMA))).toEqual(["major operations.ListAllBuckets.parameters.query"]);
  });

  it("a schema users only read may gain a required field; one they only pass may lose one (the spec says which)", () => {
    const before = surfaceOf(fixture({ "dist/index.d.ts": SCHEMA }));
    const required = surfaceOf(fixture({ "dist/index.d.ts": SCHEMA.replace("region?: string", "region: string") }));
    const optional = surfaceOf(fixture({ "dist/index.d.ts": SCHEMA.replace("bucket: string", "bucket?: string") }));
    const read = new Map([["ObsBucket", "response"]]);
    const passed = new Map([["ObsBucket", "request"]]);
    const both = new Map([["ObsBucket", "both"]]);
    expect(levels(surfaceChanges(before, required, read))).toEqual(["minor components.schemas.ObsBucket.region"]);
    expect(surfaceChanges(before, required, read)[0]!.message).toMatch(/^Made required: /);
    expect(levels(surfaceChanges(before, optional, read))).toEqual(["major components.schemas.ObsBucket.bucket"]);
    expect(levels(surfaceChanges(before, optional, passed))).toEqual(["minor components.schemas.ObsBucket.bucket"]);
    expect(levels(surfaceChanges(before, required, passed))).toEqual(["major components.schemas.ObsBucket.region"]);
    expect(levels(surfaceChanges(before, required, both))).toEqual(["major components.schemas.ObsBucket.region"]);
    expect(levels(surfaceChanges(before, required))).toEqual(["major components.schemas.ObsBucket.region"]);
  });

  it("report keys as openapi-typescript writes them: responses[\"200\"], paths[\"/\"], components' responses and parameters", () => {
    const before = 'export interface paths {\n  "/": {\n    parameters: { query: { Action: string } };\n  };\n}\nexport interface operations {\n  List: {\n    responses: { 200: { headers: { "x-id"?: string } } };\n  };\n}\nexport interface components {\n  parameters: { Size: number };\n}\n';
    expect(levels(diff(before, before.replace("Action: string", "Action?: string")))).toEqual(['minor paths["/"].parameters.query.Action']);
    expect(levels(diff(before, before.replace('"x-id"?: string', '"x-id": string')))).toEqual(['minor operations.List.responses["200"].headers["x-id"]']);
    expect(levels(diff(before, before.replace("Size: number", "Size: number | string")))).toEqual(["minor components.parameters.Size"]);
  });

  it("a nullable enum that gains a value is an enum value added", () => {
    const nullable = 'export interface Acl {\n  acl: "private" | "public-read" | null;\n}\n';
    expect(levels(diff(nullable, nullable.replace('| null', '| "public-read-write" | null')))).toEqual(["minor Acl.acl"]);
  });

  it("a parameter users must now pass is breaking; one they no longer must pass is a feature", () => {
    const required = SCHEMA.replace("query?: never;", "query: { region_scope: string };");
    expect(levels(diff(SCHEMA, required))).toEqual(["major operations.ListAllBuckets.parameters.query"]);
    const optional = SCHEMA.replace("path: { project_id: string }", "path: { project_id?: string }");
    expect(levels(diff(SCHEMA, optional))).toEqual(["minor operations.ListAllBuckets.parameters.path.project_id"]);
    expect(diff(SCHEMA, optional)[0]!.message).toBe("Made optional: `operations.ListAllBuckets.parameters.path.project_id: string` → `operations.ListAllBuckets.parameters.path.project_id?: string`.");
    expect(levels(diff(optional, SCHEMA))).toEqual(["major operations.ListAllBuckets.parameters.path.project_id"]);
    // A field of a returned record made optional stays breaking: code that reads it must now handle its absence.
    expect(levels(diff(SCHEMA, SCHEMA.replace("bucket: string", "bucket?: string")))).toEqual(["major components.schemas.ObsBucket.bucket"]);
  });

  it("a class property typed by its initializer reports its value, so changing it (an error's name) is breaking", () => {
    const error = (name: string) => `export declare class BucketryError extends Error {\n    readonly name = "${name}";\n    readonly kind: string;\n}\n`;
    expect(surfaceOf(fixture({ "dist/index.d.ts": error("BucketryError") }))["."]).toContain('BucketryError.name = "BucketryError" (readonly)');
    expect(levels(diff(error("BucketryError"), error("BucketryFailure")))).toEqual(["major BucketryError.name"]);
  });

  it("a doc comment edit changes nothing", () => {
    expect(diff(SCHEMA, SCHEMA.replace("An OBS bucket.", "One OBS bucket, described at length."))).toEqual([]);
  });

  it("entry points added and removed", () => {
    const one = surfaceOf(fixture({ "dist/index.d.ts": SCHEMA }));
    const two = { ...one, "./extra": ["type Extra = string"] };
    expect(levels(surfaceChanges(one, two))).toEqual(["minor "]);
    expect(surfaceChanges(one, two)[0].message).toContain("`./extra` added");
    expect(levels(surfaceChanges(two, one))).toEqual(["major "]);
  });

  it("every published package of this repository has a report (the first line names it)", () => {
    // The real packages, as built: entries from their exports, nothing unresolved.
    const pkgs = ["huaweicloud-mpc", "bucketry"].map((d) => ({ name: d === "bucketry" ? "bucketry" : `@bucketry/${d}`, dir: join(repoRoot, "packages", d) }));
    const surfaces = apiSurfaces(pkgs, { root: repoRoot });
    expect(surfaces["@bucketry/huaweicloud-mpc"].entries["."]).toContain("components.schemas.ObsBucket.is_authorized?: 0 | 1");
    expect(surfaces.bucketry.references).toContain("@bucketry/huaweicloud-mpc");
    for (const s of Object.values<{ entries: Entries }>(surfaces)) {
      for (const lines of Object.values(s.entries)) expect(lines.filter((l) => l.endsWith(": unresolved"))).toEqual([]);
    }
  });
});

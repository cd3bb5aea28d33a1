// The vendor registries agree. redocly.yaml's `apis` is the source; from it come the generated client packages,
// the facade's provider list (src/generated/providers.ts, its `bucketry/<id>` entries), the mocks' handlers and adapter list; by
// hand come each vendor's client package, provider module and mock adapter. A vendor that is in one of them and
// missing from another fails here, saying where. Needs the build (`npm test` builds first).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import ts from "typescript";
import { parse } from "yaml";
import { MOCK_ADAPTER, PROVIDER_MODULE, README_TABLES, tableIds, vendorFileProblems } from "./support/vendor-files.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const read = (path: string) => readFileSync(join(root, path), "utf8");

interface Api {
  root: string;
  "x-openapi-ts": { output: string };
}
const apis = (parse(read("redocly.yaml")) as { apis: Record<string, Api> }).apis;
/** The vendor ids, in redocly.yaml order. */
const ids = Object.keys(apis);

/** `found` holds exactly redocly.yaml's vendors; a failure names what is missing from `where` and what is extra. */
function agrees(found: Iterable<string>, where: string): void {
  const have = [...found];
  const missing = `missing from ${where}`;
  const extra = `in ${where}, not in redocly.yaml`;
  expect({ [missing]: ids.filter((id) => !have.includes(id)), [extra]: have.filter((id) => !ids.includes(id)) }).toEqual({ [missing]: [], [extra]: [] });
}

interface Module {
  id: string;
  operation: string;
  env: Record<string, string>;
  docs: { record: string; pagination?: Record<string, string>; fields: Record<string, unknown> };
  cli: { required: string[]; env: string[] };
}
let modules: Module[];
let providers: readonly string[];

beforeAll(async () => {
  // The built provider list imports every client package: name a missing one here rather than failing the import.
  const withoutPackage = ids.filter((id) => !existsSync(join(root, "packages", id, "package.json")));
  expect(withoutPackage, "redocly.yaml lists these, but packages/<id>/package.json does not exist: create the client package").toEqual([]);
  const dist = (path: string) => join(root, "packages/bucketry/dist", path);
  expect(existsSync(dist("generated/providers.js")), "needs the build: run `npm run build` first").toBe(true);
  modules = (await import(pathToFileURL(dist("generated/providers.js")).href)).providerModules;
  providers = (await import(pathToFileURL(dist("model.js")).href)).PROVIDERS;
});

/** The spec of a vendor, parsed. */
const spec = (id: string) => parse(read(apis[id]!.root)) as { paths: Record<string, Record<string, { operationId?: string }>>; components?: { schemas?: Record<string, unknown> } };

describe("test/support/vendor-env.mjs (the environment README samples and Try-it programs run with)", () => {
  it("holds the mock's credentials under every provider's own variables", async () => {
    const { vendorEnv } = (await import(pathToFileURL(join(root, "test/support/vendor-env.mjs")).href)) as { vendorEnv: Record<string, string> };
    // A provider reads access keys, or else a token: the variables a sample of it needs.
    const needed = modules.flatMap((m) => (m.env.accessKeyId ? [m.env.accessKeyId, m.env.accessKeySecret!] : [m.env.token!]).map((name) => `${m.id}: ${name}`));
    expect(needed.length).toBeGreaterThanOrEqual(modules.length);
    expect(needed.filter((line) => !(line.split(": ")[1]! in vendorEnv)), "the provider module's cli.mockEnv must give them (test/support/vendor-env.mjs takes them from there)").toEqual([]);
  });
});

describe("redocly.yaml apis: one entry per vendor", () => {
  it("each names its spec and writes its client package's generated types", () => {
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      expect(apis[id]!.root, id).toBe(`./specs/${id}.yaml`);
      expect(existsSync(join(root, "specs", `${id}.yaml`)), `specs/${id}.yaml`).toBe(true);
      expect(apis[id]!["x-openapi-ts"].output, id).toBe(`./packages/${id}/src/generated/schema.ts`);
    }
  });

  it("no two specs list the same server URL", () => {
    // A spec begun as a copy of another vendor's and left with its servers would send the new vendor's mock
    // requests to the other vendor's adapter, which only a contract test with different keys notices.
    const owners = new Map<string, string[]>();
    for (const id of ids) {
      const servers = (parse(read(`specs/${id}.yaml`)) as { servers?: { url: string }[] }).servers ?? [];
      for (const { url } of servers) owners.set(url, [...(owners.get(url) ?? []), id]);
    }
    expect([...owners].filter(([, owner]) => owner.length > 1).map(([url, owner]) => `${url}: ${owner.join(", ")}`), "servers that more than one spec lists (write the vendor's own from its API page)").toEqual([]);
  });
});

describe("client packages", () => {
  /** Workspace packages generated from a spec: their `generate` script runs scripts/generate-clients.mjs. */
  const clients = readdirSync(join(root, "packages"))
    .filter((dir) => existsSync(join(root, "packages", dir, "package.json")))
    .map((dir) => ({ dir, pkg: JSON.parse(read(`packages/${dir}/package.json`)) as { name: string; scripts?: Record<string, string> } }))
    .filter(({ pkg }) => pkg.scripts?.generate?.includes("generate-clients.mjs"));

  it("exactly one per redocly.yaml entry, named @bucketry/<id> and generating its own spec", () => {
    agrees(clients.map((c) => c.dir), "packages/ (client packages)");
    for (const { dir, pkg } of clients) {
      expect(pkg.name).toBe(`@bucketry/${dir}`);
      expect(pkg.scripts!.generate).toBe(`node ../../scripts/generate-clients.mjs ${dir}`);
    }
  });

  it("each one's turbo.json keys its lint, generate and docs tasks on its own spec and writes its own page", () => {
    // A turbo.json copied from another client and left naming that vendor passes every other check, but turbo
    // then caches the new client's tasks on the other spec: after an edit of its own spec `npm run generate`
    // replays the old output and the drift check keeps failing.
    const step = "(CONTRIBUTING.md, \"Adding a vendor\", step 3: the vendor's name in place of the copied one)";
    for (const { dir } of clients) {
      const file = `packages/${dir}/turbo.json`;
      const tasks = (JSON.parse(read(file)) as { tasks: Record<string, { inputs?: string[]; outputs?: string[] }> }).tasks;
      const ownSpec = `$TURBO_ROOT$/specs/${dir}.yaml`;
      for (const task of ["lint", "generate", "docs"]) {
        const specs = (tasks[task]?.inputs ?? []).filter((input) => input.includes("/specs/"));
        expect(specs, `${file}: tasks.${task}.inputs ${step}`).toEqual([ownSpec]);
      }
      expect(tasks.docs?.outputs, `${file}: tasks.docs.outputs ${step}`).toEqual([`$TURBO_ROOT$/docs/${dir}.html`]);
    }
  });

  it("the facade depends on each of them and on no other vendor package", () => {
    const deps = Object.keys((JSON.parse(read("packages/bucketry/package.json")) as { dependencies: Record<string, string> }).dependencies);
    const vendorDeps = deps.filter((d) => d.startsWith("@bucketry/") && d !== "@bucketry/signing" && d !== "@bucketry/mocks").map((d) => d.slice("@bucketry/".length));
    agrees(vendorDeps, "packages/bucketry/package.json dependencies");
  });
});

describe("the facade's provider modules", () => {
  it("the generated list holds one module per vendor, in redocly.yaml order, and PROVIDERS is that list", () => {
    agrees(modules.map((m) => m.id), "the facade's generated provider list");
    expect(modules.map((m) => m.id)).toEqual(ids);
    expect([...providers]).toEqual(ids);
  });

  it("one provider module per vendor, and none for a vendor redocly.yaml does not list", () => {
    expect(vendorFileProblems(root, ids, PROVIDER_MODULE)).toEqual([]);
  });

  it("each vendor has its own entry, bucketry/<id>, exporting createBucketClient, and no entry is left over", async () => {
    const entries = readdirSync(join(root, "packages/bucketry/src/generated/entries")).map((f) => f.replace(/\.ts$/, ""));
    agrees(entries, "packages/bucketry/src/generated/entries");
    // tsc never removes an output whose source is gone, and the `./*` subpath pattern would still serve it (and
    // pack it): an entry built for a vendor no longer listed (a branch switched, a vendor removed) is a stale build.
    const built = readdirSync(join(root, "packages/bucketry/dist/generated/entries")).filter((f) => f.endsWith(".js")).map((f) => f.replace(/\.js$/, ""));
    agrees(built, "packages/bucketry/dist/generated/entries (a stale build: remove packages/bucketry/dist and run `npm run build`)");
    const require = createRequire(join(root, "package.json"));
    for (const id of ids) {
      const file = require.resolve(`bucketry/${id}`);
      expect(file, id).toBe(join(root, "packages/bucketry/dist/generated/entries", `${id}.js`));
      expect(typeof (await import(pathToFileURL(file).href)).createBucketClient, id).toBe("function");
    }
  });

  it("each module's facts match its spec: the record it maps, the operations it pages, its variables", () => {
    for (const m of modules) {
      const doc = spec(m.id);
      expect(Object.keys(doc.components?.schemas ?? {}), `${m.id}: docs.record`).toContain(m.docs.record);
      const operationIds = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op?.operationId).filter(Boolean));
      for (const op of Object.keys(m.docs.pagination ?? {})) expect(operationIds, `${m.id}: docs.pagination`).toContain(op);
      expect(Object.keys(m.docs.fields).length, `${m.id}: docs.fields`).toBeGreaterThan(0);
      expect(Object.values(m.env).length, `${m.id}: env`).toBeGreaterThan(0);
      for (const name of Object.values(m.env)) expect(name, `${m.id}: env`).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(["listBuckets", "getBucketAcl"]).toContain(m.operation);
    }
  });
});

describe("each vendor's own tests", () => {
  it("the API page's facts (test/specs/<id>.test.ts), the contract against the mock (test/contract/<id>.test.ts), the client's tests", () => {
    for (const id of ids) {
      for (const file of [`test/specs/${id}.test.ts`, `test/contract/${id}.test.ts`]) expect(existsSync(join(root, file)), file).toBe(true);
      expect(existsSync(join(root, "packages", id, "test")), `packages/${id}/test`).toBe(true);
    }
  });
});

describe("the root entry", () => {
  it("exports each vendor's generated client package as a namespace", async () => {
    const facade = (await import("bucketry")) as Record<string, unknown>;
    const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    for (const id of ids) expect(typeof facade[camel(id)], `bucketry export ${camel(id)}`).toBe("object");
  });
});

describe("the mocks", () => {
  it("@bucketry/mocks has one vendor adapter and one generated handler set per vendor", async () => {
    // The source, not only the build: a stale dist would still hold an adapter whose module was removed.
    expect(vendorFileProblems(root, ids, MOCK_ADAPTER)).toEqual([]);
    const mocks = (await import("@bucketry/mocks")) as { vendorAdapters: readonly { provider: string }[]; vendors: Record<string, unknown> };
    agrees(mocks.vendorAdapters.map((a) => a.provider), "@bucketry/mocks vendorAdapters");
    agrees(Object.keys(mocks.vendors), "@bucketry/mocks generated handlers (vendors)");
  });

  it("the test account has credentials and server client options for every vendor", async () => {
    const mocks = (await import("@bucketry/mocks")) as { testCredentials: Record<string, unknown> };
    agrees(Object.keys(mocks.testCredentials), "@bucketry/mocks testCredentials");
    const { startMockServer } = (await import("@bucketry/mocks/server")) as {
      startMockServer: (o: { buckets: number }) => Promise<{ clientOptions: Record<string, { provider: string; endpoint: string }>; endpoints: Record<string, string>; close(): Promise<void> }>;
    };
    const server = await startMockServer({ buckets: 1 });
    try {
      agrees(Object.keys(server.clientOptions), "startMockServer().clientOptions");
      for (const id of ids) expect(server.clientOptions[id], id).toMatchObject({ provider: id, endpoint: server.endpoints[id], credentials: mocks.testCredentials[id] });
    } finally {
      await server.close();
    }
  });
});

describe("a vendor's facts live in its own modules", () => {
  // What CONTRIBUTING.md's "Adding a vendor" promises: a new vendor edits no shared module. So outside a vendor's
  // own modules (its provider module, its mock adapter, generated files, and the credential sources of
  // src/credentials/, which are per vendor family), no code of the facade, the mocks or the signers names a
  // vendor id in a string. Comments may.
  const sourcesUnder = (dir: string): string[] =>
    readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
      .map((f) => `${dir}/${f.split("\\").join("/")}`);
  const own = (file: string) =>
    /\/generated\//.test(file) ||
    file.startsWith("packages/bucketry/src/credentials/") ||
    ids.some((id) => file === `packages/bucketry/src/providers/${id}.ts` || file === `packages/mocks/src/vendors/${id}.ts`);
  const shared = ["packages/bucketry/src", "packages/mocks/src", "packages/signing/src"].flatMap(sourcesUnder).filter((f) => !own(f));

  // A whole id, or the start of one (`startsWith("aliyun-")`, `"huaweicloud-" + name`): every id's first part
  // followed by its hyphen.
  const families = [...new Set(ids.map((id) => `${id.split("-")[0]}-`))];
  const vendorPattern = new RegExp(`(^|[^a-z0-9-])((${ids.join("|")})($|[^a-z0-9-])|(${families.join("|")}))`);

  it("the vendor-id check flags a whole id and the start of one, not a word that only contains a family name", () => {
    for (const text of [ids[0]!, `provider ${ids[1]!}: x`, families[0]!, `${families[1]!}${"x"}`]) expect(vendorPattern.test(text), text).toBe(true);
    for (const text of ["x-oss-date", "hitachiSession", "baidu", "my-aliyun-thing"]) expect(vendorPattern.test(text), text).toBe(false);
  });

  it("no shared module names a vendor id in a string", () => {
    expect(shared.length).toBeGreaterThan(50);
    const found: string[] = [];
    const pattern = vendorPattern;
    for (const file of shared) {
      const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
      const visit = (node: ts.Node): void => {
        if ((ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) && pattern.test(node.text)) {
          // A module path (`import … from "@bucketry/aliyun-ens"`) names a package, not a vendor fact.
          if (!(ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent))) {
            found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${JSON.stringify(node.text)}`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found, "move these into the vendor's provider module or mock adapter").toEqual([]);
  });
});

describe("the docs portal", () => {
  const page = (name: string) => {
    const file = join(root, "docs", name);
    expect(existsSync(file), `docs/${name} (run \`npm run build\`)`).toBe(true);
    return readFileSync(file, "utf8");
  };

  it("a reference page and an index card per vendor, a mapping in the facade guide, rows in the coverage matrix", () => {
    const cards = [...page("index.html").matchAll(/<section class="card" id="([^"]+)">/g)].map((m) => m[1]!);
    agrees(cards, "docs/index.html cards");
    expect(cards).toEqual(ids);
    for (const id of ids) expect(existsSync(join(root, "docs", `${id}.html`)), `docs/${id}.html (run \`npm run build\`)`).toBe(true);
    const maps = [...page("facade.html").matchAll(/<section id="map-([^"]+)">/g)].map((m) => m[1]!);
    agrees(maps, "docs/facade.html mappings");
    const coverage = new Set([...page("coverage.html").matchAll(/<tr><td><a href="([^"]+)\.html">/g)].map((m) => m[1]!));
    agrees(coverage, "docs/coverage.html rows");
  });

  it("the getting-started page on the bare clients names every client package (hand-written: docs-src/getting-started.json)", () => {
    const named = new Set([...page("getting-started/client.html").matchAll(/<code>(?:npm i )?@bucketry\/([a-z0-9-]+)/g)].map((m) => m[1]!).filter((name) => name !== "signing"));
    agrees(named, "docs-src/getting-started.json (the \"client\" page: its sentence on the same pattern for every vendor)");
  });
});

describe("the READMEs", () => {
  // Hand-written tables (what each vendor's package, provider and mock account offer): not generated, so a vendor
  // added or removed must change them by hand, and this says which row is missing or left over.
  it.each(README_TABLES)("$file has a row per vendor in its table \"$header …\"", ({ file, header, besides }) => {
    const found = tableIds(read(file), header, besides);
    expect(found, `${file}: no table whose header starts with "${header}"`).toBeDefined();
    agrees(found!, `${file}'s table "${header} …" (one row per vendor, first column the id)`);
  });
});

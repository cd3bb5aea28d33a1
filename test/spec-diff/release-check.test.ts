// End to end on a temp copy of the repository: release (version-packages records the baseline), then a breaking
// spec edit with a `patch` changeset fails the check that `npm test` runs — with the changes, the bump they need
// and the command that fixes it — and passes after `npm run spec:changeset`. The facade, whose declarations use
// the client's types, needs the same major bump; so does @bucketry/mocks, which answers by a copy of the spec.
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without types
import { changesPageBody } from "../../scripts/spec-diff/changes-page.mjs";
// @ts-expect-error plain ESM script without types
import { changesetFor } from "../../scripts/spec-diff/release-check.mjs";
import { released, root, tempRepo } from "./helpers.js";

const scripts = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts as Record<string, string>;
const CHECK = "node scripts/spec-diff.mjs --check";

let repo: ReturnType<typeof tempRepo>;
const node = (...args: string[]) => repo.run(process.execPath, args);
const read = (file: string) => readFileSync(join(repo.dir, file), "utf8");
const pending = () => readdirSync(join(repo.dir, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md");

beforeAll(() => {
  repo = tempRepo();
});
afterAll(() => repo?.cleanup());

describe("the release check, end to end on a copy of the repository", () => {
  it("is part of `npm test` and of the release scripts", () => {
    expect(scripts.test).toContain(`&& ${CHECK} &&`);
    expect(scripts["spec:diff"]).toMatch(/node scripts\/spec-diff\.mjs$/);
    expect(scripts["spec:changeset"]).toMatch(/node scripts\/spec-diff\.mjs --changeset$/);
    // A breaking spec edit often stops the facade compiling: the report still comes, after a note (it stopped
    // with the compiler's error and no report, the README's own example included).
    for (const name of ["spec:diff", "spec:changeset"]) expect(scripts[name]).toMatch(/^turbo run build [^|&]*--continue \|\| node scripts\/spec-diff\.mjs --build-failed && node scripts\/spec-diff\.mjs/);
    expect(scripts["version-packages"]).toMatch(/^changeset version && .*node scripts\/spec-diff\.mjs --record-release$/);
  });

  it("--build-failed says what failed and lets the report run (exit 0)", () => {
    const r = node("scripts/spec-diff.mjs", "--build-failed");
    expect(r.status).toBe(0);
    expect(r.output).toContain("spec-diff: the build failed (above): a package does not compile against the changed spec");
  });

  it("passes on the tree as it is (first releases declared by the pending changesets)", () => {
    const r = node("scripts/spec-diff.mjs", "--check");
    expect(r.output).toContain("spec-diff: ok");
    expect(r.status).toBe(0);
  });

  // Builds and checks of the repository copy, one after another: 90 s at load average 15 on a 2-core machine
  // (the suite's 60 s limit failed a loaded CI run). The limit is a hang guard only.
  it("fails a breaking edit whose changeset says patch, and passes after spec:changeset", () => {
    // Release: `npm run version-packages` is `changeset version`, a build (the copy has dist/), then the record.
    expect(node("node_modules/@changesets/cli/bin.js", "version").status).toBe(0);
    const recorded = node("scripts/spec-diff.mjs", "--record-release");
    expect(recorded.status, recorded.output).toBe(0);
    expect(recorded.output).toContain("recorded @bucketry/huaweicloud-mpc 0.2.0");
    expect(JSON.parse(read("release-baseline/huaweicloud-mpc/release.json"))).toEqual({ name: "@bucketry/huaweicloud-mpc", version: "0.2.0", spec: "specs/huaweicloud-mpc.yaml", code: expect.objectContaining({ "src/index.ts": expect.stringMatching(/^[0-9a-f]{16}$/) }) });
    expect(read("release-baseline/huaweicloud-mpc/spec.yaml")).toBe(read("specs/huaweicloud-mpc.yaml"));
    // The mocks answer by a copy of every spec: their release records each one.
    expect(JSON.parse(read("release-baseline/mocks/release.json")).embeds).toContain("specs/huaweicloud-mpc.yaml");
    expect(read("release-baseline/mocks/specs/huaweicloud-mpc.yaml")).toBe(read("specs/huaweicloud-mpc.yaml"));
    expect(pending()).toEqual([]);
    expect(node("scripts/spec-diff.mjs", "--check").status).toBe(0);

    // A breaking edit: rename ObsBucket.bucket to bucket_name; regenerate and rebuild the client as `npm test` does.
    const spec = read("specs/huaweicloud-mpc.yaml");
    const edited = spec.replace(/^(\s+- )bucket$/m, "$1bucket_name").replace(/^( {8})bucket:\n( {10}type: string\n {10}description: Bucket name)$/m, "$1bucket_name:\n$2");
    expect(edited).not.toBe(spec);
    writeFileSync(join(repo.dir, "specs/huaweicloud-mpc.yaml"), edited);
    writeFileSync(join(repo.dir, ".changeset/rename.md"), '---\n"@bucketry/huaweicloud-mpc": patch\n---\n\nRename bucket.\n');
    expect(node("scripts/generate-clients.mjs", "huaweicloud-mpc").status).toBe(0);
    expect(node("scripts/generate-mocks.mjs", "huaweicloud-mpc").status).toBe(0);
    const tsc = node("node_modules/typescript/bin/tsc", "-p", "packages/huaweicloud-mpc/tsconfig.build.json");
    expect(tsc.status, tsc.output).toBe(0);

    const failed = node("scripts/spec-diff.mjs", "--check");
    expect(failed.status, failed.output).toBe(1);
    expect(failed.output).toContain("@bucketry/huaweicloud-mpc 0.2.0 — since 0.2.0; needs major (breaking); pending changesets: patch — UNDER-DECLARED");
    // redocly diff sees the rename (same schema under a new name) and reports it at the new name.
    // …naming the call it reaches: ObsBucket is in ListAllBuckets' response.
    expect(failed.output).toContain("breaking #/components/schemas/ObsBucket/properties/bucket_name  Property `bucket` of `ObsBucket` was renamed to `bucket_name`. (property-removed) — in ListAllBuckets\n");
    expect(failed.output).toContain("breaking #/components/schemas/ObsBucket/required  Properties of `ObsBucket` are no longer required: `bucket`. (required-properties-removed)");
    expect(failed.output).toContain("breaking @bucketry/huaweicloud-mpc › components.schemas.ObsBucket.bucket  Removed: `components.schemas.ObsBucket.bucket: string`.");
    expect(failed.output).toContain("@bucketry/huaweicloud-mpc: needs a major bump, pending changesets give patch");
    // The facade re-exports the client's types: its users see the same break.
    expect(failed.output).toContain("bucketry: needs a major bump, pending changesets give patch");
    expect(failed.output).toContain("uses the types of @bucketry/huaweicloud-mpc in its declarations: @bucketry/huaweicloud-mpc needs major (breaking), so bucketry does too");
    expect(failed.output).toContain("Fix: run `npm run spec:changeset`");
    // The regenerated mock module is code no changeset names yet, but the changeset spec:changeset writes names the
    // package: that one command is the fix, not `npx changeset` as well.
    expect(failed.output).not.toContain("npx changeset");
    expect(failed.output).toContain("API report out of date: api-reports/huaweicloud-mpc.api.md");
    // The mocks embed the spec (their handlers answer by it): the same break reaches their users.
    expect(failed.output).toContain("@bucketry/mocks 0.2.0 — since 0.2.0; needs major (breaking); pending changesets: none — UNDER-DECLARED");
    expect(failed.output).toContain("embedded spec specs/huaweicloud-mpc.yaml (the package answers by it) vs release-baseline/mocks/specs/huaweicloud-mpc.yaml:");
    expect(failed.output).toContain("@bucketry/mocks: needs a major bump, pending changesets give none");
    // Clients that did not change need nothing.
    expect(failed.output).toContain("@bucketry/aliyun-oss 0.2.0 — since 0.2.0; needs no bump; pending changesets: none — ok");

    const written = node("scripts/spec-diff.mjs", "--changeset");
    expect(written.status, written.output).toBe(0);
    const mine = pending().filter((f) => f.startsWith("spec-diff-"));
    const mpc = mine.find((f) => f.startsWith("spec-diff-huaweicloud-mpc-"));
    const facade = mine.find((f) => f.startsWith("spec-diff-bucketry-"));
    expect(mpc && facade, mine.join(", ")).toBeTruthy();
    const mpcText = read(`.changeset/${mpc}`);
    expect(mpcText.startsWith('---\n"@bucketry/huaweicloud-mpc": major\n---\n\nChanges since 0.2.0 (from `npm run spec:diff`):\n\n')).toBe(true);
    expect(mpcText).toContain("- breaking: Property `bucket` of `ObsBucket` was renamed to `bucket_name` (`specs/huaweicloud-mpc.yaml` `#/components/schemas/ObsBucket/properties/bucket_name`; operations `ListAllBuckets`)\n");
    expect(mpcText).toContain("- feature: Added: `components.schemas.ObsBucket.bucket_name: string` (API `@bucketry/huaweicloud-mpc › components.schemas.ObsBucket.bucket_name`)\n");
    expect(mpcText).toContain("- breaking: Removed: `components.schemas.ObsBucket.bucket: string` (API `@bucketry/huaweicloud-mpc › components.schemas.ObsBucket.bucket`)\n");
    expect(read(`.changeset/${facade}`)).toBe(
      '---\n"bucketry": major\n---\n\nChanges since 0.2.0 (from `npm run spec:diff`):\n\n- breaking: its public declarations use the types of `@bucketry/huaweicloud-mpc`, which has breaking changes (see its changelog)\n',
    );
    const mocks = mine.find((f) => f.startsWith("spec-diff-mocks-"));
    expect(mocks, mine.join(", ")).toBeTruthy();
    const mocksText = read(`.changeset/${mocks}`);
    expect(mocksText.startsWith('---\n"@bucketry/mocks": major\n---\n\n')).toBe(true);
    expect(mocksText).toContain("- breaking: Property `bucket` of `ObsBucket` was renamed to `bucket_name` (`specs/huaweicloud-mpc.yaml` `#/components/schemas/ObsBucket/properties/bucket_name`; operations `ListAllBuckets`)\n");
    expect(read("api-reports/huaweicloud-mpc.api.md")).toContain("components.schemas.ObsBucket.bucket_name: string\n");

    const passed = node("scripts/spec-diff.mjs", "--check");
    expect(passed.output).toContain("spec-diff: ok");
    expect(passed.status).toBe(0);
  }, 300_000);

  it("the docs page lists each release from the changelogs and what is pending", async () => {
    const html: string = await changesPageBody(repo.dir);
    const mpc = html.slice(html.indexOf('<section class="card" id="huaweicloud-mpc">'));
    expect(mpc).toContain("<h3>0.2.0</h3>");
    expect(mpc).toContain("First release: typed client for Huawei Cloud MPC");
    expect(mpc).toContain("Unreleased (next: 1.0.0, major)");
    expect(mpc).toContain("Property <code>bucket</code> of <code>ObsBucket</code> was renamed to <code>bucket_name</code>");
    expect(existsSync(join(repo.dir, "packages/huaweicloud-mpc/CHANGELOG.md"))).toBe(true);
  });
});

describe("a release made without `npm run version-packages`", () => {
  let copy: ReturnType<typeof tempRepo>;
  beforeAll(() => {
    copy = tempRepo();
  });
  afterAll(() => copy?.cleanup());

  // Plain `changeset version` (what a release bot runs) writes versions and changelogs but no release-baseline/:
  // compared with nothing, every later change would pass as a "first release"; compared with the previous
  // baseline, changes already released would be asked for again.
  it("fails the check until the release is recorded, and never asks for a changeset for it", () => {
    const run = (...args: string[]) => copy.run(process.execPath, args);
    expect(run("node_modules/@changesets/cli/bin.js", "version").status).toBe(0);
    const first = run("scripts/spec-diff.mjs", "--check");
    expect(first.status, first.output).toBe(1);
    expect(first.output).toContain("@bucketry/huaweicloud-mpc 0.2.0 — RELEASE NOT RECORDED: @bucketry/huaweicloud-mpc 0.2.0 was released (CHANGELOG.md ## 0.2.0) but release-baseline/huaweicloud-mpc/ records no release of it");
    expect(first.output).toContain("Fix: check out the release commit, build it (`npm ci && npm run build`: the record reads the built declarations), run\n  `node scripts/spec-diff.mjs --record-release` and commit release-baseline/");
    expect(first.output).not.toContain("npm run spec:changeset");
    const written = run("scripts/spec-diff.mjs", "--changeset");
    expect(written.status, written.output).toBe(1);
    expect(readdirSync(join(copy.dir, ".changeset")).filter((f) => f.startsWith("spec-diff-"))).toEqual([]);
    expect(run("scripts/spec-diff.mjs", "--record-release").status).toBe(0);
    expect(run("scripts/spec-diff.mjs", "--check").status).toBe(0);

    // A changelog written by hand (no Changesets section under its heading) is no release.
    writeFileSync(join(copy.dir, "packages/mocks/CHANGELOG.md"), "# @bucketry/mocks\n\n## 0.2.0\n\nNotes written by hand.\n");
    rmSync(join(copy.dir, "release-baseline/mocks"), { recursive: true });
    const handWritten = run("scripts/spec-diff.mjs", "--check");
    expect(handWritten.output).toContain("@bucketry/mocks 0.2.0 — not released yet");
    expect(run("scripts/spec-diff.mjs", "--record-release").status).toBe(0);

    // The next release, again without the record: the baseline is the previous release's.
    writeFileSync(join(copy.dir, ".changeset/next.md"), '---\n"@bucketry/huaweicloud-mpc": minor\n---\n\nA feature.\n');
    expect(run("node_modules/@changesets/cli/bin.js", "version").status).toBe(0);
    const second = run("scripts/spec-diff.mjs", "--check");
    expect(second.status, second.output).toBe(1);
    expect(second.output).toContain("@bucketry/huaweicloud-mpc 0.3.0 — RELEASE NOT RECORDED: @bucketry/huaweicloud-mpc 0.3.0 was released (CHANGELOG.md ## 0.3.0) but release-baseline/huaweicloud-mpc/ records 0.2.0");
    expect(second.output).toContain("@bucketry/aliyun-oss 0.2.0 — since 0.2.0; needs no bump; pending changesets: none — ok");
    expect(run("scripts/spec-diff.mjs", "--record-release").status).toBe(0);
    expect(run("scripts/spec-diff.mjs", "--check").status).toBe(0);
  }, 300_000);

  // Changesets passes a dependency's bump on to a dependant as a patch. A client that its own changeset releases as
  // major (a behaviour break no diff can see) reaches the facade's users through `export * as aliyunOss` all the same.
  it("a dependency released as major by its changeset takes the packages that use its types along", () => {
    const run = (...args: string[]) => copy.run(process.execPath, args);
    expect(run("scripts/spec-diff.mjs", "--check").status).toBe(0);
    writeFileSync(join(copy.dir, ".changeset/oss-break.md"), '---\n"@bucketry/aliyun-oss": major\n---\n\nA behaviour break the types do not show.\n');
    const failed = run("scripts/spec-diff.mjs", "--check");
    expect(failed.status, failed.output).toBe(1);
    expect(failed.output).toMatch(/^ {2}bucketry 0\.2\.\d+ — since 0\.2\.\d+; needs major \(breaking\); pending changesets: patch — UNDER-DECLARED$/m);
    expect(failed.output).toContain("uses the types of @bucketry/aliyun-oss in its declarations: its pending changesets release @bucketry/aliyun-oss as major (breaking), so bucketry does too");
    expect(failed.output).toContain("bucketry: needs a major bump, pending changesets give patch");
    expect(failed.output).toContain("Fix: run `npm run spec:changeset`");
    // The client itself is declared enough, and a package that does not use its types needs nothing.
    expect(failed.output).toContain("@bucketry/aliyun-oss 0.2.0 — since 0.2.0; needs no bump; pending changesets: major — ok");
    expect(failed.output).toMatch(/@bucketry\/mocks 0\.2\.\d+ — since 0\.2\.\d+; needs no bump; pending changesets: none — ok/);
    const written = run("scripts/spec-diff.mjs", "--changeset");
    expect(written.status, written.output).toBe(0);
    const facade = readdirSync(join(copy.dir, ".changeset")).filter((f) => f.startsWith("spec-diff-"));
    expect(facade, written.output).toHaveLength(1);
    expect(readFileSync(join(copy.dir, ".changeset", facade[0]!), "utf8")).toContain('---\n"bucketry": major\n---\n');
    expect(run("scripts/spec-diff.mjs", "--check").status).toBe(0);
  }, 300_000);
});

describe("code changed since a release", () => {
  let copy: ReturnType<typeof tempRepo>;
  beforeAll(() => {
    copy = tempRepo();
  });
  afterAll(() => copy?.cleanup());

  // A fix in a package's src/ changes neither its spec nor its types: without a changeset naming the package, its
  // users would get it with no new version. The release record keeps a hash of each code file (no git history
  // needed: a shallow clone has the record).
  it("fails until a pending changeset names the package, and says which package and how to add one", () => {
    const run = (...args: string[]) => copy.run(process.execPath, args);
    released(copy);
    const record = JSON.parse(readFileSync(join(copy.dir, "release-baseline/signing/release.json"), "utf8"));
    expect(Object.keys(record.code)).toContain("src/acs3.ts");
    expect(Object.keys(JSON.parse(readFileSync(join(copy.dir, "release-baseline/bucketry/release.json"), "utf8")).code)).toContain("bin/bucketry.js");
    const clean = run("scripts/spec-diff.mjs", "--check");
    expect(clean.status, clean.output).toBe(0);
    expect(clean.output).not.toContain("⚠");

    // A code-only change (no spec, no declaration changes).
    appendFileSync(join(copy.dir, "packages/signing/src/acs3.ts"), "\n// a behaviour fix would be here\n");
    const failed = run("scripts/spec-diff.mjs", "--check");
    expect(failed.status, failed.output).toBe(1);
    expect(failed.output).toContain("1 package(s) changed their code since their last release, and no pending changeset names them:");
    expect(failed.output).toMatch(/^ {2}@bucketry\/signing \(since 0\.2\.0\): packages\/signing\/src\/acs3\.ts$/m);
    expect(failed.output).toContain("Fix: run `npx changeset`, pick the package(s)");

    // A new file counts too; a dependant's changeset does not name the package.
    writeFileSync(join(copy.dir, "packages/signing/src/new-module.ts"), "export const x = 1;\n");
    writeFileSync(join(copy.dir, ".changeset/facade.md"), '---\n"bucketry": patch\n---\n\nA facade fix.\n');
    const stillFailed = run("scripts/spec-diff.mjs", "--check");
    expect(stillFailed.status, stillFailed.output).toBe(1);
    expect(stillFailed.output).toMatch(/^ {2}@bucketry\/signing \(since 0\.2\.0\): packages\/signing\/src\/acs3\.ts, packages\/signing\/src\/new-module\.ts$/m);

    writeFileSync(join(copy.dir, ".changeset/signing.md"), '---\n"@bucketry/signing": patch\n---\n\nA signing fix.\n');
    const passed = run("scripts/spec-diff.mjs", "--check");
    expect(passed.status, passed.output).toBe(0);

    // A change users cannot notice is declared as such: a changeset naming the package with `none`.
    rmSync(join(copy.dir, ".changeset/signing.md"));
    writeFileSync(join(copy.dir, ".changeset/signing-none.md"), '---\n"@bucketry/signing": none\n---\n\nA comment.\n');
    const declaredNone = run("scripts/spec-diff.mjs", "--check");
    expect(declaredNone.status, declaredNone.output).toBe(0);

    // The facade's package.json (what users install with it) is code too.
    rmSync(join(copy.dir, ".changeset/facade.md"));
    const facadeManifest = join(copy.dir, "packages/bucketry/package.json");
    const manifest = JSON.parse(readFileSync(facadeManifest, "utf8"));
    writeFileSync(facadeManifest, `${JSON.stringify({ ...manifest, engines: { node: ">=22" } }, null, 2)}\n`);
    const engines = run("scripts/spec-diff.mjs", "--check");
    expect(engines.status, engines.output).toBe(1);
    expect(engines.output).toMatch(/^ {2}bucketry \(since 0\.2\.0\): packages\/bucketry\/package\.json$/m);

    // A release recorded before the hashes existed cannot be compared: the check says so and does not fail on it.
    writeFileSync(facadeManifest, `${JSON.stringify(manifest, null, 2)}\n`);
    const { code: _code, ...older } = record;
    writeFileSync(join(copy.dir, "release-baseline/signing/release.json"), `${JSON.stringify(older, null, 2)}\n`);
    rmSync(join(copy.dir, ".changeset/signing-none.md"));
    const unknown = run("scripts/spec-diff.mjs", "--check");
    expect(unknown.status, unknown.output).toBe(0);
    expect(unknown.output).toContain("⚠ code changes since the last release not checked for @bucketry/signing: release-baseline/signing/release.json was recorded without code hashes");
  }, 300_000);
});

// A description-only spec edit after a release: the mocks drop descriptions (no release of them needed), yet their
// generated file changes by the spec hash in its header, and the check asked for a changeset naming
// @bucketry/mocks even after `npm run spec:changeset` — `npm test` failed after the documented steps.
describe("a spec edit that changes only a description, after a release", () => {
  let copy: ReturnType<typeof tempRepo>;
  beforeAll(() => {
    copy = tempRepo();
  });
  afterAll(() => copy?.cleanup());

  it("passes the check after `npm run spec:changeset`: the mocks' regenerated file needs no changeset of its own", () => {
    const run = (...args: string[]) => copy.run(process.execPath, args);
    released(copy);
    const spec = join(copy.dir, "specs/baidu-bos.yaml");
    const text = readFileSync(spec, "utf8");
    // The first line of info's description (a block scalar): prose only.
    const edited = text.replace("\n  description: |\n", "\n  description: |\n    Reviewed for this release.\n");
    expect(edited).not.toBe(text);
    writeFileSync(spec, edited);
    for (const script of ["scripts/generate-clients.mjs", "scripts/generate-mocks.mjs"]) {
      const generated = run(script);
      expect(generated.status, generated.output).toBe(0);
    }
    expect(readFileSync(join(copy.dir, "packages/mocks/src/generated/baidu-bos.ts"), "utf8")).not.toBe(readFileSync(join(root, "packages/mocks/src/generated/baidu-bos.ts"), "utf8"));
    const written = run("scripts/spec-diff.mjs", "--changeset");
    expect(written.status, written.output).toBe(0);
    const check = run("scripts/spec-diff.mjs", "--check");
    expect(check.status, check.output).toBe(0);
  }, 300_000);
});

// After @bucketry/mocks' first major, `changeset version` wrote the facade's optional peer range as `>=1.0.0`: no
// upper bound, so bucketry 1.x would take mocks 2.0 (a break) without npm saying a word — what the README's
// `>=0.1.0 <1.0.0` exists to prevent.
describe("a peer range after the peer's major release", () => {
  let copy: ReturnType<typeof tempRepo>;
  beforeAll(() => {
    copy = tempRepo();
  });
  afterAll(() => copy?.cleanup());

  it("is closed at the next major by version-packages, and the check refuses one left open", () => {
    const run = (...args: string[]) => copy.run(process.execPath, args);
    const peerRange = () => (JSON.parse(readFileSync(join(copy.dir, "packages/bucketry/package.json"), "utf8")) as { peerDependencies: Record<string, string> }).peerDependencies["@bucketry/mocks"];
    released(copy);
    expect(peerRange()).toBe(">=0.1.0 <1.0.0");
    writeFileSync(join(copy.dir, ".changeset/mocks-major.md"), '---\n"@bucketry/mocks": major\n---\n\nA breaking change of the mocks.\n');
    expect(run("node_modules/@changesets/cli/bin.js", "version").status).toBe(0);
    expect(peerRange()).toBe(">=1.0.0");
    const refused = run("scripts/spec-diff.mjs", "--check");
    expect(refused.status, refused.output).toBe(1);
    expect(refused.output).toContain("packages/bucketry/package.json: @bucketry/mocks >=1.0.0 accepts every later major of it; it should read >=1.0.0 <2.0.0");
    const closed = run("scripts/spec-diff.mjs", "--peer-ranges");
    expect(closed.status, closed.output).toBe(0);
    expect(closed.output).toContain("peer ranges: bucketry takes @bucketry/mocks >=1.0.0 <2.0.0 (changeset version wrote >=1.0.0)");
    expect(peerRange()).toBe(">=1.0.0 <2.0.0");
    expect(scripts["version-packages"]).toMatch(/^changeset version && node scripts\/spec-diff\.mjs --peer-ranges && /);
  }, 300_000);
});

describe("a change declared `none`, after the release that consumed its changeset", () => {
  let copy: ReturnType<typeof tempRepo>;
  beforeAll(() => {
    copy = tempRepo();
  });
  afterAll(() => copy?.cleanup());

  // `changeset version` deletes a changeset that bumps a package `none` and leaves its version as it was, so the
  // release records nothing new for it: the check must not ask for that changeset again after every release.
  it("is recorded by `npm run version-packages`, and a later undeclared change is still found", () => {
    const run = (...args: string[]) => copy.run(process.execPath, args);
    released(copy);
    appendFileSync(join(copy.dir, "packages/signing/src/acs3.ts"), "\n// a comment users cannot notice\n");
    writeFileSync(join(copy.dir, ".changeset/signing-none.md"), '---\n"@bucketry/signing": none\n---\n\nA comment.\n');
    expect(run("scripts/spec-diff.mjs", "--check").status).toBe(0);

    expect(run("node_modules/@changesets/cli/bin.js", "version").status).toBe(0);
    expect(existsSync(join(copy.dir, ".changeset/signing-none.md"))).toBe(false);
    const recorded = run("scripts/spec-diff.mjs", "--record-release");
    expect(recorded.status, recorded.output).toBe(0);
    expect(recorded.output).toContain("release-baseline: @bucketry/signing stays 0.2.0; recorded its code (changed by changesets that bumped it `none`)");
    const after = run("scripts/spec-diff.mjs", "--check");
    expect(after.status, after.output).toBe(0);
    expect(JSON.parse(readFileSync(join(copy.dir, "release-baseline/signing/release.json"), "utf8")).version).toBe("0.2.0");

    appendFileSync(join(copy.dir, "packages/signing/src/acs3.ts"), "\n// a behaviour fix would be here\n");
    const undeclared = run("scripts/spec-diff.mjs", "--check");
    expect(undeclared.status, undeclared.output).toBe(1);
    expect(undeclared.output).toMatch(/^ {2}@bucketry\/signing \(since 0\.2\.0\): packages\/signing\/src\/acs3\.ts$/m);
  }, 300_000);
});

describe("the changeset writer", () => {
  const record = {
    name: "@bucketry/aliyun-oss",
    id: "aliyun-oss",
    spec: "specs/aliyun-oss.yaml",
    baseline: "1.2.0",
    required: "minor",
    specChanges: [{ level: "minor", pointer: "#/components/schemas/Owner/properties/Region", message: "Property `Region` of `Owner` added.", rule: "" }],
    surfaceChanges: [{ level: "minor", entry: ".", key: "components.schemas.Owner.Region", message: "Added: `components.schemas.Owner.Region?: string`." }],
    inheritedFrom: [],
  };
  const lines = [
    "- feature: Property `Region` of `Owner` added (`specs/aliyun-oss.yaml` `#/components/schemas/Owner/properties/Region`)",
    "- feature: Added: `components.schemas.Owner.Region?: string` (API `@bucketry/aliyun-oss › components.schemas.Owner.Region`)",
  ];

  it("writes the package, the bump and one changelog line per change, under a name derived from its text", () => {
    const [name, text] = changesetFor(record);
    expect(text).toBe(`---\n"@bucketry/aliyun-oss": minor\n---\n\nChanges since 1.2.0 (from \`npm run spec:diff\`):\n\n${lines.join("\n")}\n`);
    expect(name).toMatch(/^spec-diff-aliyun-oss-[0-9a-f]{8}\.md$/);
    expect(changesetFor(record)[0]).toBe(name);
  });

  it("names the operations a change inside a component reaches", () => {
    const inComponent = { ...record, specChanges: [{ ...record.specChanges[0], operations: ["GetBucketAcl"] }] };
    expect(changesetFor(inComponent)[1]).toContain(`${lines[0]!.slice(0, -1)}; operations \`GetBucketAcl\`)\n`);
  });

  it("leaves out lines a pending changeset already has", () => {
    const [, text] = changesetFor(record, [`---\n"@bucketry/aliyun-oss": patch\n---\n\n${lines[0]}\n`]);
    expect(text).toContain(lines[1]);
    expect(text).not.toContain(lines[0]);
    const [, onlyBump] = changesetFor(record, [lines.join("\n")]);
    expect(onlyBump).toContain("- feature: the changes listed in this release's other changesets need a minor bump\n");
  });
});

describe("a spec file or a package renamed since its release", () => {
  let copy: ReturnType<typeof tempRepo>;
  beforeAll(() => {
    copy = tempRepo();
  });
  afterAll(() => copy?.cleanup());

  it("compares a renamed spec with the copy released under its old name, and a renamed package with its old release", () => {
    const run = (...args: string[]) => copy.run(process.execPath, args);
    const file = (rel: string) => join(copy.dir, rel);
    released(copy);
    expect(JSON.parse(readFileSync(file("release-baseline/mocks/release.json"), "utf8")).embedApis).toMatchObject({ "baidu-bos": "specs/baidu-bos.yaml" });

    // The same API under a new file name: nothing was added to the mocks, and nothing changed for anyone.
    writeFileSync(file("specs/baidu-bos-renamed.yaml"), readFileSync(file("specs/baidu-bos.yaml")));
    rmSync(file("specs/baidu-bos.yaml"));
    const redocly = readFileSync(file("redocly.yaml"), "utf8");
    writeFileSync(file("redocly.yaml"), redocly.replace("root: ./specs/baidu-bos.yaml", "root: ./specs/baidu-bos-renamed.yaml"));
    const renamedSpec = run("scripts/spec-diff.mjs", "--check");
    expect(renamedSpec.status, renamedSpec.output).toBe(0);
    expect(renamedSpec.output).toMatch(/^ {2}@bucketry\/mocks 0\.2\.0 — since 0\.2\.0; needs no bump; pending changesets: none — ok$/m);
    const diff = run("scripts/spec-diff.mjs");
    expect(diff.output).not.toContain("added to the package");
    expect(diff.output).toContain("Spec file renamed from specs/baidu-bos.yaml to specs/baidu-bos-renamed.yaml; compared with the copy released as specs/baidu-bos.yaml.");

    // A spec the mocks no longer answer by is a break of the mocks, not silence.
    const ensModule = file("packages/mocks/src/generated/aliyun-ens.ts");
    const ens = readFileSync(ensModule);
    rmSync(ensModule);
    const dropped = run("scripts/spec-diff.mjs", "--check");
    expect(dropped.status, dropped.output).toBe(1);
    expect(dropped.output).toContain("@bucketry/mocks 0.2.0 — since 0.2.0; needs major (breaking); pending changesets: none — UNDER-DECLARED");
    expect(dropped.output).toContain("breaking #  Spec specs/aliyun-ens.yaml removed from the package: it no longer answers by it.");
    writeFileSync(ensModule, ens);

    // A new package name is a new package to npm: a break for the old name's users, never a first release.
    const manifestFile = file("packages/baidu-bos/package.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    writeFileSync(manifestFile, `${JSON.stringify({ ...manifest, name: "@bucketry/baidu-bos-client" }, null, 2)}\n`);
    const renamed = run("scripts/spec-diff.mjs", "--check");
    expect(renamed.status, renamed.output).toBe(1);
    expect(renamed.output).not.toContain("@bucketry/baidu-bos-client 0.2.0 — not released yet");
    expect(renamed.output).toContain("@bucketry/baidu-bos-client 0.2.0 — since 0.2.0; needs major (breaking); pending changesets: none — UNDER-DECLARED");
    expect(renamed.output).toContain("breaking name  Package renamed from `@bucketry/baidu-bos` (released 0.2.0) to `@bucketry/baidu-bos-client`: users of `@bucketry/baidu-bos` get no further release.");
    expect(renamed.output).toContain('@bucketry/baidu-bos-client was released as @bucketry/baidu-bos (release-baseline/baidu-bos/release.json): decide. Either restore "name": "@bucketry/baidu-bos"');
    expect(renamed.output).not.toContain("npx changeset");
    const written = run("scripts/spec-diff.mjs", "--changeset");
    expect(written.status, written.output).toBe(0);
    const changeset = readdirSync(file(".changeset")).find((f) => f.startsWith("spec-diff-baidu-bos-"));
    expect(changeset, written.output).toBeTruthy();
    expect(readFileSync(file(`.changeset/${changeset}`), "utf8")).toContain('---\n"@bucketry/baidu-bos-client": major\n---\n');
    const decided = run("scripts/spec-diff.mjs", "--check");
    expect(decided.status, decided.output).toBe(0);
  }, 300_000);
});

// Ties spec and API-surface changes to package versions. For every published workspace package:
//   1. what changed since its last release (release-baseline/<dir>/: the spec and API report recorded by
//      `npm run version-packages`), classified breaking (major) / feature (minor) / fix (patch);
//   2. the bump that needs, raised to the bump of every workspace package whose types its declarations use
//      (the facade re-exports the clients' types, so a client's break breaks the facade's users too);
//   3. the bump its pending changesets give it (Changesets' own release plan, dependants' patch bumps included).
// A package whose plan is below what it needs fails `npm test`; `npm run spec:changeset` writes what is missing.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import getReleasePlanModule from "@changesets/get-release-plan";
import { parse } from "yaml";
import { apiSurfaces, formatReport, parseReport } from "./api-surface.mjs";
import { clientSpecChanges, embeddedSpecChanges, LABEL, maxLevel, rank, schemaUse } from "./spec-changes.mjs";
import { surfaceChanges } from "./surface-changes.mjs";

const getReleasePlan = getReleasePlanModule.default ?? getReleasePlanModule;

export const BASELINE_DIR = "release-baseline";
export const REPORTS_DIR = "api-reports";

/**
 * Published workspace packages under packages/, each with the spec its client is generated from (`spec`, if
 * any) and the specs it embeds (`embeds`: @bucketry/mocks, whose generated src/generated/<api>.ts carries a
 * copy of each spec it answers by — a spec change changes what the package does, though not its types).
 */
export function workspacePackages(root) {
  const specs = new Map();
  const apiRoots = [];
  const redocly = path.join(root, "redocly.yaml");
  if (existsSync(redocly)) {
    for (const [name, api] of Object.entries(parse(readFileSync(redocly, "utf8")).apis ?? {})) {
      const output = api["x-openapi-ts"]?.output;
      const dir = output?.replace(/^\.\//, "").match(/^packages\/([^/]+)\//)?.[1];
      const spec = api.root.replace(/^\.\//, "");
      if (dir) specs.set(dir, spec);
      apiRoots.push([name, spec]);
    }
  }
  const packagesDir = path.join(root, "packages");
  const embeddedApis = (id) => apiRoots.filter(([name]) => specs.get(id) === undefined && existsSync(path.join(packagesDir, id, "src", "generated", `${name}.ts`)));
  return readdirSync(packagesDir)
    .filter((d) => existsSync(path.join(packagesDir, d, "package.json")))
    .map((d) => ({ id: d, dir: path.join(packagesDir, d), pkg: JSON.parse(readFileSync(path.join(packagesDir, d, "package.json"), "utf8")) }))
    .filter((p) => !p.pkg.private)
    // `embedApis`: [api name in redocly.yaml, spec] — the API's name stays when its spec file is renamed.
    .map((p) => ({ id: p.id, dir: p.dir, name: p.pkg.name, version: p.pkg.version, files: p.pkg.files, spec: specs.get(p.id) ?? null, embeds: embeddedApis(p.id).map(([, spec]) => spec), embedApis: embeddedApis(p.id) }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** package.json as it reaches users: without its version (each release sets it) and what npm does not install. */
const manifestForUsers = (text) => {
  const { version: _v, devDependencies: _d, scripts: _s, ...rest } = JSON.parse(text);
  return JSON.stringify(rest);
};

/**
 * A hash of each file of a package's code, by its path in the package: src/ (dist/ is built from it), every other
 * `files` entry but dist/, README.md and CHANGELOG.md (the facade's bin/), and package.json as users get it.
 * Line endings are normalized, so a checkout with CRLF hashes the same.
 */
export function codeHashes(pkg) {
  const hash = (text) => createHash("sha256").update(text.replace(/\r\n/g, "\n")).digest("hex").slice(0, 16);
  const out = {};
  const walk = (rel) => {
    const abs = path.join(pkg.dir, rel);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) for (const entry of readdirSync(abs).sort()) walk(`${rel}/${entry}`);
    else out[rel] = hash(readFileSync(abs, "utf8"));
  };
  const entries = (pkg.files ?? []).map((f) => f.replace(/^\.\//, "").replace(/\/+$/, "")).filter((f) => !["dist", "README.md", "CHANGELOG.md", "package.json"].includes(f));
  for (const rel of [...new Set(["src", ...entries])].sort()) walk(rel);
  out["package.json"] = hash(manifestForUsers(readFileSync(path.join(pkg.dir, "package.json"), "utf8")));
  return out;
}

/**
 * The files of a package's code that differ from its last release ({ files }), or { unknown: why } for a release
 * recorded without code hashes, or null (none changed, or no release yet: the first release needs a changeset anyway).
 */
export function codeChangesSinceRelease(pkg, baseline) {
  if (!baseline) return null;
  if (!baseline.code) return { unknown: `${BASELINE_DIR}/${pkg.id}/release.json was recorded without code hashes (before this check existed); its next release records them` };
  const now = codeHashes(pkg);
  const files = [...new Set([...Object.keys(baseline.code), ...Object.keys(now)])].filter((f) => baseline.code[f] !== now[f]).sort();
  return files.length ? { files: files.map((f) => `packages/${pkg.id}/${f}`) } : null;
}

/** Where a package's last release keeps its copy of an embedded spec. */
const embeddedCopy = (dir, spec) => path.join(dir, "specs", path.basename(spec));

/**
 * The recorded last release of a package (by its folder under packages/), or null before its first release.
 * `releasedAs`: the name it was released under — not the package's name now when package.json renamed it.
 */
export function readBaseline(root, pkg) {
  const dir = path.join(root, BASELINE_DIR, pkg.id);
  const file = path.join(dir, "release.json");
  if (!existsSync(file)) return null;
  const release = JSON.parse(readFileSync(file, "utf8"));
  // Each embedded spec's API name (records before `embedApis` existed: the spec's file name, as redocly.yaml names them).
  const apiOf = (spec) => Object.entries(release.embedApis ?? {}).find(([, s]) => s === spec)?.[0] ?? path.basename(spec).replace(/\.ya?ml$/, "");
  return {
    version: release.version,
    releasedAs: release.name,
    specFile: release.spec ? path.join(dir, "spec.yaml") : null,
    spec: release.spec ?? null,
    embeds: new Map((release.embeds ?? []).map((spec) => [spec, embeddedCopy(dir, spec)])),
    embedsByApi: new Map((release.embeds ?? []).map((spec) => [apiOf(spec), { spec, file: embeddedCopy(dir, spec) }])),
    code: release.code ?? null,
    report: parseReport(readFileSync(path.join(dir, "api.md"), "utf8")),
  };
}

/** Writes the baseline of one package: its version, spec and API report as they are now. */
export function writeBaseline(root, pkg, surface) {
  const dir = path.join(root, BASELINE_DIR, pkg.id);
  mkdirSync(dir, { recursive: true });
  // `code`: what the check for code changes without a changeset compares with (no git history needed).
  // `embedApis`: which API each embedded spec is, so a later rename of its file is compared with this copy.
  const release = { name: pkg.name, version: pkg.version, ...(pkg.spec ? { spec: pkg.spec } : {}), ...(pkg.embeds.length ? { embeds: pkg.embeds, embedApis: Object.fromEntries(pkg.embedApis) } : {}), code: codeHashes(pkg) };
  writeFileSync(path.join(dir, "release.json"), `${JSON.stringify(release, null, 2)}\n`);
  if (pkg.spec) writeFileSync(path.join(dir, "spec.yaml"), readFileSync(path.join(root, pkg.spec)));
  if (pkg.embeds.length) mkdirSync(path.join(dir, "specs"), { recursive: true });
  for (const spec of pkg.embeds) writeFileSync(embeddedCopy(dir, spec), readFileSync(path.join(root, spec)));
  writeFileSync(path.join(dir, "api.md"), formatReport(pkg.name, surface));
}

const reportPath = (root, pkg) => path.join(root, REPORTS_DIR, `${pkg.id}.api.md`);

/**
 * The newest version `changeset version` wrote into a package's CHANGELOG.md — a `## 0.2.0` heading followed by
 * its `### Minor Changes` (Major, Patch) section — or null (none, or a changelog written by hand).
 */
function changelogVersion(pkg) {
  const file = path.join(pkg.dir, "CHANGELOG.md");
  if (!existsSync(file)) return null;
  return /^## (\d+\.\d+\.\d+\S*)\s*\n+### (?:Major|Minor|Patch) Changes\s*$/m.exec(readFileSync(file, "utf8"))?.[1] ?? null;
}

/**
 * Why a package's release is not recorded, or null. A version that `changeset version` wrote (its CHANGELOG.md
 * heading) without a matching release-baseline/ means the release skipped `npm run version-packages`: compared
 * with no baseline it would pass as a first release, compared with the previous one its changes would need a
 * second bump. Either way the check cannot say what the next release needs until the baseline is recorded.
 */
function unrecordedRelease(pkg, baseline) {
  const released = changelogVersion(pkg);
  // Without a baseline, only a version Changesets released counts (a package made public later has none).
  if (baseline === null ? released !== pkg.version : baseline.version === pkg.version) return null;
  const recorded = baseline === null ? `no release of it` : `${baseline.version}`;
  return `${pkg.name} ${pkg.version} was released (${released === null ? "package.json" : `CHANGELOG.md ## ${released}`}) but ${BASELINE_DIR}/${pkg.id}/ records ${recorded}`;
}

/** Runs `fn` over `items` with at most `limit` in flight (redocly diff is a process per spec). */
async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The whole picture, one record per package:
 * { name, id, version, baseline (version or null), spec, specChanges, surfaceChanges, own, inheritedFrom,
 *   required, planned, ok, report (current API report text), reportStale }
 */
export async function analyze(root) {
  const packages = workspacePackages(root);
  const surfaces = apiSurfaces(packages, { root });
  const names = new Set(packages.map((p) => p.name));
  const records = await mapLimit(packages, 2, async (pkg) => {
    const baseline = readBaseline(root, pkg);
    const surface = surfaces[pkg.name];
    const report = formatReport(pkg.name, surface);
    const committed = existsSync(reportPath(root, pkg)) ? readFileSync(reportPath(root, pkg), "utf8") : null;
    const record = {
      name: pkg.name,
      id: pkg.id,
      version: pkg.version,
      baseline: baseline?.version ?? null,
      spec: pkg.spec,
      embeds: pkg.embeds,
      specChanges: [],
      surfaceChanges: [],
      own: "none",
      report,
      reportStale: committed !== report,
      references: surface.references.filter((n) => names.has(n)),
      unrecorded: unrecordedRelease(pkg, baseline),
      code: null,
    };
    if (record.unrecorded) {
      // Nothing is compared against a baseline that is not this release's: the verdict would be wrong.
      record.own = "none";
      return record;
    }
    record.code = codeChangesSinceRelease(pkg, baseline);
    if (!baseline) {
      // Nothing released, nothing to break: the first release adds the whole package.
      record.own = "minor";
      return record;
    }
    if (baseline.releasedAs !== pkg.name) {
      // To npm a new name is a new package: the old one's users get no update, and nothing is "first" about it.
      record.renamedFrom = baseline.releasedAs;
      record.specChanges.push({ spec: `packages/${pkg.id}/package.json`, level: "major", pointer: "name", message: `Package renamed from \`${baseline.releasedAs}\` (released ${baseline.version}) to \`${pkg.name}\`: users of \`${baseline.releasedAs}\` get no further release.`, rule: "" });
    }
    // Each spec the package is generated from or embeds, against the copy its last release recorded: an embedded
    // spec by its API's name when its file was renamed.
    const embedded = pkg.embedApis.map(([api, spec]) => {
      const byApi = baseline.embedsByApi.get(api);
      const before = baseline.embeds.has(spec) ? { spec, file: baseline.embeds.get(spec) } : byApi && !pkg.embeds.includes(byApi.spec) ? byApi : null;
      return [spec, before?.file ?? null, before?.spec ?? null];
    });
    const compared = [...(pkg.spec ? [[pkg.spec, baseline.specFile, baseline.spec]] : []), ...embedded];
    const kept = new Set(embedded.map(([, , released]) => released));
    for (const spec of [...baseline.embeds.keys()].filter((s) => !kept.has(s))) {
      record.specChanges.push({ spec, level: "major", pointer: "#", message: `Spec ${spec} removed from the package: it no longer answers by it.`, rule: "" });
    }
    for (const [spec, before, releasedSpec] of compared) {
      const current = path.join(root, spec);
      if (releasedSpec && releasedSpec !== spec) {
        record.specChanges.push({ spec, level: "none", pointer: "#", message: `Spec file renamed from ${releasedSpec} to ${spec}; compared with the copy released as ${releasedSpec}.`, rule: "" });
      }
      if (!before || !existsSync(before)) {
        record.specsChanged = true;
        record.specChanges.push({ spec, level: "minor", pointer: "#", message: `Spec ${spec} added to the package.`, rule: "" });
      } else if (readFileSync(before, "utf8") !== readFileSync(current, "utf8")) {
        // The package's generated files follow this spec: their changes are the spec changes rated here.
        record.specsChanged = true;
        // A package that embeds the spec answers by its response examples (see embeddedSpecChanges).
        const changes = spec === pkg.spec ? await clientSpecChanges(before, current) : await embeddedSpecChanges(before, current);
        record.specChanges.push(...changes.map((c) => ({ spec, ...c })));
      }
    }
    const currentEntries = Object.fromEntries(Object.entries(surface.entries));
    // A generated client's schemas travel one way or both (read from its spec as it is now).
    record.surfaceChanges = surfaceChanges(baseline.report, currentEntries, pkg.spec ? schemaUse(path.join(root, pkg.spec)) : undefined);
    record.own = maxLevel([...record.specChanges, ...record.surfaceChanges].map((c) => c.level));
    return record;
  });

  const plan = await getReleasePlan(root);
  const planned = new Map(plan.releases.map((rel) => [rel.name, rel.type]));
  for (const r of records) r.planned = planned.get(r.name) ?? "none";
  // Code changed since the release with no changeset that names the package (a dependant's automatic patch does
  // not describe it): users would get the change without a version or a changelog line saying so.
  const named = new Set(plan.changesets.flatMap((c) => c.releases.map((rel) => rel.name)));
  for (const r of records) r.unnamedCode = r.code?.files && !named.has(r.name) ? r.code : null;

  // Dependants inherit: a package whose declarations use another's types needs at least that package's bump —
  // what its changes need, or what its own changesets declare when that is more (a behaviour break no tool can
  // see, declared `major` by hand, reaches the facade's users through `export * as …` just the same; Changesets
  // would give the facade a patch for it).
  const byName = new Map(records.map((r) => [r.name, r]));
  for (const r of records) {
    r.required = r.own;
    r.inheritedFrom = [];
  }
  for (let changed = true, rounds = 0; changed && rounds < records.length + 1; rounds++) {
    changed = false;
    for (const r of records) {
      if (r.baseline === null) continue;
      for (const dep of r.references) {
        const d = byName.get(dep);
        // A first release of the dependency is not a change of its types as the dependant shipped them.
        if (!d || d.baseline === null) continue;
        // Only a bump its changesets name (not one Changesets gives a dependant of a bumped package, which its
        // own dependencies' records pass on already).
        const declared = maxLevel(plan.changesets.flatMap((c) => c.releases.filter((rel) => rel.name === dep).map((rel) => rel.type)));
        const level = maxLevel([d.required, declared]);
        if (rank(level) === 0) continue;
        const why = rank(declared) > rank(d.required) ? "declared" : "changes";
        if (!r.inheritedFrom.some((i) => i.name === dep && i.level === level && i.why === why)) {
          r.inheritedFrom = [...r.inheritedFrom.filter((i) => i.name !== dep), { name: dep, level, why }];
        }
        if (rank(level) > rank(r.required)) {
          r.required = level;
          changed = true;
        }
      }
    }
  }

  for (const r of records) r.ok = !r.unrecorded && rank(r.planned) >= rank(r.required);
  return records;
}

// ---- output ----------------------------------------------------------------------------------------------

const surfaceWhere = (r, c) => `${r.name}${c.entry === "." ? "" : c.entry.slice(1)}${c.key ? ` › ${c.key}` : ""}`;
/** The operations a change inside a component reaches, for a reader who knows the client by its calls. */
const operationsNote = (c) => (c.operations?.length ? `; operations ${c.operations.map((o) => `\`${o}\``).join(", ")}` : "");

/** Human-readable lines for one package. `full`: every change (spec:diff); otherwise only for failures. */
export function describe(r, { full }) {
  const lines = [];
  const need = r.required === "none" ? "no bump" : `${r.required} (${LABEL[r.required]})`;
  const since = r.baseline === null ? "not released yet: its first release adds everything (feature)" : `since ${r.baseline}`;
  if (r.unrecorded) {
    lines.push(`${r.name} ${r.version} — RELEASE NOT RECORDED: ${r.unrecorded}`);
    return lines;
  }
  const status = r.ok ? "ok" : "UNDER-DECLARED";
  lines.push(`${r.name} ${r.version} — ${since}; needs ${need}; pending changesets: ${r.planned} — ${status}`);
  if (!full && r.ok) return lines;
  if (r.specChanges.length + r.surfaceChanges.length + r.inheritedFrom.length === 0) return lines;
  if (r.baseline !== null) {
    if (r.spec) {
      const own = r.specChanges.filter((c) => (c.spec ?? r.spec) === r.spec);
      lines.push(`  spec ${r.spec} vs ${BASELINE_DIR}/${r.id}/spec.yaml: ${own.length ? "" : "unchanged"}`.trimEnd());
      for (const c of own) lines.push(`    ${LABEL[c.level].padEnd(8)} ${c.pointer}  ${c.message}${c.rule ? ` (${c.rule})` : ""}${c.operations?.length ? ` — in ${c.operations.join(", ")}` : ""}`);
    }
    for (const spec of r.embeds ?? []) {
      const changes = r.specChanges.filter((c) => c.spec === spec);
      if (changes.length === 0) continue;
      lines.push(`  embedded spec ${spec} (the package answers by it) vs ${BASELINE_DIR}/${r.id}/specs/${path.basename(spec)}:`);
      for (const c of changes) lines.push(`    ${LABEL[c.level].padEnd(8)} ${c.pointer}  ${c.message}${c.rule ? ` (${c.rule})` : ""}${c.operations?.length ? ` — in ${c.operations.join(", ")}` : ""}`);
    }
    // Changes of the package itself (its name) and specs it no longer embeds.
    for (const c of r.specChanges.filter((c) => c.spec !== undefined && c.spec !== r.spec && !(r.embeds ?? []).includes(c.spec))) {
      lines.push(`  ${c.spec} vs ${BASELINE_DIR}/${r.id}/release.json:`);
      lines.push(`    ${LABEL[c.level].padEnd(8)} ${c.pointer}  ${c.message}`);
    }
    lines.push(`  API (declarations from package.json exports) vs ${BASELINE_DIR}/${r.id}/api.md: ${r.surfaceChanges.length ? "" : "unchanged"}`.trimEnd());
    for (const c of r.surfaceChanges) lines.push(`    ${LABEL[c.level].padEnd(8)} ${surfaceWhere(r, c)}  ${c.message}`);
  }
  for (const i of r.inheritedFrom) {
    const bump = i.why === "declared" ? `its pending changesets release ${i.name} as ${i.level} (${LABEL[i.level]})` : `${i.name} needs ${i.level} (${LABEL[i.level]})`;
    lines.push(`  uses the types of ${i.name} in its declarations: ${bump}, so ${r.name} does too`);
  }
  return lines;
}

/**
 * The changeset `npm run spec:changeset` writes for one under-declared package: [file name, text]. Lines that a
 * pending changeset already has (`pendingTexts`) are left out, so the changelog does not say a thing twice.
 */
export function changesetFor(r, pendingTexts = []) {
  const bullets = [];
  // A change that needs no release of the package (a client's servers) is no changelog line of it.
  for (const c of r.specChanges.filter((c) => c.level !== "none")) bullets.push(`- ${LABEL[c.level]}: ${c.message.replace(/\.$/, "")} (\`${c.spec ?? r.spec}\` \`${c.pointer}\`${operationsNote(c)})`);
  for (const c of r.surfaceChanges) bullets.push(`- ${LABEL[c.level]}: ${c.message.replace(/\.$/, "")} (API \`${surfaceWhere(r, c)}\`)`);
  for (const i of r.inheritedFrom) bullets.push(`- ${LABEL[i.level]}: its public declarations use the types of \`${i.name}\`, which has ${LABEL[i.level]} changes (see its changelog)`);
  const fresh = bullets.filter((b) => !pendingTexts.some((t) => t.includes(b)));
  if (fresh.length === 0) fresh.push(`- ${LABEL[r.required]}: the changes listed in this release's other changesets need a ${r.required} bump`);
  const since = r.baseline === null ? "First release" : `Changes since ${r.baseline}`;
  const text = `---\n${JSON.stringify(r.name)}: ${r.required}\n---\n\n${since} (from \`npm run spec:diff\`):\n\n${fresh.join("\n")}\n`;
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 8);
  return [`spec-diff-${r.id}-${hash}.md`, text];
}

/** Texts of the pending changesets (.changeset/*.md but the README). */
export function pendingChangesetTexts(root) {
  const dir = path.join(root, ".changeset");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .sort()
    .map((f) => readFileSync(path.join(dir, f), "utf8"));
}

/** Writes the current API reports; returns the packages whose report changed. */
export function writeReports(root, records) {
  mkdirSync(path.join(root, REPORTS_DIR), { recursive: true });
  const written = [];
  for (const r of records) {
    if (!r.reportStale) continue;
    writeFileSync(path.join(root, REPORTS_DIR, `${r.id}.api.md`), r.report);
    written.push(r);
  }
  return written;
}

/**
 * Records the baseline of every package whose version differs from its recorded release; refreshes api-reports/.
 * A package the release left at its version keeps its record, but takes its code as it is now (`codeOnly`):
 * `npm run version-packages` runs on a tree whose check passed, so every code change of such a package was named
 * by a changeset that bumped it `none` — which `changeset version` has just consumed. Without this, the next check
 * would ask for that changeset again, after every release.
 */
export function recordReleases(root) {
  const packages = workspacePackages(root);
  const surfaces = apiSurfaces(packages, { root });
  const recorded = [];
  mkdirSync(path.join(root, REPORTS_DIR), { recursive: true });
  for (const pkg of packages) {
    writeFileSync(reportPath(root, pkg), formatReport(pkg.name, surfaces[pkg.name]));
    const baseline = readBaseline(root, pkg);
    // A package renamed in package.json is recorded anew under its new name, whatever its version.
    if (baseline?.version === pkg.version && baseline.releasedAs === pkg.name) {
      if (codeChangesSinceRelease(pkg, baseline)?.files) {
        const file = path.join(root, BASELINE_DIR, pkg.id, "release.json");
        const release = JSON.parse(readFileSync(file, "utf8"));
        writeFileSync(file, `${JSON.stringify({ ...release, code: codeHashes(pkg) }, null, 2)}\n`);
        recorded.push({ name: pkg.name, from: baseline.version, to: pkg.version, codeOnly: true });
      }
      continue;
    }
    writeBaseline(root, pkg, surfaces[pkg.name]);
    recorded.push({ name: pkg.name, from: baseline?.version ?? null, to: pkg.version });
  }
  return recorded;
}

/**
 * Peer ranges on a workspace package that have no upper bound, as `changeset version` writes one when the peer's
 * new version leaves the old range (`>=0.1.0 <1.0.0` becomes `>=1.0.0` after @bucketry/mocks 1.0.0): the dependant
 * would then accept every later major of its peer without npm saying a word. Each as { file, dependant, peer, range,
 * bounded }: `bounded` is the range closed at the next major of its lower bound (`>=1.0.0 <2.0.0`).
 */
export function openPeerRanges(root) {
  const packagesDir = path.join(root, "packages");
  const names = new Set(readdirSync(packagesDir).flatMap((d) => (existsSync(path.join(packagesDir, d, "package.json")) ? [JSON.parse(readFileSync(path.join(packagesDir, d, "package.json"), "utf8")).name] : [])));
  const open = [];
  for (const d of readdirSync(packagesDir)) {
    const file = path.join(packagesDir, d, "package.json");
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8"));
    for (const [peer, range] of Object.entries(pkg.peerDependencies ?? {})) {
      const lower = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(String(range).trim());
      if (!names.has(peer) || !lower) continue;
      open.push({ file: path.relative(root, file), dependant: pkg.name, peer, range, bounded: `>=${lower[1]}.${lower[2]}.${lower[3]} <${Number(lower[1]) + 1}.0.0` });
    }
  }
  return open;
}

/** Closes every open peer range on a workspace package at the next major (see openPeerRanges); returns what it changed. */
export function closePeerRanges(root) {
  const open = openPeerRanges(root);
  for (const o of open) {
    const file = path.join(root, o.file);
    const pkg = JSON.parse(readFileSync(file, "utf8"));
    pkg.peerDependencies[o.peer] = o.bounded;
    writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  }
  return open;
}

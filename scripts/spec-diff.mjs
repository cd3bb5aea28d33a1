#!/usr/bin/env node
// What each spec and API change since a package's last release needs, against what its pending changesets give.
// Reads the built declarations, so build first (the npm scripts do).
//
//   npm run spec:diff         every change per package, classified; refreshes api-reports/         (node scripts/spec-diff.mjs)
//   npm run spec:changeset    writes a changeset for each package whose pending changesets bump it too little (--changeset)
//   npm test                  fails when a package is under-declared, an API report is stale, or a package's
//                             code changed since its release with no pending changeset naming it              (--check)
//   npm run version-packages  after `changeset version`: records each released package in release-baseline/ (--record-release)
import path from "node:path";
import { existsSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { analyze, BASELINE_DIR, changesetFor, closePeerRanges, describe, openPeerRanges, pendingChangesetTexts, recordReleases, REPORTS_DIR, writeReports } from "./spec-diff/release-check.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const modes = ["--check", "--changeset", "--record-release", "--build-failed", "--peer-ranges"];
const args = process.argv.slice(2);
for (const a of args) {
  if (!modes.includes(a)) {
    console.log(`spec-diff: unknown option ${a} (known: ${modes.join(", ")})`);
    process.exit(2);
  }
}
const mode = args[0] ?? "--diff";

// `npm run version-packages`, right after `changeset version`: a peer range it left open is closed at the next major.
if (mode === "--peer-ranges") {
  const closed = closePeerRanges(root);
  for (const c of closed) console.log(`peer ranges: ${c.dependant} takes ${c.peer} ${c.bounded} (changeset version wrote ${c.range})`);
  if (closed.length === 0) console.log("peer ranges: every peer range on a workspace package has an upper bound");
  process.exit(0);
}

// `npm run spec:diff` / `spec:changeset` build first and go on when the build fails: a breaking spec edit (a renamed
// or removed field) often stops the facade compiling, and the report is what says what the edit breaks.
if (mode === "--build-failed") {
  console.log(
    "\nspec-diff: the build failed (above): a package does not compile against the changed spec (most often the facade, for a\n" +
      "  field renamed or removed). The report below compares what did build; fix that code before committing (`npm test` builds it all).\n",
  );
  process.exit(0);
}

if (mode === "--record-release") {
  const recorded = recordReleases(root);
  for (const r of recorded) {
    if (r.codeOnly) console.log(`release-baseline: ${r.name} stays ${r.to}; recorded its code (changed by changesets that bumped it \`none\`)`);
    else console.log(`release-baseline: recorded ${r.name} ${r.to}${r.from ? ` (was ${r.from})` : ""}`);
  }
  if (recorded.length === 0) console.log("release-baseline: no package version changed; nothing recorded");
  process.exit(0);
}

const started = Date.now();
const records = await analyze(root);
const unrecorded = records.filter((r) => r.unrecorded);
const under = records.filter((r) => !r.ok && !r.unrecorded);
/** What to do about releases made without `npm run version-packages` (never a second changeset for them). */
const recordAdvice = () => {
  console.log(`\n✖ ${unrecorded.length} package(s) released without their release baseline:`);
  for (const r of unrecorded) console.log(`  ${r.unrecorded}`);
  console.log(
    "  The release skipped `npm run version-packages` (plain `changeset version`, e.g. a release bot, or a lost release-baseline/ folder).\n" +
      "  Fix: check out the release commit, build it (`npm ci && npm run build`: the record reads the built declarations), run\n" +
      "  `node scripts/spec-diff.mjs --record-release` and commit release-baseline/ (or restore the folder).\n" +
      "  Do not write a changeset for these changes: they were released already.",
  );
};
const stale = records.filter((r) => r.reportStale);
/**
 * Code files no pending changeset names the package for, less the generated ones when a spec they follow changed:
 * those changes are rated above (an under-declared package gets the changeset `npm run spec:changeset` writes; a
 * change rated `none`, such as a description the mocks drop, needs none — the mocks' generated file still changes,
 * by the spec hash in its header). Hand-written files still need a changelog line only their author can write.
 */
const handWritten = (r) => {
  const rated = under.includes(r) || r.specsChanged;
  // A renamed package's changeset describes its package.json change: the new name.
  return r.unnamedCode.files.filter((f) => !(rated && f.includes("/src/generated/")) && !(under.includes(r) && r.renamedFrom && f === `packages/${r.id}/package.json`));
};
const unnamedCode = records.filter((r) => r.unnamedCode && handWritten(r).length > 0);
const unknownCode = records.filter((r) => r.code?.unknown);
/** Packages whose code changed since their release with no changeset naming them, and those whose record cannot tell. */
const codeAdvice = () => {
  const reasons = new Map();
  for (const r of unknownCode) reasons.set(r.code.unknown, [...(reasons.get(r.code.unknown) ?? []), r.name]);
  for (const [why, names] of reasons) console.log(`\n⚠ code changes since the last release not checked for ${names.join(", ")}: ${why}.`);
  if (unnamedCode.length === 0) return;
  console.log(`\n✖ ${unnamedCode.length} package(s) changed their code since their last release, and no pending changeset names them:`);
  for (const r of unnamedCode) {
    const files = handWritten(r);
    console.log(`  ${r.name} (since ${r.baseline}): ${files.slice(0, 5).join(", ")}${files.length > 5 ? ` and ${files.length - 5} more` : ""}`);
  }
  console.log(
    "  Its users would get the change with no new version and no changelog line. Fix: run `npx changeset`, pick the package(s) and\n" +
      "  the bump (patch for a fix, minor for a feature, major for a break), write the changelog line and commit the .changeset/*.md\n" +
      `  with the change. A change its users cannot notice (a comment, a refactor) still needs one naming it: \`"<package>": none\`.`,
  );
};

/** A package renamed since its release is a new package to npm: say what the two ways out are. */
const renameAdvice = () => {
  for (const r of under.filter((r) => r.renamedFrom)) {
    console.log(
      `  ${r.name} was released as ${r.renamedFrom} (${BASELINE_DIR}/${r.id}/release.json): decide. Either restore "name": "${r.renamedFrom}" in\n` +
        `  packages/${r.id}/package.json, or release the new name as a breaking change (\`npm run spec:changeset\` writes that changeset) and\n` +
        `  \`npm deprecate ${r.renamedFrom}\` once it is out, so its users learn where the package went.`,
    );
  }
};

if (mode === "--check") {
  console.log("spec-diff: spec and API changes since each package's last release vs its pending changesets");
  for (const r of records) for (const line of describe(r, { full: false })) console.log(`  ${line}`);
  let failed = false;
  const open = openPeerRanges(root);
  if (open.length) {
    failed = true;
    console.log(`\n✖ ${open.length} peer range(s) on a workspace package without an upper bound (a release made with plain \`changeset version\`):`);
    for (const o of open) console.log(`  ${o.file}: ${o.peer} ${o.range} accepts every later major of it; it should read ${o.bounded}`);
    console.log("  Fix: run `node scripts/spec-diff.mjs --peer-ranges` (`npm run version-packages` does) and commit the package.json.");
  }
  if (stale.length) {
    failed = true;
    console.log(`\n✖ API report out of date: ${stale.map((r) => `${REPORTS_DIR}/${r.id}.api.md`).join(", ")}`);
    console.log("  The packages' public types changed. Run `npm run spec:diff` (it rewrites the reports), review and commit them.");
  }
  if (unrecorded.length) {
    failed = true;
    recordAdvice();
  }
  codeAdvice();
  if (unnamedCode.length) failed = true;
  if (under.length) {
    failed = true;
    console.log(`\n✖ ${under.length} package(s) changed more than their pending changesets declare:`);
    for (const r of under) console.log(`  ${r.name}: needs a ${r.required} bump, pending changesets give ${r.planned}`);
    renameAdvice();
    console.log("  Fix: run `npm run spec:changeset` (writes .changeset/spec-diff-*.md, one changelog line per change), review and commit it.");
  }
  console.log(`spec-diff: ${failed ? "failed" : "ok"} (${Date.now() - started} ms)`);
  process.exit(failed ? 1 : 0);
}

if (mode === "--changeset") {
  for (const r of writeReports(root, records)) console.log(`updated ${REPORTS_DIR}/${r.id}.api.md`);
  if (unrecorded.length) recordAdvice();
  // Code changes need a changelog line only their author can write: reported, not written.
  codeAdvice();
  if (under.length === 0) {
    console.log("spec:changeset: every package's pending changesets already cover its changes; nothing written");
    process.exit(unrecorded.length ? 1 : 0);
  }
  const pendingTexts = pendingChangesetTexts(root);
  for (const r of under) {
    const [name, text] = changesetFor(r, pendingTexts);
    const file = path.join(root, ".changeset", name);
    if (!existsSync(file)) writeFileSync(file, text);
    console.log(`wrote .changeset/${name} (${r.name}: ${r.required})`);
  }
  console.log("Review the changelog lines (they become CHANGELOG.md entries) and commit them with the change.");
  process.exit(unrecorded.length ? 1 : 0);
}

// --diff
for (const r of records) for (const line of describe(r, { full: true })) console.log(line);
if (unrecorded.length) recordAdvice();
codeAdvice();
for (const r of writeReports(root, records)) console.log(`updated ${REPORTS_DIR}/${r.id}.api.md (commit it with the change)`);
if (under.length) {
  console.log(`${under.map((r) => `${r.name} needs ${r.required}`).join(", ")}: more than the pending changesets declare; \`npm test\` fails until you run \`npm run spec:changeset\`.`);
} else console.log("Every package's pending changesets cover its changes.");

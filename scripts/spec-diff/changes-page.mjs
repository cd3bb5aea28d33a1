// The docs portal's "What changed" page: per package, what its pending changesets will release and what each
// released version changed (its CHANGELOG.md, written by `npm run version-packages` from the changesets, which
// `npm run spec:changeset` fills with one line per spec or API change).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import getReleasePlanModule from "@changesets/get-release-plan";
import { readBaseline, workspacePackages } from "./release-check.mjs";

const getReleasePlan = getReleasePlanModule.default ?? getReleasePlanModule;
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const inline = (s) => esc(s).replace(/`([^`]+)`/g, "<code>$1</code>");

/** Markdown as changesets writes it (headings, bullets one level nested, paragraphs, inline code) to HTML. */
export function markdown(text, headingOffset = 0) {
  const out = [];
  let list = null; // [{ text, children: [] }]
  let paragraph = [];
  const flushParagraph = () => {
    if (paragraph.length) out.push(`<p>${inline(paragraph.join(" "))}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list) {
      const item = (li) => `<li>${inline(li.text)}${li.children.length ? `<ul>${li.children.map((c) => `<li>${inline(c)}</li>`).join("")}</ul>` : ""}</li>`;
      out.push(`<ul>${list.map(item).join("")}</ul>`);
    }
    list = null;
  };
  for (const raw of text.split("\n")) {
    const line = raw.trimEnd();
    const heading = line.match(/^(#{1,6})\s+(.*)$/);
    const bullet = line.match(/^(\s*)[-*]\s+(.*)$/);
    if (heading) {
      flushParagraph();
      flushList();
      const level = Math.min(6, heading[1].length + headingOffset);
      out.push(`<h${level}>${inline(heading[2])}</h${level}>`);
    } else if (bullet) {
      flushParagraph();
      if (bullet[1].length >= 2 && list?.length) list[list.length - 1].children.push(bullet[2]);
      else (list ??= []).push({ text: bullet[2], children: [] });
    } else if (line === "") {
      flushParagraph();
      flushList();
    } else if (list && /^\s{2,}\S/.test(raw)) {
      const last = list[list.length - 1];
      if (last.children.length) last.children[last.children.length - 1] += ` ${line.trim()}`;
      else last.text += ` ${line.trim()}`;
    } else {
      flushList();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushList();
  return out.join("\n");
}

/** `[{ version, body }]` from a changesets CHANGELOG.md, newest first. */
export function releases(changelog) {
  const parts = changelog.split(/^## /m).slice(1);
  return parts.map((part) => {
    const newline = part.indexOf("\n");
    return { version: part.slice(0, newline).trim(), body: part.slice(newline + 1).trim() };
  });
}

/** The page body: one section per package, `id` = its folder under packages/ (the vendor id for clients). */
export async function changesPageBody(root) {
  const packages = workspacePackages(root);
  const plan = await getReleasePlan(root);
  const sections = [];
  for (const pkg of packages) {
    const baseline = readBaseline(root, pkg);
    const release = plan.releases.find((r) => r.name === pkg.name);
    const pending = release
      ? plan.changesets
          .filter((c) => release.changesets.includes(c.id))
          .map((c) => {
            const body = markdown(c.summary);
            const oneParagraph = body.startsWith("<p>") && body.endsWith("</p>") && body.indexOf("<p>", 1) < 0;
            return `<li><strong>${esc(c.releases.find((r) => r.name === pkg.name)?.type ?? "")}</strong>: ${oneParagraph ? body.slice(3, -4) : body}</li>`;
          })
      : [];
    const changelogFile = path.join(pkg.dir, "CHANGELOG.md");
    const released = existsSync(changelogFile) ? releases(readFileSync(changelogFile, "utf8")) : [];
    const link = pkg.spec ? ` · <a href="${esc(pkg.id)}.html">API reference</a>` : "";
    sections.push(`
    <section class="card" id="${esc(pkg.id)}">
      <h2><code>${esc(pkg.name)}</code> <small>${esc(pkg.version)}${baseline ? ` · last release recorded: ${esc(baseline.version)}` : " · not released yet"}</small></h2>
      <p>${pkg.spec ? `Generated from <code>${esc(pkg.spec)}</code>${link}. ` : ""}Changes since the last release: <code>npm run spec:diff</code>.</p>
      <h3>Unreleased${release ? ` (next: ${esc(release.newVersion)}, ${esc(release.type)})` : ""}</h3>
      ${pending.length ? `<ul class="pending">${pending.join("")}</ul>` : "<p>No pending changesets.</p>"}
      ${released.map((r) => `<div class="release"><h3>${esc(r.version)}</h3>\n${markdown(r.body, 1)}</div>`).join("\n      ")}
    </section>`);
  }
  return `    <h1>What changed</h1>
    <p>Per package, what its pending changesets will release and what each release changed (its CHANGELOG.md).
      A spec or API change is classified breaking, feature or fix against the package's last release, and
      <code>npm test</code> refuses a change whose changesets declare less (see the README, "Regenerate after a spec change").</p>
${sections.join("\n")}`;
}

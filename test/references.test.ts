// Comments, specs and docs name only files a reader of this repository can open. A comment that points at a
// file outside it (a private design folder, a note on somebody's machine) or at one that was moved or removed
// sends the next maintainer nowhere; the vendors' pages and the official SDKs are cited by URL or package.
//   - a path from the repository root (`packages/…`, `test/…`, `scripts/…`), from the file's own folder or from
//     its package's folder names a tracked file or folder (`<id>`, `*`, `{…}` stand for any name; a package's
//     `dist/x.js` stands for its `src/x.ts`); a `src/…` or `dist/…` path may also be one of any of our packages
//     or of an installed one (an official SDK cited as the oracle: `@alicloud/openapi-core dist/utils.js`);
//   - a `.md` or `.txt` file named on its own is a tracked file (CHANGELOG.md: written at release);
//   - a relative path (`../…`) stays inside the repository.
// Code files are checked in their comments; specs and Markdown docs in their whole text, Markdown's paths too
// (a path at the root such as `test/tsconfig.json` may name any package's file: the docs describe package layouts).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const tracked = execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" }).trim().split("\n");
const trackedSet = new Set(tracked);
const trackedNames = new Set(tracked.map((file) => file.slice(file.lastIndexOf("/") + 1)));
const trackedFolders = new Set(tracked.flatMap((file) => file.split("/").slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join("/"))));
/** Files written by a release, named before they exist. */
const RELEASE_FILES = new Set(["CHANGELOG.md"]);
/**
 * Paths Markdown names before they exist: what a release writes (`release-baseline/<package>/…`), the
 * benchmark's scratch folder (git-ignored), and CONTRIBUTING's walk-through of adding the invented vendor `acme-box`.
 */
const NOT_YET = /^release-baseline\/.|^bench\/\.work(\/|$)|(^|\/)acme-box(\/|\.|$)/;

const CODE = /\.(ts|mts|cts|mjs|cjs|js|sh|hbs)$|^\.ci\//;
const WHOLE_TEXT = /^(specs\/.*\.ya?ml|.*\.md)$/;
/** Generated files and recorded data (checked where they are made), and this file (its examples are wrong on purpose). */
const SKIP = /(^|\/)generated\/|^api-reports\/|^release-baseline\/|^bench\/results\.json$|^\.changeset\/|^test\/references\.test\.ts$/;

/** `[line, text]` of each comment in a JS/TS/shell/template file (a URL's `//` is not a comment). */
function commentsOf(file: string, text: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  const hash = file.endsWith(".sh") || file.startsWith(".ci/");
  let inBlock = false;
  text.split("\n").forEach((line, index) => {
    const number = index + 1;
    if (hash) {
      const m = /(?:^|\s)#(.*)$/.exec(line);
      if (m) out.push([number, m[1]!]);
      return;
    }
    if (inBlock) {
      out.push([number, line]);
      if (line.includes("*/")) inBlock = false;
      return;
    }
    const block = line.indexOf("/*");
    const lineComment = line.search(/(?<![:\\])\/\//);
    if (lineComment >= 0 && (block < 0 || lineComment < block)) out.push([number, line.slice(lineComment)]);
    else if (block >= 0) {
      out.push([number, line.slice(block)]);
      if (!line.includes("*/", block + 2)) inBlock = true;
    }
  });
  return out;
}

const tops = [...new Set(tracked.filter((file) => file.includes("/")).map((file) => file.slice(0, file.indexOf("/"))))].filter((top) => !top.startsWith("."));
const ROOT_PATH = new RegExp(`(?<![\\w./@~$-])((?:${tops.map((t) => t.replace(/[.-]/g, "\\$&")).join("|")})/[\\w./<>{}*…-]*[\\w>}*…])`, "g");
const PACKAGE_PATH = /(?<![\w./@~$-])((?:src|test|dist)\/[\w./<>{}*…-]*[\w>}*…])/g;
const DOC_NAME = /(?<![\w/.<>*}-])(\w[\w.-]*\.(?:md|txt))\b/g;
const CLIMB = /(?<![\w.])((?:\.\.\/)+[\w.-]+)/g;

const pattern = (path: string): RegExp =>
  new RegExp(`^${path.replace(/[.+^$()|[\]\\]/g, "\\$&").replace(/<[^>]*>|\{[^}]*\}|\*\*?|…/g, "[^/]+(?:/[^/]+)*")}(?:/.*)?$`);

/** Whether `path` (from the repository root) is a tracked file or folder, placeholders and build outputs allowed. */
function exists(path: string): boolean {
  const clean = normalize(path).replace(/\/$/, "");
  if (trackedSet.has(clean) || trackedFolders.has(clean)) return true;
  if (/[<{*…]/.test(clean)) {
    const wildcard = pattern(clean);
    return tracked.some((file) => wildcard.test(file));
  }
  const built = /^(packages\/[^/]+)\/dist\/(.+)\.(?:d\.ts|js)$/.exec(clean);
  return built !== null && trackedSet.has(`${built[1]}/src/${built[2]}.ts`);
}

const ours = [...new Set(tracked.filter((file) => file.startsWith("packages/")).map((file) => file.split("/", 2).join("/")))];
let installed: string[] | undefined;
/** The installed packages' folders (the official SDKs are devDependencies, cited as oracles). */
function installedPackages(): string[] {
  if (installed === undefined) {
    const modules = join(root, "node_modules");
    installed = readdirSync(modules).flatMap((name) => (name.startsWith("@") ? readdirSync(join(modules, name)).map((inner) => join(modules, name, inner)) : [join(modules, name)]));
  }
  return installed;
}
/** `src/…` or `dist/…` named outside a package: one of ours, or of an installed package. */
function inSomePackage(path: string): boolean {
  if (ours.some((pkg) => exists(join(pkg, path)))) return true;
  if (/[<{*…]/.test(path)) return false;
  return installedPackages().some((folder) => existsSync(join(folder, path)));
}

/** The wrong references in `text` of `file` (its comments or its whole text). */
function wrongReferences(file: string, text: string, checkPaths: boolean): string[] {
  const wrong: string[] = [];
  const folder = dirname(file);
  const packageRoot = /^packages\/[^/]+/.exec(file)?.[0];
  const visible = text.replace(/https?:\/\/\S+/g, "");
  if (checkPaths) {
    // From the repository root, the file's folder or its package.
    const resolves = (path: string) => exists(path) || exists(join(folder, path)) || (packageRoot !== undefined && exists(join(packageRoot, path)));
    const markdown = file.endsWith(".md");
    for (const [, path] of visible.matchAll(ROOT_PATH)) {
      if (path!.includes("node_modules") || resolves(path!)) continue;
      if (markdown && (NOT_YET.test(path!) || (/^(src|test|dist)\//.test(path!) && inSomePackage(path!)))) continue;
      wrong.push(path!);
    }
    for (const [, path] of visible.matchAll(PACKAGE_PATH)) {
      if (!resolves(path!) && !inSomePackage(path!) && !(markdown && NOT_YET.test(path!))) wrong.push(path!);
    }
  }
  for (const [, name] of visible.matchAll(DOC_NAME)) {
    if (!trackedNames.has(name!) && !RELEASE_FILES.has(name!)) wrong.push(name!);
  }
  for (const [, path] of visible.matchAll(CLIMB)) {
    if (relative(root, join(root, folder, path!)).startsWith("..")) wrong.push(path!);
  }
  return wrong;
}

describe("references to files", () => {
  it("every comment, spec and doc names a file of this repository", () => {
    const found: string[] = [];
    for (const file of tracked) {
      if (SKIP.test(file)) continue;
      if (CODE.test(file)) {
        const text = readFileSync(join(root, file), "utf8");
        for (const [line, comment] of commentsOf(file, text)) for (const ref of wrongReferences(file, comment, true)) found.push(`${file}:${line}: ${ref}`);
      } else if (WHOLE_TEXT.test(file)) {
        readFileSync(join(root, file), "utf8")
          .split("\n")
          .forEach((line, index) => {
            for (const ref of wrongReferences(file, line, file.endsWith(".md"))) found.push(`${file}:${index + 1}: ${ref}`);
          });
      }
    }
    expect(found).toEqual([]);
  });

  it("catches a reference outside the repository, a moved file and a private note", () => {
    expect(wrongReferences("packages/bucketry/src/x.ts", "// see ../../../../elsewhere/notes.md", true)).toEqual(["../../../../elsewhere"]);
    expect(wrongReferences("packages/bucketry/src/x.ts", '// Public shapes (DESIGN.md "Facade surface").', true)).toEqual(["DESIGN.md"]);
    expect(wrongReferences("packages/bucketry/src/x.ts", "// the oracle pattern of packages/bucketry/test/signing/*.test.ts", true)).toEqual(["packages/bucketry/test/signing/*.test.ts"]);
    expect(wrongReferences("test/specs/x.test.ts", "// Facts of the page saved as 000_0123456789abcdef.txt", true)).toEqual(["000_0123456789abcdef.txt"]);
    expect(wrongReferences("packages/aliyun-oss/src/x.ts", "// tested in test/xml-parser.test.ts; built to dist/xml-parser.js", true)).toEqual([]);
    expect(wrongReferences("scripts/x.mjs", "// see https://example.com/a/b.md and packages/<id>/src/index.ts", true)).toEqual([]);
    expect(wrongReferences("packages/signing/src/x.ts", "// Oracle: @alicloud/openapi-core dist/utils.js", true)).toEqual([]);
    expect(wrongReferences("packages/signing/src/x.ts", "// Oracle: @alicloud/openapi-core dist/nowhere.js", true)).toEqual(["dist/nowhere.js"]);
    // Markdown: a moved test folder is caught; a release's files, the invented vendor and a package's layout are not.
    expect(wrongReferences("bench/README.md", "(the oracle pattern of `packages/bucketry/test/signing/*.test.ts`)", true)).toEqual(["packages/bucketry/test/signing/*.test.ts"]);
    expect(wrongReferences("README.md", "`release-baseline/<package>/release.json`, `specs/acme-box.yaml`, `test/tsconfig.json`", true)).toEqual([]);
  });

  it("reads comments, not code", () => {
    const text = 'const url = "https://a.example/x"; // one\n/* two\n three */ code();\n';
    expect(commentsOf("a.ts", text)).toEqual([
      [1, "// one"],
      [2, "/* two"],
      [3, " three */ code();"],
    ]);
  });
});

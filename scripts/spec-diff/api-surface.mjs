// The public TypeScript surface of a package: one line per exported declaration and per member, read from the
// built declarations its package.json `exports` point at. Doc comments are left out, so a description edit in a
// spec changes nothing here; a renamed field, a narrowed type or a removed export does.
//
// Lines look like TypeScript and start with their key (after a declaration keyword at the top level):
//   function createClient(options?: MpcClientOptions): MpcClient
//   interface components
//   components.schemas.ObsBucket.is_authorized: 0 | 1
// A declaration that lives in another package (a re-export) is one line naming where it comes from; that
// package's own report covers its members, and dependants inherit its bumps (see bumps.mjs).
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const KEYWORDS = ["interface", "type", "class", "abstract class", "function", "const", "let", "var", "enum", "namespace"];
const printer = ts.createPrinter({ removeComments: true, omitTrailingSemicolon: true });
const oneLine = (s) => s.replace(/\s+/g, " ").replace(/;\s*}/g, " }").trim();

/**
 * The entries a subpath pattern (`"./*": "./dist/entries/*.d.ts"`) stands for: one per built declaration file the
 * pattern's target matches, unless an explicit key names that subpath (exact keys win in Node too).
 */
function expandPattern(packageDir, { entry, file }, exportsMap) {
  const [before, after] = file.split("*");
  const dir = path.resolve(packageDir, path.dirname(before + "x"));
  if (!existsSync(dir)) return [];
  const stem = path.resolve(packageDir, before) + (before.endsWith("/") ? path.sep : "");
  return readdirSync(dir, { recursive: true })
    .map((name) => path.join(dir, String(name)))
    .filter((f) => f.startsWith(stem) && f.endsWith(after) && f.length > stem.length + after.length)
    .map((f) => ({ entry: entry.replace("*", f.slice(stem.length, f.length - after.length).split(path.sep).join("/")), file: path.relative(packageDir, f) }))
    .filter((e) => !(e.entry in exportsMap));
}

/** Declaration files of every `exports` entry of a package: `[{ entry: "." | "./sub", file }]`, subpath patterns expanded. */
export function entryPoints(packageDir) {
  const pkg = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8"));
  const typesOf = (target) => {
    if (typeof target === "string") return /\.d\.[cm]?ts$/.test(target) ? target : target.replace(/\.([cm]?)js$/, ".d.$1ts");
    if (Array.isArray(target)) return target.map(typesOf).find(Boolean);
    if (target && typeof target === "object") {
      if (typeof target.types === "string") return target.types;
      for (const value of Object.values(target)) {
        const found = typesOf(value);
        if (found) return found;
      }
    }
    return undefined;
  };
  let exportsMap = pkg.exports;
  if (exportsMap === undefined) exportsMap = { ".": pkg.types ?? pkg.typings ?? pkg.main ?? "./index.js" };
  if (typeof exportsMap === "string" || Array.isArray(exportsMap) || !Object.keys(exportsMap).some((k) => k.startsWith("."))) exportsMap = { ".": exportsMap };
  return Object.entries(exportsMap)
    .filter(([entry]) => !entry.endsWith(".json"))
    .map(([entry, target]) => ({ entry, file: typesOf(target) }))
    .filter((e) => e.file)
    .flatMap((e) => (e.entry.includes("*") ? expandPattern(packageDir, e, exportsMap) : [e]))
    .map((e) => ({ entry: e.entry, file: path.resolve(packageDir, e.file) }))
    .sort((a, b) => a.entry.localeCompare(b.entry));
}

/** A property name as it appears in a key: `name`, or `["/v1/{id}"]` when it is not an identifier. */
function keyPart(nameNode, sourceFile) {
  if (!nameNode) return "";
  if (ts.isIdentifier(nameNode) || ts.isPrivateIdentifier(nameNode)) return nameNode.text;
  if (ts.isStringLiteral(nameNode) || ts.isNumericLiteral(nameNode)) {
    return /^[A-Za-z_$][\w$]*$/.test(nameNode.text) ? nameNode.text : `[${JSON.stringify(nameNode.text)}]`;
  }
  return `[${oneLine(nameNode.getText(sourceFile))}]`;
}
const join = (parent, part) => (part.startsWith("[") ? `${parent}${part}` : `${parent}.${part}`);
const print = (node, sourceFile) => (node ? oneLine(printer.printNode(ts.EmitHint.Unspecified, node, sourceFile)) : "");
const typeParams = (node, sf) => (node.typeParameters?.length ? `<${node.typeParameters.map((t) => print(t, sf)).join(", ")}>` : "");
const params = (node, sf) => `(${node.parameters.map((p) => print(p, sf)).join(", ")})`;
const heritage = (node, sf) => (node.heritageClauses ?? []).map((h) => ` ${print(h, sf)}`).join("");
const isHidden = (member) =>
  member.modifiers?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword) || (member.name && ts.isPrivateIdentifier(member.name));

/** Lines for the members of an interface, class or type literal under `key`. */
function memberLines(members, key, sf, out) {
  for (const member of members) {
    if (isHidden(member)) continue;
    const mods = (member.modifiers ?? [])
      .filter((m) => [ts.SyntaxKind.StaticKeyword, ts.SyntaxKind.ReadonlyKeyword, ts.SyntaxKind.AbstractKeyword, ts.SyntaxKind.ProtectedKeyword].includes(m.kind))
      .map((m) => `${ts.tokenToString(m.kind)} `)
      .join("");
    const optional = member.questionToken ? "?" : "";
    if (ts.isPropertySignature(member) || ts.isPropertyDeclaration(member)) {
      const k = join(key, keyPart(member.name, sf));
      if (member.type && ts.isTypeLiteralNode(member.type)) {
        out.push(`${k}${optional}: {} ${mods}`.trimEnd());
        memberLines(member.type.members, k, sf, out);
      } else {
        // A property typed by its initializer (`readonly name = "BucketryError"` in a .d.ts): the value is its type.
        const type = member.type || !member.initializer ? `: ${print(member.type, sf) || "any"}` : ` = ${print(member.initializer, sf)}`;
        out.push(`${k}${optional}${type}${mods ? ` (${mods.trim()})` : ""}`);
      }
    } else if (ts.isMethodSignature(member) || ts.isMethodDeclaration(member)) {
      out.push(`${join(key, keyPart(member.name, sf))}${optional}${typeParams(member, sf)}${params(member, sf)}: ${print(member.type, sf) || "void"}${mods ? ` (${mods.trim()})` : ""}`);
    } else if (ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) {
      const kind = ts.isGetAccessorDeclaration(member) ? "get" : "set";
      out.push(`${join(key, keyPart(member.name, sf))}: ${kind}${params(member, sf)}${member.type ? `: ${print(member.type, sf)}` : ""}${mods ? ` (${mods.trim()})` : ""}`);
    } else if (ts.isConstructorDeclaration(member)) {
      out.push(`${key}.constructor${params(member, sf)}`);
    } else if (ts.isCallSignatureDeclaration(member)) {
      out.push(`${key}()${typeParams(member, sf)}${params(member, sf)}: ${print(member.type, sf)}`);
    } else if (ts.isConstructSignatureDeclaration(member)) {
      out.push(`${key}.new()${typeParams(member, sf)}${params(member, sf)}: ${print(member.type, sf)}`);
    } else if (ts.isIndexSignatureDeclaration(member)) {
      out.push(`${key}[]: [${member.parameters.map((p) => print(p, sf)).join(", ")}]: ${print(member.type, sf)}${mods ? ` (${mods.trim()})` : ""}`);
    } else if (ts.isClassStaticBlockDeclaration(member) || ts.isSemicolonClassElement(member)) {
      // no surface
    } else {
      out.push(`${key}.${ts.SyntaxKind[member.kind]}: ${print(member, sf)}`);
    }
  }
}

/** Lines for one declaration exported as `key`. */
function declarationLines(decl, key, out, context) {
  const sf = decl.getSourceFile();
  if (ts.isFunctionDeclaration(decl)) {
    out.push(`function ${key}${typeParams(decl, sf)}${params(decl, sf)}: ${print(decl.type, sf) || "void"}`);
  } else if (ts.isVariableDeclaration(decl)) {
    const kind = decl.parent.flags & ts.NodeFlags.Const ? "const" : decl.parent.flags & ts.NodeFlags.Let ? "let" : "var";
    out.push(decl.type || !decl.initializer ? `${kind} ${key}: ${print(decl.type, sf) || "any"}` : `${kind} ${key} = ${print(decl.initializer, sf)}`);
  } else if (ts.isInterfaceDeclaration(decl)) {
    out.push(`interface ${key}${typeParams(decl, sf)}${heritage(decl, sf)}`);
    memberLines(decl.members, key, sf, out);
  } else if (ts.isTypeAliasDeclaration(decl)) {
    if (ts.isTypeLiteralNode(decl.type)) {
      out.push(`type ${key}${typeParams(decl, sf)} = {}`);
      memberLines(decl.type.members, key, sf, out);
    } else out.push(`type ${key}${typeParams(decl, sf)} = ${print(decl.type, sf)}`);
  } else if (ts.isClassDeclaration(decl)) {
    const abstract = decl.modifiers?.some((m) => m.kind === ts.SyntaxKind.AbstractKeyword) ? "abstract " : "";
    out.push(`${abstract}class ${key}${typeParams(decl, sf)}${heritage(decl, sf)}`);
    memberLines(decl.members, key, sf, out);
  } else if (ts.isEnumDeclaration(decl)) {
    out.push(`enum ${key}`);
    for (const m of decl.members) out.push(`${join(key, keyPart(m.name, sf))}${m.initializer ? ` = ${print(m.initializer, sf)}` : ""}`);
  } else if (ts.isModuleDeclaration(decl) || ts.isSourceFile(decl)) {
    out.push(`namespace ${key}`);
    const symbol = context.checker.getSymbolAtLocation(ts.isSourceFile(decl) ? decl : decl.name) ?? decl.symbol;
    // A module that re-exports itself as a namespace (directly or in a circle) is listed once.
    if (symbol && !context.expanding.has(symbol)) {
      context.expanding.add(symbol);
      exportLines(symbol, key, out, context);
      context.expanding.delete(symbol);
    }
  } else {
    out.push(`${key}: ${ts.SyntaxKind[decl.kind]}`);
  }
}

/** The package a file belongs to: a workspace package directory, or the name under node_modules. */
function owner(file, context) {
  const real = context.realpath(file);
  if (real === context.packageDir || real.startsWith(context.packageDir + path.sep)) return null;
  const nm = real.lastIndexOf(`${path.sep}node_modules${path.sep}`);
  if (nm >= 0) {
    const rest = real.slice(nm + 14).split(path.sep);
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  for (const [dir, name] of context.workspace) if (real === dir || real.startsWith(dir + path.sep)) return name;
  return path.relative(context.root, real);
}

/** `export * from "pkg"` of a module outside the package, followed through the package's own `export *`s. */
function outsideStarExports(sourceFile, context, seen = new Set()) {
  if (seen.has(sourceFile.fileName)) return [];
  seen.add(sourceFile.fileName);
  const found = [];
  for (const statement of sourceFile.statements) {
    if (!ts.isExportDeclaration(statement) || statement.exportClause || !statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const target = context.checker.getSymbolAtLocation(statement.moduleSpecifier)?.declarations?.find(ts.isSourceFile);
    if (target && owner(target.fileName, context) === null) found.push(...outsideStarExports(target, context, seen));
    else found.push(`export * from ${JSON.stringify(statement.moduleSpecifier.text)}`);
  }
  return found;
}

/** Lines for every export of a module symbol, keys prefixed with `prefix.` (none at the entry's top). */
function exportLines(moduleSymbol, prefix, out, context) {
  const file = moduleSymbol.declarations?.find(ts.isSourceFile);
  if (file) for (const line of outsideStarExports(file, context)) out.push(prefix ? `${prefix}: ${line}` : line);
  const exports = context.checker.getExportsOfModule(moduleSymbol).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const exported of exports) {
    const key = prefix ? join(prefix, keyPart(ts.factory.createIdentifier(exported.name))) : exported.name;
    const target = exported.flags & ts.SymbolFlags.Alias ? context.checker.getAliasedSymbol(exported) : exported;
    const decls = (target.declarations ?? []).filter((d) => !ts.isModuleDeclaration(d) || d.body);
    if (decls.length === 0) {
      // Not resolvable here (a dependency that is not installed): name where the export says it comes from.
      const alias = exported.declarations?.[0];
      const clause = alias && (ts.isExportSpecifier(alias) ? alias.parent.parent : ts.isNamespaceExport(alias) ? alias.parent : null);
      const from = clause?.moduleSpecifier && ts.isStringLiteral(clause.moduleSpecifier) ? clause.moduleSpecifier.text : null;
      if (!from) out.push(`${key}: unresolved`);
      else if (ts.isNamespaceExport(alias)) out.push(`namespace ${key} = import(${JSON.stringify(from)})`);
      else out.push(`${key}: import(${JSON.stringify(from)}).${(alias.propertyName ?? alias.name).text}`);
      continue;
    }
    const from = owner(decls[0].getSourceFile().fileName, context);
    if (from !== null) {
      // Declared in another package: name it, do not copy its members.
      const isModule = ts.isSourceFile(decls[0]) || (ts.isModuleDeclaration(decls[0]) && ts.isStringLiteral(decls[0].name));
      out.push(isModule ? `namespace ${key} = import(${JSON.stringify(from)})` : `${key}: import(${JSON.stringify(from)}).${target.name}`);
      continue;
    }
    for (const decl of decls) declarationLines(decl, key, out, context);
  }
}

/**
 * Surface of the given packages, `{ [name]: { entries: { [entry]: string[] }, references: string[] } }`:
 * `references` are the other packages the package's declarations import from (used to propagate bumps).
 * One TypeScript program serves every package (declarations only, no lib: nothing is type-checked).
 */
export function apiSurfaces(packages, { root }) {
  const realpath = (f) => {
    try {
      return realpathSync(f);
    } catch {
      return path.resolve(f);
    }
  };
  const all = packages.map((p) => ({ ...p, entries: entryPoints(p.dir) }));
  const missing = all.flatMap((p) => p.entries.filter((e) => !existsSync(e.file)).map((e) => `${p.name} "${e.entry}": ${path.relative(root, e.file)}`));
  if (missing.length) {
    throw new Error(`declarations not built (run \`npm run build\` first):\n  ${missing.join("\n  ")}`);
  }
  // Declarations outside the packages are read as empty modules: their members are not our surface, and
  // parsing them (msw's types alone are hundreds of files) would cost more than the rest of the run.
  const workspaceDirs = all.map((p) => realpath(p.dir));
  const inWorkspace = (file) => {
    const real = realpath(file);
    return workspaceDirs.some((dir) => real === dir || real.startsWith(dir + path.sep));
  };
  const options = { noLib: true, types: [], module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noEmit: true, skipLibCheck: true };
  const host = ts.createCompilerHost(options);
  const readSource = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) =>
    inWorkspace(fileName) ? readSource(fileName, languageVersion, onError, shouldCreate) : ts.createSourceFile(fileName, "export {};", languageVersion);
  const program = ts.createProgram({ rootNames: all.flatMap((p) => p.entries.map((e) => e.file)), options, host });
  const checker = program.getTypeChecker();
  const workspace = all.map((p) => [realpath(p.dir), p.name]);
  const result = {};
  for (const p of all) {
    const packageDir = realpath(p.dir);
    const context = { checker, packageDir, workspace, realpath, root, expanding: new Set() };
    const entries = {};
    for (const { entry, file } of p.entries) {
      const sf = program.getSourceFile(file);
      const symbol = sf && checker.getSymbolAtLocation(sf);
      const out = [];
      if (symbol) {
        context.expanding.add(symbol);
        exportLines(symbol, "", out, context);
        context.expanding.delete(symbol);
      }
      entries[entry] = out;
    }
    const references = new Set();
    for (const sf of program.getSourceFiles()) {
      const real = realpath(sf.fileName);
      if (!real.startsWith(packageDir + path.sep)) continue;
      for (const m of sf.text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["']([^"'.][^"']*)["']/g)) {
        const spec = m[1];
        const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
        if (name !== p.name && !name.startsWith("node:")) references.add(name);
      }
    }
    result[p.name] = { entries, references: [...references].sort() };
  }
  return result;
}

// ---- the committed report --------------------------------------------------------------------------------

/** The report file text of one package. */
export function formatReport(name, surface) {
  const parts = [
    `# API report: ${name}`,
    "",
    "Generated by `npm run spec:diff` from the declarations that the package's `exports` point at; do not edit.",
    "One line per exported declaration and member (doc comments left out). `npm test` compares this surface with the",
    "last release's (release-baseline/) and fails when pending changesets bump the package less than the change needs.",
  ];
  for (const [entry, lines] of Object.entries(surface.entries)) {
    parts.push("", `## ${entry}`, "", "```ts", ...lines, "```");
  }
  return `${parts.join("\n")}\n`;
}

/** Reads a report back: `{ [entry]: string[] }`. */
export function parseReport(text) {
  const entries = {};
  let entry = null;
  let inCode = false;
  for (const line of text.split("\n")) {
    if (!inCode && line.startsWith("## ")) entry = line.slice(3).trim();
    else if (line === "```ts" && entry !== null) {
      inCode = true;
      entries[entry] ??= [];
    } else if (line === "```") inCode = false;
    else if (inCode) entries[entry].push(line);
  }
  return entries;
}

/** Splits a report line into its key and the rest: `{ keyword, key, rest }`. */
export function splitLine(line) {
  if (line.startsWith("export * from ")) return { keyword: "export", key: line.slice(7), rest: "" };
  let s = line;
  let keyword = "";
  for (const k of KEYWORDS) {
    if (s.startsWith(`${k} `)) {
      keyword = k;
      s = s.slice(k.length + 1);
      break;
    }
  }
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === "[" && s[i + 1] === '"') {
      // ["quoted name"]: skip the JSON string
      let j = i + 2;
      while (j < s.length && s[j] !== '"') j += s[j] === "\\" ? 2 : 1;
      i = j + 2;
    } else if (c === "(" && s[i + 1] === ")" && /[(<]/.test(s[i + 2] ?? "")) i += 2; // `X()(…)`: X's call signature (`f(): R` is f's parameters)
    else if (c === "[" && s[i + 1] === "]") i += 2;
    else if (/[\w$.]/.test(c)) i++;
    else break;
  }
  return { keyword, key: s.slice(0, i), rest: s.slice(i) };
}

/** The key one level up (`a.b["c"]` → `a.b`), or "" at the top. */
export function parentKey(key) {
  const m = key.match(/^(.*?)(?:\.[\w$]+|\["(?:[^"\\]|\\.)*"\]|\(\)|\[\]|\.new\(\))$/);
  return m ? m[1] : "";
}

// Classifies the difference between two API reports: a removed or changed declaration or member is breaking
// (major), an added one is a feature (minor). Two refinements keep a spec's feature a feature here too:
// a member that was `never` (openapi-typescript's "absent") and now has a type was added, not changed; and a
// union that only gained alternatives was widened. A widening is a feature only where users cannot be broken
// by it: in what they pass in (an `…Options`/`…Init` type, an operation's parameters or request body), or when
// every gained alternative is a string or number literal (an enum value added: the documented policy, as for
// response enums in the specs). Elsewhere it may be a value users read — `displayName?: string` gaining
// `{ full: string }` breaks every caller of `.toUpperCase()` — so it is breaking. An optional parameter added at
// the end of a function's or method's signature is a feature: calls and implementations written before still fit.
import ts from "typescript";
import { parentKey, splitLine } from "./api-surface.mjs";

/** `{ key: line[] }` for one entry's lines (overloads share a key). */
function byKey(lines) {
  const map = new Map();
  for (const line of lines) {
    const { key } = splitLine(line);
    if (!map.has(key)) map.set(key, []);
    map.get(key).push(line);
  }
  for (const list of map.values()) list.sort();
  return map;
}

const printer = ts.createPrinter({ removeComments: true });
/** The alternatives of a type written as text: `0 | 1` → ["0", "1"]. */
function alternatives(typeText) {
  const sf = ts.createSourceFile("t.ts", `type T = ${typeText};`, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const alias = sf.statements[0];
  if (!alias || !ts.isTypeAliasDeclaration(alias)) return [typeText];
  const type = alias.type;
  const parts = ts.isUnionTypeNode(type) ? type.types : [type];
  return parts.map((t) => printer.printNode(ts.EmitHint.Unspecified, t, sf).replace(/\s+/g, " "));
}

/** Splits what follows a key into the part before the type and the type: `?: string` → ["?: ", "string"]. */
function typePart(rest) {
  const m = rest.match(/^(\??: |(?:<[^=]*>)? = )(.*?)( \((?:static|readonly|abstract|protected)[^)]*\))?$/);
  return m ? { head: m[1] + (m[3] ?? ""), type: m[2] } : null;
}

/** A string or number literal type, as printed: `"public-read"`, `2`. */
const isLiteral = (t) => /^("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|-?\d+(?:\.\d+)?)$/.test(t);

/** A member users only pass in: an options/init type's, or an operation's parameters or request body. */
const isInput = (key) =>
  /^[A-Za-z_$][\w$]*(Options|Init)(\.|$)/.test(key) ||
  /^(operations\.[^.[]+|paths\[[^\]]*\](\.[a-z]+)?)\.(parameters|requestBody)([.[]|$)/.test(key) ||
  /^components\.(parameters|requestBodies)([.[]|$)/.test(key);
/** A member users only read: an operation's responses (keyed `responses["200"]`), response components and headers. */
const isOutput = (key) => /^(operations\.[^.[]+|paths\[[^\]]*\](\.[a-z]+)?)\.responses([.[]|$)/.test(key) || /^components\.(responses|headers)([.[]|$)/.test(key);

/**
 * Which way a key's values travel: "in" (users pass them), "out" (users read them) or undefined (both, or
 * unknown). `schemaUse` says it for a spec's schemas: name → "request" | "response" | "both".
 */
function directionOf(key, schemaUse) {
  if (isInput(key)) return "in";
  if (isOutput(key)) return "out";
  const name = /^components\.schemas\.([^.]+)/.exec(key)?.[1];
  const use = name === undefined ? undefined : schemaUse?.get(name);
  return use === "request" ? "in" : use === "response" ? "out" : undefined;
}

const MODIFIERS = / \((?:static|readonly|abstract|protected)[^)]*\)$/;
/**
 * The parts of a signature as a report line writes it after its key (`<T>(a: string, b?: number): R`, a method's
 * modifiers after it): type parameters, parameters (each printed, and whether a caller may leave it out) and
 * return type; null when the text is no signature.
 */
function signature(rest) {
  if (!/^[<(]/.test(rest)) return null;
  const mods = MODIFIERS.exec(rest)?.[0] ?? "";
  const sf = ts.createSourceFile("s.ts", `declare function __s${rest.slice(0, rest.length - mods.length)};`, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const fn = sf.statements[0];
  if (sf.statements.length !== 1 || !fn || !ts.isFunctionDeclaration(fn) || sf.parseDiagnostics?.length) return null;
  const text = (node) => (node ? printer.printNode(ts.EmitHint.Unspecified, node, sf).replace(/\s+/g, " ").replace(/;\s*}/g, " }") : "");
  return {
    head: `${(fn.typeParameters ?? []).map(text).join(", ")}${mods}`,
    params: fn.parameters.map((p) => ({ text: text(p), optional: Boolean(p.questionToken || p.initializer || p.dotDotDotToken) })),
    returns: text(fn.type),
  };
}

/**
 * Optional parameters added at the end of a function's or method's signature, nothing else changed: every call
 * still fits, and so does every implementation (one may take fewer parameters than its type). The text of the
 * parameters added, or null.
 */
function optionalParametersAdded(before, after) {
  const a = signature(before);
  const b = signature(after);
  if (!a || !b || a.head !== b.head || a.returns !== b.returns || b.params.length <= a.params.length) return null;
  if (a.params.some((p, i) => p.text !== b.params[i].text)) return null;
  const added = b.params.slice(a.params.length);
  return added.every((p) => p.optional) ? added.map((p) => p.text) : null;
}

function classifyChange(key, before, after, schemaUse) {
  const direction = directionOf(key, schemaUse);
  if (before.length === 1 && after.length === 1) {
    const a = splitLine(before[0]);
    const b = splitLine(after[0]);
    const added = a.keyword === b.keyword ? optionalParametersAdded(a.rest, b.rest) : null;
    if (added) return { level: "minor", verb: "given optional parameters", detail: added.map((p) => `\`${p}\``).join(", ") };
    const ta = a.keyword === b.keyword ? typePart(a.rest) : null;
    const tb = a.keyword === b.keyword ? typePart(b.rest) : null;
    if (ta && tb) {
      // A parameter group users must now pass (`query?: never` → `query: { … }`) is required, not just added.
      if (ta.type === "never" && tb.type !== "never") return direction === "in" && !tb.head.startsWith("?") ? { level: "major", verb: "changed", fromNever: true } : { level: "minor", verb: "added", fromNever: true };
      if (tb.type === "never" && ta.type !== "never") return { level: "major", verb: "removed" };
      // Something users pass in that became optional (`Prefix: string` → `Prefix?: string`): every call still fits.
      if (direction === "in" && ta.type === tb.type && tb.head.replace("?", "") === ta.head && ta.head !== tb.head) return { level: "minor", verb: "made optional" };
      // Something users only read that is now always there (`creation_date?:` → `creation_date:`): every reader still fits.
      if (direction === "out" && ta.type === tb.type && ta.head.replace("?", "") === tb.head && ta.head !== tb.head) return { level: "minor", verb: "made required" };
      if (ta.head === tb.head) {
        const old = alternatives(ta.type);
        const now = alternatives(tb.type);
        const gained = now.filter((t) => !old.includes(t));
        if (gained.length && old.every((t) => now.includes(t))) {
          const detail = `gained ${gained.map((t) => `\`${t}\``).join(", ")}`;
          // An enum grown: literals before and after (`number` gaining `"unlimited"` is a new kind of value).
          if (direction === "in" || (old.every((t) => isLiteral(t) || t === "null" || t === "undefined") && gained.every(isLiteral))) return { level: "minor", verb: "widened", detail };
          return { level: "major", verb: "widened", detail: `${detail}; code that reads it may not handle that` };
        }
      }
    }
  }
  return { level: "major", verb: "changed" };
}

/**
 * Changes from the `base` report to the `current` one (both `{ [entry]: lines[] }`):
 * `[{ level, entry, key, message }]`, breaking first. A removed or added member whose parent was removed or
 * added with it is not listed on its own. `schemaUse` (a client's spec: schema name → "request" | "response" |
 * "both", see schemaUse in spec-changes.mjs) tells which way a generated schema's values travel.
 */
export function surfaceChanges(base, current, schemaUse = undefined) {
  const out = [];
  const entries = [...new Set([...Object.keys(base), ...Object.keys(current)])].sort();
  for (const entry of entries) {
    if (!(entry in current)) {
      out.push({ level: "major", entry, key: "", message: `Entry point \`${entry}\` removed.` });
      continue;
    }
    if (!(entry in base)) {
      out.push({ level: "minor", entry, key: "", message: `Entry point \`${entry}\` added.` });
      continue;
    }
    const before = byKey(base[entry]);
    const after = byKey(current[entry]);
    const removed = new Set([...before.keys()].filter((k) => !after.has(k)));
    const added = new Set([...after.keys()].filter((k) => !before.has(k)));
    const coveredBy = (key, set) => {
      for (let p = parentKey(key); p; p = parentKey(p)) if (set.has(p)) return true;
      return false;
    };
    const changedNever = new Set();
    const changedToNever = new Set();
    for (const [key, lines] of before) {
      const now = after.get(key);
      if (!now || now.join("\n") === lines.join("\n")) continue;
      const { level, verb, detail, fromNever } = classifyChange(key, lines, now, schemaUse);
      if (fromNever) changedNever.add(key);
      if (verb === "removed") changedToNever.add(key);
      const shown =
        verb === "changed" || verb.startsWith("made ") || verb.startsWith("given ")
          ? `${verb.startsWith("given ") ? `${detail}: ` : ""}\`${lines.join(" / ")}\` → \`${now.join(" / ")}\``
          : verb === "widened"
            ? `\`${now.join(" / ")}\` (${detail})`
            : `\`${(verb === "removed" ? lines : now).join(" / ")}\``;
      out.push({ level, entry, key, message: `${verb[0].toUpperCase()}${verb.slice(1)}: ${shown}.` });
    }
    for (const key of removed) {
      if (!coveredBy(key, removed) && !coveredBy(key, changedToNever)) out.push({ level: "major", entry, key, message: `Removed: \`${before.get(key).join(" / ")}\`.` });
    }
    for (const key of added) {
      if (!coveredBy(key, added) && !coveredBy(key, changedNever)) out.push({ level: "minor", entry, key, message: `Added: \`${after.get(key).join(" / ")}\`.` });
    }
  }
  const rank = { major: 0, minor: 1, patch: 2 };
  return out.sort((a, b) => rank[a.level] - rank[b.level] || (a.entry < b.entry ? -1 : a.entry > b.entry ? 1 : 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

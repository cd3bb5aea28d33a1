// The facade guide (docs/facade.html) shows the normalized model as a code block written by
// scripts/build-site.mjs. Readers rely on it to know which fields exist and which may be absent, so every
// member of the model's interfaces in the facade's source must be on the page, with its optionality.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const modelSource = join(root, "packages/bucketry/src/model.ts");
const facadePage = join(root, "docs/facade.html");

/** The members of the named interfaces in model.ts, each with whether it is optional. */
function interfaceMembers(names: readonly string[]): { owner: string; name: string; optional: boolean }[] {
  const file = ts.createSourceFile(modelSource, readFileSync(modelSource, "utf8"), ts.ScriptTarget.Latest, true);
  const out: { owner: string; name: string; optional: boolean }[] = [];
  for (const statement of file.statements) {
    if (!ts.isInterfaceDeclaration(statement) || !names.includes(statement.name.text)) continue;
    for (const member of statement.members) {
      if (ts.isPropertySignature(member) && ts.isIdentifier(member.name)) {
        out.push({ owner: statement.name.text, name: member.name.text, optional: member.questionToken !== undefined });
      }
    }
  }
  return out;
}

/** The text of the "The model" code block, HTML entities decoded. */
function modelBlock(html: string): string {
  const block = /<h2>The model<\/h2>\s*<pre><code>([\s\S]*?)<\/code><\/pre>/.exec(html);
  if (!block) throw new Error("docs/facade.html has no code block under <h2>The model</h2>");
  return block[1]!.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

/** Whether `text` names `member` the way its declaration has it (`name?:` for an optional one). */
function shows(text: string, member: { name: string; optional: boolean }): boolean {
  return member.optional ? new RegExp(`\\b${member.name}\\?:`).test(text) : new RegExp(`\\b${member.name}(?!\\?)\\b`).test(text);
}

describe("facade guide: the model", () => {
  const interfaces = ["ProviderBucket", "ProviderBucketAcl", "Grant"] as const;

  it("reads the model's interfaces", () => {
    const members = interfaceMembers(interfaces);
    for (const name of interfaces) expect(members.some((m) => m.owner === name), `${name} not found in model.ts`).toBe(true);
  });

  it("shows every field of Bucket, BucketAcl and Grant with its optionality", () => {
    expect(existsSync(facadePage), "docs/facade.html is missing: run `npm run docs` first").toBe(true);
    const text = modelBlock(readFileSync(facadePage, "utf8"));
    const missing = interfaceMembers(interfaces)
      .filter((m) => !shows(text, m))
      .map((m) => `${m.owner}.${m.name}${m.optional ? "?" : ""}`);
    expect(missing, "fields of the model that docs/facade.html leaves out (scripts/build-site.mjs writes it)").toEqual([]);
  });

  it("tells an optional field from a required one", () => {
    expect(shows("grants: Grant[]; conditional?: true", { name: "conditional", optional: true })).toBe(true);
    expect(shows("grants: Grant[]", { name: "conditional", optional: true })).toBe(false);
    expect(shows("acl: CannedAcl", { name: "acl", optional: true })).toBe(false);
    expect(shows("raw }", { name: "raw", optional: false })).toBe(true);
  });
});

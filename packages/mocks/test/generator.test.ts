// The generated handlers track the specs: `--check` passes, each file names its spec's hash, and every
// operation has a handler factory.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { vendors } from "../src/index.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));

describe("scripts/generate-mocks.mjs", () => {
  it("--check passes on the committed files", () => {
    const out = execFileSync(process.execPath, ["scripts/generate-mocks.mjs", "--check"], { cwd: root, encoding: "utf8" });
    expect(out).toMatch(/generated mocks up to date/);
  });

  it.each(Object.keys(vendors))("%s: header names the spec and its sha256; one factory per operation", async (vendor) => {
    const module = vendors[vendor as keyof typeof vendors] as unknown as Record<string, unknown> & { spec: { source: string; operations: Record<string, unknown> } };
    const text = readFileSync(`${root}packages/mocks/src/generated/${vendor}.ts`, "utf8");
    expect(text.split("\n")[0]).toBe(`// generated from specs/${vendor}.yaml by scripts/generate-mocks.mjs; do not edit.`);
    const hash = createHash("sha256").update(readFileSync(`${root}specs/${vendor}.yaml`)).digest("hex");
    expect(text).toContain(`// spec sha256: ${hash}`);
    for (const id of Object.keys(module.spec.operations)) {
      expect(typeof module[id.charAt(0).toLowerCase() + id.slice(1)]).toBe("function");
    }
    expect(typeof module.handlers).toBe("function");
  });
});

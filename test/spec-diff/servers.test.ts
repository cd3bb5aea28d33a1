// A spec's `servers` as each package's users meet them. The generated clients do not read them (their endpoints
// are createClient's own code), so moving a server needs no release of a client; the mocks route by them, so
// it is breaking for @bucketry/mocks. Both shown on the generator's real output, not on the classifier's word.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
// @ts-expect-error plain ESM script without types
import { clientSpecChanges, embeddedSpecChanges, maxLevel, specChanges } from "../../scripts/spec-diff/spec-changes.mjs";
import { withNetworkGuard } from "../support/guarded-child.js";
import { VENDOR_IDS } from "../support/vendors.js";
import { root, type Json } from "./helpers.js";

type Change = { level: string; pointer: string; message: string; rule: string };
let dir: string;

/** Every server of the spec (document, path and operation level) moved to another host. */
function moveServers(node: Json): void {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node.servers)) node.servers = node.servers.map((s: Json) => ({ ...s, url: s.url.replace(/^(\{scheme\}|https?):\/\/[^/]+/, "$1://moved.example.invalid") }));
  for (const value of Object.values(node)) if (value !== node.servers) moveServers(value);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bucketry-servers-"));
  for (const part of ["scripts", "specs", "redocly.yaml"]) cpSync(join(root, part), join(dir, part), { recursive: true });
  for (const vendor of VENDOR_IDS) {
    mkdirSync(join(dir, "packages", vendor, "src"), { recursive: true });
    cpSync(join(root, "packages", vendor, "package.json"), join(dir, "packages", vendor, "package.json"));
    cpSync(join(root, "packages", vendor, "src", "generated"), join(dir, "packages", vendor, "src", "generated"), { recursive: true });
  }
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  mkdirSync(join(dir, "base"));
  for (const vendor of VENDOR_IDS) {
    cpSync(join(root, "specs", `${vendor}.yaml`), join(dir, "base", `${vendor}.yaml`));
    const spec = parse(readFileSync(join(root, "specs", `${vendor}.yaml`), "utf8"));
    moveServers(spec);
    writeFileSync(join(dir, "specs", `${vendor}.yaml`), stringify(spec, { lineWidth: 0 }));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a spec's servers moved to another host", () => {
  it("leaves every generated client as it was (generate-clients --check passes on the moved specs)", () => {
    const r = spawnSync(process.execPath, ["scripts/generate-clients.mjs", "--check"], { cwd: dir, encoding: "utf8", env: withNetworkGuard({ ...process.env, NO_COLOR: "1" }) });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
  });

  it.each(VENDOR_IDS)("%s: needs no release of the client, though Redocly rates it breaking; breaking for the mocks", async (vendor) => {
    const [base, revision] = [join(dir, "base", `${vendor}.yaml`), join(dir, "specs", `${vendor}.yaml`)];
    expect(maxLevel((await specChanges(base, revision)).map((c: Change) => c.level))).toBe("major");
    const client: Change[] = await clientSpecChanges(base, revision);
    expect(client.length).toBeGreaterThan(0);
    expect(maxLevel(client.map((c) => c.level)), client.map((c) => `${c.level} ${c.pointer} ${c.message}`).join("\n")).toBe("none");
    expect(client.every((c) => c.rule === "bucketry/servers-not-read-by-client")).toBe(true);
    // The mocks answer on the spec's hosts: a request to the old host is not theirs any more.
    const mocks: Change[] = await embeddedSpecChanges(base, revision);
    expect(maxLevel(mocks.map((c) => c.level))).toBe("major");
  });
});

describe("a server variable's enum, as the mocks match hosts by it", () => {
  const enumEdit = async (name: string, edit: (spec: Json) => void): Promise<Change[]> => {
    const base = join(dir, "base", "huaweicloud-mpc.yaml");
    const spec = parse(readFileSync(base, "utf8"));
    edit(spec);
    const revision = join(dir, `${name}.yaml`);
    writeFileSync(revision, stringify(spec, { lineWidth: 0 }));
    return embeddedSpecChanges(base, revision);
  };

  it("a value removed is breaking (the mock stops answering that region's host)", async () => {
    const changes = await enumEdit("enum-removed", (d) => (d.servers[0].variables.region.enum = d.servers[0].variables.region.enum.filter((r: string) => r !== "cn-east-3")));
    expect(changes.map((c) => `${c.level} ${c.rule} ${c.message}`)).toContain('major bucketry/mock-server-values-removed Server variable `region` no longer takes "cn-east-3": the mock stops answering requests to those hosts.');
  });

  it("a value added is a feature", async () => {
    const changes = await enumEdit("enum-added", (d) => d.servers[0].variables.region.enum.push("la-north-2"));
    expect(maxLevel(changes.map((c) => c.level)), changes.map((c) => `${c.level} ${c.message}`).join("\n")).toBe("minor");
    expect(changes.map((c) => c.rule)).toContain("bucketry/mock-server-values-added");
  });
});

// The `bucketry` binary end to end: every command against startMockServer (run in this process), output
// formats, exit codes, help, profiles. Needs the build (turbo's test task depends on it).
import { createHash, createHmac } from "node:crypto";
import { spawn } from "node:child_process";
import { chmodSync, closeSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { percentEncode } from "@bucketry/signing";
import { scenario } from "@bucketry/mocks";
import { startMockServer, type MockServer } from "@bucketry/mocks/server";
import { DNS_FAILURE_CHILD, NETWORK_GUARD_CHILD } from "../../../../test/support/guarded-child.js";
import { VENDOR_IDS } from "../../../../test/support/vendors.js";
import { assertBuilt, bin, cleanEnv, jsonLines, removeHomes, run, start } from "./helpers.js";

let server: MockServer;
let faulty: MockServer; // scenarios are set on this one only, so concurrent tests do not see them

/** The variables `bucketry mock` prints, for `server`. */
function mockVars(s: MockServer): Record<string, string> {
  return {
    BUCKETRY_ALIYUN_ENS_ENDPOINT: s.endpoints["aliyun-ens"],
    ALIBABA_CLOUD_ACCESS_KEY_ID: s.credentials["aliyun-ens"].accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: s.credentials["aliyun-ens"].accessKeySecret,
    BUCKETRY_HUAWEICLOUD_MPC_ENDPOINT: s.endpoints["huaweicloud-mpc"],
    BUCKETRY_HUAWEICLOUD_MPC_REGION: s.clientOptions["huaweicloud-mpc"].region,
    HUAWEICLOUD_SDK_PROJECT_ID: s.clientOptions["huaweicloud-mpc"].projectId,
    HUAWEICLOUD_SDK_AK: s.credentials["huaweicloud-mpc"].accessKeyId,
    HUAWEICLOUD_SDK_SK: s.credentials["huaweicloud-mpc"].accessKeySecret,
    BUCKETRY_BAIDU_BOS_ENDPOINT: s.endpoints["baidu-bos"],
    BCE_ACCESS_KEY_ID: s.credentials["baidu-bos"].accessKeyId,
    BCE_SECRET_ACCESS_KEY: s.credentials["baidu-bos"].accessKeySecret,
    BUCKETRY_HITACHI_VSP_ONE_OBJECT_ENDPOINT: s.endpoints["hitachi-vsp-one-object"],
    VSP_ONE_OBJECT_TOKEN: s.credentials["hitachi-vsp-one-object"].token,
    BUCKETRY_ALIYUN_OSS_ENDPOINT: s.endpoints["aliyun-oss"],
    BUCKETRY_ALIYUN_OSS_REGION: s.clientOptions["aliyun-oss"].region,
    BUCKETRY_ALIYUN_OSS_ACCESS_KEY_ID: s.credentials["aliyun-oss"].accessKeyId,
    BUCKETRY_ALIYUN_OSS_ACCESS_KEY_SECRET: s.credentials["aliyun-oss"].accessKeySecret,
  };
}

const envFor = (s: MockServer, extra: Record<string, string | undefined> = {}) => cleanEnv({ ...mockVars(s), ...extra });

beforeAll(async () => {
  assertBuilt();
  [server, faulty] = await Promise.all([startMockServer({ buckets: 300, seed: 7 }), startMockServer({ buckets: 20, seed: 7 })]);
}, 120_000); // a hang guard: two mock servers load every spec, slow on a loaded machine
afterAll(async () => {
  await Promise.all([server?.close(), faulty?.close()]);
  removeHomes();
});

describe.concurrent("commands", () => {
  it("providers: every one, their operations, auth and env vars; --json one object per provider", async () => {
    const human = await run(["providers"]);
    expect(human.code).toBe(0);
    for (const p of VENDOR_IDS) expect(human.stdout).toContain(p);
    for (const v of ["ALIBABA_CLOUD_ACCESS_KEY_ID", "HUAWEICLOUD_SDK_AK", "BCE_SECRET_ACCESS_KEY", "VSP_ONE_OBJECT_TOKEN", "OSS4-HMAC-SHA256", "bce-auth-v1"]) expect(human.stdout).toContain(v);
    expect(human.stdout).not.toContain("\x1b["); // not a TTY: no colour
    const json = jsonLines((await run(["providers", "--json"])).stdout);
    expect(json.map((r) => r.provider)).toEqual(VENDOR_IDS);
    expect(json.find((r) => r.provider === "aliyun-oss")).toMatchObject({ command: "get-acl", env: expect.arrayContaining(["ALIBABA_CLOUD_ACCESS_KEY_SECRET"]), cliEnv: expect.arrayContaining(["BUCKETRY_ALIYUN_OSS_ENDPOINT"]) });
    // Only what each provider reads: Hitachi takes no region (its _REGION is refused) and a token, not a key pair.
    const hitachi = ["BUCKETRY_HITACHI_VSP_ONE_OBJECT_ENDPOINT", "BUCKETRY_HITACHI_VSP_ONE_OBJECT_USER_ID", "BUCKETRY_HITACHI_VSP_ONE_OBJECT_TOKEN", "BUCKETRY_HITACHI_VSP_ONE_OBJECT_API_VERSION"];
    expect(json.find((r) => r.provider === "hitachi-vsp-one-object")?.cliEnv).toEqual(hitachi);
    expect(json.find((r) => r.provider === "aliyun-oss")?.cliEnv).toEqual(expect.arrayContaining(["BUCKETRY_ALIYUN_OSS_REGION", "BUCKETRY_ALIYUN_OSS_ACCESS_KEY_ID", "BUCKETRY_ALIYUN_OSS_SECURITY_TOKEN"]));
    expect(human.stdout).not.toMatch(/_REGION \(e\.g\.|also reads BUCKETRY_<PROVIDER>_ENDPOINT and _REGION/);
    expect(human.stdout).toMatch(new RegExp(`^ +hitachi-vsp-one-object +${hitachi.join(" ")}$`, "m"));
    // --help says the same: Hitachi's own variables, no region or key pair among them.
    const help = (await run(["--help"])).stdout.replace(/\s+/g, " ");
    expect(help).toContain("Hitachi _USER_ID, _TOKEN, _API_VERSION)");
    expect(help).not.toMatch(/BUCKETRY_<PROVIDER>_ENDPOINT, _REGION, _ACCESS_KEY_ID/);
  });

  it("get-acl (BOS): a Deny is not shown as a grant, a conditional grant is marked, and the note points at --raw", async () => {
    // A loopback stand-in for BOS answering one ACL with a Deny and an IP-conditional entry (the mock serves plain ones).
    const body = JSON.stringify({
      owner: { id: "owner-1" },
      accessControlList: [
        { grantee: [{ id: "owner-1" }], permission: ["FULL_CONTROL"] },
        { grantee: [{ id: "*" }], permission: ["WRITE"], effect: "Deny" },
        { grantee: [{ id: "*" }], permission: ["READ"], condition: { ipAddress: ["10.0.0.0/8"] } },
      ],
    });
    const bos = createHttpServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(body));
    await new Promise<void>((resolve) => bos.listen(0, "127.0.0.1", resolve));
    try {
      const endpoint = `http://127.0.0.1:${(bos.address() as AddressInfo).port}`;
      const env = cleanEnv({ BCE_ACCESS_KEY_ID: "ak", BCE_SECRET_ACCESS_KEY: "sk" });
      const human = await run(["get-acl", "--provider", "baidu-bos", "--endpoint", endpoint, "--bucket", "bucket-1"], env);
      expect(human.stderr).toBe("");
      expect(human.code).toBe(0);
      expect(human.stdout).toMatch(/everyone\s+READ\s+conditional or some objects/);
      expect(human.stdout).not.toMatch(/everyone\s+WRITE/);
      expect(human.stdout).toContain("--json --raw shows every entry");
      const [json] = jsonLines((await run(["get-acl", "--provider", "baidu-bos", "--endpoint", endpoint, "--bucket", "bucket-1", "--json"], env)).stdout);
      expect(json).toMatchObject({ conditional: true, grants: [{ grantee: { type: "user", id: "owner-1" }, permission: "FULL_CONTROL" }, { grantee: { type: "everyone" }, permission: "READ", scoped: true }] });
      expect(json).not.toHaveProperty("acl");
    } finally {
      await new Promise((resolve) => bos.close(resolve));
    }
  });

  it("get-acl (OSS): a <Grant> outside the page's three values is not described as a Deny or a condition", async () => {
    // The GetBucketAcl page: Grant "Valid values: private, public-read, and public-read-write". Another value (here
    // `default`, which OSS documents for objects only) leaves `acl` out and sets `conditional`; the note must not
    // say the ACL denies or grants under conditions, which OSS ACLs cannot.
    const body = '<?xml version="1.0" encoding="UTF-8"?>\n<AccessControlPolicy><Owner><ID>0022012</ID><DisplayName>0022012</DisplayName></Owner><AccessControlList><Grant>default</Grant></AccessControlList></AccessControlPolicy>';
    const oss = createHttpServer((_req, res) => res.writeHead(200, { "content-type": "application/xml" }).end(body));
    await new Promise<void>((resolve) => oss.listen(0, "127.0.0.1", resolve));
    try {
      const endpoint = `http://127.0.0.1:${(oss.address() as AddressInfo).port}`;
      const env = cleanEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: "ak", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "sk" });
      const human = await run(["get-acl", "--provider", "aliyun-oss", "--region", "cn-hangzhou", "--endpoint", endpoint, "--bucket", "examplebucket"], env);
      expect(human.code, human.stderr).toBe(0);
      expect(human.stdout).toMatch(/user 0022012\s+FULL_CONTROL/);
      expect(human.stdout).not.toMatch(/also denies/);
      expect(human.stdout).toContain("one bucketry does not know");
      expect(human.stdout).toContain("--json --raw shows every entry");
    } finally {
      await new Promise((resolve) => oss.close(resolve));
    }
  });

  it("list-buckets (ENS): endpoint from BUCKETRY_ALIYUN_ENS_ENDPOINT, --limit across pages, --json with ISO dates and no raw", async () => {
    const r = await run(["list-buckets", "--provider", "aliyun-ens", "--limit", "150", "--json"], envFor(server));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const rows = jsonLines(r.stdout);
    expect(rows.map((b) => b.name)).toEqual(server.mock.state.buckets.slice(0, 150).map((b) => b.name)); // two pages of 100
    expect(rows[0]).toMatchObject({ provider: "aliyun-ens", createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), region: expect.any(String) });
    expect(rows[0]).not.toHaveProperty("raw");
    const raw = jsonLines((await run(["list-buckets", "--provider", "aliyun-ens", "--limit", "1", "--json", "--raw"], envFor(server))).stdout);
    expect(raw[0]).toHaveProperty("raw.BucketName", rows[0]!.name);
  });

  it("list-buckets (ENS): --prefix and an aligned table", async () => {
    const r = await run(["list-buckets", "--provider", "aliyun-ens", "--prefix", "img", "--limit", "5"], envFor(server));
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^NAME\s+CREATED\s+REGION\s+ACL$/);
    expect(lines).toHaveLength(6);
    for (const line of lines.slice(1)) expect(line).toMatch(/^img-\d{6}-\w{4}\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+cn-\S+\s+(private|public-read|public-read-write)$/);
    expect(new Set(lines.map((l) => l.indexOf(l.split(/\s+/)[1]!)))).toHaveProperty("size", 1); // column 2 starts at one offset
  });

  it("list-buckets (MPC) with --endpoint, --region, --project-id flags", async () => {
    const env = cleanEnv({ HUAWEICLOUD_SDK_AK: server.credentials["huaweicloud-mpc"].accessKeyId, HUAWEICLOUD_SDK_SK: server.credentials["huaweicloud-mpc"].accessKeySecret });
    const o = server.clientOptions["huaweicloud-mpc"];
    const r = await run(["list-buckets", "--provider", "huaweicloud-mpc", "--endpoint", o.endpoint, "--region", o.region, "--project-id", o.projectId, "--json"], env);
    expect(r.code).toBe(0);
    const rows = jsonLines(r.stdout);
    expect(rows.length).toBe(server.mock.state.buckets.filter((b) => b.mpcRegion === o.region).length);
    expect(rows.every((b) => b.provider === "huaweicloud-mpc" && b.region === o.region)).toBe(true);
  });

  it("list-buckets (MPC) with --endpoint needs no --region", async () => {
    const env = cleanEnv({ HUAWEICLOUD_SDK_AK: server.credentials["huaweicloud-mpc"].accessKeyId, HUAWEICLOUD_SDK_SK: server.credentials["huaweicloud-mpc"].accessKeySecret });
    const o = server.clientOptions["huaweicloud-mpc"];
    const r = await run(["list-buckets", "--provider", "huaweicloud-mpc", "--endpoint", o.endpoint, "--project-id", o.projectId, "--json"], env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // The mock's MPC endpoint serves its test project's region.
    expect(jsonLines(r.stdout).map((b) => b.name)).toEqual(server.mock.state.buckets.filter((b) => b.mpcRegion === o.region).map((b) => b.name));
    const none = await run(["list-buckets", "--provider", "huaweicloud-mpc", "--project-id", o.projectId], env);
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining("huaweicloud-mpc needs --region")]);
  });

  it("list-buckets (Hitachi) with --user-id", async () => {
    const r = await run(["list-buckets", "--provider", "hitachi-vsp-one-object", "--user-id", "1", "--json"], envFor(server));
    expect(r.code).toBe(0);
    const rows = jsonLines(r.stdout);
    expect(rows.map((b) => b.name)).toEqual(server.mock.state.buckets.filter((b) => b.hitachiUserId === 1).map((b) => b.name));
    expect(rows[0]).toMatchObject({ id: expect.stringMatching(/^\d+$/) });
  });

  it("get-acl (OSS, BOS): table and --json", async () => {
    const bucket = server.mock.state.buckets.find((b) => b.acl === "public-read")!;
    const oss = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", bucket.name], envFor(server));
    expect(oss.code).toBe(0);
    expect(oss.stdout).toMatch(/^bucket\s+\S+\nowner\s+\d+\nacl\s+public-read\n/);
    expect(oss.stdout).toMatch(/everyone\s+READ/);
    const bos = await run(["get-acl", "--provider", "baidu-bos", "--bucket", bucket.name, "--json"], envFor(server));
    expect(bos.code).toBe(0);
    const [acl] = jsonLines(bos.stdout);
    expect(acl).toMatchObject({ provider: "baidu-bos", bucket: bucket.name, acl: "public-read", grants: expect.arrayContaining([{ grantee: { type: "everyone" }, permission: "READ" }]) });
    expect(acl).not.toHaveProperty("raw");
  });

  it("get-acl (OSS, BOS): --cname and --addressing, the client options of the same names", async () => {
    const env = envFor(server);
    const before = server.mock.requests.length;
    const cname = await run(["get-acl", "--provider", "aliyun-oss", "--endpoint", server.endpoints["aliyun-oss"], "--cname", "true", "--bucket", "examplebucket", "--json"], env);
    expect([cname.code, cname.stderr]).toEqual([0, ""]);
    const bucket = server.mock.state.buckets[1]!;
    const path = await run(["get-acl", "--provider", "baidu-bos", "--endpoint", server.endpoints["baidu-bos"], "--addressing", "path", "--bucket", bucket.name, "--json"], env);
    expect([path.code, path.stderr]).toEqual([0, ""]);
    const urls = [`${server.endpoints["aliyun-oss"]}/?acl`, `${server.endpoints["baidu-bos"]}/v1/${bucket.name}?acl`];
    expect(server.mock.requests.slice(before).filter((c) => urls.includes(c.url)).map((c) => [c.url, c.auth?.ok])).toEqual(urls.map((url) => [url, true]));
    // Each provider's --addressing help says its own default rule (one shared line said BOS's rule under OSS).
    const help = (await run(["get-acl", "--help"])).stdout.split("\n").filter((l) => l.includes("--addressing"));
    expect(help.find((l) => l.includes("aliyun-oss:"))).not.toMatch(/BOS|bcebos/);
    expect(help.find((l) => l.includes("baidu-bos:"))).toMatch(/\*\.bcebos\.com endpoint, path-style on any other host/);
    const bad = await run(["get-acl", "--provider", "aliyun-oss", "--addressing", "bucket", "--bucket", "b1"], env);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining("--addressing must be virtual-hosted or path")]);
    // A bad value in a variable names the variable: the user typed no flag.
    const fromEnv = await run(["get-acl", "--provider", "baidu-bos", "--bucket", "b1"], { ...env, BUCKETRY_BAIDU_BOS_CNAME: "1" });
    expect([fromEnv.code, fromEnv.stderr]).toEqual([2, expect.stringContaining("BUCKETRY_BAIDU_BOS_CNAME must be true or false, got 1")]);
    const version = await run(["list-buckets", "--provider", "hitachi-vsp-one-object", "--endpoint", server.endpoints["hitachi-vsp-one-object"], "--user-id", "0"], { ...env, BUCKETRY_HITACHI_VSP_ONE_OBJECT_API_VERSION: "3" });
    expect([version.code, version.stderr]).toEqual([2, expect.stringContaining("BUCKETRY_HITACHI_VSP_ONE_OBJECT_API_VERSION must be auto, 3.3 or 3.0, got 3")]);
    const elsewhere = await run(["whoami", "--provider", "aliyun-ens", "--cname", "true"], env);
    expect(elsewhere.code).toBe(2);
    // The providers that take --cname, read from their modules: a new vendor with the flag joins the list.
    const takers = /--cname applies to ([a-z0-9, -]+) only/.exec(elsewhere.stderr)?.[1]?.split(", ");
    expect(takers, elsewhere.stderr).toEqual(expect.arrayContaining(["baidu-bos", "aliyun-oss"]));
    for (const other of ["aliyun-ens", "huaweicloud-mpc", "hitachi-vsp-one-object"]) expect(takers).not.toContain(other);
  });

  it("demo: one table with rows from every provider; --json rows", async () => {
    const r = await run(["demo"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.split("\n\n")[0]!.split("\n");
    expect(header).toMatch(/^PROVIDER\s+OPERATION\s+BUCKET\s+CREATED\s+REGION\s+ACL$/);
    for (const p of VENDOR_IDS) expect(rows.filter((l) => l.startsWith(`${p} `))).toHaveLength(3);
    expect(r.stdout).toContain(`${VENDOR_IDS.length} of ${VENDOR_IDS.length} providers answered`);
    const json = jsonLines((await run(["demo", "--json", "--rows", "2"])).stdout);
    expect(new Set(json.map((j) => j.provider)).size).toBe(VENDOR_IDS.length);
    expect(json).toHaveLength(2 * VENDOR_IDS.length);
    expect(json.filter((j) => j.operation === "getBucketAcl").every((j) => typeof j.acl === "string")).toBe(true);
  });
});

describe.concurrent("help", () => {
  it("bucketry --help: commands, environment, profile file format, exit codes", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    for (const s of ["providers", "list-buckets", "get-acl", "mock", "demo", "config.json", '"profiles"', "chmod 600", "XDG_CONFIG_HOME", "Exit codes", "BUCKETRY_ALIYUN_OSS_ENDPOINT"]) expect(r.stdout).toContain(s);
    // The CLI's own per-provider variables, the security token beside the keys (settings.ts reads all three).
    expect(r.stdout.replace(/\s+/g, " ")).toContain("_ACCESS_KEY_ID, _ACCESS_KEY_SECRET, _SECURITY_TOKEN");
  });

  it.each(["providers", "list-buckets", "get-acl", "mock", "demo"])("%s --help has usage and examples", async (command) => {
    const r = await run([command, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: bucketry ${command}`);
    expect(r.stdout).toMatch(/Examples:\n {2}bucketry /);
    // Every command takes --debug (and -h, --json): its help lists it.
    expect(r.stdout).toMatch(/^ {2}--debug +\S/m);
  });

  // What each --debug prints (the notes: settings.ts's debugHooks, given to the commands that call a vendor and to demo).
  it.each([
    ["list-buckets", "retry notes, dropped vendor values, error detail and stack on stderr (never secrets)"],
    ["get-acl", "retry notes, dropped vendor values, error detail and stack on stderr (never secrets)"],
    ["sign", "error detail and stack on stderr (never secrets)"],
    ["whoami", "error detail and stack on stderr (never secrets)"],
  ])("%s --help says what its --debug prints", async (command, says) => {
    const r = await run([command, "--help"]);
    expect(r.stdout).toContain(`\n  --debug                ${says}\n`);
  });
});

describe("help examples", () => {
  // `bucketry --help` says its examples run against `bucketry mock` once its variables are sourced: each example
  // that needs nothing else (no profile, no placeholder, no vendor host) is run against `bucketry mock` itself.
  it("every example that needs only `bucketry mock`'s variables runs against it with exit 0", async () => {
    const { child, stdout, exited } = await start(["mock", "--json"], cleanEnv(), /\n/);
    try {
      const mock = JSON.parse(stdout.split("\n")[0]!) as { url: string; env: Record<string, string> };
      const texts = await Promise.all([["--help"], ...["providers", "list-buckets", "get-acl", "sign", "whoami", "mock", "demo"].map((c) => [c, "--help"])].map((args) => run(args)));
      const examples = texts.flatMap((r) => /\nExamples:\n((?: {2}.*\n)+)/.exec(r.stdout)![1]!.trimEnd().split("\n"));
      const runnable = examples
        .map((line) => line.trim().replace(/ {2,}#.*$/, "").replace(/^\. \.\/mock\.env && /, "").split(/ [|>] /)[0]!.trim())
        .filter((line) => /(^| )bucketry /.test(line) && !/…|--profile|^bucketry mock\b|https:\/\//.test(line))
        .map((line) => line.replaceAll("http://127.0.0.1:9000", mock.url));
      expect(runnable.length).toBeGreaterThan(8);
      for (const line of runnable) {
        const words = line.split(/ +/);
        const assigned = Object.fromEntries(words.filter((w, i) => i < words.indexOf("bucketry") && w.includes("=")).map((w) => w.split(/=(.*)/).slice(0, 2)));
        const r = await run(words.slice(words.indexOf("bucketry") + 1), cleanEnv({ ...mock.env, ...assigned }));
        expect({ line, code: r.code, stderr: r.stderr }).toEqual({ line, code: 0, stderr: "" });
      }
    } finally {
      child.kill("SIGTERM");
      await exited;
    }
  }, 120_000);
});

/** The error report: one line on stderr, no stack trace. */
const oneLine = (stderr: string) => {
  const lines = stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  return lines[0]!;
};

describe.concurrent("exit codes and error lines", () => {
  it("2: unknown flag, unknown provider, wrong command for the provider, missing --bucket, no command", async () => {
    const cases = [
      ["list-buckets", "--provider", "aliyun-ens", "--frobnicate"],
      ["list-buckets", "--provider", "aws-s3"],
      ["list-buckets", "--provider", "aliyun-oss"],
      ["get-acl", "--provider", "aliyun-oss", "--region", "cn-hangzhou"],
      ["list-buckets", "--provider", "aliyun-ens", "--limit", "zero"],
      ["frobnicate"],
      // Named like Object.prototype members: unknown, not looked up on the prototype.
      ["constructor"],
      ["toString"],
      ["help", "constructor"],
    ];
    const results = await Promise.all(cases.map((args) => run(args, envFor(server))));
    results.forEach((r, i) => {
      expect(r.code, cases[i]!.join(" ")).toBe(2);
      expect(oneLine(r.stderr)).toMatch(/^bucketry: .*--help/);
    });
    expect(results[0]!.stderr).toContain("--frobnicate");
    expect(results[2]!.stderr).toContain("get-acl");
    expect((await run([])).code).toBe(2);
  });

  it("2: a misspelled flag names the command's flag it is closest to; one that is close to none is named alone", async () => {
    const cases: Array<[string[], string]> = [
      [["list-buckets", "--provider", "aliyun-ens", "--limt", "5"], "--limt is not a flag of `bucketry list-buckets`: did you mean --limit?"],
      [["list-buckets", "--provider", "aliyun-ens", "--jsno"], "--jsno is not a flag of `bucketry list-buckets`: did you mean --json?"],
      [["list-buckets", "--Provider", "aliyun-ens"], "--Provider is not a flag of `bucketry list-buckets`: did you mean --provider?"],
      [["list-buckets", "--provider", "hitachi-vsp-one-object", "--user_id", "0"], "--user_id is not a flag of `bucketry list-buckets`: did you mean --user-id?"],
      // One dash: parseArgs names only "-l"; the argument is what was meant.
      [["list-buckets", "--provider", "aliyun-ens", "-limit", "5"], "-limit is not a flag of `bucketry list-buckets`: did you mean --limit?"],
      [["sign", "--provider", "aliyun-oss", "--bucket", "b", "--show-sig"], "--show-sig is not a flag of `bucketry sign`: did you mean --show-signature?"],
      [["mock", "--prot", "9000"], "--prot is not a flag of `bucketry mock`: did you mean --port?"],
      [["list-buckets", "--provider", "aliyun-ens", "--frobnicate"], "--frobnicate is not a flag of `bucketry list-buckets`"],
      [["list-buckets", "--provider", "aliyun-ens", "--pr", "x"], "--pr is not a flag of `bucketry list-buckets`"],
    ];
    const results = await Promise.all(cases.map(([args]) => run(args, envFor(server))));
    results.forEach((r, i) => {
      const [args, message] = cases[i]!;
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toBe(`bucketry: ${message} (see \`bucketry ${args[0]} --help\`)\n`);
    });
    const j = await run(["list-buckets", "--provider", "aliyun-ens", "--limt", "5", "--json"], envFor(server));
    expect(JSON.parse(j.stderr)).toMatchObject({ error: { kind: "Usage", message: "--limt is not a flag of `bucketry list-buckets`: did you mean --limit?", exitCode: 2 } });
  });

  it("1: demo without msw (a peer dependency of @bucketry/mocks) says to install msw", async () => {
    const env = cleanEnv();
    const withoutMsw = new URL("./fixtures/without-msw.mjs", import.meta.url).pathname;
    const r = await run(["demo"], { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --import=${withoutMsw}` });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toContain("`bucketry demo` needs msw, which @bucketry/mocks takes as a peer dependency: run `npm install msw`");
  });

  it("5: demo with a provider failing: with --json its error is a JSON line on stderr, as other commands report errors; else one text line", async () => {
    // The real mock, whose servers answer baidu-bos with a 500 on every request (a loader fixture swaps the module
    // `demo` imports; the CLI itself has no switch for it).
    const env = cleanEnv();
    const failing = new URL("./fixtures/failing-mock.mjs", import.meta.url).pathname;
    const withFailure = { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --import=${failing}` };
    const j = await run(["demo", "--json", "--rows", "1"], withFailure);
    expect(j.code, j.stderr).toBe(5);
    expect(JSON.parse(oneLine(j.stderr))).toMatchObject({ error: { name: "BucketryError", provider: "baidu-bos", kind: "ServerError", status: 500, exitCode: 5 } });
    const rows = jsonLines(j.stdout);
    expect(rows.filter((r) => r.error !== undefined).map((r) => r.provider)).toEqual(["baidu-bos"]);
    expect(rows.filter((r) => r.error === undefined).map((r) => r.provider).sort()).toEqual(VENDOR_IDS.filter((p) => p !== "baidu-bos").sort());
    const t = await run(["demo", "--rows", "1"], withFailure);
    expect(t.code, t.stderr).toBe(5);
    expect(oneLine(t.stderr)).toMatch(/^bucketry: baidu-bos answered HTTP 500 .*\(kind ServerError, request id \S+\)$/);
  });

  it("demo --debug: a provider's failure is followed by the error's detail, as in the other commands, and no credential", async () => {
    const env = cleanEnv();
    const failing = new URL("./fixtures/failing-mock.mjs", import.meta.url).pathname;
    const withFailure = { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --import=${failing}` };
    // The embedded mock's credentials are the public test ones every mock server has (this file's `server` too).
    const secrets = Object.values(server.credentials).flatMap((c) => Object.values(c as Record<string, string>));
    expect(secrets.length).toBeGreaterThan(5);
    for (const args of [["demo", "--debug", "--rows", "1"], ["demo", "--json", "--debug", "--rows", "1"]]) {
      const r = await run(args, withFailure);
      expect(r.code, r.stderr).toBe(5);
      const [report, detail, ...stack] = r.stderr.trimEnd().split("\n");
      expect(report).toMatch(args.includes("--json") ? /^\{"error":\{"name":"BucketryError","provider":"baidu-bos"/ : /^bucketry: baidu-bos answered HTTP 500 /);
      // The detail --debug adds after an error line (main's, for the other commands): the error's fields, then its stack.
      expect(detail).toMatch(/^BucketryError \{.*"provider":"baidu-bos".*"kind":"ServerError".*"status":500/);
      expect(stack.length).toBeGreaterThan(0);
      for (const line of stack) expect(line).toMatch(/^ {4}at /);
      for (const secret of secrets) expect(r.stdout + r.stderr).not.toContain(secret);
    }
    // Without --debug, the error line alone (as before).
    expect((await run(["demo", "--rows", "1"], withFailure)).stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("demo --debug: a vendor value the table shows as '-' (dropped, not failed) is noted, as list-buckets --debug notes it", async () => {
    const env = cleanEnv();
    const oddAcl = new URL("./fixtures/odd-acl-mock.mjs", import.meta.url).pathname;
    const withOddAcl = { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --import=${oddAcl}` };
    const quiet = await run(["demo", "--rows", "1"], withOddAcl);
    expect([quiet.code, quiet.stderr]).toEqual([0, ""]);
    const debug = await run(["demo", "--rows", "1", "--debug"], withOddAcl);
    expect(debug.code, debug.stderr).toBe(0);
    expect(debug.stderr).toMatch(/^bucketry: warning: aliyun-ens: bucket \S+: BucketAcl left out \(expected a canned ACL, got "default"\)$/m);
  });

  it("2: a --user-id past 2^53 is refused, not rounded to another user's id", async () => {
    const r = await run(["list-buckets", "--provider", "hitachi-vsp-one-object", "--user-id", "9007199254740993"], envFor(server));
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toContain("--user-id 9007199254740993 is larger than an id can be (at most 9007199254740991)");
  });

  it("2: an empty flag value (an unset shell variable) is refused, not taken as the flag left out (endpoint, region, profile)", async () => {
    for (const [flag, value] of [["--endpoint", ""], ["--region", " "], ["--profile", ""]] as const) {
      const r = await run(["list-buckets", "--provider", "aliyun-ens", flag, value], { ...envFor(server), BUCKETRY_PROFILE: "unused" });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(`bucketry: ${flag} is empty: give it a value, or leave it out (see \`bucketry list-buckets --help\`)\n`);
    }
    const eq = await run(["get-acl", "--provider", "aliyun-oss", "--bucket=examplebucket", "--endpoint="], envFor(server));
    expect(eq.code).toBe(2);
    expect(eq.stderr).toContain("--endpoint is empty");
    // An empty --prefix filters nothing: still taken.
    const prefix = await run(["list-buckets", "--provider", "aliyun-ens", "--prefix", "", "--limit", "1", "--json"], envFor(server));
    expect(prefix.code, prefix.stderr).toBe(0);
    expect(jsonLines(prefix.stdout)).toHaveLength(1);
  });

  it("2: a flag taking a value given twice is refused, naming it, not the last one silently taken", async () => {
    const cases: [string[], string, string][] = [
      [["list-buckets", "--provider", "aliyun-ens", "--region", "cn-hangzhou", "--region", "ap-southeast-1"], "--region", "list-buckets"],
      [["list-buckets", "--provider", "aliyun-ens", "--provider", "huaweicloud-mpc"], "--provider", "list-buckets"],
      [["get-acl", "--provider", "aliyun-oss", "--bucket", "a", "--bucket=b"], "--bucket", "get-acl"],
      [["list-buckets", "--provider", "huaweicloud-mpc", "--project-id", "a", "--project-id", "b"], "--project-id", "list-buckets"],
      [["sign", "--provider", "aliyun-oss", "--endpoint=http://127.0.0.1:1", "--endpoint", "http://127.0.0.1:2"], "--endpoint", "sign"],
      [["mock", "--port", "0", "--port", "0"], "--port", "mock"],
    ];
    for (const [args, flag, command] of cases) {
      const r = await run(args, envFor(server));
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(`bucketry: ${flag} is given more than once: give it once (see \`bucketry ${command} --help\`)\n`);
    }
    // A switch given twice means the same: still taken.
    const twice = await run(["providers", "--json", "--json"], envFor(server));
    expect(twice.code, twice.stderr).toBe(0);
  });

  it("2: --json given a value (--json=x) is refused as a JSON line, as the output it asked for", async () => {
    const r = await run(["list-buckets", "--provider", "aliyun-ens", "--json=x"], envFor(server));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(JSON.parse(oneLine(r.stderr))).toMatchObject({ error: { exitCode: 2, message: expect.stringContaining("--json") } });
  });

  it("2: a --limit or --retries past 2^53 names the upper bound (not \">= 1\", which it is)", async () => {
    for (const flag of ["--limit", "--retries"]) {
      const r = await run(["list-buckets", "--provider", "aliyun-ens", flag, "99999999999999999999"], envFor(server));
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`bucketry: ${flag} must be an integer from 1 to 9007199254740991, got "99999999999999999999" (see \`bucketry list-buckets --help\`)\n`);
    }
    const zero = await run(["list-buckets", "--provider", "aliyun-ens", "--limit", "0"], envFor(server));
    expect(zero.stderr).toContain('--limit must be an integer >= 1, got "0"');
  });

  it("2: a --signature-version for a provider with one scheme, and a --timeout no timer can hold, name the flag", async () => {
    const bos = await run(["get-acl", "--provider", "baidu-bos", "--bucket", "examplebucket", "--signature-version", "v1"], envFor(server));
    expect(bos.code).toBe(2);
    expect(oneLine(bos.stderr)).toContain("--signature-version: baidu-bos has a single signature scheme; leave it out");
    const timeout = await run(["list-buckets", "--provider", "aliyun-ens", "--timeout", "99999999999"], envFor(server));
    expect(timeout.code).toBe(2);
    expect(oneLine(timeout.stderr)).toContain('--timeout must be an integer from 0 to 2147483647, got "99999999999"');
  });

  it("2: a flag whose value starts with '-' says to write --flag=VALUE; a connection flag a command does not use is named as such", async () => {
    const dash = await run(["list-buckets", "--provider", "aliyun-ens", "--prefix", "-logs"], envFor(server));
    expect(dash.code).toBe(2);
    expect(oneLine(dash.stderr)).toContain('--prefix needs a value; for a value starting with "-" write --prefix=VALUE');
    const cases = [
      ["whoami", "--provider", "aliyun-ens", "--timeout", "5000"],
      ["whoami", "--provider", "aliyun-oss", "--signature-version=v1"],
      ["whoami", "--provider", "aliyun-ens", "--raw"],
      ["sign", "--provider", "aliyun-ens", "--retries", "2"],
    ];
    const results = await Promise.all(cases.map((args) => run(args, envFor(server))));
    results.forEach((r, i) => {
      const flag = cases[i]![3]!.split("=")[0]!;
      expect(r.code, cases[i]!.join(" ")).toBe(2);
      expect(oneLine(r.stderr)).toContain(`${flag} does not apply to \`bucketry ${cases[i]![0]}\``);
    });
    const help = await run(["whoami", "--help"], envFor(server));
    expect(help.stdout).not.toMatch(/--(timeout|retries|raw|signature-version)\b/);
    expect(help.stdout).toContain("--endpoint URL");
  });

  it("2: a flag value the library refuses is a usage error naming the CLI's flag, not the option behind it (--project-id, not projectId)", async () => {
    const r = await run(["list-buckets", "--provider", "huaweicloud-mpc", "--region", "cn-north-4", "--project-id=a/b"], envFor(server));
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toContain("huaweicloud-mpc: --project-id must be the 32-character project id");
    expect(r.stderr).not.toContain("projectId");
    expect(r.stderr).not.toContain("--profile"); // no credentials are at fault
    // Bucket names, endpoints and regions too: exit 3 would send a script to refresh credentials.
    const keys = { BUCKETRY_ALIYUN_OSS_ACCESS_KEY_ID: "LTAI5tFlagValues", BUCKETRY_ALIYUN_OSS_ACCESS_KEY_SECRET: "flag-values-secret" };
    for (const [args, says] of [
      [["--bucket", "Bad_Name", "--region", "cn-hangzhou"], /bucket/],
      [["--bucket", "examplebucket", "--region", "cn-hangzhou", "--endpoint", "ftp://127.0.0.1:9"], /endpoint/],
      [["--bucket", "examplebucket", "--region", "Hangzhou"], /region must be a region id such as cn-hangzhou, got "Hangzhou"/],
    ] as const) {
      const bad = await run(["get-acl", "--provider", "aliyun-oss", ...args], cleanEnv(keys));
      expect(bad.code, `${args.join(" ")}: ${bad.stderr}`).toBe(2);
      expect(bad.stderr).toMatch(says);
    }
  });

  it("--json's error message gives the error line's advice: flags (--project-id, --cname true, --addressing path), not the library's options", async () => {
    // Nothing is sent: each is refused before a request (the discard port stands for any endpoint).
    const mpc = ["list-buckets", "--provider", "huaweicloud-mpc", "--endpoint", "http://127.0.0.1:9", "--region", "cn-north-4"];
    const keys = cleanEnv({ HUAWEICLOUD_SDK_AK: "HWAKJSONADVICE", HUAWEICLOUD_SDK_SK: "json-advice-secret" });
    const oss = ["get-acl", "--provider", "aliyun-oss", "--endpoint", "http://127.0.0.1:9", "--region", "cn-hangzhou", "--bucket", "b1", "--cname", "true", "--addressing", "path"];
    const ossKeys = cleanEnv({ BUCKETRY_ALIYUN_OSS_ACCESS_KEY_ID: "LTAI5tJsonAdvice", BUCKETRY_ALIYUN_OSS_ACCESS_KEY_SECRET: "json-advice-secret" });
    for (const [args, env, says] of [
      [mpc, keys, /^huaweicloud-mpc: --project-id is required with the endpoint 127\.0\.0\.1.*\(pass --project-id, set HUAWEICLOUD_SDK_PROJECT_ID/],
      [oss, ossKeys, /^aliyun-oss: --cname true addresses the bucket by its own domain; it cannot be combined with --addressing path$/],
    ] as const) {
      const line = await run([...args], env);
      const json = await run([...args, "--json"], env);
      expect([line.code, json.code], line.stderr).toEqual([2, 2]);
      const { message } = JSON.parse(json.stderr).error as { message: string };
      expect(message).toMatch(says);
      expect(line.stderr.replace(/^bucketry: /, "")).toMatch(new RegExp(says.source.replace(/\$$/, "")));
      expect(message).not.toMatch(/projectId|cname: |addressing: /);
    }
    // The credential chains' hints for library callers are left out of --json as of the line.
    const ens = await run(["list-buckets", "--provider", "aliyun-ens", "--endpoint", "http://127.0.0.1:9", "--json"]);
    const hitachi = await run(["list-buckets", "--provider", "hitachi-vsp-one-object", "--endpoint", "http://127.0.0.1:9/mapi", "--user-id", "0", "--json"]);
    for (const r of [ens, hitachi]) {
      expect(r.code, r.stderr).toBe(3);
      const { message } = JSON.parse(r.stderr).error as { message: string };
      expect(message).not.toMatch(/pass `credentials|in the options/);
    }
    expect((JSON.parse(hitachi.stderr).error as { message: string }).message).toBe(
      "hitachi-vsp-one-object: no credentials: set VSP_ONE_OBJECT_TOKEN (or VSP_ONE_OBJECT_TOKEN_FILE, or VSP_ONE_OBJECT_USERNAME, VSP_ONE_OBJECT_PASSWORD and VSP_ONE_OBJECT_TOKEN_URL)",
    );
  });

  it("3: missing credentials name the vendor's env vars; a bad secret is an auth error with a request id and no secret", async () => {
    const missing = await run(["list-buckets", "--provider", "aliyun-ens", "--endpoint", server.endpoints["aliyun-ens"]]);
    expect(missing.code).toBe(3);
    expect(oneLine(missing.stderr)).toMatch(/ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET/);
    expect(missing.stderr).not.toContain("in the options"); // the library's hint, meaningless on a command line
    const secret = "TotallyWrongSecretValue0123456789";
    for (const extra of [[], ["--debug"]]) {
      const bad = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", "examplebucket", ...extra], envFor(server, { BUCKETRY_ALIYUN_OSS_ACCESS_KEY_SECRET: secret }));
      expect(bad.code).toBe(3);
      // The error line, then (OSS reports what it signed, and it is the same text) what differs: the secret.
      if (!extra.length) {
        expect(bad.stderr.trimEnd().split("\n")).toEqual([
          expect.stringMatching(/SignatureDoesNotMatch.*kind SignatureMismatch.*request id \S+/),
          "bucketry: aliyun-oss signed the same text as bucketry, so the secret (AccessKey secret) is what differs",
        ]);
      }
      expect(bad.stderr).not.toContain(secret);
      expect(bad.stderr).not.toContain("MockOss"); // nor the (mock's) key id's secret
    }
  });

  it("4: unknown bucket (NoSuchBucket) with vendor code, request id, OSS's EC and its help page", async () => {
    const r = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", "no-such-bucket-here"], envFor(server));
    expect(r.code).toBe(4);
    // The mock answers the spec's NoSuchBucket example: <EC>0015-00000101</EC> and its <RecommendDoc>.
    expect(oneLine(r.stderr)).toMatch(
      /^bucketry: aliyun-oss answered HTTP 404 \(NoSuchBucket.*kind NoSuchBucket, request id [0-9A-F]+, EC 0015-00000101\) — see https:\/\/api\.aliyun\.com\/troubleshoot\?q=0015-00000101$/,
    );
  });

  it("6: connection refused on a closed port (one line; --json gives a JSON error line)", async () => {
    // The discard port, which nothing listens on (a port freed by closing a server could be taken by a parallel test's).
    const args = ["list-buckets", "--provider", "aliyun-ens", "--endpoint", "http://127.0.0.1:9", "--retries", "2"];
    const r = await run(args, envFor(server));
    expect(r.code).toBe(6);
    expect(oneLine(r.stderr)).toMatch(/network error.*kind Network.*2 attempts/);
    expect(r.stderr).toContain("ECONNREFUSED");
    const j = await run([...args, "--json"], envFor(server));
    expect(j.code).toBe(6);
    expect(JSON.parse(oneLine(j.stderr))).toMatchObject({ error: { kind: "Network", provider: "aliyun-ens", exitCode: 6 } });
  });
});

describe("stderr whose reader is gone", () => {
  it("the command still ends with its own exit code (6), not a crash with 1", async () => {
    const port = 9; // the discard port: nothing listens there (a freed port could be taken by a parallel test's server)
    /** The binary with stderr a pipe whose only reader is closed before the child starts (as `2> >(head -1)` once head is done). */
    const withClosedStderr = (args: string[]) => {
      const child = spawn(process.execPath, [bin, ...args], { env: envFor(server), stdio: ["ignore", "pipe", "pipe"] });
      child.stderr!.destroy();
      let stdout = "";
      child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
      return new Promise<{ code: number | null; stdout: string }>((resolve) => child.once("close", (code) => resolve({ code, stdout })));
    };
    // --debug writes a retry note on stderr while the command runs.
    const failed = await withClosedStderr(["list-buckets", "--provider", "aliyun-ens", "--endpoint", `http://127.0.0.1:${port}`, "--retries", "2", "--debug"]);
    expect(failed).toEqual({ code: 6, stdout: "" });
  });
});

describe.concurrent("stdout that cannot be written", () => {
  /** Runs the binary with stdout on a descriptor opened read-only (every write fails with EBADF); stderr captured. */
  const withUnwritableStdout = (args: string[], env: NodeJS.ProcessEnv) => {
    const file = join(env.HOME!, "stdout-read-only");
    writeFileSync(file, "");
    const fd = openSync(file, "r");
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ["ignore", fd, "pipe"] });
    closeSync(fd);
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    return new Promise<{ code: number | null; stderr: string }>((resolve) => child.once("close", (code) => resolve({ code, stderr })));
  };

  it("1 with one line on stderr, not exit 0 with the output lost (providers) nor a stack trace (list-buckets --json)", async () => {
    const p = await withUnwritableStdout(["providers"], cleanEnv());
    expect(p.stderr).toBe("bucketry: cannot write the output to stdout: EBADF\n");
    expect(p.code).toBe(1);
    const l = await withUnwritableStdout(["list-buckets", "--provider", "aliyun-ens", "--limit", "3", "--json"], envFor(server));
    expect(l.stderr).toBe("bucketry: cannot write the output to stdout: EBADF\n");
    expect(l.code).toBe(1);
  });
});

describe("exit code 5 (scenarios on their own server)", () => {
  it("5: a 500 from the API after the retries; a documented non-auth error", async () => {
    faulty.mock.use(scenario.status("aliyun-oss", 500, { always: true }));
    try {
      const r = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", "examplebucket", "--retries", "2", "--debug"], envFor(faulty));
      expect(r.code).toBe(5);
      expect(r.stderr).toMatch(/^bucketry: aliyun-oss answered HTTP 500.*kind ServerError, request id \S+, 2 attempts\)$/m);
      expect(r.stderr).toMatch(/retrying in \d+ ms/); // --debug: retry notes and the error's detail
    } finally {
      faulty.mock.reset();
    }
    faulty.mock.use(scenario.error("huaweicloud-mpc", "400"));
    try {
      const r = await run(["list-buckets", "--provider", "huaweicloud-mpc"], envFor(faulty));
      expect(r.code).toBe(5);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/huaweicloud-mpc answered HTTP 400 .*kind InvalidArgument/);
    } finally {
      faulty.mock.reset();
    }
  });
});

describe.concurrent("mock", () => {
  it("mock --json prints one parseable line, serves requests, and exits 0 on SIGTERM", async () => {
    const { child, stdout, exited } = await start(["mock", "--json", "--buckets", "50"], cleanEnv(), /\n/);
    const info = JSON.parse(stdout.split("\n")[0]!) as { endpoints: Record<string, string>; credentials: Record<string, unknown>; env: Record<string, string> };
    expect(Object.keys(info.endpoints).sort()).toEqual([...VENDOR_IDS].sort());
    expect(info.credentials["baidu-bos"]).toMatchObject({ accessKeyId: expect.any(String) });
    // The printed variables are all a shell needs: every command works with them and nothing else.
    const list = await run(["list-buckets", "--provider", "hitachi-vsp-one-object", "--json"], cleanEnv(info.env));
    expect(list.code).toBe(0);
    expect(jsonLines(list.stdout).length).toBeGreaterThan(0);
    child.kill("SIGTERM");
    expect(await exited).toEqual({ code: 0, signal: null });
  });

  it("mock: a --host it cannot listen on says what is wrong with the host (the code once), not to choose another --port", async () => {
    // The name's lookup fails as getaddrinfo reports it, without a DNS query (dns-failure-child.mjs).
    const failingLookup = (code: string) => cleanEnv({ BUCKETRY_TEST_DNS_FAILURE: code, NODE_OPTIONS: `--import=${NETWORK_GUARD_CHILD} --import=${DNS_FAILURE_CHILD}` });
    for (const [code, why] of [
      ["ENOTFOUND", "the host name does not resolve (ENOTFOUND); give --host an address (127.0.0.1) or a name that resolves (localhost)"],
      ["EAI_AGAIN", "the host name could not be resolved now (no answer from DNS: it is unreachable or failing) (EAI_AGAIN); give --host an address (127.0.0.1), or try again once DNS answers"],
    ] as const) {
      const r = await run(["mock", "--host", "no-such-host.invalid"], failingLookup(code));
      expect([r.code, r.stdout, r.stderr]).toEqual([2, "", `bucketry: mock: cannot listen on no-such-host.invalid:0: ${why}\n`]);
    }
    // 192.0.2.1 (reserved for documentation) is no machine's address: bind alone refuses it, nothing is sent.
    const foreign = await run(["mock", "--host", "192.0.2.1"], cleanEnv());
    expect([foreign.code, foreign.stderr]).toEqual([2, "bucketry: mock: cannot listen on 192.0.2.1:0: the address is not one of this machine's (EADDRNOTAVAIL); give --host one of its addresses (127.0.0.1; 0.0.0.0 for all of them)\n"]);
  });

  it("mock --host names the address it listens on; the endpoints it prints work (OSS path-style on localhost)", async () => {
    const { child, stdout, exited } = await start(["mock", "--json", "--host", "localhost", "--buckets", "20"], cleanEnv(), /\n/);
    const info = JSON.parse(stdout.split("\n")[0]!) as { url: string; env: Record<string, string> };
    expect(info.url).toMatch(/^http:\/\/localhost:\d+$/);
    expect(info.env.BUCKETRY_ALIYUN_OSS_ENDPOINT).toBe(`${info.url}/aliyun-oss`);
    const acl = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", "examplebucket", "--json"], cleanEnv(info.env));
    expect([acl.code, acl.stderr]).toEqual([0, ""]);
    child.kill("SIGTERM");
    expect(await exited).toEqual({ code: 0, signal: null });
  });

  it("mock: an out-of-range --port or --buckets, or a port in use, is a usage error (exit 2) saying which, not 'unexpected error'", async () => {
    const port = await run(["mock", "--port", "99999"], cleanEnv());
    expect([port.code, port.stderr]).toEqual([2, expect.stringContaining('--port must be an integer from 0 to 65535, got "99999"')]);
    const buckets = await run(["mock", "--buckets", "5000000"], cleanEnv());
    expect([buckets.code, buckets.stderr]).toEqual([2, expect.stringContaining("--buckets must be an integer from 0 to 1000000")]);
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    try {
      const inUse = (taken.address() as { port: number }).port;
      const busy = await run(["mock", "--port", String(inUse)], cleanEnv());
      expect(busy.code).toBe(2);
      expect(busy.stderr).toContain(`cannot listen on 127.0.0.1:${inUse}: the port is in use (EADDRINUSE)`);
    expect(busy.stderr).toMatch(/^bucketry: mock: cannot listen/); // one prefix, not "bucketry: bucketry mock:"
      expect(busy.stderr).not.toContain("unexpected error");
      // Its --help says so, in the words of the mocks' own CLI (which exits 2 for it too).
      expect((await run(["mock", "--help"], cleanEnv())).stdout).toMatch(/\b2 usage:\s[^.]*--port\/--host it cannot listen on \(the port is in use/);
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });

  it("mock --max-body-bytes answers a body over it 413; --credentialed-origin (repeatable) lets only the listed origins send cookies", async () => {
    const args = ["mock", "--json", "--buckets", "5", "--max-body-bytes", "16", "--credentialed-origin", "https://app.example", "--credentialed-origin", "http://other.test:3000"];
    const { child, stdout, exited } = await start(args, cleanEnv(), /\n/);
    try {
      const { url } = JSON.parse(stdout.split("\n")[0]!) as { url: string };
      const post = (body: string) => fetch(`${url}/aliyun-ens/`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
      const over = await post("Action=ListBucket");
      expect([over.status, await over.text()]).toEqual([413, "@bucketry/mocks: the request body is over 16 bytes (maxBodyBytes)"]);
      const at = await post("Action=ListBuck");
      await at.arrayBuffer();
      expect(at.status).not.toBe(413);
      const credentialsAllowed = async (origin: string) => {
        const preflight = await fetch(`${url}/aliyun-oss/?acl`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "GET" } });
        const get = await fetch(`${url}/aliyun-oss/?acl`, { headers: { origin } });
        await get.arrayBuffer();
        return [preflight.headers.get("access-control-allow-credentials"), get.headers.get("access-control-allow-credentials")];
      };
      expect(await credentialsAllowed("https://app.example")).toEqual(["true", "true"]);
      expect(await credentialsAllowed("http://other.test:3000")).toEqual(["true", "true"]);
      expect(await credentialsAllowed("https://unlisted.example")).toEqual([null, null]);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toEqual({ code: 0, signal: null });
  });

  it.each([
    [["--max-body-bytes", "1.5"], '--max-body-bytes must be an integer >= 0, got "1.5"'],
    [["--max-body-bytes=-1"], '--max-body-bytes must be an integer >= 0, got "-1"'],
    [["--credentialed-origin", "https://app.example/path"], '--credentialed-origin "https://app.example/path" is not an origin: write scheme://host[:port] as a browser sends it, no path (https://app.example:8443)'],
    [["--credentialed-origin", "*"], '--credentialed-origin "*" is not an origin: write scheme://host[:port] as a browser sends it, no path (https://app.example:8443)'],
    [["--credentialed-origin="], "--credentialed-origin is empty: give it an origin (scheme://host[:port]), or leave it out"],
  ])("mock %j is a usage error (exit 2) saying what to change, before serving", async (flags, message) => {
    const r = await run(["mock", ...flags], cleanEnv());
    expect(r).toEqual({ code: 2, stdout: "", stderr: `bucketry: ${message} (see \`bucketry mock --help\`)\n` });
  });

  it("mock prints export lines a shell can source, and exits 0 on SIGINT", async () => {
    const { child, stdout, exited } = await start(["mock"], cleanEnv(), /# Hitachi users/);
    const vars = Object.fromEntries([...stdout.matchAll(/^export (\w+)=(\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
    expect(vars).toMatchObject({ BUCKETRY_ALIYUN_OSS_ENDPOINT: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/aliyun-oss$/), ALIBABA_CLOUD_ACCESS_KEY_ID: expect.any(String), BCE_SECRET_ACCESS_KEY: expect.any(String) });
    const results = await Promise.all([
      run(["get-acl", "--provider", "aliyun-oss", "--bucket", "examplebucket", "--json"], cleanEnv(vars)),
      run(["list-buckets", "--provider", "huaweicloud-mpc", "--limit", "2", "--json"], cleanEnv(vars)),
    ]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    child.kill("SIGINT");
    expect(await exited).toEqual({ code: 0, signal: null });
  });
});

describe.concurrent("profiles", () => {
  const write = (env: NodeJS.ProcessEnv, dir: string, mode: number, doc: unknown) => {
    mkdirSync(join(dir, "bucketry"), { recursive: true });
    const path = join(dir, "bucketry", "config.json");
    writeFileSync(path, JSON.stringify(doc));
    chmodSync(path, mode);
    return path;
  };
  const doc = () => ({
    profiles: { mock: { "aliyun-oss": { ...server.credentials["aliyun-oss"], region: "cn-hangzhou", endpoint: server.endpoints["aliyun-oss"] } } },
  });

  it("refuses a group/world-readable file with secrets (chmod 600 <path>), uses it once it is 0600", async () => {
    const env = cleanEnv();
    const path = write(env, env.XDG_CONFIG_HOME!, 0o644, doc());
    const refused = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", "examplebucket", "--profile", "mock"], env);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`chmod 600 ${path}`);
    expect(refused.stderr).not.toContain(server.credentials["aliyun-oss"].accessKeySecret);
    chmodSync(path, 0o600);
    const ok = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", "examplebucket", "--profile", "mock", "--json"], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(jsonLines(ok.stdout)[0]).toMatchObject({ provider: "aliyun-oss", bucket: "examplebucket" });
    const who = await run(["whoami", "--provider", "aliyun-oss", "--profile", "mock", "--json"], env);
    expect(JSON.parse(who.stdout)).toMatchObject({ source: `profile mock (${path})` });
  });

  it("a config.json with a syntax error is exit 3, naming the file and quoting none of its text", async () => {
    const env = cleanEnv();
    const path = write(env, env.XDG_CONFIG_HOME!, 0o600, {});
    writeFileSync(path, '{ "profiles": { "p": { "aliyun-oss": { "accessKeySecret": TopSecretValue123 } } } }');
    const r = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", "examplebucket", "--profile", "p"], env);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${path} is not valid JSON`);
    expect(r.stderr).not.toMatch(/TopSecret/);
    // Where the syntax breaks, as a line and column (no text of the file).
    writeFileSync(path, '{\n  "profiles": {\n    "p": { "aliyun-oss": { "accessKeySecret": "TopSecretValue123" "region": "cn-hangzhou" } }\n  }\n}\n');
    const at = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", "examplebucket", "--profile", "p"], env);
    expect(at.code).toBe(3);
    expect(at.stderr).toBe(`bucketry: ${path} is not valid JSON at line 3, column 67: fix its syntax (a missing quote or comma)\n`);
    writeFileSync(path, '{ "profiles": { "p": { "aliyun-oss": { "accessKeySecret":');
    const cut = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", "examplebucket", "--profile", "p"], env);
    expect(cut.stderr).toBe(`bucketry: ${path} is not valid JSON (it ends too early): fix its syntax (a missing quote or comma)\n`);
  });

  it("reads ~/.config/bucketry/config.json without XDG_CONFIG_HOME; BUCKETRY_PROFILE; unknown profile is exit 3", async () => {
    const env = cleanEnv();
    delete env.XDG_CONFIG_HOME;
    write(env, join(env.HOME!, ".config"), 0o600, doc());
    const ok = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", "examplebucket"], { ...env, BUCKETRY_PROFILE: "mock" });
    expect(ok.code, ok.stderr).toBe(0);
    const unknown = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", "examplebucket", "--profile", "work"], env);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/profile "work" is not in .*profiles: mock/);
    const inherited = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", "examplebucket", "--profile", "constructor"], env);
    expect(inherited.code).toBe(3);
    expect(inherited.stderr).toMatch(/profile "constructor" is not in .*profiles: mock/);
    // A profile named on the command line without this provider is an error, not a silent switch to other credentials.
    const other = await run(["list-buckets", "--provider", "aliyun-ens", "--profile", "mock"], { ...env, ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAIother", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "other-secret" });
    expect(other.code).toBe(3);
    expect(other.stderr).toMatch(/--profile mock has no "aliyun-ens" entry in .*config\.json \(it has: aliyun-oss\)/);
  });

  it("a key the provider does not read (a Hitachi entry's access keys, an OSS entry's token) is exit 3, not ignored while the environment's credentials are used", async () => {
    // The environment holds working credentials for both (the mock's): an ignored profile key would go unnoticed.
    const env = envFor(server);
    const path = write(env, env.XDG_CONFIG_HOME!, 0o600, {
      profiles: {
        keys: { "hitachi-vsp-one-object": { accessKeyId: "AKIDprofile", accessKeySecret: "ProfileSecret123", userId: 0 } },
        token: { "aliyun-oss": { token: "ProfileToken123", region: "cn-hangzhou" } },
        fine: { "huaweicloud-mpc": { token: "IamToken123", projectId: "0a1b2c3d4e5f60718293a4b5c6d7e8f9" }, "hitachi-vsp-one-object": { token: "t", userId: 0 } },
      },
    });
    const hitachi = await run(["list-buckets", "--provider", "hitachi-vsp-one-object", "--profile", "keys", "--limit", "1"], env);
    expect(hitachi.code, hitachi.stdout).toBe(3);
    expect(hitachi.stdout).toBe("");
    expect(hitachi.stderr).toBe(
      `bucketry: ${path}: profiles.keys["hitachi-vsp-one-object"] has "accessKeyId", "accessKeySecret", which hitachi-vsp-one-object does not use: remove them (its keys: endpoint, token, username, password, tokenUrl, clientId, clientSecret, realm, scope, userId)\n`,
    );
    const oss = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", "examplebucket", "--profile", "token"], env);
    expect(oss.code, oss.stdout).toBe(3);
    expect(oss.stderr).toContain(`profiles.token["aliyun-oss"] has "token", which aliyun-oss does not use: remove it (its keys: endpoint, region, signatureVersion, accessKeyId, accessKeySecret, securityToken)`);
    expect(hitachi.stderr + oss.stderr).not.toMatch(/ProfileSecret123|ProfileToken123/);
    // The keys a provider does read are accepted (MPC's IAM token and project id, Hitachi's token and user).
    const who = await run(["whoami", "--provider", "huaweicloud-mpc", "--profile", "fine", "--json"], env);
    expect(who.code, who.stderr).toBe(0);
    expect(JSON.parse(who.stdout)).toMatchObject({ provider: "huaweicloud-mpc", projectId: "0a1b2c3d4e5f60718293a4b5c6d7e8f9" });
  });

  it("huaweicloud-mpc: an IAM token beside an access key pair is exit 2 naming both, not a token dropped while the keys sign", async () => {
    const env = envFor(server);
    write(env, env.XDG_CONFIG_HOME!, 0o600, {
      profiles: { both: { "huaweicloud-mpc": { ...server.credentials["huaweicloud-mpc"], token: "IamToken123", projectId: "0a1b2c3d4e5f60718293a4b5c6d7e8f9" } } },
    });
    const r = await run(["list-buckets", "--provider", "huaweicloud-mpc", "--profile", "both", "--limit", "1"], env);
    expect(r.code, r.stdout).toBe(2);
    expect(r.stdout).toBe("");
    expect(oneLine(r.stderr)).toContain('huaweicloud-mpc takes an IAM "token" or an access key pair, not both: remove one from the profile entry (or unset BUCKETRY_HUAWEICLOUD_MPC_ACCESS_KEY_ID and BUCKETRY_HUAWEICLOUD_MPC_ACCESS_KEY_SECRET)');
    expect(r.stderr).not.toContain("IamToken123");
  });

  it("a profile named by BUCKETRY_PROFILE: a missing file or profile says the variable named it, not --profile", async () => {
    const env = { ...envFor(server), BUCKETRY_PROFILE: "stale" };
    const none = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", "examplebucket"], env);
    expect(none.code).toBe(3);
    expect(none.stderr).toMatch(/^bucketry: BUCKETRY_PROFILE=stale: no config file at \S+config\.json/);
    write(env, env.XDG_CONFIG_HOME!, 0o600, doc());
    const absent = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", "examplebucket"], env);
    expect(absent.code).toBe(3);
    expect(absent.stderr).toMatch(/profile "stale" \(from BUCKETRY_PROFILE=stale\) is not in .*profiles: mock/);
    const flag = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", "examplebucket", "--profile", "other"], env);
    expect(flag.stderr).toMatch(/profile "other" is not in /);
  });

  it("half a key pair (profile or BUCKETRY_* variables) and a profile's signatureVersion: the message names where each is set", async () => {
    const env = cleanEnv();
    const path = write(env, env.XDG_CONFIG_HOME!, 0o600, {
      profiles: {
        half: { "aliyun-ens": { accessKeyId: "LTAIHalfPair" } },
        empty: { "aliyun-ens": { accessKeyId: "", accessKeySecret: " " } },
        regional: { "hitachi-vsp-one-object": { endpoint: "http://127.0.0.1:9/mapi", token: "bearer-token", region: "cn-north-4" } },
        scheme: { "baidu-bos": { ...server.credentials["baidu-bos"], signatureVersion: "v1" } },
      },
    });
    const fromProfile = await run(["list-buckets", "--provider", "aliyun-ens", "--profile", "half"], env);
    expect(fromProfile.code).toBe(3);
    expect(oneLine(fromProfile.stderr)).toContain(`"accessKeyId" of the "aliyun-ens" entry (profile half in ${path}) is set but "accessKeySecret" of the "aliyun-ens" entry (profile half in ${path}) is not: give both in the profile`);
    expect(fromProfile.stderr).not.toContain("--profile NAME");
    const fromEnv = await run(["list-buckets", "--provider", "aliyun-ens"], cleanEnv({ BUCKETRY_ALIYUN_ENS_ACCESS_KEY_ID: "LTAIHalfPair", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "vendor-secret" }));
    expect(fromEnv.code).toBe(3);
    expect(oneLine(fromEnv.stderr)).toContain("BUCKETRY_ALIYUN_ENS_ACCESS_KEY_ID is set but BUCKETRY_ALIYUN_ENS_ACCESS_KEY_SECRET is not: set both, or neither to use the vendor's own variables");
    const empty = await run(["list-buckets", "--provider", "aliyun-ens", "--profile", "empty"], env);
    expect(empty.code).toBe(3);
    expect(oneLine(empty.stderr)).toContain(`the "aliyun-ens" entry (profile empty in ${path}) has accessKeyId or accessKeySecret, but neither holds a value: give both, or leave both out`);
    const region = await run(["list-buckets", "--provider", "hitachi-vsp-one-object", "--profile", "regional", "--user-id", "1"], env);
    expect(region.code).toBe(2);
    expect(oneLine(region.stderr)).toContain(`hitachi-vsp-one-object takes no region ("region" in the "hitachi-vsp-one-object" entry (profile regional in ${path}))`);
    const scheme = await run(["get-acl", "--provider", "baidu-bos", "--bucket", "examplebucket", "--profile", "scheme"], env);
    expect(scheme.code).toBe(2);
    expect(oneLine(scheme.stderr)).toContain(`"signatureVersion" of the "baidu-bos" entry (profile scheme in ${path}): baidu-bos has a single signature scheme; leave it out`);
  });

  it("an endpoint the library refuses names where it was set when no --endpoint gave it (BUCKETRY_*_ENDPOINT, a profile)", async () => {
    const env = cleanEnv();
    const path = write(env, env.XDG_CONFIG_HOME!, 0o600, {
      profiles: { contradicts: { "huaweicloud-mpc": { ...server.credentials["huaweicloud-mpc"], endpoint: "https://mpc.cn-north-4.myhuaweicloud.com", region: "cn-east-3", projectId: "p1" } } },
    });
    const keys = { ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAIEndpointSource", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "endpoint-source-secret" };
    // Set in a variable, as an endpoint table writes it (no scheme): the user typed no --endpoint.
    const fromEnv = await run(["get-acl", "--provider", "aliyun-oss", "--region", "cn-hangzhou", "--bucket", "examplebucket"], cleanEnv({ ...keys, BUCKETRY_ALIYUN_OSS_ENDPOINT: "oss-cn-hangzhou.aliyuncs.com" }));
    expect(fromEnv.code).toBe(2);
    expect(oneLine(fromEnv.stderr)).toContain("endpoint needs a scheme: https://oss-cn-hangzhou.aliyuncs.com (or http:// for a local mock) (endpoint from BUCKETRY_ALIYUN_OSS_ENDPOINT)");
    const signed = await run(["sign", "--provider", "aliyun-oss", "--region", "cn-hangzhou", "--bucket", "examplebucket"], cleanEnv({ ...keys, BUCKETRY_ALIYUN_OSS_ENDPOINT: "oss-cn-hangzhou.aliyuncs.com" }));
    expect(oneLine(signed.stderr)).toContain("(endpoint from BUCKETRY_ALIYUN_OSS_ENDPOINT)");
    const listed = await run(["list-buckets", "--provider", "aliyun-ens"], cleanEnv({ ...keys, BUCKETRY_ALIYUN_ENS_ENDPOINT: "ens.aliyuncs.com" }));
    expect(oneLine(listed.stderr)).toContain("endpoint needs a scheme: https://ens.aliyuncs.com (or http:// for a local mock) (endpoint from BUCKETRY_ALIYUN_ENS_ENDPOINT)");
    const fromProfile = await run(["list-buckets", "--provider", "huaweicloud-mpc", "--profile", "contradicts"], env);
    expect(fromProfile.code).toBe(2);
    expect(oneLine(fromProfile.stderr)).toContain(`contradicts endpoint mpc.cn-north-4.myhuaweicloud.com (region cn-north-4): leave region out, or make them agree (endpoint from "endpoint" of the "huaweicloud-mpc" entry (profile contradicts in ${path}))`);
    // Typed on the command line: the message stands as it is.
    const typed = await run(["get-acl", "--provider", "aliyun-oss", "--region", "cn-hangzhou", "--endpoint", "oss-cn-hangzhou.aliyuncs.com", "--bucket", "examplebucket"], cleanEnv({ ...keys, BUCKETRY_ALIYUN_OSS_ENDPOINT: "http://127.0.0.1:9" }));
    expect(typed.code).toBe(2);
    expect(typed.stderr).toContain("endpoint needs a scheme: https://oss-cn-hangzhou.aliyuncs.com (or http:// for a local mock) (kind Configuration)");
    expect(typed.stderr).not.toContain("endpoint from");
  });

  it("a security token without its key pair (profile or BUCKETRY_* variable) is exit 3, not dropped while the environment's keys are used", async () => {
    // The environment holds the mock's working keys: a dropped token would go unnoticed (the request succeeds).
    const env = envFor(server);
    const path = write(env, env.XDG_CONFIG_HOME!, 0o600, { profiles: { sts: { "aliyun-oss": { securityToken: "StsToken123", region: "cn-hangzhou" } } } });
    const profile = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", "examplebucket", "--profile", "sts"], env);
    expect(profile.code, profile.stdout).toBe(3);
    expect(profile.stderr).toBe(`bucketry: "securityToken" of the "aliyun-oss" entry (profile sts in ${path}) is set without "accessKeyId" and "accessKeySecret": give the key pair it was issued with beside it\n`);
    const vars = { ...env, BUCKETRY_ALIYUN_OSS_ACCESS_KEY_ID: undefined, BUCKETRY_ALIYUN_OSS_ACCESS_KEY_SECRET: undefined, BUCKETRY_ALIYUN_OSS_SECURITY_TOKEN: "StsToken123", ALIBABA_CLOUD_ACCESS_KEY_ID: server.credentials["aliyun-oss"].accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: server.credentials["aliyun-oss"].accessKeySecret };
    const variable = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", "examplebucket"], vars);
    expect(variable.code, variable.stdout).toBe(3);
    expect(variable.stderr).toBe("bucketry: BUCKETRY_ALIYUN_OSS_SECURITY_TOKEN is set without BUCKETRY_ALIYUN_OSS_ACCESS_KEY_ID and BUCKETRY_ALIYUN_OSS_ACCESS_KEY_SECRET: set the key pair it was issued with, or unset it\n");
    expect(profile.stderr + variable.stderr).not.toContain("StsToken123");
  });

  it("a BUCKETRY_* credential variable the provider does not read (Hitachi's key pair or security token, OSS's token) is exit 3 naming the ones it reads, not ignored", async () => {
    // The environment holds the mock's working credentials: an ignored variable would go unnoticed (exit 0).
    const env = envFor(server);
    const hitachi = ["list-buckets", "--provider", "hitachi-vsp-one-object", "--user-id", "0", "--limit", "1"];
    const token = await run(hitachi, { ...env, BUCKETRY_HITACHI_VSP_ONE_OBJECT_SECURITY_TOKEN: "NotAHitachiSecret" });
    expect([token.code, token.stdout]).toEqual([3, ""]);
    expect(oneLine(token.stderr)).toBe(
      "bucketry: BUCKETRY_HITACHI_VSP_ONE_OBJECT_SECURITY_TOKEN is set, but hitachi-vsp-one-object does not read it: unset it. hitachi-vsp-one-object reads its credentials from BUCKETRY_HITACHI_VSP_ONE_OBJECT_TOKEN or the vendor's variables (`bucketry providers` lists them)",
    );
    expect(token.stderr).not.toMatch(/key pair|ACCESS_KEY/); // Hitachi has none to set
    const pair = await run(hitachi, { ...env, BUCKETRY_HITACHI_VSP_ONE_OBJECT_ACCESS_KEY_ID: "AKID", BUCKETRY_HITACHI_VSP_ONE_OBJECT_ACCESS_KEY_SECRET: "NotAHitachiSecret" });
    expect([pair.code, pair.stdout]).toEqual([3, ""]);
    expect(oneLine(pair.stderr)).toMatch(/^bucketry: BUCKETRY_HITACHI_VSP_ONE_OBJECT_ACCESS_KEY_ID and BUCKETRY_HITACHI_VSP_ONE_OBJECT_ACCESS_KEY_SECRET are set, but hitachi-vsp-one-object does not read them: unset them\. .*from BUCKETRY_HITACHI_VSP_ONE_OBJECT_TOKEN /);
    // The token it reads works (the mock's).
    const ok = await run(hitachi, { ...env, VSP_ONE_OBJECT_TOKEN: undefined, BUCKETRY_HITACHI_VSP_ONE_OBJECT_TOKEN: server.credentials["hitachi-vsp-one-object"].token });
    expect([ok.code, ok.stderr]).toEqual([0, ""]);
    // The other way round: a token for an access-key provider.
    const oss = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", "examplebucket"], { ...env, BUCKETRY_ALIYUN_OSS_TOKEN: "NotAnOssSecret" });
    expect(oss.code).toBe(3);
    expect(oneLine(oss.stderr)).toContain(
      "BUCKETRY_ALIYUN_OSS_TOKEN is set, but aliyun-oss does not read it: unset it. aliyun-oss reads its credentials from BUCKETRY_ALIYUN_OSS_ACCESS_KEY_ID, BUCKETRY_ALIYUN_OSS_ACCESS_KEY_SECRET, BUCKETRY_ALIYUN_OSS_SECURITY_TOKEN or",
    );
    expect(token.stderr + pair.stderr + oss.stderr).not.toMatch(/NotAHitachiSecret|NotAnOssSecret/);
  });

  it("a credentials error with --profile given does not end by suggesting --profile NAME", async () => {
    const env = cleanEnv();
    write(env, env.XDG_CONFIG_HOME!, 0o600, { profiles: { spaced: { "aliyun-oss": { accessKeyId: "LTAI5tProfileHintKey", accessKeySecret: "secret with spaces", region: "cn-hangzhou", endpoint: "http://127.0.0.1:9" } } } });
    const r = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", "examplebucket", "--profile", "spaced"], env);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/accessKeySecret contains a character that cannot be sent/);
    expect(r.stderr).not.toContain("--profile NAME");
    expect(r.stderr).not.toContain("secret with spaces");
    const flagForm = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", "examplebucket", "--profile=spaced"], env);
    expect(flagForm.stderr).not.toContain("--profile NAME");
  });

  it("the --profile hint follows credential errors only, not a bad bucket name", async () => {
    const r = await run(["get-acl", "--provider", "aliyun-oss", "--bucket", "x", "--region", "cn-hangzhou"], envFor(server));
    expect(r.stderr).toMatch(/bucket name "x" is invalid/);
    expect(r.stderr).not.toContain("--profile");
  });
});

describe("list-buckets against servers that page wrongly or filter on the client", () => {
  /** A loopback server answering every request with `answer`; counts the requests to `counted`. */
  async function fake(answer: (url: string, body: string) => { status?: number; headers?: Record<string, string | string[]>; body: string }, counted: RegExp) {
    const seen = { count: 0 };
    const http = createHttpServer((req, res) => {
      let body = "";
      req.on("data", (d: Buffer) => (body += d.toString()));
      req.on("end", () => {
        if (counted.test(req.url ?? "")) seen.count++;
        const a = answer(req.url ?? "/", body);
        res.writeHead(a.status ?? 200, { "content-type": "application/json", ...a.headers });
        res.end(a.body);
      });
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    return { seen, base: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => http.close(() => resolve())) };
  }

  it("an ENS server that ignores PageNumber: stops on the repeated page (exit 5), not after printing duplicates", async () => {
    const infos = Array.from({ length: 10 }, (_, i) => ({ BucketName: `b${i}` }));
    const ens = await fake(() => ({ body: JSON.stringify({ RequestId: "r", TotalCount: 1000, BucketInfos: infos }) }), /^\//);
    try {
      const r = await run(["list-buckets", "--provider", "aliyun-ens", "--endpoint", ens.base, "--json"], cleanEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: "ak", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "sk" }));
      expect(r.code, r.stderr).toBe(5);
      expect(r.stderr).toMatch(/a page repeated an earlier page \(the server ignored the PageNumber\)/);
      expect(jsonLines(r.stdout).map((b) => b.name)).toEqual(infos.map((i) => i.BucketName)); // each bucket once
      expect(ens.seen.count).toBe(2);
    } finally {
      await ens.close();
    }
  });

  it("Hitachi: a negative --user-id (or _USER_ID) is sent as the JSON integer the page types `id` as, not as a string", async () => {
    // The VSP One Object 3.3.x page: body parameter `id` "integer required", "ID of the user"; Hitachi's own Ansible
    // collection (hitachi-vantara/vspone-object-ansible) lists users with negative ids such as -12423334.
    const ids: unknown[] = [];
    const hitachi = await fake((url, body) => {
      if (url.endsWith("/v1/csrf")) return { headers: { "set-cookie": "XSRF-TOKEN=xsrf-value; Path=/" }, body: "{}" };
      ids.push((JSON.parse(body) as { id?: unknown }).id);
      return { body: JSON.stringify({ buckets: [{ bucketName: "b1", bucketId: 7 }] }) };
    }, /list_buckets/);
    try {
      const env = cleanEnv({ VSP_ONE_OBJECT_TOKEN: "bearer-token" });
      const flag = await run(["list-buckets", "--provider", "hitachi-vsp-one-object", "--endpoint", `${hitachi.base}/mapi`, "--user-id=-12423334", "--json"], env);
      expect(flag.code, flag.stderr).toBe(0);
      const variable = await run(["list-buckets", "--provider", "hitachi-vsp-one-object", "--endpoint", `${hitachi.base}/mapi`, "--json"], { ...env, BUCKETRY_HITACHI_VSP_ONE_OBJECT_USER_ID: "-468170324" });
      expect(variable.code, variable.stderr).toBe(0);
      expect(ids).toEqual([-12423334, -468170324]);
    } finally {
      await hitachi.close();
    }
  });

  it("a Hitachi server whose pageToken cycles: stops (exit 5) instead of running until killed", async () => {
    const hitachi = await fake((url, body) => {
      if (url.endsWith("/v1/csrf")) return { headers: { "set-cookie": "XSRF-TOKEN=xsrf-value; Path=/" }, body: "{}" };
      const token = (JSON.parse(body || "{}") as { pageToken?: string }).pageToken;
      return { body: JSON.stringify({ buckets: [{ bucketName: `after-${token ?? "start"}`, bucketId: 1 }], pageToken: token === "t1" ? "t2" : "t1" }) };
    }, /list_buckets/);
    try {
      const r = await run(["list-buckets", "--provider", "hitachi-vsp-one-object", "--endpoint", `${hitachi.base}/mapi`, "--user-id", "1", "--json"], cleanEnv({ VSP_ONE_OBJECT_TOKEN: "bearer-token" }));
      expect(r.code, r.stderr).toBe(5);
      expect(r.stderr).toMatch(/a pageToken repeated during listing/);
      expect(hitachi.seen.count).toBe(3);
    } finally {
      await hitachi.close();
    }
  });

  it("a Hitachi server that ignores pageToken, with a --prefix nothing on its page matches: stops (exit 5) after the second page", async () => {
    let n = 0;
    const hitachi = await fake((url) => {
      if (url.endsWith("/v1/csrf")) return { headers: { "set-cookie": "XSRF-TOKEN=xsrf-value; Path=/" }, body: "{}" };
      return { body: JSON.stringify({ buckets: [{ bucketName: "alpha", bucketId: 1 }, { bucketName: "beta", bucketId: 2 }], pageToken: `tok-${++n}` }) };
    }, /list_buckets/);
    try {
      const r = await run(["list-buckets", "--provider", "hitachi-vsp-one-object", "--endpoint", `${hitachi.base}/mapi`, "--user-id", "1", "--prefix", "zzz", "--json"], cleanEnv({ VSP_ONE_OBJECT_TOKEN: "bearer-token" }));
      expect(r.code, r.stderr).toBe(5);
      expect(r.stderr).toMatch(/a page repeated an earlier page \(the server ignored the pageToken\)/);
      expect(hitachi.seen.count).toBe(2);
    } finally {
      await hitachi.close();
    }
  });

  it("--debug reports a vendor value the table shows as '-' (dropped, not failed), with the bucket and why", async () => {
    const ens = await fake(() => ({ body: JSON.stringify({ RequestId: "r", TotalCount: 1, BucketInfos: [{ BucketName: "odd-acl", BucketAcl: "default" }] }) }), /^\//);
    try {
      const env = cleanEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: "ak", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "sk" });
      const quiet = await run(["list-buckets", "--provider", "aliyun-ens", "--endpoint", ens.base], env);
      expect(quiet.code, quiet.stderr).toBe(0);
      expect(quiet.stderr).not.toContain("warning");
      const debug = await run(["list-buckets", "--provider", "aliyun-ens", "--endpoint", ens.base, "--debug"], env);
      expect(debug.code, debug.stderr).toBe(0);
      expect(debug.stderr).toMatch(/bucketry: warning: .*odd-acl.*BucketAcl/);
    } finally {
      await ens.close();
    }
  });

  it("a credential setting the session refuses (a tokenUrl that is not a URL) is a credentials error: exit 3 with the --profile hint", async () => {
    const r = await run(["list-buckets", "--provider", "hitachi-vsp-one-object", "--endpoint", "http://127.0.0.1:9/mapi", "--user-id", "1"], cleanEnv({ VSP_ONE_OBJECT_USERNAME: "admin", VSP_ONE_OBJECT_PASSWORD: "pw-not-shown", VSP_ONE_OBJECT_TOKEN_URL: "not a url" }));
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain("tokenUrl is not an absolute URL");
    expect(r.stderr).toContain("--profile NAME");
    expect(r.stderr).not.toContain("pw-not-shown");
  });

  it("--region for a provider that takes none is a usage error, not ignored", async () => {
    const r = await run(["list-buckets", "--provider", "hitachi-vsp-one-object", "--endpoint", "http://127.0.0.1:9/mapi", "--user-id", "1", "--region", "cn-north-4"], cleanEnv({ VSP_ONE_OBJECT_TOKEN: "bearer-token" }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("hitachi-vsp-one-object takes no region (--region): its --endpoint says where it is");
  });

  it("Hitachi --prefix with --limit 1: pages of the vendor's size (the prefix is applied to pages received), not one request per bucket", async () => {
    const names = Array.from({ length: 1000 }, (_, i) => (i === 999 ? "img-last" : `other-${String(i).padStart(4, "0")}`));
    const hitachi = await fake((url, body) => {
      if (url.endsWith("/v1/csrf")) return { headers: { "set-cookie": "XSRF-TOKEN=xsrf-value; Path=/" }, body: "{}" };
      const { count, pageToken } = JSON.parse(body || "{}") as { count: number; pageToken?: string };
      const from = pageToken === undefined ? 0 : Number(pageToken);
      const next = from + count < names.length ? { pageToken: String(from + count) } : {};
      return { body: JSON.stringify({ buckets: names.slice(from, from + count).map((bucketName, i) => ({ bucketName, bucketId: from + i })), ...next }) };
    }, /list_buckets/);
    try {
      const r = await run(["list-buckets", "--provider", "hitachi-vsp-one-object", "--endpoint", `${hitachi.base}/mapi`, "--user-id", "1", "--prefix", "img", "--limit", "1", "--json"], cleanEnv({ VSP_ONE_OBJECT_TOKEN: "bearer-token" }));
      expect(r.code, r.stderr).toBe(0);
      expect(jsonLines(r.stdout).map((b) => b.name)).toEqual(["img-last"]);
      expect(hitachi.seen.count).toBe(1);
    } finally {
      await hitachi.close();
    }
  });
});

describe("a hostile or broken server's strings are shown escaped, never obeyed by the terminal", () => {
  // Every character a terminal acts on (C0 but newline, DEL, C1, bidi controls, U+2028/9): none may reach it raw.
  // eslint-disable-next-line no-control-regex
  const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
  // ESC [ 2J (clear screen), an OSC 52 clipboard write ended by BEL, an OSC 8 link, CR, backspace, the 8-bit CSI
  // U+009B, a right-to-left override and isolate.
  const HOSTILE = "evil\x1b[2J\x1b]52;c;cHduZWQ=\x07\x1b]8;;http://x\x1b\\link\r\bX\u009b31m\u202e\u2067end";
  const SHOWN = "evil\\x1b[2J\\x1b]52;c;cHduZWQ=\\x07\\x1b]8;;http://x\\x1b\\link\\r\\x08X\\u009b31m\\u202e\\u2067end";

  async function serve(status: number, body: string) {
    const http = createHttpServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    return { base: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => http.close(() => resolve())) };
  }
  const ensEnv = () => cleanEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: "ak", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "sk" });

  it("list-buckets: a bucket name in the table is escaped; --json keeps it exact, with C1 and bidi controls as \\u escapes", async () => {
    const ens = await serve(200, JSON.stringify({ RequestId: "r", TotalCount: 2, BucketInfos: [{ BucketName: HOSTILE, BucketAcl: "private" }, { BucketName: "plain", BucketAcl: "private" }] }));
    try {
      const r = await run(["list-buckets", "--provider", "aliyun-ens", "--endpoint", ens.base], ensEnv());
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(RAW_CONTROL);
      expect(r.stdout.split("\n")[1]).toMatch(new RegExp(`^${SHOWN.replace(/[\\[\]().*+?^$|]/g, "\\$&")} +private$`));
      const j = await run(["list-buckets", "--provider", "aliyun-ens", "--endpoint", ens.base, "--json"], ensEnv());
      expect(j.code, j.stderr).toBe(0);
      expect(j.stdout).not.toMatch(RAW_CONTROL);
      expect(j.stdout).toContain("\\u009b31m\\u202e\\u2067end");
      expect(jsonLines(j.stdout)[0]!.name).toBe(HOSTILE); // the same value, exactly
    } finally {
      await ens.close();
    }
  });

  it("list-buckets: the column after a Chinese bucket name starts where it does after a Latin one (display width)", async () => {
    const ens = await serve(200, JSON.stringify({ RequestId: "r", TotalCount: 2, BucketInfos: [{ BucketName: "\u4e2d\u6587\u6876\u540d", BucketAcl: "private" }, { BucketName: "plain", BucketAcl: "public-read" }] }));
    try {
      const r = await run(["list-buckets", "--provider", "aliyun-ens", "--endpoint", ens.base], ensEnv());
      expect(r.code, r.stderr).toBe(0);
      // Four ideographs of East Asian Width W: 8 columns, the widest cell.
      expect(r.stdout.split("\n")).toEqual(["NAME      ACL", "\u4e2d\u6587\u6876\u540d  private", "plain     public-read", ""]);
    } finally {
      await ens.close();
    }
  });

  it("get-acl: the owner and a grantee are escaped", async () => {
    const bos = await serve(200, JSON.stringify({ owner: { id: `owner-${HOSTILE}` }, accessControlList: [{ grantee: [{ id: `grantee-${HOSTILE}` }], permission: ["FULL_CONTROL"] }] }));
    try {
      const r = await run(["get-acl", "--provider", "baidu-bos", "--endpoint", bos.base, "--bucket", "mybucket"], cleanEnv({ BCE_ACCESS_KEY_ID: "ak", BCE_SECRET_ACCESS_KEY: "sk" }));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(RAW_CONTROL);
      expect(r.stdout).toContain(`owner   owner-${SHOWN}\n`);
      expect(r.stdout).toMatch(new RegExp(`^user grantee-${SHOWN.replace(/[\\[\]().*+?^$|]/g, "\\$&")} +FULL_CONTROL$`, "m"));
    } finally {
      await bos.close();
    }
  });

  it("an error line quotes the vendor's code, message and request id escaped, on one line; --json and --debug too", async () => {
    const ens = await serve(403, JSON.stringify({ RequestId: `rid-${HOSTILE}`, Code: `Forbidden-${HOSTILE}`, Message: `denied-${HOSTILE}\nsecond line` }));
    try {
      const r = await run(["list-buckets", "--provider", "aliyun-ens", "--endpoint", ens.base, "--retries", "1"], ensEnv());
      expect(r.code).toBe(3);
      expect(r.stderr).not.toMatch(RAW_CONTROL);
      expect(oneLine(r.stderr)).toContain(`request id rid-${SHOWN}`);
      expect(r.stderr).toContain(`denied-${SHOWN}`);
      const j = await run(["list-buckets", "--provider", "aliyun-ens", "--endpoint", ens.base, "--retries", "1", "--json"], ensEnv());
      expect(j.stderr).not.toMatch(RAW_CONTROL);
      expect(JSON.parse(oneLine(j.stderr))).toMatchObject({ error: { requestId: `rid-${HOSTILE}`, exitCode: 3 } });
      const d = await run(["list-buckets", "--provider", "aliyun-ens", "--endpoint", ens.base, "--retries", "1", "--debug"], ensEnv());
      expect(d.stderr).not.toMatch(RAW_CONTROL);
    } finally {
      await ens.close();
    }
  });
});

describe("whoami and the credential chains", () => {
  it("providers lists each provider's default chain in order", async () => {
    const human = await run(["providers"]);
    expect(human.stdout).toContain("environment → oidc-role → cli-profile (~/.aliyun/config.json) → credentials-file (~/.alibabacloud/credentials) → ecs-ram-role (100.100.100.200) → credentials-uri");
    expect(human.stdout).toContain("environment → profile-file (~/.huaweicloud/credentials) → ecs-metadata (169.254.169.254)");
    const json = jsonLines((await run(["providers", "--json"])).stdout);
    expect(json.find((r) => r.provider === "baidu-bos")?.chain).toEqual(["environment"]);
  });

  it("whoami: the source, the key id masked to 4 characters, never the secret; --json", async () => {
    const env = cleanEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAI5tWhoAmIKeyId1234", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "whoami-secret-value" });
    const r = await run(["whoami", "--provider", "aliyun-ens"], env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/source:\s+environment/);
    expect(r.stdout).toMatch(/access key id:\s+\*\*\*\*1234/);
    expect(r.stdout).not.toContain("LTAI5tWhoAmI");
    expect(r.stdout).not.toContain("whoami-secret-value");
    const j = await run(["whoami", "--provider", "aliyun-ens", "--json"], env);
    expect(JSON.parse(j.stdout)).toEqual({ provider: "aliyun-ens", source: "environment", id: "****1234" });
    expect(r.stdout).toMatch(/expires:\s+never \(long-lived keys\)/);
    // STS keys in the environment carry no expiry: not "never".
    const sts = await run(["whoami", "--provider", "aliyun-ens"], { ...env, ALIBABA_CLOUD_SECURITY_TOKEN: "whoami-sts-token" });
    expect(sts.stdout).toMatch(/expires:\s+unknown \(temporary keys; their source gives no expiry\)/);
    expect(sts.stdout).not.toContain("whoami-sts-token");
    // Keys the CLI itself passes on (BUCKETRY_* variables) are named as such, not as "options".
    const own = await run(["whoami", "--provider", "aliyun-ens", "--json"], cleanEnv({ BUCKETRY_ALIYUN_ENS_ACCESS_KEY_ID: "LTAI5tOwnKeyId5678", BUCKETRY_ALIYUN_ENS_ACCESS_KEY_SECRET: "own-secret" }));
    expect(JSON.parse(own.stdout)).toMatchObject({ source: "BUCKETRY_ALIYUN_ENS_ACCESS_KEY_ID", id: "****5678" });
  });

  it("whoami: a Hitachi bearer token is shown by its SHA-256 fingerprint only, no character of the token", async () => {
    const fingerprint = (token: string) => `sha256:${createHash("sha256").update(token).digest("hex").slice(0, 8)}`;
    const hitachiToken = "whoami-hitachi-bearer-token-tail";
    const env = cleanEnv({ VSP_ONE_OBJECT_TOKEN: hitachiToken });
    const r = await run(["whoami", "--provider", "hitachi-vsp-one-object", "--endpoint", "http://127.0.0.1:9/mapi"], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`token hash:\\s+${fingerprint(hitachiToken)}\n`));
    expect(r.stdout).not.toContain("tail");
    expect(r.stdout).not.toContain("****");
    const j = await run(["whoami", "--provider", "hitachi-vsp-one-object", "--endpoint", "http://127.0.0.1:9/mapi", "--json"], env);
    expect(JSON.parse(j.stdout)).toEqual({ provider: "hitachi-vsp-one-object", source: "environment (VSP_ONE_OBJECT_TOKEN)", id: fingerprint(hitachiToken) });
  });

  it("whoami: temporary credentials from a credentials URI show their expiry; a CLI profile file is named", async () => {
    const { createServer: createHttpServer } = await import("node:http");
    const uriServer = createHttpServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ Code: "Success", AccessKeyId: "STS.FromUriKey9876", AccessKeySecret: "uri-secret", SecurityToken: "uri-token", Expiration: "2031-05-06T07:08:09Z" }));
    });
    await new Promise<void>((resolve) => uriServer.listen(0, "127.0.0.1", resolve));
    try {
      const port = (uriServer.address() as { port: number }).port;
      const r = await run(["whoami", "--provider", "aliyun-oss", "--region", "cn-hangzhou", "--json"], cleanEnv({ ALIBABA_CLOUD_CREDENTIALS_URI: `http://127.0.0.1:${port}/creds` }));
      expect(r.stderr).toBe("");
      expect(JSON.parse(r.stdout)).toEqual({ provider: "aliyun-oss", source: "credentials-uri", id: "****9876", expiration: "2031-05-06T07:08:09.000Z", temporary: true });
    } finally {
      await new Promise((resolve) => uriServer.close(resolve));
    }
    const env = cleanEnv();
    mkdirSync(join(env.HOME!, ".aliyun"), { recursive: true });
    writeFileSync(join(env.HOME!, ".aliyun", "config.json"), JSON.stringify({ current: "dev", profiles: [{ name: "dev", mode: "AK", access_key_id: "LTAIProfileKey4321", access_key_secret: "profile-secret" }] }));
    const p = await run(["whoami", "--provider", "aliyun-ens", "--json"], env);
    expect(JSON.parse(p.stdout)).toEqual({ provider: "aliyun-ens", source: "cli-profile dev (AK)", id: "****4321" });
  });

  it("whoami needs no --region (as `bucketry providers` says, `whoami --provider P` is enough); MPC then looks up no project id", async () => {
    const oss = await run(["whoami", "--provider", "aliyun-oss"], cleanEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAI5tNoRegionKey2468", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "no-region-secret" }));
    expect(oss.stderr).toBe("");
    expect(oss.code).toBe(0);
    expect(oss.stdout).toMatch(/source:\s+environment\naccess key id:\s+\*\*\*\*2468\n/);
    const mpc = await run(["whoami", "--provider", "huaweicloud-mpc", "--json"], cleanEnv({ HUAWEICLOUD_SDK_AK: "HWAKNoRegionKey1357", HUAWEICLOUD_SDK_SK: "no-region-secret" }));
    expect(mpc.stderr).toBe("");
    expect(JSON.parse(mpc.stdout)).toEqual({ provider: "huaweicloud-mpc", source: "environment", id: "****1357" });
  });

  it("whoami: a Huawei IAM token from a profile is shown as a token, not as long-lived access keys", async () => {
    const env = cleanEnv();
    const dir = join(env.XDG_CONFIG_HOME!, "bucketry");
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "config.json");
    writeFileSync(path, JSON.stringify({ profiles: { iam: { "huaweicloud-mpc": { token: "MIIwhoamiIamTokenValue9876", projectId: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", region: "cn-north-4" } } } }));
    chmodSync(path, 0o600);
    const r = await run(["whoami", "--provider", "huaweicloud-mpc", "--profile", "iam"], env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // Its fingerprint, nothing of the token (not even its tail).
    expect(r.stdout).toMatch(new RegExp(`token hash:\\s+sha256:${createHash("sha256").update("MIIwhoamiIamTokenValue9876").digest("hex").slice(0, 8)}\n`));
    expect(r.stdout).not.toContain("9876");
    expect(r.stdout).not.toContain("access key id");
    expect(r.stdout).not.toContain("long-lived");
    expect(r.stdout).not.toContain("MIIwhoami");
  });

  it("whoami: a Hitachi password grant from a profile names the profile, not \"options\"", async () => {
    const env = cleanEnv();
    const dir = join(env.XDG_CONFIG_HOME!, "bucketry");
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "config.json");
    writeFileSync(path, JSON.stringify({ profiles: { grant: { "hitachi-vsp-one-object": { username: "admin", password: "whoami-grant-password", tokenUrl: "http://127.0.0.1:9/token", endpoint: "http://127.0.0.1:9/mapi" } } } }));
    chmodSync(path, 0o600);
    const r = await run(["whoami", "--provider", "hitachi-vsp-one-object", "--profile", "grant", "--json"], env);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ provider: "hitachi-vsp-one-object", source: `password grant (profile grant (${path}))` });
  });

  it("a Hitachi profile's clientSecret, realm and scope go into the password grant, and clientSecret counts as a secret", async () => {
    const forms: string[] = [];
    const token = createHttpServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        if (req.url === "/auth/oauth") forms.push(body);
        res.writeHead(401, { "content-type": "application/json" }).end('{"error":"invalid_grant"}');
      });
    });
    await new Promise<void>((resolve) => token.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(token.address() as AddressInfo).port}`;
      const env = cleanEnv();
      const dir = join(env.XDG_CONFIG_HOME!, "bucketry");
      mkdirSync(dir, { recursive: true });
      const path = join(dir, "config.json");
      const entry = { username: "admin", password: "grant-password", tokenUrl: `${url}/auth/oauth`, clientSecret: "profile-client-secret", realm: "local", scope: "*", endpoint: `${url}/mapi` };
      // A secret in the file, the client secret alone: the file must be private.
      writeFileSync(path, JSON.stringify({ profiles: { p: { "hitachi-vsp-one-object": { username: "admin", clientSecret: "profile-client-secret" } } } }));
      chmodSync(path, 0o644);
      const open = await run(["list-buckets", "--provider", "hitachi-vsp-one-object", "--profile", "p", "--user-id", "1"], env);
      expect(open.code).toBe(3);
      expect(open.stderr).toContain(`chmod 600 ${path}`);
      expect(open.stderr).not.toContain("profile-client-secret");
      writeFileSync(path, JSON.stringify({ profiles: { p: { "hitachi-vsp-one-object": entry } } }));
      chmodSync(path, 0o600);
      const r = await run(["list-buckets", "--provider", "hitachi-vsp-one-object", "--profile", "p", "--user-id", "1"], env);
      expect(r.code).toBe(3); // the token endpoint refused the grant
      expect(r.stderr).not.toContain("profile-client-secret");
      expect(Object.fromEntries(new URLSearchParams(forms[0]))).toMatchObject({ grant_type: "password", username: "admin", client_secret: "profile-client-secret", realm: "local", scope: "*" });
    } finally {
      await new Promise((resolve) => token.close(resolve));
    }
  });

  it("whoami with nothing configured: exit 3, one line listing every source of the chain", async () => {
    const r = await run(["whoami", "--provider", "huaweicloud-mpc", "--region", "cn-north-4"]);
    expect(r.code).toBe(3);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/1\. environment: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not set; 2\. profile-file: .*; 3\. ecs-metadata: switched off by BUCKETRY_METADATA_DISABLED=true/);
    expect(r.stderr).not.toContain("network guard");
  });
});

describe.concurrent("sign", () => {
  // A closed loopback port as the endpoint: had the command sent anything, it would fail with exit 6.
  const closed = "http://127.0.0.1:9";
  const token = "sts-token-for-the-sign-command-0123456789";
  const keys = { ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAI5tSignCommandTest", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "sign-command-secret-value", ALIBABA_CLOUD_SECURITY_TOKEN: token };

  it("OSS V4: the request and what is signed, token masked, nothing sent; the string to sign hashes the canonical request", async () => {
    const r = await run(["sign", "--provider", "aliyun-oss", "--region", "cn-hangzhou", "--endpoint", closed, "--bucket", "examplebucket", "--json"], cleanEnv(keys));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { method: string; url: string; headers: Record<string, string>; canonicalRequest: string; stringToSign: string };
    expect(out.method).toBe("GET");
    expect(out.url).toContain("examplebucket");
    expect(out.headers["x-oss-security-token"]).toBe("[masked]");
    // The signature is masked: a request signed and never sent could be sent by whoever reads it.
    expect(out.headers.authorization).toMatch(/^OSS4-HMAC-SHA256 Credential=LTAI5tSignCommandTest\/\d{8}\/cn-hangzhou\/oss\/aliyun_v4_request,Signature=\[masked\]$/);
    expect(out.canonicalRequest).toContain("\nx-oss-security-token:[masked]\n");
    const lines = out.stringToSign.split("\n");
    expect(lines[0]).toBe("OSS4-HMAC-SHA256");
    expect(lines[3]).toBe(createHash("sha256").update(out.canonicalRequest.replace("[masked]", token)).digest("hex"));
    for (const text of [r.stdout, r.stderr]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain("sign-command-secret-value");
    }
  });

  it("--show-signature prints the signature, which is the HMAC of the string to sign printed (OSS V4), and the RPC v1 query's too", async () => {
    const r = await run(["sign", "--provider", "aliyun-oss", "--region", "cn-hangzhou", "--endpoint", closed, "--bucket", "examplebucket", "--json", "--show-signature"], cleanEnv(keys));
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { headers: Record<string, string>; stringToSign: string };
    // OSS V4's signing key, derived by hand from the published steps (aliyun_v4 + secret → date → region → oss → aliyun_v4_request).
    const day = out.stringToSign.split("\n")[2]!.split("/")[0]!;
    const key = ["cn-hangzhou", "oss", "aliyun_v4_request"].reduce((k, part) => createHmac("sha256", k).update(part).digest(), createHmac("sha256", "aliyun_v4sign-command-secret-value").update(day).digest());
    const expected = createHmac("sha256", key).update(out.stringToSign).digest("hex");
    expect(out.headers.authorization).toMatch(new RegExp(`,Signature=${expected}$`));
    const v1 = await run(["sign", "--provider", "aliyun-ens", "--signature-version", "v1", "--endpoint", closed], cleanEnv(keys));
    expect(v1.stdout).toMatch(/^POST \S*[?&]Signature=%5Bmasked%5D/);
    const v1Shown = await run(["sign", "--provider", "aliyun-ens", "--signature-version", "v1", "--endpoint", closed, "--show-signature"], cleanEnv(keys));
    expect(v1Shown.stdout).toMatch(/^POST \S*[?&]Signature=[A-Za-z0-9%]{20,}/);
    // BOS: the last segment of bce-auth-v1/… is the signature.
    const bos = await run(["sign", "--provider", "baidu-bos", "--endpoint", closed, "--bucket", "examplebucket", "--json"], cleanEnv({ BCE_ACCESS_KEY_ID: "bos-ak-sign", BCE_SECRET_ACCESS_KEY: "bos-sk-sign-value" }));
    expect(bos.code, bos.stderr).toBe(0);
    expect((JSON.parse(bos.stdout) as { headers: Record<string, string> }).headers.authorization).toMatch(/^bce-auth-v1\/bos-ak-sign\/[^/]+\/\d+\/[^/]+\/\[masked\]$/);
  });

  it("--limit signs the page size list-buckets would ask for; without it, the vendor's own", async () => {
    const five = await run(["sign", "--provider", "aliyun-ens", "--signature-version", "v1", "--endpoint", closed, "--limit", "5"], cleanEnv(keys));
    expect(five.code, five.stderr).toBe(0);
    expect(five.stdout).toMatch(/^POST \S*[?&]PageSize=5[&\s]/);
    expect(five.stdout).toMatch(/\nString to sign:\n.*%26PageSize%3D5%26/);
    const none = await run(["sign", "--provider", "aliyun-ens", "--signature-version", "v1", "--endpoint", closed], cleanEnv(keys));
    expect(none.stdout).toMatch(/^POST \S*[?&]PageSize=100[&\s]/);
    // Not silently left out of what is signed where the command would not take it.
    const acl = await run(["sign", "--provider", "aliyun-oss", "--region", "cn-hangzhou", "--endpoint", closed, "--bucket", "examplebucket", "--limit", "5"], cleanEnv(keys));
    expect(acl.code).toBe(2);
    expect(acl.stderr).toContain("--limit applies to listing providers; aliyun-oss signs get-acl");
  });

  it("ENS RPC v1: the query carries the token masked; Hitachi signs nothing (usage error)", async () => {
    const r = await run(["sign", "--provider", "aliyun-ens", "--signature-version", "v1", "--endpoint", closed], cleanEnv(keys));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^POST http:\/\/127\.0\.0\.1:9\/\?.*SecurityToken=%5Bmasked%5D/);
    expect(r.stdout).toMatch(/\nString to sign:\nPOST&%2F&AccessKeyId%3DLTAI5tSignCommandTest%26/);
    expect(r.stdout).not.toContain(token);
    expect(r.stdout).not.toContain(encodeURIComponent(encodeURIComponent(token)));
    const h = await run(["sign", "--provider", "hitachi-vsp-one-object"], cleanEnv());
    expect(h.code).toBe(2);
    expect(h.stderr).toMatch(/signs no request/);
  });

  it("a token holding ! ' ( ) *: masked in the string to sign (ENS RPC v1) and the canonical headers (BOS), which percent-encode those too", async () => {
    // encodeURIComponent leaves !'()* as they are; the RPC v1 string to sign and bce-auth-v1's canonical headers escape them.
    const odd = "sts!token*with(odd)'chars-0123456789";
    const forms = [odd, encodeURIComponent(odd), percentEncode(odd), percentEncode(percentEncode(odd)), "with%28odd%29", "with%2528odd%2529"];
    const ens = await run(["sign", "--provider", "aliyun-ens", "--signature-version", "v1", "--endpoint", closed], cleanEnv({ ...keys, ALIBABA_CLOUD_SECURITY_TOKEN: odd }));
    const bos = await run(["sign", "--provider", "baidu-bos", "--endpoint", closed, "--bucket", "examplebucket"], cleanEnv({ BCE_ACCESS_KEY_ID: "bos-ak-sign", BCE_SECRET_ACCESS_KEY: "bos-sk-sign-value", BCE_SESSION_TOKEN: odd }));
    expect([ens.code, bos.code]).toEqual([0, 0]);
    expect(ens.stdout).toMatch(/\nString to sign:\n.*SecurityToken%3D\[masked\]%26/);
    expect(bos.stdout).toContain("\nx-bce-security-token:[masked]\n");
    for (const text of [ens.stdout, ens.stderr, bos.stdout, bos.stderr]) for (const form of forms) expect(text).not.toContain(form);
  });

  it("ENS RPC v1: masking the signature and token leaves the rest of the query as it was sent (not re-encoded)", async () => {
    const args = ["sign", "--provider", "aliyun-ens", "--signature-version", "v1", "--endpoint", closed, "--prefix", "a b~*", "--json"];
    const masked = JSON.parse((await run(args, cleanEnv(keys))).stdout) as { url: string; stringToSign: string };
    const shown = JSON.parse((await run([...args, "--show-signature"], cleanEnv(keys))).stdout) as { url: string };
    // As sent (and as the string to sign encodes it once more): %20 and %2A, ~ left as it is.
    for (const url of [masked.url, shown.url]) expect(url).toContain("&Prefix=a%20b~%2A&");
    expect(masked.stringToSign).toContain("%26Prefix%3Da%2520b~%252A%26");
    expect(masked.url).toMatch(/&SecurityToken=%5Bmasked%5D&/);
    expect(masked.url).toMatch(/&Signature=%5Bmasked%5D$/);
  });

  it("--bucket for a listing provider is a usage error, not silently left out of what is signed", async () => {
    const r = await run(["sign", "--provider", "aliyun-ens", "--endpoint", closed, "--bucket", "examplebucket"], cleanEnv(keys));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("bucketry: --bucket applies to get-acl providers; aliyun-ens signs list-buckets (see `bucketry sign --help`)\n");
  });

  it("MPC: with --project-id, the MPC request; without one, a usage error (the IAM lookup would be sent first), not the lookup's request", async () => {
    const hw = { HUAWEICLOUD_SDK_AK: "HWAKSignCommandTest", HUAWEICLOUD_SDK_SK: "hw-sign-command-secret", HUAWEICLOUD_SDK_IAM_ENDPOINT: closed };
    const withId = await run(["sign", "--provider", "huaweicloud-mpc", "--region", "cn-north-4", "--endpoint", closed, "--project-id", "0a1b2c3d4e5f60718293a4b5c6d7e8f9", "--json"], cleanEnv(hw));
    expect(withId.code, withId.stderr).toBe(0);
    expect((JSON.parse(withId.stdout) as { url: string }).url).toBe("http://127.0.0.1:9/v1/0a1b2c3d4e5f60718293a4b5c6d7e8f9/buckets");
    const without = await run(["sign", "--provider", "huaweicloud-mpc", "--region", "cn-north-4", "--endpoint", closed], cleanEnv(hw));
    expect(without.code).toBe(2);
    expect(without.stdout).toBe("");
    expect(without.stderr).toMatch(/huaweicloud-mpc needs --project-id \(or HUAWEICLOUD_SDK_PROJECT_ID, or project_id in the credentials file\) here/);
    // A project id the credentials' source gives needs no lookup: the MPC request is printed.
    const fileEnv = cleanEnv({ HUAWEICLOUD_SDK_IAM_ENDPOINT: closed });
    mkdirSync(join(fileEnv.HOME!, ".huaweicloud"), { recursive: true });
    writeFileSync(join(fileEnv.HOME!, ".huaweicloud", "credentials"), "[basic]\nak = HWAKSignFromFile\nsk = hw-sign-file-secret\nproject_id = 11112222333344445555666677778888\n");
    const fromFile = await run(["sign", "--provider", "huaweicloud-mpc", "--region", "cn-north-4", "--endpoint", closed, "--json"], fileEnv);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect((JSON.parse(fromFile.stdout) as { url: string }).url).toBe("http://127.0.0.1:9/v1/11112222333344445555666677778888/buckets");
  });

  it("its help lists only flags that change what is signed or printed (nothing is sent: no timeout, retries or raw records)", async () => {
    const r = await run(["sign", "--help"], cleanEnv());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}--signature-version V /m);
    expect(r.stdout).not.toMatch(/^ {2}--(timeout|retries|raw) /m);
    // The providers' own flags change what is signed (MPC's project id is in the path): listed as for their commands.
    expect(r.stdout).toMatch(/^ {2}--project-id ID +huaweicloud-mpc: /m);
    expect(r.stdout).toMatch(/^ {2}--addressing STYLE +aliyun-oss: /m);
    expect(r.stdout).toMatch(/^ {2}--cname true\|false +baidu-bos: /m);
  });
});

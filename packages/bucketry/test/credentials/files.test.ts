// The ini reader of the credential files: a section or key named like an Object.prototype member is data.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseIni, readSourceFile } from "../../src/credentials/files.js";
import { hitachiTokenFile } from "../../src/credentials/hitachi-token-file.js";
import { io as nodeIo } from "../../src/credentials/io-node.js";
import { alicloud, tempHome } from "./fakes.js";

describe("parseIni", () => {
  it("a [__proto__] section is a section, not the prototype of every object in the process", () => {
    const ini = parseIni("[__proto__]\ntype = access_key\npolluted = yes\n[default]\n__proto__ = x\n");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).type).toBeUndefined();
    expect(Object.hasOwn(ini, "__proto__")).toBe(true);
    expect(ini["__proto__"]).toEqual({ type: "access_key", polluted: "yes" });
    expect(Object.hasOwn(ini.default!, "__proto__")).toBe(true);
    expect(ini.default!["__proto__"]).toBe("x");
  });

  it("a profile named like a prototype member that the file lacks is absent", () => {
    const ini = parseIni("[default]\ntype = access_key\n");
    expect(ini["constructor"]).toBeUndefined();
    expect(ini.default!["toString"]).toBeUndefined();
  });
});

describe("Alibaba's credentials file = npm `ini` as @alicloud/credentials reads it (its loadIni, run on the same file)", () => {
  // Escapes (\\ \; \#), comments after a value with or without a space, quoted values (JSON strings in double
  // quotes), keys and section names read the same way, and values the readers keep as they are.
  const text = [
    "; a comment line",
    "  # an indented comment line",
    "[default]",
    "type = access_key",
    "access_key_id = LTAI\\#hash\\;semi ; the key id",
    "access_key_secret = se\\cr\\\\et#no space before this comment",
    "a = x;y",
    "b = \\;leading and trailing\\#",
    "c = \"quoted ; not a comment # either\"",
    "d = \"with \\\"escaped\\\" quotes and \\\\ a backslash\"",
    "e = 'single ; quoted'",
    "f = '\"json in single quotes\"'",
    "g = \"not json \\q\"",
    "h = \"unbalanced",
    "i = ends with a backslash\\",
    "j = a = b",
    "k =",
    "\"quoted key\" = v1",
    "key\\#with = v2",
    "[other ; profile]",
    "x = 1",
  ].join("\n");

  it("every section, key and value", async () => {
    const home = tempHome({ credentials: text });
    const loadIni = alicloud<{ loadIni(path: string): Promise<Record<string, Record<string, unknown>>> }>("util/utils").loadIni;
    const theirs = await loadIni(`${home}/credentials`);
    const mine = parseIni(text, { npmIni: true });
    expect(Object.keys(theirs.default!).length).toBeGreaterThan(15);
    expect({ ...mine.default }).toEqual(theirs.default);
    expect({ ...mine.other }).toEqual(theirs.other);
    expect(Object.keys(mine).filter((s) => Object.keys(mine[s]!).length)).toEqual(Object.keys(theirs));
  });
});

describe("Huawei's credentials file: `key: value` as Python's configparser and Go's gopkg.in/ini.v1 read it", () => {
  it("colon and equals lines, the first of either separates", () => {
    const ini = parseIni("[basic]\nak: HWAK\nsk : secret=with:both\nproject_id= p:1\n", { colon: true });
    expect({ ...ini.basic }).toEqual({ ak: "HWAK", sk: "secret=with:both", project_id: "p:1" });
  });
});

// Credential files are read only when they are regular files of at most 1 MiB. Opening a named pipe that nobody
// writes to blocked a thread of Node's pool for good: the call timed out, but the process could never exit (and
// each such read took one of the pool's four threads, stalling every later file or DNS operation).
describe("what a credential file may be", () => {
  const read = (path: string) => readSourceFile(nodeIo, "test-source", path, "credentials file");

  it.skipIf(process.platform === "win32")("a named pipe nobody writes to is refused at once, naming the path", async () => {
    const home = tempHome();
    const fifo = join(home, "credentials.fifo");
    execFileSync("mkfifo", [fifo]);
    await expect(read(fifo)).rejects.toThrow(`credentials file ${fifo} is not a regular file (a named pipe, a device or a socket): write it to a file`);
    // The same through a public source: Hitachi's token file.
    await expect(hitachiTokenFile({ path: fifo })()).rejects.toThrow(`token file ${fifo} is not a regular file`);
  });

  it("a file over 1 MiB is refused unread; one of exactly 1 MiB is read", async () => {
    const home = tempHome({ big: "x".repeat(1024 * 1024 + 1), limit: "y".repeat(1024 * 1024) });
    await expect(read(join(home, "big"))).rejects.toThrow(`credentials file ${join(home, "big")} is larger than 1 MiB: is it the right file?`);
    expect((await read(join(home, "limit"))).length).toBe(1024 * 1024);
  });

  it("a directory and a missing path keep their messages", async () => {
    const home = tempHome({ "dir/file": "x" });
    await expect(read(join(home, "dir"))).rejects.toThrow(`cannot read credentials file ${join(home, "dir")} (EISDIR)`);
    await expect(read(join(home, "absent"))).rejects.toThrow(`credentials file ${join(home, "absent")} does not exist`);
  });
});

// File access for the credential sources on Node (package.json "imports" #credential-io, condition "node").
import { readFile, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import type { CredentialIo } from "./io.js";

export const io: CredentialIo = {
  available: true,
  readText: (path) => readFile(path, "utf8"),
  async fingerprint(path) {
    const s = await stat(path);
    return { id: `${s.mtimeMs}:${s.size}:${s.ino}`, modifiedMs: s.mtimeMs };
  },
  homedir: () => homedir(),
  join: (...parts) => join(...parts),
};

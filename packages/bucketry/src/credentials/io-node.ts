// File access for the credential sources on Node (package.json "imports" #credential-io, condition "node").
import { constants } from "node:fs";
import { open, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { MAX_FILE_BYTES, NOT_A_FILE, TOO_LARGE, type CredentialIo } from "./io.js";

export const io: CredentialIo = {
  available: true,
  async readText(path) {
    // Opened without blocking: opening a named pipe nobody writes to would hold a thread of Node's pool for good
    // (the process could not exit). Only a regular file, of at most MAX_FILE_BYTES, is read.
    const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const s = await handle.stat();
      if (!s.isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: s.isDirectory() ? "EISDIR" : NOT_A_FILE });
      if (s.size > MAX_FILE_BYTES) throw Object.assign(new Error(`${path} is larger than ${MAX_FILE_BYTES} bytes`), { code: TOO_LARGE });
      return await handle.readFile("utf8");
    } finally {
      await handle.close();
    }
  },
  async fingerprint(path) {
    const s = await stat(path);
    return { id: `${s.mtimeMs}:${s.size}:${s.ino}`, modifiedMs: s.mtimeMs };
  },
  homedir: () => homedir(),
  join: (...parts) => join(...parts),
};

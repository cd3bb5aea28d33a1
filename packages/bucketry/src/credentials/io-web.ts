// File access for the credential sources outside Node (package.json "imports" #credential-io, default
// condition): there are no files, so the file-based sources report themselves as not configured.
import type { CredentialIo } from "./io.js";

const unavailable = (): Promise<never> => Promise.reject(Object.assign(new Error("files cannot be read on this platform"), { code: "ENOTSUP" }));

export const io: CredentialIo = {
  available: false,
  readText: unavailable,
  fingerprint: unavailable,
  homedir: () => "",
  join: (...parts) => parts.join("/"),
};

// Hitachi VSP One Object: a bearer token kept in a file (a mounted Kubernetes secret, a token an agent
// rotates), re-read whenever the file changes — checked by its mtime/size/inode at most once per
// `checkEveryMs` (default 1 s), and read at once when the session says the last token was refused (a 401) — so
// a rotated token is used from the next request on without a restart.
//
// A same-length rewrite in place within the file system's mtime granularity (1 s on ext3 and HFS+, 2 s on FAT,
// coarser on some network mounts) leaves mtime, size and inode as they were. So, as git does with a "racily
// clean" entry, while the file's mtime is that close to the last read (or ahead of our clock: another host's),
// each check reads the content rather than trusting the stamp.
import { hideSecrets } from "@bucketry/signing";
import { io as platformIo } from "#credential-io";
import { readSourceFile } from "./files.js";
import type { CredentialIo, FileStamp } from "./io.js";
import { notConfigured, processEnv, setting, sourceFailed, type SourceOptions } from "./types.js";

export const HITACHI_TOKEN_FILE_ENV = "VSP_ONE_OBJECT_TOKEN_FILE";
/** How close to a read an mtime must be for the stamp not to prove that the content is unchanged. */
const MTIME_GRANULARITY_MS = 2_000;

export interface TokenFileOptions extends SourceOptions {
  /** Default VSP_ONE_OBJECT_TOKEN_FILE. */
  path?: string | undefined;
  /** Look at the file at most this often (default 1 000 ms; 0 = on every request). */
  checkEveryMs?: number | undefined;
  /** @internal */
  io?: CredentialIo | undefined;
}

export interface TokenFileSource {
  /** The token; with `refresh` (the session's last one was refused), the file is looked at now. */
  (request?: { refresh?: boolean }): Promise<{ token: string }>;
  readonly path: string | undefined;
  /** How many times the file's content was read. */
  readonly reads: number;
}

/** `() => Promise<{ token }>` for the Hitachi session, reading the token file again when it changes. */
export function hitachiTokenFile(options: TokenFileOptions = {}): TokenFileSource {
  const io = options.io ?? platformIo;
  const clock = options.clock ?? Date.now;
  const every = options.checkEveryMs ?? 1_000;
  const name = "token-file";
  const path = options.path ?? setting(options.env ?? processEnv(), HITACHI_TOKEN_FILE_ENV);
  let token: string | undefined;
  let fingerprint: string | undefined;
  // The stamp of the last read cannot tell a later rewrite within the mtime granularity: read at the next check.
  let racy = false;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let reads = 0;
  let inflight: Promise<{ token: string }> | undefined;

  const load = async (force: boolean): Promise<{ token: string }> => {
    if (!path) throw notConfigured(name, `${HITACHI_TOKEN_FILE_ENV} is not set`);
    let current: FileStamp;
    try {
      current = await io.fingerprint(path);
    } catch {
      await readSourceFile(io, name, path, "token file"); // the same wording as a read: missing / unreadable
      throw sourceFailed(name, `cannot read token file ${path}`);
    }
    const now = clock();
    if (force || racy || current.id !== fingerprint || token === undefined) {
      const text = (await readSourceFile(io, name, path, "token file")).trim();
      reads++;
      if (!text) throw sourceFailed(name, `token file ${path} is empty`);
      token = text;
      fingerprint = current.id;
      racy = current.modifiedMs > now - MTIME_GRANULARITY_MS;
    }
    checkedAt = now;
    return hideSecrets({ token });
  };

  const source = ((request?: { refresh?: boolean }) => {
    const refresh = request?.refresh === true;
    if (token !== undefined && clock() - checkedAt < every && !refresh) return Promise.resolve(hideSecrets({ token }));
    // A refused token: the content is read whatever the stamp says (a rewrite the stamp cannot show).
    return (inflight ??= load(refresh).finally(() => (inflight = undefined)));
  }) as TokenFileSource;
  Object.defineProperty(source, "path", { value: path });
  Object.defineProperty(source, "reads", { get: () => reads });
  return source;
}

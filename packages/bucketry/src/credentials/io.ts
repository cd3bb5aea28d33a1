// What the file-based credential sources need from the platform. Node gets node:fs (io-node.ts); browsers and
// edge runtimes get a stub (io-web.ts) through the package's "#credential-io" import condition, so no
// "node:" import reaches a browser bundle.
export interface CredentialIo {
  /** False where there is no file system (the file sources then count as not configured). */
  readonly available: boolean;
  readText(path: string): Promise<string>;
  /** `id` changes when the file is replaced or rewritten (mtime, size, inode); `modifiedMs` is its mtime. */
  fingerprint(path: string): Promise<FileStamp>;
  homedir(): string;
  join(...parts: string[]): string;
}

export interface FileStamp {
  id: string;
  modifiedMs: number;
}

/** Credential and token files are small: a larger one is not read (it is not such a file). */
export const MAX_FILE_BYTES = 1024 * 1024;
/** The code of a read refused because the path is a named pipe, a device or a socket. */
export const NOT_A_FILE = "BUCKETRY_NOT_A_FILE";
/** The code of a read refused because the file is over MAX_FILE_BYTES. */
export const TOO_LARGE = "BUCKETRY_FILE_TOO_LARGE";

/** Error code of a failed file read ("ENOENT", …), if any. */
export const fileErrorCode = (err: unknown): string | undefined => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
};

/**
 * A runtime's permission refusal, as Deno words it (NotCapable / PermissionDenied: "Requires read access to
 * "/home/u/.aliyun/config.json", run again with the --allow-read flag"): that message names the permission and
 * the flag to grant, nothing secret, so it is shown. Any other error: undefined.
 */
export const permissionDenial = (err: unknown): string | undefined =>
  err instanceof Error && /^(NotCapable|PermissionDenied)$/.test(err.name) && /^Requires \w+ access to /.test(err.message) ? err.message : undefined;

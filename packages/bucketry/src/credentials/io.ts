// What the file-based credential sources need from the platform. Node gets node:fs (io-node.ts); browsers and
// edge runtimes get a stub (io-web.ts) through the package's "#credential-io" import condition, so no
// "node:" import reaches a browser bundle.
export interface CredentialIo {
  /** False where there is no file system (the file sources then count as not configured). */
  readonly available: boolean;
  readText(path: string): Promise<string>;
  /** Changes when the file is replaced or rewritten (mtime, size, inode). */
  fingerprint(path: string): Promise<string>;
  homedir(): string;
  join(...parts: string[]): string;
}

/** Error code of a failed file read ("ENOENT", …), if any. */
export const fileErrorCode = (err: unknown): string | undefined => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
};

// Node's own modules, loaded on first use rather than when a module of this package is imported (cold start: an app
// that imports a signer or the transport pays for node:crypto or node:net when it first signs or sends).
// `process.getBuiltinModule` where Node has it (20.16+, Deno, Bun), else a `require` made on first use. A CommonJS
// bundle of this file (esbuild's default for --platform=node) has an empty `import.meta`: any base resolves a
// builtin, so the working directory serves.
import { createRequire } from "node:module";

let requireBuiltin: NodeJS.Require | undefined;

/** The builtin module `id` ("node:crypto"), as `require` returns it: the object MSW and nock patch. */
export function builtin<T>(id: string): T {
  const get = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  if (get) return get(id) as T;
  requireBuiltin ??= createRequire((import.meta as { url?: string }).url ?? `${process.cwd()}/`);
  return requireBuiltin(id) as T;
}

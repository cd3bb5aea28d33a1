// The environment credentials are read from: one definition for the facade and the Node-only chains.
import { permissionDenial } from "./io.js";

/** Environment variables by name. */
export type Env = Readonly<Record<string, string | undefined>>;

/** There is a process environment (Node, Deno, Bun; a Worker with nodejs_compat), not a browser's nothing. */
export const hasProcessEnv = (): boolean => typeof process !== "undefined" && !!process.env;

/** The process environment where there is one, else nothing. */
export const processEnv = (): Env => (hasProcessEnv() ? process.env : {});

/**
 * An optional variable (a security token, an IAM endpoint, an alternative such as Hitachi's token) that the runtime
 * refuses to read counts as unset: Deno run with `--allow-env` listing only the variables in use must not need the
 * others granted too. A refused variable the credentials need still fails, naming the flag (readingEnv).
 */
export function optionalSetting(env: Env, name: string): string | undefined {
  try {
    return env[name]?.trim();
  } catch (err) {
    if (permissionDenial(err)) return undefined;
    throw err;
  }
}

// The environment credentials are read from: one definition for the facade and the Node-only chains.

/** Environment variables by name. */
export type Env = Readonly<Record<string, string | undefined>>;

/** There is a process environment (Node, Deno, Bun; a Worker with nodejs_compat), not a browser's nothing. */
export const hasProcessEnv = (): boolean => typeof process !== "undefined" && !!process.env;

/** The process environment where there is one, else nothing. */
export const processEnv = (): Env => (hasProcessEnv() ? process.env : {});

// The environment as the CLI reads it.
import { permissionDenial } from "../credentials/io.js";

/**
 * `source` where every variable the runtime refuses to read counts as unset. All the CLI reads itself is optional
 * (its own BUCKETRY_*, NO_COLOR, TERM, XDG_CONFIG_HOME): Deno run with --allow-env listing only the credentials in
 * use must not end the command as an unexpected error, as the library's optional settings do not. A view over an
 * empty object: a Proxy over Deno's process.env would ask it again, outside any catch, to check its invariants.
 */
export function optionalEnv(source: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return new Proxy<NodeJS.ProcessEnv>(
    {},
    {
      get(_, name) {
        if (typeof name !== "string") return undefined;
        try {
          return source[name];
        } catch (err) {
          if (permissionDenial(err)) return undefined;
          throw err;
        }
      },
    },
  );
}

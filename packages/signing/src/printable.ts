// Credentials objects bucketry creates print without their secrets: util.inspect / console.log (Node, Bun) and
// Deno's console show the secret fields as "<hidden>". The hooks are not enumerable and the object stays a
// plain object with its fields as typed (signers read them directly), so JSON.stringify, spread and
// structuredClone are unchanged: serializing credentials is deliberate, as with the vendors' credentials
// libraries. Resolved as "#printable": a browser's console has no such hook, so browser bundles get
// ./printable-browser.ts, which adds nothing; edge runtimes keep the hooks.

/** Fields that hold a secret, wherever bucketry's credentials objects carry them. */
const SECRET_FIELDS: readonly string[] = ["accessKeySecret", "securityToken", "token", "password", "clientSecret"];

const NODE_INSPECT = Symbol.for("nodejs.util.inspect.custom");
const DENO_INSPECT = Symbol.for("Deno.customInspect");

/**
 * Makes `value` print with `secretFields` hidden and returns it. It adds two non-enumerable properties to
 * `value` itself, so bucketry calls it only on objects it created, never on a caller's. Safe to call twice.
 */
export function hideSecrets<T extends object>(value: T, secretFields: readonly string[] = SECRET_FIELDS): T {
  // What the console shows instead: the same enumerable fields, the secret ones replaced.
  function printable(this: Record<string, unknown>): Record<string, unknown> {
    const shown: Record<string, unknown> = {};
    for (const key of Object.keys(this)) shown[key] = secretFields.includes(key) && this[key] !== undefined ? "<hidden>" : this[key];
    return shown;
  }
  Object.defineProperty(value, NODE_INSPECT, { value: printable, configurable: true });
  Object.defineProperty(value, DENO_INSPECT, {
    value(this: Record<string, unknown>, inspect: (v: unknown, options?: unknown) => string, options?: unknown) {
      return inspect(printable.call(this), options);
    },
    configurable: true,
  });
  return value;
}

// How a value prints where a program would log it: through a real Console (what console.log writes) and through
// Deno's console (which calls the object's Deno.customInspect hook with its own inspect). Shared by the tests
// that check credentials objects print without their secrets.
import { Console } from "node:console";
import { Writable } from "node:stream";
import { inspect } from "node:util";

/** What `console.log(value)` writes, through a real Console. */
export function logged(value: unknown): string {
  let out = "";
  const sink = new Writable({
    write(chunk, _encoding, done) {
      out += String(chunk);
      done();
    },
  });
  new Console({ stdout: sink, stderr: sink, colorMode: false }).log(value);
  return out;
}

/** What Deno's console prints for `value`: its Deno.customInspect hook called with an inspect. */
export function denoPrinted(value: object): string {
  const hook = (value as Record<symbol, unknown>)[Symbol.for("Deno.customInspect")];
  if (typeof hook !== "function") throw new Error("no Deno.customInspect hook: Deno's console would print every field");
  return (hook as (this: object, inspector: typeof inspect, options: object) => string).call(value, inspect, {});
}

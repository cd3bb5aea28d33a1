// The environment as the CLI reads it under a runtime that refuses some variables (Deno with a narrow --allow-env).
import { describe, expect, it } from "vitest";
import { optionalEnv } from "../../src/cli/env.js";

/** process.env as Deno gives it with --allow-env=<granted>: every other name throws Deno's NotCapable on reading. */
function denoLikeEnv(values: Record<string, string>, granted: string[]): NodeJS.ProcessEnv {
  const refuse = (name: string) => {
    throw Object.assign(new Error(`Requires env access to "${name}", run again with the --allow-env flag`), { name: "NotCapable" });
  };
  return new Proxy<NodeJS.ProcessEnv>({}, {
    get: (_, name) => (typeof name !== "string" ? undefined : granted.includes(name) ? values[name] : refuse(name)),
    getOwnPropertyDescriptor: (_, name) => (typeof name === "string" && !granted.includes(name) ? refuse(name) : undefined),
  });
}

describe("optionalEnv", () => {
  it("a variable the runtime refuses reads as unset; a granted one as it is", () => {
    const source = denoLikeEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: "AKID", BUCKETRY_PROFILE: "work" }, ["ALIBABA_CLOUD_ACCESS_KEY_ID"]);
    expect(() => source.BUCKETRY_PROFILE).toThrow(/Requires env access/);
    const env = optionalEnv(source);
    expect(env.BUCKETRY_PROFILE).toBeUndefined();
    expect(env.NO_COLOR).toBeUndefined();
    expect(env.ALIBABA_CLOUD_ACCESS_KEY_ID).toBe("AKID");
  });

  it("any other failure to read is not hidden", () => {
    const broken = new Proxy<NodeJS.ProcessEnv>({}, {
      get: () => {
        throw new RangeError("broken environment");
      },
    });
    expect(() => optionalEnv(broken).TERM).toThrow("broken environment");
  });
});

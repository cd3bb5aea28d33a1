// The ini reader of the credential files: a section or key named like an Object.prototype member is data.
import { describe, expect, it } from "vitest";
import { parseIni } from "../../src/credentials/files.js";

describe("parseIni", () => {
  it("a [__proto__] section is a section, not the prototype of every object in the process", () => {
    const ini = parseIni("[__proto__]\ntype = access_key\npolluted = yes\n[default]\n__proto__ = x\n");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).type).toBeUndefined();
    expect(Object.hasOwn(ini, "__proto__")).toBe(true);
    expect(ini["__proto__"]).toEqual({ type: "access_key", polluted: "yes" });
    expect(Object.hasOwn(ini.default!, "__proto__")).toBe(true);
    expect(ini.default!["__proto__"]).toBe("x");
  });

  it("a profile named like a prototype member that the file lacks is absent", () => {
    const ini = parseIni("[default]\ntype = access_key\n");
    expect(ini["constructor"]).toBeUndefined();
    expect(ini.default!["toString"]).toBeUndefined();
  });
});

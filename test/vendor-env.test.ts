// test/support/vendor-env.mjs derives the samples' environment from the provider modules and the mock's account,
// so a new vendor needs no hand edit there (CONTRIBUTING.md, "Adding a vendor").
import { describe, expect, it } from "vitest";
import { vendorEnv, vendorEnvOf } from "./support/vendor-env.mjs";

const tokenModule = (id: string, variable: string) => ({ id, cli: { mockEnv: (mock: { credentials: { token: string } }) => [{ vendor: variable, cli: "TOKEN", value: mock.credentials.token }, { cli: "USER_ID", value: "0" }] } });

describe("vendorEnvOf", () => {
  it("takes a new provider's variables from its module's mock lines, with no line of its own", () => {
    expect(vendorEnvOf([tokenModule("acme-box", "ACME_BOX_TOKEN")], { "acme-box": { token: "t0k" } }, {})).toEqual({ ACME_BOX_TOKEN: "t0k" });
  });

  it("hands the module the account's client options (a project id in a variable)", () => {
    const module = { id: "acme-box", cli: { mockEnv: (mock: { options: { projectId?: string } }) => [{ vendor: "ACME_PROJECT", cli: "PROJECT_ID", value: mock.options.projectId! }] } };
    expect(vendorEnvOf([module], { "acme-box": {} }, { "acme-box": { projectId: "p1" } })).toEqual({ ACME_PROJECT: "p1" });
  });

  it("refuses two providers giving one variable different values; the same value is shared", () => {
    const modules = [tokenModule("a", "SHARED"), tokenModule("b", "SHARED")];
    expect(vendorEnvOf(modules, { a: { token: "x" }, b: { token: "x" } }, {})).toEqual({ SHARED: "x" });
    expect(() => vendorEnvOf(modules, { a: { token: "x" }, b: { token: "y" } }, {})).toThrow(/b: SHARED is "y", another provider's test account gives "x"/);
  });

  it("gives today's providers the variables the samples run with", () => {
    expect(vendorEnv).toMatchObject({ ALIBABA_CLOUD_ACCESS_KEY_ID: expect.any(String), HUAWEICLOUD_SDK_PROJECT_ID: expect.any(String), BCE_ACCESS_KEY_ID: expect.any(String), VSP_ONE_OBJECT_TOKEN: expect.any(String) });
  });
});

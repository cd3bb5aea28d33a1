// The vendors' environment variables holding the mock's published test credentials: what a program that reads
// its keys from the environment (README samples, the Try-it code panel's programs) runs with against the mocks.
// Derived, not hand-kept: each provider module's `cli.mockEnv` (the vendor variables `bucketry mock` prints for
// it) over the mock's test account, so a new vendor needs no line here.
import { testCredentials } from "@bucketry/mocks";
// Neither is a public export: the facade's generated provider list and the account's client options, as built.
import { accountClientOptions } from "../../packages/mocks/dist/generated/accounts.js";
import { providerModules } from "../../packages/bucketry/dist/generated/providers.js";

/**
 * The vendor variables of every module's mock lines (the CLI-only ones, with no vendor variable, are left out).
 * Two providers that read one variable (ENS and OSS: one Alibaba Cloud account) must give it one value.
 */
export function vendorEnvOf(modules, credentials, clientOptions) {
  const env = {};
  for (const m of modules) {
    // `bucketry mock` hands mockEnv the server's options; the samples run against the vendors' own hosts, so no endpoint.
    const lines = m.cli.mockEnv({ options: { ...clientOptions[m.id] }, credentials: credentials[m.id], state: {} });
    for (const { vendor, value } of lines) {
      if (!vendor) continue;
      if (vendor in env && env[vendor] !== value) throw new Error(`${m.id}: ${vendor} is ${JSON.stringify(value)}, another provider's test account gives ${JSON.stringify(env[vendor])}: give them one value`);
      env[vendor] = value;
    }
  }
  return env;
}

export const vendorEnv = vendorEnvOf(providerModules, testCredentials, accountClientOptions);

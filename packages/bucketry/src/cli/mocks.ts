// @bucketry/mocks is an optional peer dependency (it depends on bucketry, so bucketry must not import it
// statically): `mock` and `demo` load it at run time. The specifier is a variable so that tsc does not
// resolve it (the mocks are built after the facade).
import type { AccessKeyCredentials } from "@bucketry/signing";
import type { Provider } from "../model.js";
import type { MockFacts } from "../provider.js";
import { CliError, EXIT } from "./exit.js";

/** The part of `@bucketry/mocks/server`'s MockServer the CLI uses. */
export interface MockServerLike {
  url: string;
  port: number;
  endpoints: Record<Provider, string>;
  credentials: Record<Provider, AccessKeyCredentials | { token: string }>;
  clientOptions: Record<Provider, Record<string, unknown> & { provider: Provider; endpoint: string; region?: string; projectId?: string }>;
  /** The data set; `hitachiUsers` is read by the Hitachi provider module (`cli.mockEnv`, `cli.mockCallOptions`). */
  mock: { state: { readonly buckets: readonly { name: string }[]; readonly seed: number; readonly hitachiUsers: readonly number[] } };
  close(): Promise<void>;
}

/** What a provider's module reads of the mock (`cli.mockEnv`, `cli.mockCallOptions`). */
export function mockFacts(server: MockServerLike, provider: Provider): MockFacts {
  return { options: server.clientOptions[provider], credentials: server.credentials[provider], state: server.mock.state };
}

interface MocksServerModule {
  startMockServer(options?: { port?: number; host?: string; buckets?: number; seed?: number; maxBodyBytes?: number; credentialedOrigins?: readonly string[] }): Promise<MockServerLike>;
  /** A value as a browser sends it in `Origin`, or undefined: the rule `credentialedOrigins` applies. */
  asOrigin(value: string): string | undefined;
}

const SPECIFIER = "@bucketry/mocks/server";

export async function loadMocks(command: string): Promise<MocksServerModule> {
  try {
    return (await import(SPECIFIER)) as MocksServerModule;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    // A package @bucketry/mocks needs beside it (msw, its peer dependency) that is not installed.
    const peer = e?.code === "ERR_MODULE_NOT_FOUND" ? /^Cannot find package '([^'./][^']*)'/.exec(String(e.message))?.[1] : undefined;
    if (peer && !peer.startsWith("@bucketry/")) {
      throw new CliError(`\`bucketry ${command}\` needs ${peer}, which @bucketry/mocks takes as a peer dependency: run \`npm install ${peer}\``, EXIT.failure, "MissingDependency");
    }
    if ((e?.code === "ERR_MODULE_NOT_FOUND" || e?.code === "ERR_PACKAGE_PATH_NOT_EXPORTED") && String(e.message).includes("@bucketry/mocks")) {
      throw new CliError(
        `\`bucketry ${command}\` needs the optional package @bucketry/mocks: run \`npm install @bucketry/mocks\` (in the bucketry repository: \`npm run build\`)`,
        EXIT.failure,
        "MissingDependency",
      );
    }
    if (e?.code === "ERR_MODULE_NOT_FOUND" && String(e.message).includes("mocks")) {
      throw new CliError(`\`bucketry ${command}\`: @bucketry/mocks is installed but not built: run \`npm run build\``, EXIT.failure, "MissingDependency");
    }
    throw err;
  }
}

// The suite-wide guard itself: loopback connects, anything else is refused before a packet leaves (sockets, DNS
// queries, datagrams); and every vitest project of the repository loads it.
import { execFile } from "node:child_process";
import dgram from "node:dgram";
import dns from "node:dns";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// The setup file is the instance that patched the socket (this import may be a second copy of the module):
// its refusals are read through the global it registers.
import { withNetworkGuard } from "./support/guarded-child.js";
import { isLoopback } from "./support/network-guard.js";

function socketError(connect: () => net.Socket): Promise<Error> {
  return new Promise((resolve, reject) => {
    const socket = connect();
    socket.once("connect", () => reject(new Error("connected")));
    socket.once("error", resolve);
  });
}

const refusedSoFar = (): { host: string }[] => (globalThis as unknown as Record<symbol, () => { host: string }[]>)[Symbol.for("bucketry.test.takeRefused")]!();

describe("network guard", () => {
  it("knows loopback from everything else", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "::1", "localhost", "::ffff:127.0.0.1", undefined]) expect(isLoopback(host)).toBe(true);
    for (const host of ["100.100.100.200", "169.254.169.254", "sts.aliyuncs.com", "10.0.0.1", "::ffff:169.254.169.254", "2001:db8::1"]) expect(isLoopback(host)).toBe(false);
  });

  it("refuses the instance-metadata addresses through net, node:http and fetch", async () => {
    const viaNet = await socketError(() => net.connect({ host: "100.100.100.200", port: 80 }));
    expect(viaNet.message).toContain("refused 100.100.100.200:80");
    const viaHttp = await new Promise<Error>((resolve) => request("http://169.254.169.254/openstack/latest/securitykey").once("error", resolve).end());
    expect(viaHttp.message).toContain("169.254.169.254");
    const viaFetch = await fetch("http://100.100.100.200/latest/meta-data/").then(
      () => new Error("answered"),
      (err: Error) => err,
    );
    expect(String((viaFetch as Error & { cause?: Error }).cause?.message ?? viaFetch.message)).toContain("network guard");
    expect(refusedSoFar().map((r) => r.host)).toEqual(["100.100.100.200", "169.254.169.254", "100.100.100.200"]);
  });

  it("lets loopback through", async () => {
    const server = createServer((_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      expect(await (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)).text()).toBe("ok");
      expect(await dns.promises.lookup("localhost")).toMatchObject({ address: expect.any(String) });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(refusedSoFar()).toEqual([]);
  });

  it("refuses DNS queries for other names (lookup and resolve*, callback and promise forms) and datagrams to other addresses", async () => {
    await expect(dns.promises.lookup("metadata.example.invalid")).rejects.toThrow(/network guard: .*DNS query for metadata\.example\.invalid/);
    const viaCallback = await new Promise<Error | null>((resolve) => dns.lookup("sts.aliyuncs.com", (err) => resolve(err)));
    expect(viaCallback?.message).toContain("sts.aliyuncs.com");
    await expect(dns.promises.resolve4("example.com")).rejects.toThrow(/network guard/);
    await expect(new dns.promises.Resolver().resolveTxt("example.com")).rejects.toThrow(/network guard/);
    const udp = dgram.createSocket("udp4");
    const sent = await new Promise<Error | null>((resolve) => udp.send("x", 53, "8.8.8.8", (err) => resolve(err)));
    udp.close();
    expect(sent?.message).toContain("UDP datagram to 8.8.8.8");
    expect(refusedSoFar().map((r) => `${r.host}:${r.port}`)).toEqual(["metadata.example.invalid:dns", "sts.aliyuncs.com:dns", "example.com:dns", "example.com:dns", "8.8.8.8:udp"]);
  });

  it("is a setup file of every vitest project: the repo's (and the client packages' that run under it) and each package's", () => {
    const root = fileURLToPath(new URL("..", import.meta.url));
    const packages = readdirSync(join(root, "packages")).filter((p) => existsSync(join(root, "packages", p, "vitest.config.ts")));
    expect(packages).toEqual(expect.arrayContaining(["bucketry", "mocks", "signing"]));
    for (const config of ["vitest.config.ts", ...packages.map((p) => `packages/${p}/vitest.config.ts`)]) {
      const text = readFileSync(join(root, config), "utf8");
      expect(text, config).toMatch(/setupFiles: \[fileURLToPath\(new URL\("(\.\.\/\.\.\/|\.\/)test\/support\/network-guard\.ts", import\.meta\.url\)\)\]/);
    }
  });

  it("in a child process started with withNetworkGuard: a connection elsewhere is refused before it leaves, and said on stderr", async () => {
    const script = `import net from "node:net"; const s = net.connect({ host: "100.100.100.200", port: 80 }); s.on("error", (e) => console.log("error:", e.code)); s.on("connect", () => console.log("connected"));`;
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve) =>
      execFile(process.execPath, ["--input-type=module", "-e", script], { env: withNetworkGuard({ PATH: process.env.PATH }), timeout: 20_000 }, (_err, out, err) => resolve({ stdout: out, stderr: err })),
    );
    expect(stdout.trim()).toBe("error: ECONNREFUSED");
    expect(stderr).toContain("network guard: refused 100.100.100.200");
  });
});

// The suite-wide guard itself: loopback connects, anything else is refused before a packet leaves.
import { request } from "node:http";
import net from "node:net";
import { describe, expect, it } from "vitest";
// The setup file is the instance that patched the socket (this import may be a second copy of the module):
// its refusals are read through the global it registers.
import { isLoopback } from "../support/network-guard.js";
import { serve } from "../support/test-server.js";

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
    const server = await serve(() => ({ body: "ok" }));
    expect(await (await fetch(server.url)).text()).toBe("ok");
    expect(refusedSoFar()).toEqual([]);
  });
});

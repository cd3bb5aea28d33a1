// `bucketry mock` run in this process: it serves until SIGINT or SIGTERM, then stops with exit 0 and leaves no
// signal listener behind (neither the one that fired nor its partner). The signals come from a stand-in.
import { EventEmitter, once } from "node:events";
import { describe, expect, it } from "vitest";
import { mockCommand } from "../../src/cli/commands/mock.js";
import type { Io } from "../../src/cli/output.js";
import type { SignalSource } from "../../src/cli/signals.js";

describe("bucketry mock in-process", () => {
  it.each(["SIGINT", "SIGTERM"] as const)("%s stops it with 0, and no listener for either signal is left", async (signal) => {
    const emitter = new EventEmitter();
    const signals: SignalSource = {
      on: (name, listener) => emitter.on(name, listener),
      off: (name, listener) => emitter.off(name, listener),
      end: () => expect.unreachable("mock stops itself; it does not end the process"),
    };
    let out = "";
    const stream = Object.assign(new EventEmitter(), {
      isTTY: false,
      write(chunk: string) {
        out += chunk;
        if (chunk.includes("Try: ")) stream.emit("printed"); // its last line
        return true;
      },
    }) as unknown as NodeJS.WriteStream;
    const io: Io = { out: stream, err: stream, env: {}, signals };
    const printed = once(stream, "printed");
    const running = mockCommand(["--port", "0", "--buckets", "5"], io);
    await Promise.race([printed, running.then(() => Promise.reject(new Error("mock ended before serving")))]);
    expect(out).toMatch(/^# bucketry mock: 5 buckets .* on http:\/\/127\.0\.0\.1:\d+;/);
    // It listens from the moment it has printed its variables, until a signal stops it.
    expect([emitter.listenerCount("SIGINT"), emitter.listenerCount("SIGTERM")]).toEqual([1, 1]);
    emitter.emit(signal);
    expect(emitter.listenerCount("SIGINT") + emitter.listenerCount("SIGTERM")).toBe(0);
    expect(await running).toBe(0);
  });
});

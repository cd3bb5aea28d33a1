// What a terminal shows when list-buckets writes to one: stdout and stderr are the same screen, and the progress
// line on stderr must never end up in front of, or wrapped around, the output. The command runs in this process
// against the mock server, with a terminal stand-in that keeps every write in order.
import { execFile } from "node:child_process";
import { EventEmitter, once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "@bucketry/mocks/server";
import { listBucketsCommand } from "../../src/cli/commands/buckets.js";
import type { Io } from "../../src/cli/output.js";
import type { EndingSignal, SignalSource } from "../../src/cli/signals.js";

/** One screen both streams write to: `\r` returns to column 0, ESC[K erases to the end of the line. */
function terminal(columns: number) {
  const writes: string[] = [];
  const stream = { isTTY: true, columns, write: (chunk: string) => (writes.push(chunk), true) } as unknown as NodeJS.WriteStream;
  const screen = () => {
    const lines = [""];
    let col = 0;
    // eslint-disable-next-line no-control-regex
    for (const token of writes.join("").match(/\r|\n|\x1b\[K|[^\r\n\x1b]/gu) ?? []) {
      const row = lines.length - 1;
      if (token === "\r") col = 0;
      else if (token === "\n") (lines.push(""), (col = 0));
      else if (token === "\x1b[K") lines[row] = lines[row]!.slice(0, col);
      else (lines[row] = lines[row]!.slice(0, col) + token + lines[row]!.slice(col + 1), col++);
    }
    return lines;
  };
  return { stream, writes, screen };
}

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ buckets: 250, seed: 3 });
}, 120_000);
afterAll(() => server?.close());

function ensIo(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = {}): Io {
  const { accessKeyId, accessKeySecret } = server.credentials["aliyun-ens"] as { accessKeyId: string; accessKeySecret: string };
  return {
    out: stream,
    err: stream,
    env: { BUCKETRY_ALIYUN_ENS_ENDPOINT: server.endpoints["aliyun-ens"], BUCKETRY_ALIYUN_ENS_ACCESS_KEY_ID: accessKeyId, BUCKETRY_ALIYUN_ENS_ACCESS_KEY_SECRET: accessKeySecret, ...env },
  };
}

describe("list-buckets on a terminal", () => {
  it("--json across pages: every line on the screen is a whole JSON object, none behind the progress text", async () => {
    const t = terminal(200);
    expect(await listBucketsCommand(["--provider", "aliyun-ens", "--json", "--limit", "250"], ensIo(t.stream))).toBe(0);
    // The bar was shown (three pages of 100): the check below is about it.
    expect(t.writes.some((w) => w.includes("1 page…"))).toBe(true);
    const lines = t.screen().filter((l) => l !== "");
    expect(lines).toHaveLength(250);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
  });

  it("a progress text wider than the terminal is cut to fit (a wrapped line is erased only on its last row)", async () => {
    const t = terminal(24);
    expect(await listBucketsCommand(["--provider", "aliyun-ens", "--limit", "250"], ensIo(t.stream))).toBe(0);
    const shown = t.writes.filter((w) => w.startsWith("\r\x1b[K") && w.length > 4).map((w) => w.slice(4));
    expect(shown.length).toBeGreaterThan(0);
    for (const text of shown) {
      expect(text.length, text).toBeLessThan(24);
      expect(text).toMatch(/^aliyun-ens: .*…$/);
    }
  });

  it("TERM=dumb (a terminal that shows escape sequences as text): no colour and no progress line, the same table", async () => {
    const dumb = terminal(200);
    expect(await listBucketsCommand(["--provider", "aliyun-ens", "--limit", "250"], ensIo(dumb.stream, { TERM: "dumb" }))).toBe(0);
    expect(dumb.writes.join("")).not.toContain("\x1b");
    const ansi = terminal(200);
    expect(await listBucketsCommand(["--provider", "aliyun-ens", "--limit", "250"], ensIo(ansi.stream, { TERM: "xterm-256color" }))).toBe(0);
    // eslint-disable-next-line no-control-regex
    const stripped = ansi.writes.filter((w) => !w.startsWith("\r")).join("").replace(/\x1b\[\d+m/g, "");
    expect(dumb.writes.join("")).toBe(stripped);
  });
});

/**
 * A stand-in for the process's signals: `emit` delivers one as the process would; `end` records how the command
 * asked to end, with the screen as it was at that moment (the real one ends the process there).
 */
function signalSource(screen: () => string[]) {
  const emitter = new EventEmitter();
  const ended: { signal: EndingSignal; code: number; screen: string[] }[] = [];
  let subscriptions = 0;
  const source: SignalSource = {
    on(signal, listener) {
      subscriptions++;
      emitter.on(signal, listener);
      emitter.emit("listening", signal);
    },
    off: (signal, listener) => emitter.off(signal, listener),
    end: (signal, code) => void ended.push({ signal, code, screen: screen() }),
  };
  const listeners = () => emitter.listenerCount("SIGINT") + emitter.listenerCount("SIGTERM");
  return { source, emitter, ended, listeners, subscriptions: () => subscriptions };
}

describe("list-buckets interrupted on a terminal", () => {
  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)("%s while the progress line is shown: the line is erased, then the command ends with %i", async (signal, code) => {
    const t = terminal(200);
    const s = signalSource(t.screen);
    // The first listener is added when the bar is first drawn, just before the second page is asked for.
    const listening = once(s.emitter, "listening");
    const running = listBucketsCommand(["--provider", "aliyun-ens", "--limit", "250"], { ...ensIo(t.stream), signals: s.source });
    await Promise.race([listening, running.then(() => Promise.reject(new Error("the command ended without listening for signals while its progress line was shown")))]);
    expect(t.screen().join("")).toMatch(/^aliyun-ens: 100 buckets, 1 page…$/);
    s.emitter.emit(signal);
    expect(s.ended).toEqual([{ signal, code, screen: [""] }]);
    // The listener that fired is gone with its partner: a second Ctrl-C is the process's default again.
    expect(s.listeners()).toBe(0);
    // (The stand-in does not end the process: the command runs on to its end.)
    expect(await running).toBe(0);
    expect(s.listeners()).toBe(0);
  });

  it("a command that ends normally leaves no signal listener behind (table, --json, one page, several runs)", async () => {
    const t = terminal(200);
    const s = signalSource(t.screen);
    for (const args of [["--limit", "250"], ["--json", "--limit", "250"], ["--limit", "5"], ["--limit", "250"]]) {
      expect(await listBucketsCommand(["--provider", "aliyun-ens", ...args], { ...ensIo(t.stream), signals: s.source })).toBe(0);
      expect(s.listeners(), args.join(" ")).toBe(0);
    }
    // It did listen while the line was shown: the check above is about listeners that were there.
    expect(s.subscriptions()).toBeGreaterThan(0);
    expect(s.ended).toEqual([]);
  });

  it("the process's own signal source ends the process by the signal itself, as the shell then reports 130 / 143", async () => {
    // A child that takes the CLI's process source, listens as the progress line does, and receives the signal.
    const signals = fileURLToPath(new URL("../../dist/cli/signals.js", import.meta.url));
    const script = `
      const { processSignals, signalExitCode } = await import(${JSON.stringify(signals)});
      const signal = process.argv[1];
      const listener = () => { processSignals.off(signal, listener); processSignals.end(signal, signalExitCode(signal)); };
      processSignals.on(signal, listener);
      process.kill(process.pid, signal);
      setInterval(() => {}, 1 << 30); // alive until the signal ends it
    `;
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      const exited = await new Promise<{ code: number | null; signal: string | null }>((resolve) => {
        const child = execFile(process.execPath, ["--input-type=module", "-e", script, signal], { env: { PATH: process.env.PATH }, timeout: 120_000 }); // a guard against a hung child, not a limit
        child.once("exit", (code, by) => resolve({ code, signal: by }));
      });
      expect(exited).toEqual({ code: null, signal });
    }
  });
});

// What a terminal shows when list-buckets writes to one: stdout and stderr are the same screen, and the progress
// line on stderr must never end up in front of, or wrapped around, the output. The command runs in this process
// against the mock server, with a terminal stand-in that keeps every write in order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "@bucketry/mocks/server";
import { listBucketsCommand } from "../../src/cli/commands/buckets.js";
import type { Io } from "../../src/cli/output.js";

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

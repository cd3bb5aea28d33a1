// Baseline transport 2: node:http with a keep-alive agent; reads the whole body and parses it.
// With `web: true` the same exchange also builds what any fetch-shaped client handles per call — the platform's
// Request (read back for the node:http call) and Response (its body read through it) — so the report can tell
// what those two cost from everything else above node:http.
import http from "node:http";
import { parseBody } from "./parse.mjs";

export function httpTransport({ web = false } = {}) {
  const agent = new http.Agent({ keepAlive: true });
  const request = ({ method, url, headers, body }) =>
    new Promise((resolve, reject) => {
      const req = http.request(url, { method, headers, agent }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ res, bytes: Buffer.concat(chunks) }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });
  return {
    async send(r, as = "json") {
      if (!web) {
        const { res, bytes } = await request(r);
        if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`);
        return parseBody(bytes.toString("utf8"), as);
      }
      const req = new Request(r.url, { method: r.method, headers: r.headers, body: r.body });
      const headers = {};
      for (const [name, value] of req.headers) headers[name] = value;
      const body = req.body === null ? undefined : Buffer.from(await req.arrayBuffer());
      const { res, bytes } = await request({ method: req.method, url: req.url, headers, body });
      const response = new Response(bytes, { status: res.statusCode, statusText: res.statusMessage, headers: res.headers });
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      return parseBody(await response.text(), as);
    },
    async setCookies(url) {
      const { res } = await request({ method: "GET", url, headers: {} });
      return res.headers["set-cookie"] ?? [];
    },
  };
}

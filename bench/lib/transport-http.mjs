// Baseline transport 2: node:http with a keep-alive agent; reads the whole body and parses it.
import http from "node:http";
import { parseBody } from "./parse.mjs";

export function httpTransport() {
  const agent = new http.Agent({ keepAlive: true });
  const request = ({ method, url, headers, body }) =>
    new Promise((resolve, reject) => {
      const req = http.request(url, { method, headers, agent }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ res, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });
  return {
    async send(r, as = "json") {
      const { res, text } = await request(r);
      if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`);
      return parseBody(text, as);
    },
    async setCookies(url) {
      const { res } = await request({ method: "GET", url, headers: {} });
      return res.headers["set-cookie"] ?? [];
    },
  };
}

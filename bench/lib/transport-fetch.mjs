// Baseline transport 1: plain global fetch; reads the whole body and parses it.
import { parseBody } from "./parse.mjs";

export function fetchTransport() {
  return {
    async send({ method, url, headers, body }, as = "json") {
      const res = await fetch(url, { method, headers, body });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      return parseBody(text, as);
    },
    async setCookies(url) {
      const res = await fetch(url);
      await res.arrayBuffer();
      return res.headers.getSetCookie();
    },
  };
}

// Local HTTP server for the throughput rows: one node:http listener per vendor on 127.0.0.1, each answering
// the vendor's documented example from specs/<vendor>.yaml (the documented 200 response). It does NOT verify
// signatures. Prints {"ports":{vendor:port}} on stdout once listening; exits when stdin closes.
import http from "node:http";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { VENDORS } from "./common.mjs";
import { REPO_DIR } from "./paths.mjs";

const require = createRequire(path.join(REPO_DIR, "package.json"));
const YAML = require("yaml"); // root devDependency (the spec tooling already uses it)

function spec(vendor) {
  return YAML.parse(readFileSync(path.join(REPO_DIR, "specs", `${vendor}.yaml`), "utf8"));
}
function deref(doc, node) {
  while (node && node.$ref) node = node.$ref.slice(2).split("/").reduce((o, k) => o[k], doc);
  return node;
}
/** The first example of the 200 response of `method path`. */
export function seedExample(vendor, method, p) {
  const doc = spec(vendor);
  const res = deref(doc, doc.paths[p][method].responses["200"]);
  const [type, media] = Object.entries(res.content)[0];
  const ex = media.examples ? Object.values(media.examples)[0] : { value: media.example };
  const value = deref(doc, ex).value;
  return { type, body: typeof value === "string" ? value : JSON.stringify(value) };
}

export function seeds() {
  return {
    "aliyun-ens": { ...seedExample("aliyun-ens", "post", "/"), headers: { "x-acs-request-id": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853" } },
    "huaweicloud-mpc": { ...seedExample("huaweicloud-mpc", "get", "/v1/{project_id}/buckets"), headers: { "x-request-id": "bench-request-id" } },
    "baidu-bos": { ...seedExample("baidu-bos", "get", "/v1/{bucketName}"), headers: { "x-bce-request-id": "bench-request-id", server: "BceBos" } },
    "hitachi-vsp-one-object": seedExample("hitachi-vsp-one-object", "post", "/v1/user/list_buckets"),
    "aliyun-oss": { ...seedExample("aliyun-oss", "get", "/"), headers: { "x-oss-request-id": "534B371674E88A4D8906****", server: "AliyunOSS" } },
  };
}

function serve(vendor, seed) {
  const body = Buffer.from(seed.body, "utf8");
  const headers = { "content-type": seed.type, "content-length": String(body.length), ...(seed.headers ?? {}) };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (vendor === "hitachi-vsp-one-object" && req.method === "GET" && req.url.endsWith("/v1/csrf")) {
        res.writeHead(200, {
          "content-type": "application/json",
          "content-length": "2",
          "set-cookie": ["XSRF-TOKEN=bench-xsrf; Path=/", "vertx-web.session=bench-session; Path=/; HttpOnly"],
        });
        res.end("{}");
        return;
      }
      res.writeHead(200, headers);
      res.end(body);
    });
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve([vendor, server.address().port])));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = seeds();
  const only = process.argv[2] ? process.argv[2].split(",") : VENDORS;
  const ports = Object.fromEntries(await Promise.all(only.map((v) => serve(v, s[v]))));
  process.stdout.write(JSON.stringify({ ports }) + "\n");
  process.stdin.resume();
  process.stdin.on("end", () => process.exit(0));
  process.stdin.on("close", () => process.exit(0));
}

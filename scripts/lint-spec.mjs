#!/usr/bin/env node
// Lints specs with Redocly under redocly.yaml; fails on any error OR warning (the bar is zero of both).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { root, selectVendors } from "./repo.mjs";

const vendors = selectVendors(process.argv.slice(2));
const redocly = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
const result = spawnSync(
  process.execPath,
  [redocly, "lint", ...vendors, "--max-problems", "200", "--format", "stylish"],
  { cwd: root, encoding: "utf8", env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
);
const out = `${result.stdout}${result.stderr}`;
process.stdout.write(out);
const warnings = /(\d+) warnings?/.exec(out);
if (result.status !== 0) process.exit(result.status ?? 1);
if (warnings && Number(warnings[1]) > 0) {
  console.error(`redocly reported ${warnings[1]} warning(s); the bar is zero`);
  process.exit(1);
}

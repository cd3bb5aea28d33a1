#!/usr/bin/env node
// The `bucketry` command: a committed entry point (so `npm ci` can link it before a build) that loads the CLI.
import("../dist/cli/main.js").catch((err) => {
  if (err && err.code === "ERR_MODULE_NOT_FOUND" && String(err.message).includes("dist/cli/main.js")) {
    console.error("bucketry: the CLI is not built; run `npm run build` first");
    process.exit(1);
  }
  throw err;
});

// Cold start program: import one bench/impl module and construct its client, then exit.
//   node lib/cold-worker.mjs <impl-file>
import { pathToFileURL } from "node:url";

const impl = await import(pathToFileURL(process.argv[2]).href);
impl.create({ endpoint: "http://127.0.0.1:9" });
process.exit(0);

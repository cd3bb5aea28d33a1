// What the docs site shows for one spec, read from the spec itself so it cannot drift.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { apis, OPERATION_METHODS, root } from "./repo.mjs";

const config = apis();


/** What the index shows for one spec, read from the spec itself so it cannot drift. */
export function card(vendor) {
  const spec = parse(readFileSync(join(root, config[vendor].spec), "utf8"));
  const operations = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of OPERATION_METHODS) {
      if (item[method]) operations.push({ method: method.toUpperCase(), path, id: item[method].operationId, summary: item[method].summary });
    }
  }
  const schemes = Object.entries(spec.components?.securitySchemes ?? {}).map(([name, s]) => ({
    name,
    label: s["x-bucketry-label"] ?? name,
    type: s.type,
  }));
  // Each security requirement an operation takes (schemes that go together joined by " + "); alternatives listed apart.
  const labelOf = (name) => schemes.find((s) => s.name === name)?.label ?? name;
  const requirements = new Set();
  for (const item of Object.values(spec.paths ?? {})) {
    for (const method of OPERATION_METHODS) {
      for (const req of item[method]?.security ?? spec.security ?? []) if (Object.keys(req).length) requirements.add(Object.keys(req).map(labelOf).join(" + "));
    }
  }
  return {
    vendor,
    title: spec.info.title,
    summary: spec.info.summary ?? spec.info.description?.split("\n")[0] ?? "",
    version: spec.info.version,
    schemes,
    auth: [...requirements],
    operations,
  };
}


/** The spec document itself (for the coverage matrix). */
export function spec(vendor) {
  return parse(readFileSync(join(root, config[vendor].spec), "utf8"));
}

export const vendors = () => Object.keys(config);

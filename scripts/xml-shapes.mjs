// Derives, from a spec's XML response schemas, the shape an XML reader needs to produce objects that
// match the generated types: which elements are lists (always arrays, even with one entry) and which
// are numbers or booleans. Everything else stays a string, so ids keep their leading zeros.

const resolveRef = (spec, node) => {
  let current = node;
  for (let i = 0; current?.$ref && i < 32; i++) {
    current = current.$ref
      .slice(2)
      .split("/")
      .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((acc, key) => acc?.[key], spec);
  }
  return current;
};

const typeOf = (schema) => {
  const types = [schema.type].flat().filter((t) => t && t !== "null");
  if (schema.enum && !schema.type) return "string";
  return types.length === 1 ? types[0] : "string";
};

/** Shape descriptor: "string" | "number" | "boolean" | { fields: {...} } | { list: shape, item: elementName }. */
function shapeOf(spec, rawSchema, seen = new Set()) {
  const schema = resolveRef(spec, rawSchema) ?? {};
  if (seen.has(schema)) return "string";
  const type = typeOf(schema);
  if (schema.properties || type === "object") {
    const next = new Set(seen).add(schema);
    const fields = {};
    for (const [name, prop] of Object.entries(schema.properties ?? {})) {
      const resolved = resolveRef(spec, prop) ?? {};
      const element = resolved.xml?.name ?? prop.xml?.name ?? name;
      if (typeOf(resolved) === "array") {
        const items = resolveRef(spec, resolved.items) ?? {};
        const itemName = items.xml?.name ?? resolved.items?.xml?.name ?? element;
        // Wrapped lists (<Grants><Grant/>…</Grants>) are an object holding the repeated element.
        fields[element] = resolved.xml?.wrapped
          ? { fields: { [itemName]: { list: shapeOf(spec, resolved.items, next) } }, property: name }
          : { list: shapeOf(spec, resolved.items, next), property: name };
      } else {
        const inner = shapeOf(spec, prop, next);
        fields[element] = typeof inner === "string" ? inner : { ...inner, property: name };
      }
    }
    return { fields };
  }
  if (type === "integer" || type === "number") return "number";
  if (type === "boolean") return "boolean";
  return "string";
}

/** The generated module text, or null when the spec has no XML bodies. */
export function xmlShapesModule(spec) {
  const roots = {};
  for (const item of Object.values(spec.paths ?? {})) {
    for (const op of Object.values(item)) {
      for (const response of Object.values(op?.responses ?? {})) {
        const content = resolveRef(spec, response)?.content ?? {};
        for (const [media, body] of Object.entries(content)) {
          if (!/[/+]xml$/.test(media) || !body.schema) continue;
          const schema = resolveRef(spec, body.schema);
          const name = schema.xml?.name ?? body.schema.$ref?.split("/").pop();
          if (name) roots[name] = shapeOf(spec, body.schema);
        }
      }
    }
  }
  if (Object.keys(roots).length === 0) return null;
  return (
    "/** Element shapes of the XML bodies, keyed by root element name (see scripts/xml-shapes.mjs). */\n" +
    `export const xmlShapes = ${JSON.stringify(roots, null, 2)} as const;\n`
  );
}

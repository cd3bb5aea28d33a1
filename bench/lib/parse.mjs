// Baselines parse what they read: JSON, or (OSS) the one element of the ACL answer they need.
export function parseBody(text, as) {
  if (as === "json") return JSON.parse(text);
  const m = /<Grant>([^<]*)<\/Grant>/.exec(text);
  if (!m) throw new Error("no <Grant> in the XML body");
  return { AccessControlList: { Grant: m[1] } };
}

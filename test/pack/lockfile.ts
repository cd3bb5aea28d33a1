// Seeds a fresh project's package-lock.json with the repo's own locked versions of the packages' third-party
// dependencies (and theirs), so `npm install --offline` of the tarballs resolves to exactly what `npm ci` put in
// the npm cache — without a lockfile npm would pick the newest versions its cached metadata lists, whose tarballs
// may never have been downloaded.

/** Where Node would find `name` from the package at lockfile location `from` ("" = the project root). */
type LockEntry = Record<string, unknown> & {
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

function locate(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ""}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    const i = base.lastIndexOf("node_modules/");
    base = i <= 0 ? "" : base.slice(0, i - 1);
  }
}

/**
 * `packages` entries of `rootLock` for everything that `deps` (name -> the workspace location that depends on it)
 * bring in, re-rooted at a plain project. Throws when a dependency is locked inside a workspace folder (not
 * hoisted), which this simple re-rooting does not handle.
 */
export function lockedClosure(rootLock: { packages: Record<string, LockEntry> }, deps: Record<string, string>): Record<string, LockEntry> {
  const packages = rootLock.packages;
  const out: Record<string, LockEntry> = {};
  const queue: [string, string, boolean][] = Object.entries(deps).map(([name, from]) => [from, name, false]);
  while (queue.length) {
    const [from, name, optional] = queue.shift()!;
    const loc = locate(packages, from, name);
    if (!loc) {
      if (optional) continue;
      throw new Error(`${name} (needed from "${from || "."}") is not in package-lock.json`);
    }
    // A dependency npm placed inside a workspace folder (packages/x/node_modules/y) is re-rooted at the top,
    // as long as nothing else already sits there.
    const target = loc.replace(/^packages\/[^/]+\//, "");
    if (target in out) {
      if (out[target]!.version !== packages[loc]!.version) throw new Error(`${loc} conflicts with ${target} when re-rooted`);
      continue;
    }
    if (target.startsWith("packages/")) throw new Error(`${loc} is locked inside a workspace; cannot re-root it`);
    const entry: LockEntry = { ...packages[loc]! };
    if (entry.link) throw new Error(`${loc} is a workspace link, not a third-party package`);
    delete entry.dev;
    delete entry.devOptional;
    delete entry.peer;
    out[target] = entry;
    for (const d of Object.keys(entry.dependencies ?? {})) queue.push([loc, d, false]);
    for (const d of Object.keys(entry.optionalDependencies ?? {})) queue.push([loc, d, true]);
    const optionalPeers = entry.peerDependenciesMeta ?? {};
    // npm installs required peers, never optional ones.
    for (const d of Object.keys(entry.peerDependencies ?? {})) if (optionalPeers[d]?.optional !== true) queue.push([loc, d, false]);
  }
  return out;
}

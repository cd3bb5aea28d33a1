// Profiles: ~/.config/bucketry/config.json (or $XDG_CONFIG_HOME/bucketry/config.json). Like ssh, a file that
// holds secrets and is readable by group or others is refused.
import { readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { PROVIDERS, type Provider } from "../model.js";
import type { ProfileEntry } from "../provider.js";
import { CliError, EXIT } from "./exit.js";
import { moduleOf } from "./providers.js";

export type { ProfileEntry };

export type Profile = Partial<Record<Provider, ProfileEntry>>;

const STRING_KEYS = ["accessKeyId", "accessKeySecret", "securityToken", "token", "username", "password", "tokenUrl", "clientId", "clientSecret", "realm", "scope", "region", "endpoint", "projectId", "signatureVersion"] as const;
/** Keys whose use the CLI checks for every provider (a region or signature version a provider refuses is an error). */
const CHECKED_KEYS = ["endpoint", "region", "signatureVersion"];
const SECRET_KEYS = ["accessKeySecret", "securityToken", "token", "password", "clientSecret"] as const;

export function configPath(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith("/") ? env.XDG_CONFIG_HOME : join(env.HOME || homedir(), ".config");
  return join(base, "bucketry", "config.json");
}

const fail = (message: string) => new CliError(message, EXIT.auth);

function checkEntry(path: string, name: string, provider: string, value: unknown): ProfileEntry {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw fail(`${path}: profiles.${name}["${provider}"] must be an object`);
  const entry = value as Record<string, unknown>;
  for (const [key, v] of Object.entries(entry)) {
    if (key === "userId") {
      if (typeof v !== "number" && typeof v !== "string") throw fail(`${path}: profiles.${name}["${provider}"].userId must be a number or a string`);
    } else if ((STRING_KEYS as readonly string[]).includes(key)) {
      if (typeof v !== "string") throw fail(`${path}: profiles.${name}["${provider}"].${key} must be a string`);
    } else {
      throw fail(`${path}: profiles.${name}["${provider}"] has an unknown key "${key}" (allowed: ${[...STRING_KEYS, "userId"].join(", ")})`);
    }
  }
  // A key another provider reads (an OSS entry's "token", a Hitachi entry's access keys) would be ignored while
  // the command runs with other credentials (the environment's): refused, naming the keys this provider reads.
  const facts = moduleOf(provider as Provider).cli;
  const unread = Object.keys(entry).filter((key) => !CHECKED_KEYS.includes(key) && !(facts.profileFields as readonly string[]).includes(key));
  if (unread.length) {
    const keys = ["endpoint", ...(facts.region !== undefined ? ["region"] : []), ...(facts.signatureVersions.length ? ["signatureVersion"] : []), ...facts.profileFields];
    throw fail(`${path}: profiles.${name}["${provider}"] has ${unread.map((k) => `"${k}"`).join(", ")}, which ${provider} does not use: remove ${unread.length === 1 ? "it" : "them"} (its keys: ${keys.join(", ")})`);
  }
  return entry as ProfileEntry;
}

function holdsSecrets(doc: unknown): boolean {
  const profiles = (doc as { profiles?: Record<string, Record<string, Record<string, unknown>>> })?.profiles;
  if (!profiles || typeof profiles !== "object") return false;
  return Object.values(profiles).some(
    (p) => p && typeof p === "object" && Object.values(p).some((e) => e && typeof e === "object" && SECRET_KEYS.some((k) => typeof e[k] === "string" && e[k] !== "")),
  );
}

/**
 * Reads profile `name` from the config file; refuses a group/world-readable file that holds secrets. `from`: what
 * named the profile, for messages (`--profile work`, or `BUCKETRY_PROFILE=work`, which a user may not know is set).
 */
export function loadProfile(name: string, env: NodeJS.ProcessEnv, from = `--profile ${name}`): { path: string; profile: Profile } {
  const path = configPath(env);
  let text: string;
  let mode: number;
  try {
    mode = statSync(path).mode;
    text = readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw fail(`${from}: no config file at ${path} (see \`bucketry --help\` for its format)`);
    throw fail(`cannot read ${path}: ${code ?? (err as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    // Not the parser's message: it quotes the file's text, which may hold a secret. Where, as line and column.
    const at = /at position (\d+)/.exec(String((err as Error)?.message));
    const before = at ? text.slice(0, Number(at[1])).split("\n") : undefined;
    const where = before ? ` at line ${before.length}, column ${before.at(-1)!.length + 1}` : /end of JSON input/.test(String((err as Error)?.message)) ? " (it ends too early)" : "";
    throw fail(`${path} is not valid JSON${where}: fix its syntax (a missing quote or comma)`);
  }
  if (process.platform !== "win32" && (mode & 0o077) !== 0 && holdsSecrets(doc)) {
    const octal = (mode & 0o777).toString(8).padStart(4, "0");
    throw fail(`${path} holds secrets but is accessible by group or others (mode ${octal}); refusing to use it: run \`chmod 600 ${path}\``);
  }
  const profiles = (doc as { profiles?: unknown })?.profiles;
  if (!profiles || typeof profiles !== "object" || Array.isArray(profiles)) throw fail(`${path}: expected { "profiles": { "<name>": { "<provider>": { … } } } }`);
  const raw = Object.hasOwn(profiles, name) ? (profiles as Record<string, unknown>)[name] : undefined; // not "constructor" off the prototype
  if (raw === undefined) {
    const known = Object.keys(profiles);
    const named = from.startsWith("--profile") ? "" : ` (from ${from})`;
    throw fail(`profile "${name}"${named} is not in ${path} (${known.length ? `profiles: ${known.join(", ")}` : "it has no profiles"})`);
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw fail(`${path}: profiles.${name} must be an object keyed by provider`);
  const profile: Profile = {};
  for (const [provider, entry] of Object.entries(raw)) {
    if (!(PROVIDERS as readonly string[]).includes(provider)) throw fail(`${path}: profiles.${name} has an unknown provider "${provider}" (one of ${PROVIDERS.join(", ")})`);
    profile[provider as Provider] = checkEntry(path, name, provider, entry);
  }
  return { path, profile };
}

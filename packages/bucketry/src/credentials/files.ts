// The credential files' formats: ini (Alibaba's ~/.alibabacloud/credentials, Huawei's ~/.huaweicloud/credentials)
// and JSON (the aliyun CLI's ~/.aliyun/config.json). Parse errors name the file and the line, never its content.
import { fileErrorCode, MAX_FILE_BYTES, NOT_A_FILE, permissionDenial, TOO_LARGE, type CredentialIo } from "./io.js";
import { notConfigured, sourceFailed } from "./types.js";

export type IniFile = Record<string, Record<string, string>>;

export interface IniOptions {
  /**
   * Section names, keys and values as npm `ini` 1.x decodes them (the reader of @alicloud/credentials): `\\`,
   * `\;` and `\#` escape those characters (any other backslash is kept), an unescaped `;` or `#` starts a comment
   * anywhere in an unquoted value, and a value in "double quotes" is a JSON string (`"a\"b"` is `a"b`).
   */
  npmIni?: boolean | undefined;
  /** `key: value` lines too, as Python's configparser and Go's gopkg.in/ini.v1 (Huawei's SDKs) read them. */
  colon?: boolean | undefined;
}

/**
 * ini as the vendors' libraries read it: `[section]` headers, `key = value` lines (both trimmed), `;` and `#`
 * comment lines, a trailing `; comment` or `# comment` cut from unquoted values, and "double" or 'single'
 * quotes around a value removed. Keys before the first section go in section "". `options` picks a vendor's
 * reading where the readers differ.
 */
export function parseIni(text: string, options: IniOptions = {}): IniFile {
  const decode = options.npmIni ? npmIniValue : iniValue;
  const separator = options.colon ? /[=:]/ : /=/;
  // Objects without a prototype: a `[__proto__]` or `[constructor]` section, or a key so named, is a section or
  // a key like any other, never the prototype of every object in the process.
  const out: IniFile = Object.create(null) as IniFile;
  let section: Record<string, string> = (out[""] = Object.create(null) as Record<string, string>);
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith(";") || line.startsWith("#")) continue;
    const header = /^\[([^\]]*)\]$/.exec(line);
    if (header) {
      const name = options.npmIni ? npmIniValue(header[1]!) : header[1]!.trim();
      section = out[name] ??= Object.create(null) as Record<string, string>;
      continue;
    }
    const eq = line.search(separator);
    if (eq <= 0) continue;
    const key = options.npmIni ? npmIniValue(line.slice(0, eq)) : line.slice(0, eq).trim();
    section[key] = decode(line.slice(eq + 1).trim());
  }
  return out;
}

function iniValue(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) return value.slice(1, -1);
  const comment = value.search(/(^|[^\\])[;#]/);
  if (comment === -1) return value;
  return value.slice(0, value[comment] === ";" || value[comment] === "#" ? comment : comment + 1).trim();
}

/** npm `ini` 1.x's `unsafe()`, kept to strings (it turns a quoted number or an unquoted `true` into non-strings). */
function npmIniValue(raw: string): string {
  const value = raw.trim();
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.endsWith(quote)) {
    const inner = quote === "'" ? value.slice(1, -1) : value;
    try {
      const parsed: unknown = JSON.parse(inner);
      return typeof parsed === "string" ? parsed : inner;
    } catch {
      return inner;
    }
  }
  let out = "";
  let escaped = false;
  for (const c of value) {
    if (escaped) {
      out += "\\;#".includes(c) ? c : `\\${c}`;
      escaped = false;
    } else if (c === ";" || c === "#") break;
    else if (c === "\\") escaped = true;
    else out += c;
  }
  if (escaped) out += "\\";
  return out.trim();
}

/** A file's text; a missing file is "not configured" for `source`, any other read error a failure. */
export async function readSourceFile(io: CredentialIo, source: string, path: string, what: string): Promise<string> {
  if (!io.available) throw notConfigured(source, "files cannot be read on this platform");
  try {
    return await io.readText(path);
  } catch (err) {
    const code = fileErrorCode(err);
    if (code === "ENOENT" || code === "ENOTDIR") throw notConfigured(source, `${what} ${path} does not exist`);
    if (code === NOT_A_FILE) throw sourceFailed(source, `${what} ${path} is not a regular file (a named pipe, a device or a socket): write it to a file`);
    if (code === TOO_LARGE) throw sourceFailed(source, `${what} ${path} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB: is it the right file?`);
    const denied = permissionDenial(err);
    throw sourceFailed(source, `cannot read ${what} ${path}${denied ? `: ${denied}` : code ? ` (${code})` : ""}`);
  }
}

/** JSON from a credentials file; a syntax error names the file, not its content. */
export function parseJsonFile(source: string, path: string, text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, "")) as unknown; // a BOM some editors write
  } catch {
    throw sourceFailed(source, `${path} is not valid JSON`);
  }
}

const encoder = new TextEncoder();

export const utf8 = (text: string): Uint8Array => encoder.encode(text);

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!];
  return out;
}

/**
 * Standard base64 with padding. Each byte becomes the one character of that code (0-255), the Latin-1 string
 * btoa reads, so no byte is ever outside its range; no dependency on Buffer.
 */
export function toBase64(bytes: Uint8Array): string {
  let latin1 = "";
  for (let i = 0; i < bytes.length; i++) latin1 += String.fromCharCode(bytes[i]!);
  return btoa(latin1);
}

// "#printable" in browser bundles: a browser's console has no inspect hook to hide a secret behind, so
// credentials objects are left as they are and the bundle carries nothing for it (see ./printable.ts).

/** Returns `value` as it is (browser build; elsewhere it makes `value` print without its secrets). */
export const hideSecrets = <T extends object>(value: T, _secretFields?: readonly string[]): T => value;

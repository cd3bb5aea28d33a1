// The public `hideSecrets`, typed here so the package's declarations name no "#printable" import (a `node10`
// resolver, which knows no package imports, could not follow it).
import { hideSecrets as hide } from "#printable";

/**
 * Makes `value` print with `secretFields` hidden (util.inspect, console.log, Deno's console) and returns it; a
 * browser build returns it as it is. It adds two non-enumerable properties to `value` itself: call it only on
 * objects you created.
 */
export const hideSecrets: <T extends object>(value: T, secretFields?: readonly string[]) => T = hide;

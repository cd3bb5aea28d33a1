// Baseline 2 with the platform's Request and Response built per call (lib/transport-http.mjs, `web`): what any
// fetch-shaped client handles per call, on top of the node:http baseline.
import { create as createHttp } from "./http.mjs";

export { verify } from "./http.mjs";
export const create = (options) => createHttp({ ...options, web: true });

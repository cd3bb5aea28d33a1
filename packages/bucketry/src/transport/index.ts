// Resolved through package.json "imports": a keep-alive node:http transport on Node, fetch elsewhere.
export { platformTransport, transportName } from "#transport";

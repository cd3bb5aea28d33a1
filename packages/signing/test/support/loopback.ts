// Loopback HTTP servers for the redirect tests: one answers with a redirect, the other records what reaches it.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as a server received it. */
export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headersDistinct"];
  body: string;
}

/** Listens on 127.0.0.1 at a free port; resolves to `127.0.0.1:<port>`. */
export function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/** Closes `server` and every connection still open to it. */
export async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A request handler that reads the whole body, then calls `answer`. */
export const reading = (answer: (seen: Seen, res: ServerResponse) => void) => (req: IncomingMessage, res: ServerResponse) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => answer({ method: req.method ?? "", url: req.url ?? "", headers: req.headersDistinct, body }, res));
};

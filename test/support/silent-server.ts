// A TCP server on 127.0.0.1 that accepts connections and never writes a byte: a TLS client's handshake never
// completes against it, so nothing of a request made to https://127.0.0.1:<port> reaches the wire.
import { createServer, type AddressInfo, type Socket } from "node:net";

export interface SilentServer {
  port: number;
  /** Resolves once a client has connected. */
  connected: Promise<void>;
  /** Drops every connection and stops listening. */
  close(): Promise<void>;
}

export async function silentServer(): Promise<SilentServer> {
  const server = createServer(() => undefined);
  const sockets: Socket[] = [];
  const connected = new Promise<void>((resolve) =>
    server.on("connection", (socket: Socket) => {
      sockets.push(socket);
      resolve();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connected,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

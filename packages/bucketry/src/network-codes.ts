// Error codes of a failed connection as Node's http module and undici report them (on the error or its
// `cause`). Where the `browser` condition of the package's `#network-codes` import applies,
// network-codes-browser.ts stands in: a browser's fetch fails with a TypeError that carries no code.
export const NETWORK_CODES: RegExp | undefined = /^(ECONNRESET|ECONNREFUSED|ECONNABORTED|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ENETDOWN|UND_ERR_\w+)$/;

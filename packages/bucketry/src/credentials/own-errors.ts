// bucketry's own credential errors (CredentialSourceError, CredentialChainError), registered as they are made: their
// messages name sources, variables, files and statuses, never a secret, so the facade may repeat them. A WeakSet and
// not `instanceof` or the error's name: an imposter (a foreign error named alike, an object made from the classes'
// prototype) is not in it, and the facade's browser bundles need not carry the classes to check.
export const ownErrors = new WeakSet<object>();

/**
 * For a failure a refreshing cache returns until it asks its source again: the ms left until then. A cache passed as
 * the `credentials` function (`refreshing(…).get`) is out of the facade's sight; this lets the call's retry wait
 * for it instead of meeting the same cached failure.
 */
export const retryIn = new WeakMap<object, () => number>();

/**
 * Why reading from a registry failed, as a kind the caller can act on. Messages are lowercase,
 * say what to do, and never hold a password or token.
 */
export type RegistryErrorKind =
  /** 401: no credentials, or credentials refused. */
  | 'unauthorized'
  /** 403: the credentials may not pull this repository. */
  | 'denied'
  /** 404: no such repository, tag or digest. */
  | 'not-found'
  /** A manifest media type that is not an image, or a config that is not JSON. */
  | 'not-an-image'
  /** The bytes do not hash to the digest that names them. */
  | 'digest-mismatch'
  /** A body over the size limit. */
  | 'too-large'
  /** Another HTTP status (5xx, 429 after retries...). */
  | 'http'
  /** No answer: DNS, refused connection, TLS, timeout. */
  | 'unreachable'
  /** Credentials given in a form we cannot use. */
  | 'credentials'
  /** Text that is not an image reference. */
  | 'bad-reference';

export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  constructor(
    readonly kind: RegistryErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }

  /** Whether the user can fix it (credentials, a wrong reference, an image without what we need). */
  get isUsersToFix(): boolean {
    return this.kind !== 'http' && this.kind !== 'unreachable';
  }
}

/** 429 and 5xx answers and network failures: worth another attempt. */
export class TransientHttpError extends Error {
  override readonly name = 'TransientHttpError';
  constructor(
    message: string,
    readonly status?: number,
    /** How long the server asked us to wait (Retry-After), if it did. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * Errors that ml-deploy actions raise. Two kinds matter to the user:
 * - `UserError` (and its `InputError` form): the workflow or the account needs a change.
 * - anything else: our failure or the cloud's; reported with a hint to file a bug if it persists.
 * Inner messages are lowercase and have no trailing period, so context can be prefixed as they rise.
 */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  /** Brand: keeps TypeScript from treating any Error as a UserError. */
  readonly isUserError = true as const;
}

/** A bad input value: names the input, shows what was given and says what is expected. */
export class InputError extends UserError {
  override readonly name = 'InputError';
  constructor(
    readonly input: string,
    readonly value: string,
    readonly expected: string,
  ) {
    super(`input '${input}': got ${quoteValue(value)}, expected ${expected}`);
  }
}

/** A problem that a user must fix outside the inputs: a missing permission, an unknown resource. */
export class ConfigurationError extends UserError {
  override readonly name = 'ConfigurationError';
}

/** Raised when the run is cancelled (SIGINT/SIGTERM from the runner, or an AbortSignal). */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor(message = 'cancelled') {
    super(message);
  }
}

/** Raised when a deadline passes while waiting. */
export class DeadlineError extends Error {
  override readonly name = 'DeadlineError';
}

/** Longest part of a value an error shows; the rest is counted, not printed. */
export const SHOWN_VALUE_CHARS = 120;

/**
 * A value as errors and logs show it: in double quotes, every control, format (zero-width, bidi)
 * and look-alike space character escaped as `\uXXXX` (so nothing invisible, no line break and no
 * `::workflow-command` reaches the log raw), cut to SHOWN_VALUE_CHARS with the rest counted.
 */
export function quoteValue(value: string): string {
  const chars = [...value];
  const cut = chars.length > SHOWN_VALUE_CHARS;
  const shown = (cut ? chars.slice(0, SHOWN_VALUE_CHARS) : chars).map(escapeChar).join('');
  return `"${shown}"${cut ? `… (${chars.length - SHOWN_VALUE_CHARS} more characters, ${chars.length} in all)` : ''}`;
}

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '"': '\\"', '\\': '\\\\' };

function escapeChar(c: string): string {
  const named = NAMED_ESCAPES[c];
  if (named) return named;
  // Cc: C0/C1 controls; Cf: zero-width, bidi overrides, soft hyphen, BOM; Zl/Zp: U+2028/2029;
  // Zs other than the plain space: no-break and other look-alike spaces; Co/Cn: private/unassigned.
  if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}]|(?! )\p{Zs}/u.test(c)) {
    const cp = c.codePointAt(0)!;
    return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`;
  }
  return c;
}

/** Turns anything thrown into an Error, so the top-level handler never sees a bare string. */
export function toError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  if (typeof thrown === 'string') return new Error(thrown);
  try {
    return new Error(JSON.stringify(thrown));
  } catch {
    return new Error(String(thrown));
  }
}

/**
 * Runs `fn`, prefixing any error it throws with `context: ` while keeping its class,
 * so a user error stays a user error on its way up.
 */
export async function withContext<T>(context: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (thrown) {
    throw addContext(context, thrown);
  }
}

export function addContext(context: string, thrown: unknown): Error {
  const err = toError(thrown);
  if (err.message.startsWith(`${context}: `)) return err;
  try {
    err.message = `${context}: ${err.message}`;
    return err;
  } catch {
    const wrapped = new Error(`${context}: ${err.message}`, { cause: err });
    return wrapped;
  }
}

export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError;
}

import { ConfigurationError, UserError } from '@ml-deploy/action-kit';

/** gRPC status codes as the Google clients report them (GoogleError.code). */
export const GrpcCode = {
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

interface GoogleErrorLike {
  code?: number | string;
  message?: string;
  details?: unknown;
  note?: string;
}

/** The role that grants a Cloud Run / IAM permission, for "missing permission" messages. */
export function roleForPermission(permission: string): string {
  if (permission === 'iam.serviceaccounts.actAs') return 'roles/iam.serviceAccountUser on the runtime service account';
  if (/^run\.(services|revisions|operations|locations|configurations|routes)\.(get|list)$/.test(permission)) return 'roles/run.viewer (or roles/run.developer)';
  if (/setIamPolicy$/.test(permission)) return 'roles/run.admin';
  if (permission.startsWith('run.')) return 'roles/run.developer';
  if (permission.startsWith('secretmanager.')) return 'roles/secretmanager.secretAccessor for the runtime service account';
  if (permission.startsWith('artifactregistry.')) return 'roles/artifactregistry.reader for the Cloud Run service agent';
  return 'a role that includes it';
}

export function grpcCode(thrown: unknown): number | undefined {
  const c = (thrown as GoogleErrorLike | undefined)?.code;
  return typeof c === 'number' ? c : undefined;
}

/** 429 and 5xx (and transport hiccups) are worth another attempt; the rest are answers. */
export function isRetryableGcpError(thrown: unknown): boolean {
  const code = grpcCode(thrown);
  if (code === undefined) {
    const msg = (thrown as Error | undefined)?.message ?? '';
    return /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|socket hang up|fetch failed/i.test(msg);
  }
  return (
    code === GrpcCode.RESOURCE_EXHAUSTED ||
    code === GrpcCode.UNAVAILABLE ||
    code === GrpcCode.INTERNAL ||
    code === GrpcCode.DEADLINE_EXCEEDED ||
    code === GrpcCode.UNKNOWN
  );
}

/**
 * Turns a Google client error from `call` (e.g. `run.services.update`) into one that says what to
 * do: a missing permission names the role to grant, missing credentials name the auth step, a bad
 * request is the user's to fix, and the rest keep the API's code and message.
 */
export function explainGcpError(thrown: unknown, call: string, attempts?: number): Error {
  const err = (thrown ?? {}) as GoogleErrorLike;
  const code = grpcCode(thrown);
  const message = String((typeof err.details === 'string' && err.details) || err.message || thrown).replace(/^\d+ [A-Z_]+: /, '').replace(/\.$/, '');
  if (code === GrpcCode.PERMISSION_DENIED) {
    const permission = /Permission '([a-zA-Z.]+)' denied/.exec(message)?.[1] ?? /permission ['"]?([a-z]+\.[a-zA-Z]+\.[a-zA-Z]+)/i.exec(message)?.[1];
    return new ConfigurationError(
      permission
        ? `permission ${permission} is missing for ${call}: grant ${roleForPermission(permission)} to the service account this workflow authenticates as (${message})`
        : `${call} was refused (PERMISSION_DENIED): grant roles/run.developer, and roles/iam.serviceAccountUser on the runtime service account, to the account this workflow authenticates as (${message})`,
    );
  }
  if (code === GrpcCode.UNAUTHENTICATED || /Could not load the default credentials|Unable to detect a Project Id|credential file|GOOGLE_APPLICATION_CREDENTIALS|external_account|subject token/i.test(message)) {
    return new ConfigurationError(
      `${call}: no usable Google Cloud credentials: add google-github-actions/auth (Workload Identity Federation) before this step; the job needs 'permissions: id-token: write' (${message})`,
    );
  }
  if (code === GrpcCode.INVALID_ARGUMENT || code === GrpcCode.FAILED_PRECONDITION || code === GrpcCode.ALREADY_EXISTS || code === GrpcCode.NOT_FOUND) {
    return new UserError(`${call} was rejected: ${codeName(code)}: ${message}`);
  }
  return new Error(`${call} failed${attempts && attempts > 1 ? ` after ${attempts} attempts` : ''}: ${code !== undefined ? `${codeName(code)}: ` : ''}${message}`);
}

export function codeName(code: number): string {
  return Object.entries(GrpcCode).find(([, v]) => v === code)?.[0] ?? `code ${code}`;
}

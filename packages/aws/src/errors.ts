import { ConfigurationError, UserError } from '@ml-deploy/action-kit';

/** Shape of the errors AWS SDK v3 clients throw (ServiceException and transport errors). */
interface SdkErrorLike {
  name?: string;
  message?: string;
  Code?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
  $response?: { statusCode?: number; body?: unknown; headers?: Record<string, string> };
}

const ACCESS_DENIED = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnauthorizedOperation',
  'NotAuthorized',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredTokenException',
  'InvalidSignatureException',
]);

/** Raised when the endpoint answers like something that does not implement the call at all. */
export class EmulatorGapError extends Error {
  override readonly name = 'EmulatorGapError';
}

/**
 * Turns an SDK error from `service:Operation` into an error that says what to do:
 * a missing permission names the IAM action to grant; an endpoint that answers with a bare 404 or
 * 501 (an emulator that lacks the call, or a wrong AWS_ENDPOINT_URL) says so instead of blaming the
 * user; service errors keep their code and message.
 */
export function explainAwsError(thrown: unknown, service: string, operation: string): Error {
  const err = (thrown ?? {}) as SdkErrorLike;
  const code = err.name ?? err.Code ?? 'Error';
  const status = err.$metadata?.httpStatusCode ?? err.$response?.statusCode;
  const message = (err.message ?? String(thrown)).replace(/\.$/, '');
  const action = `${service}:${operation}`;
  // The two set-up mistakes every first run meets: say which step fixes them.
  if (/^Region (is missing|not accepted)/i.test(message)) {
    return new ConfigurationError(
      `${action}: no AWS region is set: give the 'region' input, or set aws-region in aws-actions/configure-aws-credentials (AWS_REGION) before this step (${message})`,
    );
  }
  if (code === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
    return new ConfigurationError(
      `${action}: no AWS credentials were found: add aws-actions/configure-aws-credentials before this step (with OIDC, the job needs 'permissions: id-token: write') (${message})`,
    );
  }
  if (ACCESS_DENIED.has(code) || /not authorized to perform/i.test(message)) {
    if (/token|signature|credential|security token/i.test(code + message) && !/not authorized to perform/i.test(message)) {
      return new ConfigurationError(
        `${action} was refused: the AWS credentials are missing, expired or invalid (${code}: ${message}); configure them with aws-actions/configure-aws-credentials (OIDC) before this step`,
      );
    }
    const denied = /not authorized to perform:\s*([a-z0-9-]+:[A-Za-z0-9]+)/i.exec(message)?.[1] ?? action;
    return new ConfigurationError(
      `permission ${denied} is missing: grant it to the role this workflow assumes (see the minimal IAM policy in the README) (${code}: ${message})`,
    );
  }
  if (status === 404 || status === 501 || /NotImplemented/i.test(code) || /^Unknown$|UnknownError|<html|<!DOCTYPE/i.test(code + message)) {
    if (code === 'UnknownError' || code === 'Unknown' || status === 404 || status === 501 || /html/i.test(message)) {
      return new EmulatorGapError(
        `${action}: the endpoint${process.env.AWS_ENDPOINT_URL ? ` ${process.env.AWS_ENDPOINT_URL}` : ''} answered HTTP ${status ?? '?'} without an AWS error: it does not implement this call (an emulator gap, or AWS_ENDPOINT_URL points at the wrong service)`,
      );
    }
  }
  if (err.$fault === 'client' && code !== 'ThrottlingException') {
    return new UserError(`${action} was rejected: ${code}: ${message}`);
  }
  const attempts = err.$metadata?.attempts;
  return new Error(`${action} failed${attempts && attempts > 1 ? ` after ${attempts} attempts` : ''}: ${code}: ${message}`);
}

/** The error's AWS code (`ServiceNotFoundException`, …), when it has one. */
export function awsErrorCode(thrown: unknown): string | undefined {
  const err = thrown as SdkErrorLike | undefined;
  return err?.name ?? err?.Code;
}

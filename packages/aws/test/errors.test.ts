import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, UserError } from '@ml-deploy/action-kit';
import { EmulatorGapError, explainAwsError } from '@ml-deploy/aws';

/** Errors shaped as AWS SDK v3 throws them (name, $fault, $metadata), for each case we explain. */
const sdkError = (name: string, message: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { name, ...extra });

describe('explainAwsError', () => {
  it.each<[string, unknown, new (...a: never[]) => Error, RegExp]>([
    [
      'AccessDenied names the IAM action from the message',
      sdkError('AccessDeniedException', 'User: arn:aws:sts::1:assumed-role/ci/x is not authorized to perform: ecs:UpdateService on resource: svc', { $fault: 'client', $metadata: { httpStatusCode: 400 } }),
      ConfigurationError,
      /^permission ecs:UpdateService is missing: grant it to the role/,
    ],
    [
      'AccessDenied without an action falls back to the call made',
      sdkError('AccessDeniedException', 'Access denied', { $fault: 'client' }),
      ConfigurationError,
      /^permission ecs:RegisterTaskDefinition is missing/,
    ],
    [
      'expired token says to configure credentials',
      sdkError('ExpiredTokenException', 'The security token included in the request is expired', { $fault: 'client' }),
      ConfigurationError,
      /credentials are missing, expired or invalid/,
    ],
    ['no region', new Error('Region is missing'), ConfigurationError, /no AWS region is set: give the 'region' input/],
    ['an empty region', new Error('Region not accepted: region="" is not a valid hostname component'), ConfigurationError, /no AWS region is set/],
    [
      'no credentials',
      sdkError('CredentialsProviderError', 'Could not load credentials from any providers'),
      ConfigurationError,
      /no AWS credentials were found: add aws-actions\/configure-aws-credentials/,
    ],
    [
      'an emulator that lacks the call',
      sdkError('UnknownError', 'UnknownError', { $metadata: { httpStatusCode: 404 } }),
      EmulatorGapError,
      /answered HTTP 404 without an AWS error/,
    ],
    [
      'a client fault is the user\'s',
      sdkError('InvalidParameterException', 'Container.image should not be null or empty.', { $fault: 'client', $metadata: { httpStatusCode: 400 } }),
      UserError,
      /^ecs:RegisterTaskDefinition was rejected: InvalidParameterException: Container.image should not be null or empty$/,
    ],
    [
      'a server fault says how often it was tried',
      sdkError('ServerException', 'Service unavailable', { $fault: 'server', $metadata: { httpStatusCode: 503, attempts: 5 } }),
      Error,
      /^ecs:RegisterTaskDefinition failed after 5 attempts: ServerException: Service unavailable$/,
    ],
  ])('%s', (_name, thrown, type, message) => {
    const err = explainAwsError(thrown, 'ecs', _name.startsWith('AccessDenied names') ? 'DescribeServices' : 'RegisterTaskDefinition');
    expect(err).toBeInstanceOf(type);
    expect(err.message).toMatch(message);
  });

  // A service fault must never read as the user's: not a UserError (which the step reports as
  // "fix your workflow"), and a message that blames the service and names the call, not an input.
  it.each<[string, unknown, RegExp]>([
    ['a 5xx', sdkError('ServerException', 'Internal failure', { $fault: 'server', $metadata: { httpStatusCode: 500, attempts: 3 } }), /^ecs:RegisterTaskDefinition failed after 3 attempts: ServerException: Internal failure$/],
    ['throttling left after the retries', sdkError('ThrottlingException', 'Rate exceeded', { $fault: 'client', $metadata: { httpStatusCode: 400, attempts: 5 } }), /^ecs:RegisterTaskDefinition failed after 5 attempts: ThrottlingException: Rate exceeded$/],
    ['a connection reset', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', $metadata: { attempts: 5 } }), /^ecs:RegisterTaskDefinition failed after 5 attempts: Error: socket hang up$/],
    ['an emulator without the call', sdkError('UnknownError', 'UnknownError', { $metadata: { httpStatusCode: 501 } }), /^ecs:RegisterTaskDefinition: the endpoint.* answered HTTP 501 without an AWS error: it does not implement this call/],
  ])('blames the service, not the user, for %s', (_name, thrown, message) => {
    const err = explainAwsError(thrown, 'ecs', 'RegisterTaskDefinition');
    expect(err).not.toBeInstanceOf(UserError);
    expect(err.message).toMatch(message);
    expect(err.message).not.toMatch(/input '|rejected|grant it/);
  });
});

/**
 * Checks of the render fields a user gives as inputs (roles, log configuration, environment files,
 * ephemeral storage, tags, command words) against ECS's documented limits and the ECS service
 * model in @aws-sdk/client-ecs, before any call. Each returns the problem as text, or undefined.
 * Pure: no cloud call.
 */
import { LogDriver, PropagateTags } from '@aws-sdk/client-ecs';

/** Values of a service's propagateTags the ECS model accepts (PropagateTags enum of @aws-sdk/client-ecs). */
export const PROPAGATE_TAGS: readonly PropagateTags[] = Object.values(PropagateTags);

/** Log drivers the ECS model accepts (LogDriver enum of @aws-sdk/client-ecs). */
export const LOG_DRIVERS: readonly string[] = Object.values(LogDriver);

/** Ephemeral storage of a Fargate task, GiB (RegisterTaskDefinition: 21 to 200; 20 is the default). */
export const EPHEMERAL_STORAGE_GIB = { min: 21, max: 200 } as const;

/** Tag limits of ECS resources (Tag shape of the model; "Tagging your Amazon ECS resources"). */
export const TAG_LIMITS = { tags: 50, keyChars: 128, valueChars: 256 } as const;

/** Environment files per container (ECS: "You can specify up to ten environment files"). */
export const ENVIRONMENT_FILES_PER_CONTAINER = 10;

/** IAM role ARN: partition, 12-digit account, optional path, role name of 1-64 characters. */
const ROLE_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/([\x21-\x7e]{0,510}\/)?[\w+=,.@-]{1,64}$/;

export function roleArnProblem(value: string): string | undefined {
  if (ROLE_ARN.test(value)) return undefined;
  if (/^arn:aws[a-z-]*:iam::\d{12}:role\//.test(value)) return 'a role name of 1 to 64 characters (letters, digits and +=,.@_-), after an optional path';
  if (/^arn:aws[a-z-]*:sts::/.test(value)) return 'the role ARN (arn:aws:iam::<account>:role/<name>), not an assumed-role session ARN';
  return 'an IAM role ARN such as arn:aws:iam::123456789012:role/ecsTaskRole';
}

/**
 * An environment file is an S3 object ARN ending in `.env` (the only type ECS takes: s3):
 * `arn:aws:s3:::bucket/path/app.env`. Bucket names: 3-63 lowercase letters, digits, dots, hyphens.
 */
export function environmentFileProblem(value: string): string | undefined {
  const m = /^arn:aws(-[a-z]+)*:s3:::([^/]+)\/(.+)$/.exec(value);
  if (!m) return 'an S3 object ARN such as arn:aws:s3:::my-bucket/config/app.env';
  const bucket = m[2]!;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes('..')) {
    return `an S3 object ARN; '${bucket}' is not a bucket name (3 to 63 lowercase letters, digits, dots and hyphens)`;
  }
  if (!m[3]!.endsWith('.env')) return 'an S3 object whose name ends in .env (ECS reads only .env files)';
  if (Buffer.byteLength(m[3]!) > 1024) return 'an S3 object key of at most 1,024 bytes';
  return undefined;
}

/** Characters ECS (and every AWS tagging API) allows in tag keys and values. */
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Problems of one tag, or undefined. `aws:` (any case) is reserved for AWS. */
export function tagProblem(key: string, value: string): string | undefined {
  if (key.length === 0) return 'a tag key of 1 to 128 characters';
  if ([...key].length > TAG_LIMITS.keyChars) return `a tag key of at most ${TAG_LIMITS.keyChars} characters (this one has ${[...key].length})`;
  if ([...value].length > TAG_LIMITS.valueChars) return `a tag value of at most ${TAG_LIMITS.valueChars} characters (this one has ${[...value].length})`;
  if (/^aws:/i.test(key)) return "a tag key not starting with 'aws:' (reserved for AWS; ECS refuses it)";
  if (!TAG_CHARS.test(key) || !TAG_CHARS.test(value)) return 'letters, digits, spaces and _ . : / = + - @ only, in tag keys and values';
  return undefined;
}

/**
 * A command or entry point: a JSON array of strings (`["python", "-m", "serve"]`), or words split
 * on spaces where single or double quotes keep spaces inside one word (`sh -c "echo a b"`).
 * Returns the words, or a problem.
 */
export function parseCommandWords(raw: string): { words: string[] } | { problem: string } {
  const text = raw.trim();
  if (text.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { problem: 'a JSON array of strings such as ["python", "-m", "serve"] (this one does not parse)' };
    }
    if (!Array.isArray(parsed) || parsed.some((w) => typeof w !== 'string')) {
      return { problem: 'a JSON array of strings such as ["python", "-m", "serve"]' };
    }
    return { words: parsed as string[] };
  }
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && (text[i + 1] === '"' || text[i + 1] === '\\')) word += text[++i]!;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (quote) return { problem: `words separated by spaces, or a JSON array of strings; a ${quote === '"' ? 'double' : 'single'} quote is not closed` };
  if (word !== undefined) words.push(word);
  return { words };
}

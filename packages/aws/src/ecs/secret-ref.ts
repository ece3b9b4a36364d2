/**
 * A container secret's `valueFrom`, checked as ECS reads it, without a cloud call: a Secrets
 * Manager ARN (`…:secret:<name>[:<json-key>[:<version-stage>[:<version-id>]]]`), an SSM parameter
 * ARN (`…:parameter/<name>`) or an SSM parameter name (same region). What can never name a secret
 * is refused here: an empty name, too many fields, a name SSM reserves or cannot hold, a partition
 * that is not the region's, characters that only look like ASCII, and other clouds' paths.
 */
import { isRegionName, partitionOf } from '../region';

/** Characters that look like '-' but are not (Unicode dashes, minus signs, soft hyphen). */
const LOOKALIKE_HYPHEN = /[\u00AD\u2010-\u2015\u2043\u2212\uFE58\uFE63\uFF0D]/u;
/** Invisible characters: zero-width, bidi controls, BOM and other format or control characters. */
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}]/u;

/** SSM parameter names: letters, numbers, `_ . - /`; at most 1011 characters and 15 levels. */
const SSM_NAME_CHARS = /^[A-Za-z0-9_.\-/]+$/;
const SSM_NAME_MAX = 1011;
const SSM_MAX_LEVELS = 15;
/** Secrets Manager names: letters, numbers and `/ _ + = . @ -`, at most 512 characters. */
const SM_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;

const ARN = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$/;

export interface SecretRefOptions {
  /** The region the task runs in, when known: an ARN in another partition cannot be read. */
  region?: string | undefined;
}

function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why `valueFrom` cannot name a secret ECS can read, or undefined when it can. */
export function secretRefProblem(valueFrom: string, opts: SecretRefOptions = {}): string | undefined {
  if (valueFrom === '') return 'an empty reference';
  const hyphen = LOOKALIKE_HYPHEN.exec(valueFrom);
  if (hyphen) return `it holds ${codePoint(hyphen[0])}, a look-alike of '-', at character ${hyphen.index + 1}: retype it as a plain hyphen`;
  const invisible = INVISIBLE.exec(valueFrom);
  if (invisible) return `it holds an invisible character ${codePoint(invisible[0])} at character ${invisible.index + 1}: remove it`;
  const nonAscii = /[^\x20-\x7e]/u.exec(valueFrom);
  if (nonAscii) return `it holds ${codePoint(nonAscii[0])} at character ${nonAscii.index + 1}; secret ARNs and parameter names are ASCII`;
  if (/^projects\/[^/]+\/secrets\/[^/]+(\/versions\/[^/]+)?$/.test(valueFrom) || valueFrom.startsWith('gcp:') || valueFrom.startsWith('sm://')) {
    return 'this is a Google Secret Manager path; ECS reads secrets from AWS Secrets Manager or SSM Parameter Store only (copy the secret there and give its ARN)';
  }
  if (/^https:\/\/[^/]+\.vault\.azure\.net\//.test(valueFrom)) {
    return 'this is an Azure Key Vault URL; ECS reads secrets from AWS Secrets Manager or SSM Parameter Store only';
  }
  if (valueFrom.startsWith('arn:')) return arnProblem(valueFrom, opts);
  return ssmNameProblem(valueFrom, 'SSM parameter name');
}

function arnProblem(arn: string, opts: SecretRefOptions): string | undefined {
  const m = ARN.exec(arn);
  if (!m) return 'an ARN has six colon-separated fields: arn:<partition>:<service>:<region>:<account>:<resource>';
  const [, partition, service, region, account, resource] = m as unknown as [string, string, string, string, string, string];
  if (service !== 'secretsmanager' && service !== 'ssm') return `an ARN of Secrets Manager or SSM, not of '${service}'`;
  if (!isRegionName(region)) return `the ARN's region ${JSON.stringify(region)} is not a region name such as us-east-1`;
  if (!/^\d{12}$/.test(account)) return `the ARN's account ${JSON.stringify(account)} is not a 12-digit account ID`;
  if (partition !== partitionOf(region)) return `partition '${partition}' does not hold region ${region} (its partition is '${partitionOf(region)}')`;
  if (opts.region && isRegionName(opts.region) && partitionOf(opts.region) !== partition) {
    return `the secret is in partition '${partition}' but the task runs in ${opts.region} (partition '${partitionOf(opts.region)}'); a task cannot read across partitions`;
  }
  if (service === 'secretsmanager') {
    if (!resource.startsWith('secret:')) return "a Secrets Manager ARN's resource is secret:<name>";
    const fields = resource.slice('secret:'.length).split(':');
    if (fields.length > 4) {
      return `${fields.length} fields after 'secret:'; ECS reads at most 4: <name>:<json-key>:<version-stage>:<version-id>`;
    }
    if (!SM_NAME.test(fields[0]!)) {
      return fields[0] === '' ? "the secret's name after 'secret:' is empty" : "the secret's name holds characters Secrets Manager does not allow (letters, numbers, / _ + = . @ -), or is over 512 characters";
    }
    if (fields[2] && fields[3]) return 'give a version stage or a version ID, not both';
    return undefined;
  }
  if (!resource.startsWith('parameter/') && resource !== 'parameter') return "an SSM ARN's resource is parameter/<name>";
  const name = resource.slice('parameter'.length);
  if (name === '' || name === '/') return 'the SSM ARN names no parameter after parameter/';
  // The ARN of `/a/b` is `parameter/a/b`; of `a`, `parameter/a`.
  const paramName = name.split('/').length > 2 ? name : name.slice(1);
  return ssmNameProblem(paramName, 'parameter name in the ARN');
}

function ssmNameProblem(name: string, what: string): string | undefined {
  const bare = name.replace(/:[A-Za-z0-9_.-]+$/, ''); // a `:version` or `:label` selector
  if (!SSM_NAME_CHARS.test(bare)) return `the ${what} may hold only letters, numbers and _ . - /`;
  if (bare.length > SSM_NAME_MAX) return `the ${what} has ${bare.length} characters; SSM allows at most ${SSM_NAME_MAX}`;
  if (!bare.startsWith('/') && /^(aws|ssm)/i.test(bare)) return `the ${what} starts with '${bare.slice(0, 3)}', a prefix SSM reserves`;
  if (bare.includes('/')) {
    if (!bare.startsWith('/')) return `a hierarchical ${what} starts with '/' (/${bare})`;
    if (bare.endsWith('/') || bare.includes('//')) return `the ${what} has an empty level`;
    const levels = bare.split('/').length - 1;
    if (levels > SSM_MAX_LEVELS) return `the ${what} has ${levels} levels; SSM allows at most ${SSM_MAX_LEVELS}`;
  }
  return undefined;
}

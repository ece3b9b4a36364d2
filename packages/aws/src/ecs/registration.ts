/**
 * Registering a task definition once. A rerun of the same job (same image, same render) re-uses
 * the family's newest ACTIVE revision when it is identical to what would be registered, instead of
 * adding a revision per run.
 *
 * RegisterTaskDefinition is not idempotent: when the connection drops after ECS registered a
 * revision, the SDK's retry registers a second one, and a registration that fails for good may
 * still have made one. Both would leave revisions behind that nobody names. This wrapper notes the
 * family's newest revision first, and afterwards finds the revisions made since whose content is
 * what was sent (and, where ECS says, by the same principal): the newest is adopted as the
 * registration (when the call itself failed) and the others are deregistered, each named in
 * `extra` for the summary and report.
 */
import type { TaskDefinition } from '@aws-sdk/client-ecs';
import { type Logger, toError, UserError } from '@ml-deploy/action-kit';
import { parseTaskDefinitionRef } from '../arn';
import type { EcsApi } from './api';
import { normaliseTaskDefinition, type TaskDefinitionInput } from './render';

export interface ExtraRevision {
  taskDefinitionArn: string;
  /** What became of it: deregistered by deploy-ecs, or left registered (with why). */
  action: 'deregistered' | 'left registered';
  reason: string;
}

export interface Registration {
  taskDefinition: TaskDefinition;
  /** Revisions the retried or lost calls made besides the one used. */
  extra: ExtraRevision[];
  /** True when the registration call failed but the revision it made was found and used. */
  recovered: boolean;
  /** True when nothing was registered: the newest ACTIVE revision is identical and is used. */
  reused: boolean;
}

/**
 * The same registration: equal after dropping what is unset (undefined, null, empty lists and
 * objects), objects compared by key, lists in order except tags (by key). Anything ECS adds as
 * a default on one side only makes them differ, so a revision is re-used only when exactly equal.
 */
export function sameRegistration(a: TaskDefinitionInput, b: TaskDefinitionInput): boolean {
  return JSON.stringify(canonical(withSortedTags(a))) === JSON.stringify(canonical(withSortedTags(b)));
}

function withSortedTags(td: TaskDefinitionInput): TaskDefinitionInput {
  return td.tags ? { ...td, tags: [...td.tags].sort((x, y) => (x.key ?? '').localeCompare(y.key ?? '')) } : td;
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) {
    const items = v.map(canonical).filter((x) => x !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof v === 'object' && v !== null) {
    const entries = Object.keys(v)
      .sort()
      .map((k) => [k, canonical((v as Record<string, unknown>)[k])] as const)
      .filter(([, x]) => x !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return v ?? undefined;
}

/** The family's newest ACTIVE revision when it is exactly `td`; undefined otherwise (or unknown). */
async function identicalActiveRevision(api: EcsApi, td: TaskDefinitionInput, logger: Logger): Promise<TaskDefinition | undefined> {
  let latest;
  try {
    latest = await api.describeTaskDefinition(td.family!);
  } catch (err) {
    // A new family has no revision yet; any other failure only costs a new revision.
    logger.debug(`no ACTIVE revision of '${td.family}' to compare with (${toError(err).message})`);
    return undefined;
  }
  if (latest.taskDefinition.status && latest.taskDefinition.status !== 'ACTIVE') return undefined;
  let existing: TaskDefinitionInput;
  try {
    existing = normaliseTaskDefinition(latest, { label: `task definition ${latest.taskDefinition.taskDefinitionArn}` });
  } catch {
    return undefined;
  }
  return sameRegistration(td, existing) ? latest.taskDefinition : undefined;
}

/** True when every field `sent` holds is in `got` with the same value (ECS adds defaults). */
export function sentContentMatches(sent: unknown, got: unknown): boolean {
  if (Array.isArray(sent)) {
    return Array.isArray(got) && got.length === sent.length && sent.every((v, i) => sentContentMatches(v, got[i]));
  }
  if (typeof sent === 'object' && sent !== null) {
    if (typeof got !== 'object' || got === null) return false;
    return Object.entries(sent).every(([k, v]) => v === undefined || sentContentMatches(v, (got as Record<string, unknown>)[k]));
  }
  return sent === got;
}

/** Registers `td` once as far as anyone can tell afterwards. */
export async function registerTaskDefinitionOnce(api: EcsApi, td: TaskDefinitionInput, logger: Logger): Promise<Registration> {
  const family = td.family!;
  const { tags, ...content } = td;
  const same = await identicalActiveRevision(api, td, logger);
  if (same) {
    logger.info(`${same.taskDefinitionArn}, the newest ACTIVE revision of '${family}', is identical to the rendered task definition: re-used, nothing registered`);
    return { taskDefinition: same, extra: [], recovered: false, reused: true };
  }
  let baseline: number | undefined;
  try {
    baseline = await api.latestRevision(family);
  } catch (err) {
    logger.warning(`could not list the revisions of '${family}' before registering (${toError(err).message}): a revision a lost response leaves behind cannot be found`);
  }

  const ours = async (exclude: number | undefined): Promise<TaskDefinition[]> => {
    if (baseline === undefined) return [];
    const found: TaskDefinition[] = [];
    for (const arn of await api.revisionsAfter(family, baseline)) {
      const rev = parseTaskDefinitionRef(arn).revision;
      if (rev === exclude) continue;
      const { taskDefinition } = await api.describeTaskDefinition(arn);
      if (sentContentMatches(content, taskDefinition)) found.push(taskDefinition);
    }
    return found.sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0));
  };

  let registered: TaskDefinition;
  let recovered = false;
  try {
    registered = await api.registerTaskDefinition(td);
  } catch (err) {
    // A refusal (bad request, missing permission) made nothing; only a lost answer may have.
    if (err instanceof UserError || baseline === undefined) throw err;
    const made = await ours(undefined).catch(() => []);
    if (!made.length) throw err;
    registered = made[0]!;
    recovered = true;
    logger.warning(`ecs:RegisterTaskDefinition failed (${toError(err).message}), but it had registered ${registered.taskDefinitionArn} (found afterwards): using it`);
  }

  const extra: ExtraRevision[] = [];
  const newRevision = registered.revision ?? 0;
  if (baseline !== undefined && (recovered || newRevision > baseline + 1)) {
    let duplicates: TaskDefinition[] = [];
    try {
      duplicates = (await ours(newRevision)).filter((t) => (t.revision ?? 0) !== newRevision && sameRegistrant(t, registered));
    } catch (err) {
      logger.warning(`could not check for duplicate revisions of '${family}' (${toError(err).message})`);
    }
    for (const dup of duplicates) {
      const arn = dup.taskDefinitionArn!;
      try {
        await api.deregisterTaskDefinition(arn);
        extra.push({ taskDefinitionArn: arn, action: 'deregistered', reason: `a retried RegisterTaskDefinition call registered it too; ${registered.taskDefinitionArn} is used instead` });
        logger.warning(`deregistered ${arn}: the same registration, made twice when a response was lost (${registered.taskDefinitionArn} is used)`);
      } catch (err) {
        extra.push({ taskDefinitionArn: arn, action: 'left registered', reason: `a duplicate of ${registered.taskDefinitionArn} from a retried call; deregistering it failed: ${toError(err).message}` });
        logger.warning(`${arn} duplicates ${registered.taskDefinitionArn} (a retried call) and could not be deregistered: ${toError(err).message}`);
      }
    }
  }
  return { taskDefinition: registered, extra, recovered, reused: false };
}

/** Same principal, when ECS reports who registered each (it does; some emulators do not). */
function sameRegistrant(a: TaskDefinition, b: TaskDefinition): boolean {
  return a.registeredBy === undefined || b.registeredBy === undefined || a.registeredBy === b.registeredBy;
}

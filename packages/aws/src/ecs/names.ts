/**
 * ECS cluster and service names and ARNs, as ECS accepts them (CreateCluster / CreateService:
 * up to 255 letters, numbers, hyphens and underscores). Service ARNs come in two formats: the
 * current `service/<cluster>/<name>` and the older `service/<name>` without the cluster.
 */
import { isRegionName, PARTITIONS, partitionOf } from '../region';

const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const ARN = /^arn:([a-z-]+):ecs:([a-z0-9-]+):(\d{12}):(cluster|service)\/(.+)$/;

export type EcsNameCheck = { ok: true; name: string; cluster?: string | undefined; region?: string | undefined } | { ok: false; why: string };

function checkArn(text: string, kind: 'cluster' | 'service'): EcsNameCheck {
  const m = ARN.exec(text);
  if (!m || m[4] !== kind) {
    return { ok: false, why: `an ARN of the form arn:aws:ecs:<region>:<12-digit account>:${kind === 'cluster' ? 'cluster/<name>' : 'service/<cluster>/<name>'}` };
  }
  const [, partition, region, , , resource] = m as unknown as [string, string, string, string, string, string];
  if (!(PARTITIONS as readonly string[]).includes(partition)) return { ok: false, why: `a known partition (${PARTITIONS.join(', ')}), not '${partition}'` };
  if (!isRegionName(region)) return { ok: false, why: `a region such as us-east-1 in the ARN, not '${region}'` };
  if (partitionOf(region) !== partition) return { ok: false, why: `partition '${partitionOf(region)}' for region ${region}, not '${partition}'` };
  const parts = resource.split('/');
  if (kind === 'cluster') {
    if (parts.length !== 1 || !NAME.test(parts[0]!)) return { ok: false, why: 'a cluster name of 1 to 255 letters, numbers, hyphens and underscores after cluster/' };
    return { ok: true, name: parts[0]!, region };
  }
  if (parts.length > 2 || !parts.every((p) => NAME.test(p))) {
    return { ok: false, why: 'service/<cluster>/<name> or the older service/<name>, each 1 to 255 letters, numbers, hyphens and underscores' };
  }
  return parts.length === 2 ? { ok: true, cluster: parts[0], name: parts[1]!, region } : { ok: true, name: parts[0]!, region };
}

/** A cluster name or ARN. */
export function checkClusterRef(text: string): EcsNameCheck {
  if (text.startsWith('arn:')) return checkArn(text, 'cluster');
  return NAME.test(text) ? { ok: true, name: text } : { ok: false, why: 'a cluster name of 1 to 255 letters, numbers, hyphens and underscores, or a cluster ARN' };
}

/** A service name or ARN (either format). */
export function checkServiceRef(text: string): EcsNameCheck {
  if (text.startsWith('arn:')) return checkArn(text, 'service');
  return NAME.test(text) ? { ok: true, name: text } : { ok: false, why: 'a service name of 1 to 255 letters, numbers, hyphens and underscores, or a service ARN' };
}

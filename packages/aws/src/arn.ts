/** Pieces of ECS ARNs and names that the deploy logic and summaries need. */

/** `arn:aws:ecs:r:a:task-definition/family:7` → { family, revision: 7 }; also accepts `family:7`. */
export function parseTaskDefinitionRef(ref: string): { family: string; revision: number | undefined } {
  const tail = ref.includes(':task-definition/') ? ref.split(':task-definition/')[1]! : ref;
  const m = /^(.+?)(?::(\d+))?$/.exec(tail);
  return { family: m?.[1] ?? tail, revision: m?.[2] !== undefined ? Number(m[2]) : undefined };
}

/** The last path segment of an ARN (`…:service/cluster/name` → `name`), or the text itself. */
export function arnName(arnOrName: string): string {
  if (!arnOrName.startsWith('arn:')) return arnOrName;
  const resource = arnOrName.split(':').slice(5).join(':');
  return resource.split('/').pop() ?? resource;
}

/** The region of an ARN, when it is one. */
export function arnRegion(arn: string): string | undefined {
  return arn.startsWith('arn:') ? arn.split(':')[3] : undefined;
}

/** Link to a service in the ECS console (for summaries); undefined off AWS (an emulator endpoint). */
export function ecsConsoleUrl(region: string | undefined, cluster: string, service: string): string | undefined {
  if (!region || process.env.AWS_ENDPOINT_URL) return undefined;
  return `https://${region}.console.aws.amazon.com/ecs/v2/clusters/${encodeURIComponent(cluster)}/services/${encodeURIComponent(service)}/deployments?region=${region}`;
}

/** Cloud Run's naming rules, checked before any call (the API's own limits, as its docs state them). */

/** Service names: lowercase letters, digits and hyphens, a letter first, no hyphen last, at most 49. */
export const SERVICE_NAME = /^[a-z]([-a-z0-9]{0,47}[a-z0-9])?$/;
/** Revision names: at most 63 characters, the service name and a hyphen first. */
export const MAX_REVISION_NAME = 63;
/** Traffic tags: lowercase letters, digits and hyphens, a letter first; tag and service name together at most 46. */
export const TAG = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
export const MAX_TAG_PLUS_SERVICE = 46;
/** Regions such as us-central1, europe-west4, northamerica-northeast1. */
export const REGION = /^[a-z]+-[a-z]+[0-9]+$/;
/** Project IDs: 6 to 30 lowercase letters, digits and hyphens, a letter first (domain-scoped ones too). */
export const PROJECT_ID = /^([a-z][-a-z0-9.]{0,61}:)?[a-z][-a-z0-9]{4,28}[a-z0-9]$/;

/** Why `suffix` cannot be a revision suffix of `service`, or undefined when it can. */
export function revisionSuffixProblem(service: string, suffix: string): string | undefined {
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(suffix)) return 'lowercase letters, digits and hyphens, not starting or ending with a hyphen';
  const full = `${service}-${suffix}`;
  if (full.length > MAX_REVISION_NAME) {
    return `at most ${MAX_REVISION_NAME - service.length - 1} characters for service '${service}' (the revision name '${full}' would be ${full.length} long; Cloud Run allows ${MAX_REVISION_NAME})`;
  }
  return undefined;
}

/** Why `tag` cannot tag a revision of `service`, or undefined when it can. */
export function tagProblem(service: string, tag: string): string | undefined {
  if (!TAG.test(tag)) return 'lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen';
  if (tag.length + service.length > MAX_TAG_PLUS_SERVICE) {
    return `at most ${MAX_TAG_PLUS_SERVICE - service.length} characters for service '${service}' (tag and service name together may be ${MAX_TAG_PLUS_SERVICE} characters)`;
  }
  return undefined;
}

export function serviceResourceName(project: string, region: string, service: string): string {
  return `projects/${project}/locations/${region}/services/${service}`;
}

/** The last path segment of a resource name (`.../revisions/api-00002-abc` → `api-00002-abc`). */
export function shortName(name: string | null | undefined): string | undefined {
  return name ? name.slice(name.lastIndexOf('/') + 1) : undefined;
}

export function cloudRunConsoleUrl(project: string, region: string, service: string, revision?: string): string {
  const base = `https://console.cloud.google.com/run/detail/${region}/${service}`;
  return revision ? `${base}/revisions?project=${project}` : `${base}/metrics?project=${project}`;
}

export function revisionLogsUrl(project: string, region: string, service: string, revision: string): string {
  const query = encodeURIComponent(
    `resource.type="cloud_run_revision"\nresource.labels.service_name="${service}"\nresource.labels.revision_name="${revision}"\nresource.labels.location="${region}"`,
  );
  return `https://console.cloud.google.com/logs/query;query=${query}?project=${project}`;
}

/**
 * The image's labels: the OCI annotations build-image sets itself, then validate-model's `labels`
 * output exactly as given (so the image can later be read back as `champion-image`), then the
 * user's own `extra-labels`; a later source wins for the same key.
 */
export interface OciLabelInputs {
  /** `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}` */
  source?: string | undefined;
  revision?: string | undefined;
  /** SOURCE_DATE_EPOCH, seconds. */
  createdEpoch: number;
  version?: string | undefined;
  licenses?: string | undefined;
  title?: string | undefined;
}

export function ociLabels(i: OciLabelInputs): Record<string, string> {
  const labels: Record<string, string> = {
    'org.opencontainers.image.created': new Date(i.createdEpoch * 1000).toISOString().replace('.000Z', 'Z'),
  };
  if (i.source) labels['org.opencontainers.image.source'] = i.source;
  if (i.revision) labels['org.opencontainers.image.revision'] = i.revision;
  if (i.version) labels['org.opencontainers.image.version'] = i.version;
  if (i.licenses) labels['org.opencontainers.image.licenses'] = i.licenses;
  if (i.title) labels['org.opencontainers.image.title'] = i.title;
  return labels;
}

/**
 * validate-model's `labels` output: one `key=value` per line, the value is the rest of the line
 * (the metadata label is JSON with commas and '=' in it, so nothing is split on commas).
 * Throws Error with the line number for a line without a key.
 */
export function parseLabelLines(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq > 0 ? line.slice(0, eq).trim() : '';
    if (!/^[A-Za-z0-9][A-Za-z0-9_.\-/]*$/.test(key)) throw new Error(`line ${i + 1} ('${line.length > 60 ? `${line.slice(0, 57)}...` : line}') is not key=value`);
    labels[key] = line.slice(eq + 1);
  });
  return labels;
}

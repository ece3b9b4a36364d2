/**
 * The image-label convention for validated models: the one place that says which labels an image
 * built from a validated model carries, and how they are read back (issue 5: the champion's
 * metrics come from the metadata of the model deployed now).
 *
 * - `org.ml-deploy.model.metadata`: validate-model's `metadata` output, compact JSON:
 *   `{"name","version","format","digest","size","signature","metrics","verdict"}`.
 * - `org.opencontainers.image.version`: the model version, when one was given.
 * - `org.opencontainers.image.revision`: the source revision (the commit built), when known.
 */
import type { Metrics } from './quality';

export const ModelLabel = {
  Metadata: 'org.ml-deploy.model.metadata',
  Version: 'org.opencontainers.image.version',
  Revision: 'org.opencontainers.image.revision',
} as const;

/** What validate-model's `metadata` output holds, and the metadata label carries. */
export interface ModelMetadata {
  name: string;
  version: string | null;
  format: string;
  /** `sha256:<hex>` of the model, null when it has no bytes. */
  digest: string | null;
  size: number;
  signature: { inputs: unknown[]; outputs: unknown[] } | null;
  /** The candidate's evaluation metrics (the `metrics` file as given), null without one. */
  metrics: Metrics | null;
  verdict: 'pass' | 'fail';
}

/** The labels an image built from this model should carry, in the convention above. */
export function modelImageLabels(metadata: ModelMetadata, opts: { revision?: string | undefined } = {}): Record<string, string> {
  const labels: Record<string, string> = { [ModelLabel.Metadata]: JSON.stringify(metadata) };
  if (metadata.version) labels[ModelLabel.Version] = metadata.version;
  if (opts.revision) labels[ModelLabel.Revision] = opts.revision;
  return labels;
}

/** The labels as `key=value` lines, the form docker/build-push-action's `labels` input takes. */
export function formatLabelLines(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
}

export class ModelMetadataLabelError extends Error {
  override readonly name = 'ModelMetadataLabelError';
}

const HOW_TO_LABEL = `images get it from validate-model's 'metadata' output: label the image '${ModelLabel.Metadata}=<metadata>' at build time (with a 'metrics' file given to validate-model)`;

/**
 * Reads the model metadata from an image's labels. Throws ModelMetadataLabelError (a lowercase
 * message that says how images get the label) when the label is missing, not JSON, or has no metrics.
 */
export function modelMetadataFromLabels(labels: Record<string, string>): ModelMetadata & { metrics: Metrics } {
  const text = labels[ModelLabel.Metadata];
  if (text === undefined) {
    const others = Object.keys(labels);
    throw new ModelMetadataLabelError(`the image has no '${ModelLabel.Metadata}' label (its labels: ${others.length ? others.join(', ') : 'none'}); ${HOW_TO_LABEL}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new ModelMetadataLabelError(`the '${ModelLabel.Metadata}' label is not JSON (it starts ${JSON.stringify(text.slice(0, 40))}); ${HOW_TO_LABEL}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new ModelMetadataLabelError(`the '${ModelLabel.Metadata}' label is not a JSON object of model metadata; ${HOW_TO_LABEL}`);
  }
  const m = doc as Record<string, unknown>;
  if (!('metrics' in m) || m.metrics === null) {
    throw new ModelMetadataLabelError(`the '${ModelLabel.Metadata}' label has no metrics (validate-model ran without a 'metrics' file when this image was built); ${HOW_TO_LABEL}`);
  }
  if (typeof m.metrics !== 'object' || Array.isArray(m.metrics)) {
    throw new ModelMetadataLabelError(`the 'metrics' in the '${ModelLabel.Metadata}' label is not an object of metrics such as {"accuracy": 0.93}`);
  }
  return m as unknown as ModelMetadata & { metrics: Metrics };
}

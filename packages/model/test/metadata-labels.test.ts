import { describe, expect, it } from '@jest/globals';
import { formatLabelLines, type ModelMetadata, ModelLabel, modelImageLabels, modelMetadataFromLabels, ModelMetadataLabelError } from '@ml-deploy/model';

const metadata: ModelMetadata = {
  name: 'iris',
  version: '7',
  format: 'onnx',
  digest: `sha256:${'a'.repeat(64)}`,
  size: 1234,
  signature: { inputs: [{ name: 'X', dtype: 'float', shape: [null, 4] }], outputs: [] },
  metrics: { accuracy: 0.93, eval: { f1: 0.9 } },
  verdict: 'pass',
};

describe('modelImageLabels', () => {
  it.each([
    ['version and revision', metadata, { revision: 'c0ffee' }, [ModelLabel.Metadata, ModelLabel.Version, ModelLabel.Revision]],
    ['no version, no revision', { ...metadata, version: null }, {}, [ModelLabel.Metadata]],
  ])('%s', (_name, md, opts, keys) => {
    const labels = modelImageLabels(md, opts);
    expect(Object.keys(labels)).toEqual(keys);
    expect(JSON.parse(labels[ModelLabel.Metadata]!)).toEqual(md);
    expect(labels[ModelLabel.Metadata]).not.toContain('\n');
  });

  it('round-trips through the key=value lines build-push-action takes', () => {
    const lines = formatLabelLines(modelImageLabels(metadata, { revision: 'c0ffee' })).split('\n');
    expect(lines).toHaveLength(3);
    const back = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    expect(modelMetadataFromLabels(back)).toEqual(metadata);
  });
});

describe('modelMetadataFromLabels', () => {
  it.each([
    ['no label', {}, "the image has no 'org.ml-deploy.model.metadata' label (its labels: none); images get it from validate-model's 'metadata' output"],
    ['other labels only', { 'org.opencontainers.image.title': 'x' }, '(its labels: org.opencontainers.image.title)'],
    ['not JSON', { [ModelLabel.Metadata]: '{name: iris' }, 'label is not JSON (it starts "{name: iris")'],
    ['a JSON array', { [ModelLabel.Metadata]: '[1]' }, 'label is not a JSON object of model metadata'],
    ['metrics null', { [ModelLabel.Metadata]: JSON.stringify({ ...metadata, metrics: null }) }, "label has no metrics (validate-model ran without a 'metrics' file when this image was built)"],
    ['metrics missing (an image labelled before metrics were added)', { [ModelLabel.Metadata]: JSON.stringify({ name: 'iris' }) }, 'label has no metrics'],
    ['metrics a list', { [ModelLabel.Metadata]: JSON.stringify({ metrics: [0.9] }) }, "the 'metrics' in the 'org.ml-deploy.model.metadata' label is not an object of metrics"],
  ])('refuses %s, saying how images get the label', (_name, labels, message) => {
    expect(() => modelMetadataFromLabels(labels)).toThrow(ModelMetadataLabelError);
    expect(() => modelMetadataFromLabels(labels)).toThrow(message);
  });
});

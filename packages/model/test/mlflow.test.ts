import { describe, expect, it } from '@jest/globals';
import { MlflowModelError, parseMlmodel } from '../src/mlflow';

const sklearnColumns = `
artifact_path: model
flavors:
  python_function:
    env:
      conda: conda.yaml
    loader_module: mlflow.sklearn
    model_path: model.pkl
    predict_fn: predict
    python_version: 3.11.9
  sklearn:
    code: null
    pickled_model: model.pkl
    serialization_format: cloudpickle
    sklearn_version: 1.5.2
mlflow_version: 2.17.0
model_uuid: 0d1b6b3f8f0a4c2bb3a1d5b9c1e2f3a4
run_id: 6e5f4d3c2b1a40998877665544332211
saved_input_example_info:
  artifact_path: input_example.json
  pandas_orient: split
  type: dataframe
signature:
  inputs: '[{"type": "double", "name": "sepal length (cm)", "required": true}, {"type": "long", "name": "petals", "required": true}, {"type": "string", "name": "kind", "required": false}]'
  outputs: '[{"type": "long", "required": true}]'
  params: null
utc_time_created: '2026-11-27 09:00:00.000000'
`;

describe('parseMlmodel', () => {
  it('reads flavors and a column-based signature', () => {
    const m = parseMlmodel(sklearnColumns, '/models/m');
    expect(m.flavors.map((f) => f.name)).toEqual(['python_function', 'sklearn']);
    expect(m.flavors[0]!.config.loader_module).toBe('mlflow.sklearn');
    expect(m.signatureKind).toBe('column');
    expect(m.signature).toEqual({
      inputs: [
        { name: 'sepal length (cm)', dtype: 'double', shape: [null] },
        { name: 'petals', dtype: 'int64', shape: [null] },
        { name: 'kind', dtype: 'string', shape: [null] },
      ],
      outputs: [{ name: '0', dtype: 'int64', shape: [null] }],
    });
    expect(m.inputExample).toEqual({ path: 'input_example.json', type: 'dataframe', exists: false });
    expect(m.runId).toBe('6e5f4d3c2b1a40998877665544332211');
    expect(m.onnxModel).toBeUndefined();
  });

  it('reads a tensor-based signature and the onnx flavor', () => {
    const text = `flavors:
  onnx:
    data: model.onnx
    onnx_version: 1.17.0
signature:
  inputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 4]}, "name": "X"}]'
  outputs: '[{"type": "tensor", "tensor-spec": {"dtype": "int64", "shape": [-1]}}]'
`;
    const m = parseMlmodel(text, '/models/m');
    expect(m.signatureKind).toBe('tensor');
    expect(m.onnxModel).toBe('model.onnx');
    expect(m.signature).toEqual({ inputs: [{ name: 'X', dtype: 'float', shape: [null, 4] }], outputs: [{ name: '0', dtype: 'int64', shape: [null] }] });
  });

  it.each([
    ['a: [', /not valid YAML/],
    ['- a', /not a YAML mapping/],
    ['flavors: {}', /no flavors/],
    ['flavors: {onnx: {data: ../../etc/passwd}}', /flavors.onnx.data '..\/..\/etc\/passwd' points outside the model directory/],
    ['flavors: {x: {}}\nsignature:\n  inputs: [1]', /signature.inputs must be a JSON string/],
    ["flavors: {x: {}}\nsignature:\n  inputs: '[{'", /signature.inputs is not valid JSON/],
    ["flavors: {x: {}}\nsignature:\n  inputs: '[{\"type\": \"tensor\"}]'", /is a tensor without tensor-spec.dtype/],
    ['flavors: {x: {}}\nsaved_input_example_info: {artifact_path: /etc/passwd}', /points outside the model directory/],
  ])('refuses %s', (text, message) => {
    expect(() => parseMlmodel(text, '/models/m')).toThrow(MlflowModelError);
    expect(() => parseMlmodel(text, '/models/m')).toThrow(message);
  });
});

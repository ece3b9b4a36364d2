import { describe, expect, it } from '@jest/globals';
import { compareSignatures, normalizeDtype, parseExpectedSignature, SignatureError, type ModelSignature } from '../src/signature';

const actual: ModelSignature = {
  inputs: [{ name: 'X', dtype: 'float', shape: [null, 4] }],
  outputs: [
    { name: 'label', dtype: 'int64', shape: [null] },
    { name: 'probabilities', dtype: 'float', shape: [null, 3] },
  ],
};

describe('normalizeDtype', () => {
  it.each([
    ['float32', 'float'],
    ['np.float32', 'float'],
    ['FLOAT', 'float'],
    ['float64', 'double'],
    ['long', 'int64'],
    ['integer', 'int32'],
    ['boolean', 'bool'],
    ['seq(map(int64,float))', 'seq(map(int64,float))'],
  ])('%s → %s', (given, canonical) => expect(normalizeDtype(given)).toBe(canonical));
});

describe('parseExpectedSignature', () => {
  it('reads YAML with dtype/type aliases and any-size dims', () => {
    expect(parseExpectedSignature('inputs:\n  - name: X\n    dtype: float32\n    shape: [-1, 4]\noutputs:\n  - name: label\n    type: long\n    shape: [batch]\n')).toEqual({
      inputs: [{ name: 'X', dtype: 'float', shape: [null, 4] }],
      outputs: [{ name: 'label', dtype: 'int64', shape: [null] }],
    });
  });

  it('reads JSON and leaves an absent side unchecked', () => {
    expect(parseExpectedSignature('{"inputs": [{"name": "X"}]}')).toEqual({ inputs: [{ name: 'X' }] });
  });

  it.each([
    ['inputs: [{name: X, dtpye: float}]', /inputs\[0\]: unknown key 'dtpye'/],
    ['inputs: [{dtype: float}]', /inputs\[0\]: 'name' must be a non-empty string/],
    ['inputs: [{name: X}, {name: X}]', /inputs\[1\]: 'X' is listed twice/],
    ['inputs: [{name: X, shape: [-2]}]', /dimension -2 must be a size/],
    ['inputs: [{name: X, shape: 4}]', /'shape' must be a list/],
    ['inputs: [{name: X, dtype: float, type: float}]', /give 'dtype' or 'type', not both/],
    ['input: []', /unknown key 'input'/],
    ['{}', /neither `inputs` nor `outputs`/],
    ['- a\n- b', /expected a mapping/],
    ['inputs: [', /not valid YAML or JSON/],
  ])('refuses %s', (text, message) => {
    expect(() => parseExpectedSignature(text)).toThrow(SignatureError);
    expect(() => parseExpectedSignature(text)).toThrow(message);
  });
});

describe('compareSignatures', () => {
  it('matches with any-size dims and dtype aliases', () => {
    const r = compareSignatures(parseExpectedSignature('inputs: [{name: X, dtype: float32, shape: [-1, 4]}]\noutputs: [{name: label, dtype: int64}, {name: probabilities}]'), actual);
    expect(r).toEqual({
      match: true,
      problems: [],
      diff: ['inputs:', '  X: float [?, 4]', 'outputs:', '  label: int64 [?]', '  probabilities: float [?, 3]'],
    });
  });

  it('shows a readable diff of every mismatch', () => {
    const r = compareSignatures(
      parseExpectedSignature('inputs: [{name: X, dtype: float64, shape: [-1, 4]}, {name: extra, dtype: int64}]\noutputs: [{name: label, dtype: int64, shape: [-1]}, {name: probabilities, shape: [-1, 2]}]'),
      actual,
    );
    expect(r.match).toBe(false);
    expect(r.diff).toEqual([
      'inputs:',
      '- X: double [?, 4]',
      '+ X: float [?, 4]',
      '- extra: int64',
      'outputs:',
      '  label: int64 [?]',
      '- probabilities: any [?, 2]',
      '+ probabilities: float [?, 3]',
    ]);
    expect(r.problems).toEqual(["input 'X': dtype float, expected double", "input 'extra' is missing", "output 'probabilities': dimension 1 is 3, expected 2"]);
  });

  it('reports inputs and outputs the expectation does not list', () => {
    const r = compareSignatures(parseExpectedSignature('inputs: []\noutputs: [{name: label}]'), actual);
    expect(r.diff).toEqual(['inputs:', '+ X: float [?, 4]', 'outputs:', '  label: int64 [?]', '+ probabilities: float [?, 3]']);
    expect(r.problems).toEqual(["input 'X' is not expected", "output 'probabilities' is not expected"]);
  });

  it('reports a rank mismatch', () => {
    const r = compareSignatures(parseExpectedSignature('inputs: [{name: X, shape: [4]}]'), actual);
    expect(r.problems).toEqual(["input 'X': rank 2, expected 1"]);
  });
});

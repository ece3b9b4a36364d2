/** Format detection from bytes; names only break ties. */
import { describe, expect, test } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { detectFormat } from '../src/detect-format';
import { header, member, tar } from './tar-builder';

const b = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const le64 = (n: number): string => String.fromCharCode(n & 0xff, (n >> 8) & 0xff, 0, 0, 0, 0, 0, 0);

describe('detectFormat', () => {
  test.each([
    ['pickle protocol 4', '\x80\x04N.', undefined, 'pickle'],
    ['pickle protocol 0 named .json', "(dp0\nVa\np1\nI1\ns.", 'x.json', 'pickle'],
    ['pickle named .safetensors', '\x80\x04\x8c\x02os\x8c\x06system\x93.', 'm.safetensors', 'pickle'],
    ['safetensors', `${le64(2)}{}`, undefined, 'safetensors'],
    ['safetensors header that starts like PROTO 2', `${le64(0x0280)}{"a":1}`, undefined, 'safetensors'],
    ['zip', 'PK\x03\x04\x14\x00', undefined, 'zip'],
    ['npy', '\x93NUMPY\x01\x00', undefined, 'numpy'],
    ['hdf5', '\x89HDF\r\n\x1a\n', undefined, 'hdf5'],
    ['gguf', 'GGUF\x03\x00\x00\x00', undefined, 'gguf'],
    ['xgboost json', '{"learner": {}}', undefined, 'xgboost-json'],
    ['xgboost ubj', '{i\x07learner{}}', undefined, 'xgboost-ubj'],
    ['lightgbm', 'tree\nversion=v4\n', undefined, 'lightgbm-text'],
    ['onnx', '\x08\x08\x12\x08skl2onnx\x1a\x041.20\x3a\x00', undefined, 'onnx'],
    ['saved_model.pb by tie-break', '\x08\x01\x12\x0a\x0a\x08\x0a\x06\x73\x65\x72\x76\x65', 'saved_model.pb', 'tf-savedmodel'],
    ['saved_model protobuf is not onnx', '\x08\x01\x12\x0a\x0a\x08\x0a\x06\x73\x65\x72\x76\x65', 'model.onnx', 'unknown'],
    ['plain text', 'hello world', 'x.pkl', 'unknown'],
    ['torch legacy magic', '\x80\x02\x8a\x0al\xfc\x9cF\xf9 j\xa8P\x19.', undefined, 'pytorch-legacy'],
  ])('%s', (_name, head, name, expected) => {
    expect(detectFormat(b(head), name)).toBe(expected);
  });

  const legacyTar = tar(member({ name: 'pickle' }, b('\x80\x02cposix\nsystem\n.')));
  test.each([
    ['tar whose first member name starts like a pickle opcode', legacyTar, 'tar'],
    ['tar with a broken checksum (ustar magic)', header({ name: 'pickle', checksumDelta: 1 }), 'tar'],
    ['gzip of a tar (model.tar.gz)', gzipSync(legacyTar), 'tar'],
    ['gzip of a pickle stays joblib', gzipSync(b('\x80\x04N.')), 'joblib'],
    ['bz2 stream', b('BZh91AY&SY\x00\x00'), 'joblib'],
    ['"BZh" text is not bz2', b('BZh hello'), 'unknown'],
    ['xz stream', b('\xfd7zXZ\x00\x00\x04'), 'joblib'],
  ] as Array<[string, Uint8Array, string]>)('%s', (_name, head, expected) => {
    expect(detectFormat(head)).toBe(expected);
  });
});

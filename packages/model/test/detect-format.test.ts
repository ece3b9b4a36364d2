/** Format detection from bytes; names only break ties. */
import { describe, expect, test } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { compressionOf, detectFormat, isGitLfsPointer, refusedContainerOf } from '../src/detect-format';
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

describe('containers named by their magic bytes', () => {
  // Legacy .lzma: properties 0x5d, an 8 MiB dictionary, unknown size, range coder byte 0.
  const alone = (dict: number, props = 0x5d, first = 0): Uint8Array => {
    const h = new Uint8Array(32);
    h[0] = props;
    new DataView(h.buffer).setUint32(1, dict, true);
    h.fill(0xff, 5, 13);
    h[13] = first;
    return h;
  };

  test.each([
    ['8 MiB dictionary (Python preset 6)', alone(8 << 20), 'lzma'],
    ['3 * 2^20 dictionary', alone(3 << 20), 'lzma'],
    ['dictionary that is not 2^n or 3 * 2^n', alone(5 << 20), null],
    ['properties out of range', alone(8 << 20, 225), null],
    ['range coder byte not 0', alone(8 << 20, 0x5d, 1), null],
    ['xz', Uint8Array.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0, 4]), 'xz'],
    ['zstd', Uint8Array.from([0x28, 0xb5, 0x2f, 0xfd, 0x24, 0x04]), 'zstd'],
    ['lz4 frame', Uint8Array.from([0x04, 0x22, 0x4d, 0x18, 0x64, 0x40]), 'lz4'],
  ])('compressionOf: %s', (_name, head, expected) => {
    expect(compressionOf(head)).toBe(expected);
  });

  test.each([
    ['7-Zip', '7z\xbc\xaf\x27\x1c\x00\x04', '7-Zip archive'],
    ['RAR', 'Rar!\x1a\x07\x01\x00', 'RAR archive'],
    ['lz4 legacy', '\x02\x21\x4c\x18', 'lz4 legacy stream'],
    ['zstd skippable frame', '\x50\x2a\x4d\x18\x04\x00\x00\x00', 'zstd skippable frame'],
    ['a pickle', '\x80\x04N.', null],
  ])('refusedContainerOf: %s', (_name, head, expected) => {
    expect(refusedContainerOf(b(head))).toBe(expected);
  });

  test('a Git LFS pointer, and only that', () => {
    expect(isGitLfsPointer(b('version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 132\n'))).toBe(true);
    expect(isGitLfsPointer(b('version 1\nsome text that mentions git-lfs.github.com/spec/v1\n'))).toBe(false);
  });
});

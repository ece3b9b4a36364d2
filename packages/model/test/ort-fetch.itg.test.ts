/**
 * ONNX Runtime fetched on first use (ort-fetch.ts) from a registry served on 127.0.0.1: a tarball
 * whose sha512 is the expected one is extracted into the tool-cache layout and used from there
 * afterwards; a tampered one (or any tarball under the real pin that is not the real release) is
 * refused with nothing cached; a registry that fails gives a clear error. The pin itself is
 * checked against pnpm-lock.yaml and the installed package, so it cannot drift from what the
 * tests run.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureOnnxRuntime, ensureOnnxRuntimes, InferenceUnavailableError, ONNXRUNTIME_NODE, onnxRuntimeCachePath, onnxRuntimeFetchEnv, OnnxRuntimeIntegrityError } from '../src/inference';
import { REPO_ROOT } from './fixtures';
import { member, pax, tar } from './tar-builder';

const PATH = `/onnxruntime-node/-/onnxruntime-node-${ONNXRUNTIME_NODE.version}.tgz`;
const binding = Buffer.from('\x7fELF binding for x64 '.repeat(300));
const lib = Buffer.from('\x7fELF libonnxruntime x64 '.repeat(5000));

// An npm-shaped package: a pax header as npm pack writes them, both architectures, other files.
const good = gzipSync(
  tar(
    member({ name: 'package/package.json' }, JSON.stringify({ name: 'onnxruntime-node', version: ONNXRUNTIME_NODE.version })),
    pax({ mtime: '1700000000' }),
    member({ name: 'package/bin/napi-v6/linux/x64/onnxruntime_binding.node' }, binding),
    member({ name: 'package/bin/napi-v6/linux/x64/libonnxruntime.so.1' }, lib),
    member({ name: 'package/bin/napi-v6/linux/arm64/onnxruntime_binding.node' }, 'arm binding'),
    member({ name: 'package/bin/napi-v6/linux/arm64/libonnxruntime.so.1' }, 'arm lib'),
    member({ name: 'package/bin/napi-v6/darwin/arm64/onnxruntime_binding.node' }, 'mac'),
  ),
);
const goodIntegrity = `sha512-${createHash('sha512').update(good).digest('base64')}`;
const tampered = Buffer.from(good);
tampered[tampered.length - 30] = (tampered[tampered.length - 30] ?? 0) ^ 0x01;

let server: Server;
let registry: string;
const requests: string[] = [];
const serve: { body: Buffer | null } = { body: good };

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === PATH && serve.body) res.writeHead(200, { 'content-length': serve.body.length }).end(serve.body);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function freshCache(): string {
  return mkdtempSync(join(tmpdir(), 'ort-fetch-'));
}

describe('ensureOnnxRuntime', () => {
  it('downloads, verifies and extracts the platform files into the tool-cache layout, then reuses them', async () => {
    const cacheRoot = freshCache();
    serve.body = good;
    requests.length = 0;
    const dir = await ensureOnnxRuntime({ cacheRoot, registry, arch: 'x64', platform: 'linux', integrity: goodIntegrity });
    const { dir: expected, marker } = onnxRuntimeCachePath(cacheRoot, 'x64');
    expect(dir).toBe(expected);
    expect(dir).toBe(join(cacheRoot, 'onnxruntime-node', ONNXRUNTIME_NODE.version, 'x64'));
    expect(readFileSync(join(dir, 'onnxruntime_binding.node'))).toEqual(binding);
    expect(readFileSync(join(dir, 'libonnxruntime.so.1'))).toEqual(lib);
    expect(readdirSync(dir).sort()).toEqual(['libonnxruntime.so.1', 'onnxruntime_binding.node']);
    expect(existsSync(marker)).toBe(true);
    expect(requests).toEqual([PATH]);
    // No temporary files left beside the cache.
    expect(readdirSync(join(cacheRoot, 'onnxruntime-node'))).toEqual([ONNXRUNTIME_NODE.version]);
    // Second use: from the cache, no request.
    serve.body = null;
    expect(await ensureOnnxRuntime({ cacheRoot, registry, arch: 'x64', platform: 'linux', integrity: goodIntegrity })).toBe(dir);
    expect(requests).toEqual([PATH]);
  });

  it('fetches several architectures (build-image: one per image platform) with one download, the cached ones reused', async () => {
    const cacheRoot = freshCache();
    serve.body = good;
    requests.length = 0;
    const dirs = await ensureOnnxRuntimes({ cacheRoot, registry, platform: 'linux', integrity: goodIntegrity }, ['x64', 'arm64']);
    expect(dirs).toEqual({ x64: onnxRuntimeCachePath(cacheRoot, 'x64').dir, arm64: onnxRuntimeCachePath(cacheRoot, 'arm64').dir });
    expect(readFileSync(join(dirs.arm64!, 'onnxruntime_binding.node'), 'utf8')).toBe('arm binding');
    expect(readFileSync(join(dirs.arm64!, 'libonnxruntime.so.1'), 'utf8')).toBe('arm lib');
    expect(readFileSync(join(dirs.x64!, 'onnxruntime_binding.node'))).toEqual(binding);
    expect(existsSync(onnxRuntimeCachePath(cacheRoot, 'arm64').marker)).toBe(true);
    expect(requests).toEqual([PATH]);
    serve.body = null;
    expect(await ensureOnnxRuntimes({ cacheRoot, registry, platform: 'linux', integrity: goodIntegrity }, ['arm64', 'x64'])).toEqual(dirs);
    expect(requests).toEqual([PATH]);
  });

  it('refuses a tampered tarball: nothing extracted, nothing cached', async () => {
    const cacheRoot = freshCache();
    serve.body = tampered;
    const attempt = ensureOnnxRuntime({ cacheRoot, registry, arch: 'x64', platform: 'linux', integrity: goodIntegrity });
    await expect(attempt).rejects.toBeInstanceOf(OnnxRuntimeIntegrityError);
    await expect(attempt).rejects.toThrow(`not the pinned ${goodIntegrity}`);
    expect(readdirSync(cacheRoot, { recursive: true })).toEqual(['onnxruntime-node']);
  });

  it('refuses any tarball that is not the real release under the real pin', async () => {
    const cacheRoot = freshCache();
    serve.body = good;
    await expect(ensureOnnxRuntime({ cacheRoot, registry, arch: 'x64', platform: 'linux' })).rejects.toThrow(new RegExp(`its sha512 is ${goodIntegrity.replace(/[+/=]/g, '\\$&')}, not the pinned ${ONNXRUNTIME_NODE.integrity.replace(/[+/=]/g, '\\$&')}`));
    expect(existsSync(onnxRuntimeCachePath(cacheRoot, 'x64').marker)).toBe(false);
  });

  it('does not trust a cache folder without its completion marker', async () => {
    const cacheRoot = freshCache();
    serve.body = tampered;
    const { dir } = onnxRuntimeCachePath(cacheRoot, 'x64');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'onnxruntime_binding.node'), 'half-written');
    writeFileSync(join(dir, 'libonnxruntime.so.1'), 'half-written');
    await expect(ensureOnnxRuntime({ cacheRoot, registry, arch: 'x64', platform: 'linux', integrity: goodIntegrity })).rejects.toBeInstanceOf(OnnxRuntimeIntegrityError);
  });

  it('says what to do when the registry cannot serve it', async () => {
    serve.body = null;
    const attempt = ensureOnnxRuntime({ cacheRoot: freshCache(), registry, arch: 'arm64', platform: 'linux', integrity: goodIntegrity });
    await expect(attempt).rejects.toBeInstanceOf(InferenceUnavailableError);
    await expect(attempt).rejects.toThrow(/HTTP 404 .*ML_DEPLOY_NPM_REGISTRY .*smoke-test: false/);
  });

  it('refuses platforms without Linux binaries before any request', async () => {
    requests.length = 0;
    await expect(ensureOnnxRuntime({ cacheRoot: freshCache(), registry, arch: 'arm64', platform: 'darwin' })).rejects.toThrow('linux-x64 and linux-arm64 only, not darwin-arm64');
    expect(requests).toEqual([]);
  });
});

describe('the pin', () => {
  it('is the version installed and the integrity pnpm-lock.yaml records for it', () => {
    const installed = JSON.parse(readFileSync(join(REPO_ROOT, 'packages', 'model', 'node_modules', 'onnxruntime-node', 'package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(ONNXRUNTIME_NODE.version);
    const lock = readFileSync(join(REPO_ROOT, 'pnpm-lock.yaml'), 'utf8');
    const entry = new RegExp(`\\n  onnxruntime-node@${ONNXRUNTIME_NODE.version.replace(/\./g, '\\.')}:\\n    resolution: \\{integrity: (sha512-[A-Za-z0-9+/=]+)\\}`).exec(lock);
    expect(entry?.[1]).toBe(ONNXRUNTIME_NODE.integrity);
  });
});

describe('onnxRuntimeFetchEnv', () => {
  it('takes ML_DEPLOY_ORT_CACHE, then the runner tool cache; ML_DEPLOY_NPM_REGISTRY, then npm_config_registry', () => {
    expect(onnxRuntimeFetchEnv({ ML_DEPLOY_ORT_CACHE: '/a', RUNNER_TOOL_CACHE: '/b', ML_DEPLOY_NPM_REGISTRY: 'http://m/', npm_config_registry: 'http://n/' })).toEqual({ cacheRoot: '/a', registry: 'http://m/' });
    expect(onnxRuntimeFetchEnv({ RUNNER_TOOL_CACHE: '/b', npm_config_registry: 'http://n/' })).toEqual({ cacheRoot: '/b', registry: 'http://n/' });
    expect(onnxRuntimeFetchEnv({ XDG_CACHE_HOME: '/x' })).toEqual({ cacheRoot: '/x/ml-deploy', registry: 'https://registry.npmjs.org' });
  });
});

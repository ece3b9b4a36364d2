/**
 * Loads ONNX Runtime's native binding (onnxruntime-node's onnxruntime_binding.node, which loads the
 * libonnxruntime.so.1 beside it through RUNPATH $ORIGIN) from a folder the caller names, and
 * registers it as the `cpu` backend of onnxruntime-common.
 *
 * Why not `import 'onnxruntime-node'`: its binding.js requires the binding with a computed path
 * that a bundle cannot follow, and the package's 70 MB of binaries must not sit in the repository
 * every `uses:` downloads. validate-model fetches the folder on first use (ort-fetch.ts); the model
 * server finds it beside its bundle in the image, else fetches it too (server-ort.ts); tests use the installed package's.
 * Only linux-x64 and linux-arm64 are supported: other platforms get a clear error.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import * as ort from 'onnxruntime-common';

/** Inference cannot run here (platform without a shipped binary, or the binary failed to load). */
export class InferenceUnavailableError extends Error {
  override readonly name = 'InferenceUnavailableError';
}

/** The platforms onnxruntime-node has Linux binaries for (the runners' and the images'). */
export const SUPPORTED_PLATFORMS = ['linux-x64', 'linux-arm64'] as const;

/** Whether this platform can run inference, without loading anything. */
export function inferenceSupport(platform = process.platform, arch = process.arch): { supported: true } | { supported: false; reason: string } {
  if (platform === 'linux' && (arch === 'x64' || arch === 'arm64')) return { supported: true };
  return { supported: false, reason: `ONNX Runtime runs here on ${SUPPORTED_PLATFORMS.join(' and ')} only, not ${platform}-${arch}` };
}

/** The surface of onnxruntime_binding.node that this module uses (onnxruntime-node 1.30). */
interface NativeBinding {
  InferenceSession: new () => NativeSession;
  initOrtOnce(logLevel: number, tensor: typeof ort.Tensor, isMainThread: boolean): void;
}
interface NativeMetadata {
  name: string;
  isTensor: boolean;
  type: number;
  shape: number[];
  symbolicDimensions: string[];
}
interface NativeSession {
  loadModel(path: string, options: object): void;
  readonly inputMetadata: NativeMetadata[];
  readonly outputMetadata: NativeMetadata[];
  run(feeds: object, fetches: object, options: object): Record<string, ort.OnnxValue>;
  dispose(): void;
  endProfiling(): void;
}

/** onnxruntime-node's table of ONNX element type codes to ORT tensor type names. */
const ORT_TYPES: Record<number, ort.Tensor.Type> = {
  1: 'float32',
  2: 'uint8',
  3: 'int8',
  4: 'uint16',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  8: 'string',
  9: 'bool',
  10: 'float16',
  11: 'float64',
  12: 'uint32',
  13: 'uint64',
  21: 'uint4',
  22: 'int4',
};

class NativeSessionHandler implements ort.InferenceSessionHandler {
  readonly inputNames: string[];
  readonly outputNames: string[];
  readonly inputMetadata: ort.InferenceSession.ValueMetadata[];
  readonly outputMetadata: ort.InferenceSession.ValueMetadata[];

  constructor(private readonly session: NativeSession) {
    const convert = (list: NativeMetadata[]) =>
      list.map((m): ort.InferenceSession.ValueMetadata => {
        const type = ORT_TYPES[m.type];
        if (!m.isTensor || type === undefined) return { name: m.name, isTensor: false };
        return { name: m.name, isTensor: true, type, shape: m.shape.map((d, i) => (d === -1 ? (m.symbolicDimensions[i] ?? '') : d)) };
      });
    this.inputMetadata = convert(session.inputMetadata);
    this.outputMetadata = convert(session.outputMetadata);
    this.inputNames = session.inputMetadata.map((m) => m.name);
    this.outputNames = session.outputMetadata.map((m) => m.name);
  }

  async dispose(): Promise<void> {
    this.session.dispose();
  }
  startProfiling(): void {}
  endProfiling(): void {
    this.session.endProfiling();
  }
  async run(feeds: object, fetches: object, options: object): Promise<Record<string, ort.OnnxValue>> {
    // The native run is synchronous; yielding first keeps timers and cancellation responsive.
    await new Promise((r) => setImmediate(r));
    return this.session.run(feeds, fetches, options);
  }
}

type TypedArrayCtor = new (buffer: ArrayBufferLike, byteOffset: number, length: number) => ArrayBufferView;

function isInstance(v: object, ctor: TypedArrayCtor): boolean {
  return v instanceof ctor;
}

/**
 * The binding builds output tensors with typed arrays of the main realm. Code in a vm context (jest
 * runs every test file in one) has its own Float32Array, so onnxruntime-common's `instanceof`
 * checks would refuse them: such arrays are re-viewed, without copying, through this realm's
 * constructor. In a plain Node process (the bundled action) nothing changes.
 */
function realmSafeTensor(Base: typeof ort.Tensor): typeof ort.Tensor {
  const local = (v: unknown): unknown => {
    if (!ArrayBuffer.isView(v) || v instanceof DataView) return v;
    const view: ArrayBufferView & { BYTES_PER_ELEMENT?: number } = v;
    const Ctor = (globalThis as unknown as Record<string, TypedArrayCtor | undefined>)[view.constructor.name];
    const width = view.BYTES_PER_ELEMENT;
    if (!Ctor || !width || isInstance(view, Ctor)) return v;
    return new Ctor(view.buffer, view.byteOffset, view.byteLength / width);
  };
  const Wrapped = class extends (Base as unknown as new (...args: unknown[]) => object) {
    constructor(...args: unknown[]) {
      super(...args.map(local));
    }
  };
  return Wrapped as unknown as typeof ort.Tensor;
}

let loaded: { dir: string; ort: Promise<typeof ort> } | undefined;

/**
 * Loads the binding from `dir` once and returns onnxruntime-common with the `cpu` backend
 * registered. A process loads one runtime: later calls get the first one whatever `dir` they name.
 * @throws InferenceUnavailableError on an unsupported platform or when the binary cannot load.
 */
export function loadOnnxRuntime(dir: string): Promise<typeof ort> {
  if (loaded) return loaded.ort;
  const promise = (async () => {
    const support = inferenceSupport();
    if (!support.supported) throw new InferenceUnavailableError(support.reason);
    let binding: NativeBinding;
    try {
      binding = createRequire(import.meta.url)(join(dir, 'onnxruntime_binding.node')) as NativeBinding;
    } catch (err) {
      throw new InferenceUnavailableError(`could not load ONNX Runtime from ${dir}: ${(err as Error).message.split('\n')[0]}`);
    }
    binding.initOrtOnce(2 /* warning */, realmSafeTensor(ort.Tensor), isMainThread);
    const backend: ort.Backend = {
      async init() {},
      async createInferenceSessionHandler(pathOrBuffer, options) {
        if (typeof pathOrBuffer !== 'string') throw new Error('this backend loads models from files only');
        const session = new binding.InferenceSession();
        session.loadModel(pathOrBuffer, options ?? {});
        return new NativeSessionHandler(session);
      },
    };
    ort.registerBackend('cpu', backend, 100);
    return ort;
  })();
  loaded = { dir, ort: promise };
  promise.catch(() => {
    loaded = undefined;
  });
  return promise;
}

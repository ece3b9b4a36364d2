/**
 * The values a simulated pickle stack holds. Only what can become a callable or name one is kept
 * with its content: literal strings (STACK_GLOBAL/INST operands, storage keys), globals (call
 * targets), small ints and tuples (joblib array shapes, dtype state), small dicts (joblib wrapper
 * state) and call results (what they called). Everything else collapses to shared singletons, and
 * every container keeps at most {@link CONTAINER_ITEM_CAP} items and a bounded number of bytes
 * ({@link retainCap}), so no value's size grows with the pickle's object count.
 */
import type { ImportClassification } from './import-policy';

/** Tracks one `builtins.getattr` import until it is known how the pickle uses it. */
export interface GetattrUse {
  /** Times the value was put on the stack (import, memo GET, DUP). */
  tokens: number;
  /** Times it was called as `getattr(<imported global>, '<identifier>')`. */
  lookups: number;
  offset: number;
  name: string;
  via: string;
}

/** A value on the simulated unpickler stack or in its memo. */
export type PickleValue =
  | { readonly t: 'str'; readonly s: string | null; readonly literal: boolean }
  | { readonly t: 'int'; readonly n: number }
  | { readonly t: 'none' }
  | { readonly t: 'scalar' }
  | { readonly t: 'bytes' }
  | { readonly t: 'tuple'; readonly items: PickleValue[]; readonly truncated: boolean; readonly w: number; readonly d: number }
  | { readonly t: 'list'; readonly items: PickleValue[]; truncated: boolean; w: number; d: number }
  | { readonly t: 'dict'; readonly keys: PickleValue[]; readonly vals: PickleValue[]; w: number; d: number }
  | { readonly t: 'set' }
  | {
      readonly t: 'global';
      readonly name: string;
      readonly module: string;
      readonly qual: string;
      readonly classification: ImportClassification;
      readonly referenceOnly?: boolean;
      readonly getattr?: GetattrUse;
    }
  | { readonly t: 'obj'; readonly callee: PickleValue; readonly args: PickleValue | null; state: PickleValue | null; w: number; d: number }
  | { readonly t: 'pers'; readonly pid: PickleValue }
  | { readonly t: 'buffer' }
  /** A value the walker chose not to keep (memo bounds): never a valid name or call target. */
  | { readonly t: 'opaque'; readonly why: string };

export const NONE: PickleValue = { t: 'none' };
export const SCALAR: PickleValue = { t: 'scalar' };
export const BYTES: PickleValue = { t: 'bytes' };
export const SET: PickleValue = { t: 'set' };
export const BUFFER: PickleValue = { t: 'buffer' };
/** A string too long to capture: never usable as a module or attribute name. */
export const LONG_STRING: PickleValue = { t: 'str', s: null, literal: true };
/** Memo entries that hold plain data are kept as this (only whether the index exists matters). */
export const MEMO_DATA: PickleValue = { t: 'opaque', why: 'plain data from the memo' };
/** A container too large to keep inside another one. */
export const DROPPED: PickleValue = { t: 'opaque', why: 'a value dropped to keep memory bounded' };
export const EMPTY_TUPLE: PickleValue = { t: 'tuple', items: [], truncated: false, w: 0, d: 1 };

/** Containers keep at most this many items: enough for shapes and wrapper state, bounded memory. */
export const CONTAINER_ITEM_CAP = 64;
/** Bytes a value may retain (itself and what it holds); children past it become {@link DROPPED}. */
export const RETAIN_LIMIT = 1024;
/**
 * Real picklers only pop the top few items one by one and take the rest of a MARK frame as a
 * whole (TUPLE, APPENDS, SETITEMS), which keeps only its first items anyway. So entries buried
 * under the top {@link STACK_LIVE_TOP} lose their content when they lie past the first
 * {@link FRAME_HEAD} entries of their frame, and, once the stack is deeper than
 * {@link SHALLOW_STACK}, whenever they weigh more than {@link SETTLED_WEIGHT} bytes. Imported
 * globals are always kept.
 */
export const FRAME_HEAD = 2 * 64;
export const SHALLOW_STACK = 4096;
export const STACK_LIVE_TOP = 64;
export const SETTLED_WEIGHT = 160;

/**
 * Containers keep children less deep than this. The deepest structure the walker reads is a
 * joblib wrapper's state: a dict holding a dtype call result holding its argument tuple.
 */
export const CHILD_DEPTH_LIMIT = 3;

/** Nesting depth: 0 for a leaf, 1 + the deepest kept child for a container or call result. */
export function depthOf(v: PickleValue): number {
  switch (v.t) {
    case 'tuple':
    case 'list':
    case 'dict':
    case 'obj':
      return v.d;
    default:
      return 0;
  }
}

/** Approximate bytes `v` keeps alive beyond shared singletons. */
export function weightOf(v: PickleValue): number {
  switch (v.t) {
    case 'tuple':
    case 'list':
    case 'dict':
    case 'obj':
      return 32 + v.w;
    case 'str':
      return v.s === null ? 0 : 24 + v.s.length;
    case 'int':
      return v.n >= 0 && v.n < 256 ? 0 : 16;
    default:
      return 0;
  }
}

const SMALL_INTS: PickleValue[] = Array.from({ length: 256 }, (_, n) => ({ t: 'int', n }) as const);

/** An int value, shared for small non-negative ints. */
export function intValue(n: number): PickleValue {
  return n >= 0 && n < 256 && Number.isInteger(n) ? (SMALL_INTS[n] as PickleValue) : { t: 'int', n };
}

/** Look a string key up in a simulated dict. */
export function dictGet(d: PickleValue | null | undefined, key: string): PickleValue | undefined {
  if (!d || d.t !== 'dict') return undefined;
  for (let i = 0; i < d.keys.length; i++) {
    const k = d.keys[i];
    if (k && k.t === 'str' && k.s === key) return d.vals[i];
  }
  return undefined;
}

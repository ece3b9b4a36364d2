/**
 * The values a simulated pickle stack holds. Only what the scanner needs to reason about is kept:
 * literal strings (to resolve STACK_GLOBAL operands), small ints and tuples (joblib array shapes),
 * small dicts (joblib wrapper state), globals (call targets) and call results. Everything else
 * collapses to shared singletons so the hot loop allocates little.
 */
import type { ImportClassification } from './import-policy';

/** A value on the simulated unpickler stack or in its memo. */
export type PickleValue =
  | { readonly t: 'str'; readonly s: string | null; readonly literal: boolean }
  | { readonly t: 'int'; readonly n: number }
  | { readonly t: 'none' }
  | { readonly t: 'scalar' }
  | { readonly t: 'bytes' }
  | { readonly t: 'tuple'; readonly items: PickleValue[]; readonly truncated: boolean }
  | { readonly t: 'list'; readonly items: PickleValue[]; truncated: boolean }
  | { readonly t: 'dict'; readonly keys: PickleValue[]; readonly vals: PickleValue[] }
  | { readonly t: 'set' }
  | { readonly t: 'global'; readonly name: string; readonly classification: ImportClassification }
  | { readonly t: 'obj'; readonly callee: PickleValue; readonly args: PickleValue | null; state: PickleValue | null }
  | { readonly t: 'pers'; readonly pid: PickleValue }
  | { readonly t: 'buffer' };

export const NONE: PickleValue = { t: 'none' };
export const SCALAR: PickleValue = { t: 'scalar' };
export const BYTES: PickleValue = { t: 'bytes' };
export const SET: PickleValue = { t: 'set' };
export const BUFFER: PickleValue = { t: 'buffer' };
/** A string too long to capture: never usable as a module or attribute name. */
export const LONG_STRING: PickleValue = { t: 'str', s: null, literal: true };

/** Containers keep at most this many items: enough for shapes and wrapper state, bounded memory. */
export const CONTAINER_ITEM_CAP = 64;

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

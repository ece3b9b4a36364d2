/**
 * Hand-assembled tar archives for tests: ustar headers with a correct (or deliberately broken)
 * checksum, padded member data, pax and GNU extension members, and the two end blocks.
 */
import { TAR_BLOCK } from '../src/tar/tar-header';

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

export interface HeaderSpec {
  name: string;
  size?: number;
  typeflag?: string;
  linkname?: string;
  prefix?: string;
  /** Raw 12-byte size field (overrides `size` in the header only). */
  sizeField?: Uint8Array;
  /** Add this to the stored checksum (to break it). */
  checksumDelta?: number;
}

export function header(h: HeaderSpec): Uint8Array {
  const b = new Uint8Array(TAR_BLOCK);
  b.set(enc(h.name).subarray(0, 100), 0);
  b.set(enc('0000644\0'), 100);
  b.set(h.sizeField ?? enc(`${(h.size ?? 0).toString(8).padStart(11, '0')}\0`), 124);
  b.set(enc(h.typeflag ?? '0'), 156);
  if (h.linkname) b.set(enc(h.linkname), 157);
  b.set(enc('ustar\u000000'), 257);
  if (h.prefix) b.set(enc(h.prefix), 345);
  b.set(enc('        '), 148);
  let sum = 0;
  for (const x of b) sum += x;
  b.set(enc(`${(sum + (h.checksumDelta ?? 0)).toString(8).padStart(6, '0')}\0 `), 148);
  return b;
}

export function padded(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(data.length / TAR_BLOCK) * TAR_BLOCK);
  out.set(data);
  return out;
}

export function member(h: HeaderSpec, data: string | Uint8Array = ''): Uint8Array[] {
  const bytes = typeof data === 'string' ? enc(data) : data;
  return [header({ size: bytes.length, ...h }), padded(bytes)];
}

export function pax(records: Record<string, string>, typeflag = 'x'): Uint8Array[] {
  let text = '';
  for (const [k, v] of Object.entries(records)) {
    const body = ` ${k}=${v}\n`;
    let len = body.length + 1;
    while (String(len).length + body.length !== len) len++;
    text += `${len}${body}`;
  }
  return member({ name: 'PaxHeader', typeflag }, text);
}

export function tar(...parts: Uint8Array[][]): Uint8Array {
  const all = [...parts.flat(), new Uint8Array(2 * TAR_BLOCK)];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of all) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

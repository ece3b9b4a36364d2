/**
 * Checks a safetensors header the way the safetensors library validates it on load: JSON object,
 * every tensor's dtype/shape/offsets consistent, tensors contiguous and covering the data area
 * exactly. Bytes no tensor claims are where something else could hide, so they are a finding.
 */

const DTYPE_BYTES: Record<string, number> = {
  BOOL: 1, U8: 1, I8: 1, F8_E4M3: 1, F8_E5M2: 1, F8_E8M0: 1, I16: 2, U16: 2, F16: 2, BF16: 2, I32: 4, U32: 4, F32: 4,
  I64: 8, U64: 8, F64: 8, C64: 8,
};

/** Problems with the header; empty when it is consistent. */
export function safetensorsProblems(header: Uint8Array, dataLength: number): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(header));
  } catch (e) {
    return [`header is not UTF-8 JSON: ${(e as Error).message}`];
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return ['header is not a JSON object'];
  const problems: string[] = [];
  const spans: Array<[number, number, string]> = [];
  for (const [name, v] of Object.entries(parsed as Record<string, unknown>)) {
    if (name === '__metadata__') {
      if (!v || typeof v !== 'object' || Object.values(v).some((x) => typeof x !== 'string')) problems.push('__metadata__ must map strings to strings');
      continue;
    }
    const t = v as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    const offsets = t?.data_offsets;
    if (typeof t?.dtype !== 'string' || !Array.isArray(t.shape) || !Array.isArray(offsets) || offsets.length !== 2) {
      problems.push(`tensor ${JSON.stringify(name)} lacks dtype, shape or data_offsets`);
      continue;
    }
    const [b, e] = offsets as unknown[];
    if (!Number.isSafeInteger(b) || !Number.isSafeInteger(e) || (b as number) < 0 || (b as number) > (e as number) || (e as number) > dataLength) {
      problems.push(`tensor ${JSON.stringify(name)} has offsets ${JSON.stringify(offsets)} outside the ${dataLength}-byte data area`);
      continue;
    }
    if (!t.shape.every((d) => Number.isSafeInteger(d) && (d as number) >= 0)) {
      problems.push(`tensor ${JSON.stringify(name)} has an invalid shape`);
      continue;
    }
    const size = DTYPE_BYTES[t.dtype];
    const count = (t.shape as number[]).reduce((a, d) => a * d, 1);
    if (size !== undefined && count * size !== (e as number) - (b as number)) {
      problems.push(`tensor ${JSON.stringify(name)}: ${t.dtype}${JSON.stringify(t.shape)} needs ${count * size} bytes, offsets give ${(e as number) - (b as number)}`);
    }
    spans.push([b as number, e as number, name]);
  }
  spans.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let cursor = 0;
  for (const [b, e, name] of spans) {
    if (b < cursor) problems.push(`tensor ${JSON.stringify(name)} overlaps the previous one`);
    else if (b > cursor) problems.push(`${b - cursor} bytes before tensor ${JSON.stringify(name)} belong to no tensor`);
    cursor = Math.max(cursor, e);
  }
  if (problems.length === 0 && cursor !== dataLength) problems.push(`${dataLength - cursor} bytes after the last tensor belong to no tensor`);
  return problems;
}

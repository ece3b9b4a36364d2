/**
 * Writes protobuf bytes by hand for tests: enough to build ONNX messages field by field, including
 * broken ones a real exporter never writes.
 */
export function varint(n: number | bigint): number[] {
  let v = BigInt.asUintN(64, BigInt(n));
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}

export function tag(field: number, wireType: number): number[] {
  return varint((field << 3) | wireType);
}

/** A varint field. */
export function vint(field: number, value: number | bigint): number[] {
  return [...tag(field, 0), ...varint(value)];
}

/** A length-delimited field holding bytes or a nested message. */
export function bytes(field: number, body: number[] | Uint8Array): number[] {
  return [...tag(field, 2), ...varint(body.length), ...body];
}

export function str(field: number, s: string): number[] {
  return bytes(field, [...new TextEncoder().encode(s)]);
}

/** ValueInfoProto for a tensor: name, elem type, dims (number = dim_value, string = dim_param, null = neither). */
export function tensorValueInfo(name: string, elemType: number, dims: Array<number | string | null>): number[] {
  const shape = dims.flatMap((d) => bytes(1, d === null ? [] : typeof d === 'number' ? vint(1, d) : str(2, d)));
  const tensorType = [...vint(1, elemType), ...bytes(2, shape)];
  return [...str(1, name), ...bytes(2, bytes(1, tensorType))];
}

/** A ModelProto with the given graph body and opsets. */
export function model(graphBody: number[], opts: { ir?: number; producer?: string; opsets?: Array<[string, number]> } = {}): Uint8Array {
  const opsets = (opts.opsets ?? [['', 17]]).flatMap(([d, v]) => bytes(8, [...str(1, d), ...vint(2, v)]));
  return Uint8Array.from([...vint(1, opts.ir ?? 8), ...str(2, opts.producer ?? 'test'), ...str(3, '1.0'), ...bytes(7, graphBody), ...opsets]);
}

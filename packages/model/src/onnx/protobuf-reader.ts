/**
 * A streaming reader of the protobuf wire format over a file handle. It reads only what the caller
 * asks for: a length-delimited field it does not need (an initializer's raw_data, a node list) is
 * skipped by moving the position, never read, so memory stays bounded however large the model.
 *
 * Every read is checked against the end of the enclosing message and of the file, and every loop
 * advances or throws, so corrupt input ends in a ProtobufError, never a hang or a huge allocation.
 */
import type { FileHandle } from 'node:fs/promises';

/** Wire types of protobuf; 3 and 4 (groups) are deprecated and never used by ONNX. */
export const WireType = { Varint: 0, Fixed64: 1, LengthDelimited: 2, StartGroup: 3, EndGroup: 4, Fixed32: 5 } as const;

/** The input is not valid protobuf (or not the message the caller expected). */
export class ProtobufError extends Error {
  override readonly name = 'ProtobufError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
  }
}

export interface FieldHeader {
  field: number;
  wireType: number;
  /** Offset of the field's tag. */
  offset: number;
}

const WINDOW = 64 * 1024;
/** All strings one reader may decode: names and types of real models are far below this. */
const MAX_STRING_BYTES = 64 * 1024 * 1024;

/**
 * A cursor over a byte range of a file. `limit` is the end of the message being read; nested
 * messages are read with `withLimit`, which restores the outer limit afterwards.
 */
export class ProtobufReader {
  private buf: Uint8Array = new Uint8Array(0);
  private bufStart = 0;
  private pos = 0;
  private limit: number;
  private stringBytes = 0;
  private readFromFile = 0;

  private constructor(
    private readonly fh: FileHandle,
    readonly size: number,
  ) {
    this.limit = size;
  }

  static async open(fh: FileHandle): Promise<ProtobufReader> {
    const st = await fh.stat();
    return new ProtobufReader(fh, st.size);
  }

  get position(): number {
    return this.pos;
  }

  /** Bytes read from the file so far: skipped fields are never read, so this stays far below `size`. */
  get bytesRead(): number {
    return this.readFromFile;
  }

  /** True when the current message has no more bytes. */
  atEnd(): boolean {
    return this.pos >= this.limit;
  }

  /** Reads the next field's tag; call only when `atEnd()` is false. */
  async readFieldHeader(): Promise<FieldHeader> {
    const offset = this.pos;
    const tag = await this.readVarint();
    const field = Number(tag >> 3n);
    const wireType = Number(tag & 7n);
    if (field === 0) throw new ProtobufError('field number 0 (not protobuf, or corrupt)', offset);
    if (field > 536_870_911) throw new ProtobufError(`field number ${field} out of range`, offset);
    if (wireType === WireType.StartGroup || wireType === WireType.EndGroup || wireType > 5) {
      throw new ProtobufError(`unsupported wire type ${wireType} for field ${field}`, offset);
    }
    return { field, wireType, offset };
  }

  /** An unsigned varint (up to 64 bits) as bigint. */
  async readVarint(): Promise<bigint> {
    const start = this.pos;
    let result = 0n;
    for (let i = 0; i < 10; i++) {
      const byte = await this.readByte();
      result |= BigInt(byte & 0x7f) << BigInt(7 * i);
      if ((byte & 0x80) === 0) return result & 0xffff_ffff_ffff_ffffn;
    }
    throw new ProtobufError('varint longer than 10 bytes', start);
  }

  /** A varint as a signed 64-bit number (int64 fields: two's complement), within safe range. */
  async readInt64(): Promise<number> {
    const offset = this.pos;
    const v = BigInt.asIntN(64, await this.readVarint());
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new ProtobufError(`integer ${v} out of the safe range`, offset);
    }
    return Number(v);
  }

  /** A varint as a signed 32-bit number (int32 and enum fields). */
  async readInt32(): Promise<number> {
    return Number(BigInt.asIntN(32, await this.readVarint()));
  }

  /** Reads the length prefix of a length-delimited field and checks it fits the message. */
  async readLength(): Promise<number> {
    const offset = this.pos;
    const len = await this.readVarint();
    if (len > BigInt(this.limit - this.pos)) {
      throw new ProtobufError(`length ${len} runs past the end of its message (${this.limit - this.pos} bytes left)`, offset);
    }
    return Number(len);
  }

  /**
   * A UTF-8 string field; refuses strings longer than `max` bytes instead of allocating them, and
   * strings past the reader's total budget, so a crafted file of many long names stays bounded too.
   */
  async readString(max = 64 * 1024): Promise<string> {
    const offset = this.pos;
    const len = await this.readLength();
    if (len > max) throw new ProtobufError(`string of ${len} bytes is longer than the ${max} allowed`, offset);
    this.stringBytes += len;
    if (this.stringBytes > MAX_STRING_BYTES) throw new ProtobufError(`more than ${MAX_STRING_BYTES} bytes of strings`, offset);
    const bytes = await this.readBytes(len);
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  }

  /** Runs `fn` inside a length-delimited message; afterwards the position is at its end. */
  async withMessage<T>(fn: () => Promise<T>): Promise<T> {
    const len = await this.readLength();
    const end = this.pos + len;
    const outer = this.limit;
    this.limit = end;
    try {
      const result = await fn();
      this.pos = end;
      return result;
    } finally {
      this.limit = outer;
    }
  }

  /** Skips a field's value without reading it. */
  async skip(header: FieldHeader): Promise<void> {
    switch (header.wireType) {
      case WireType.Varint:
        await this.readVarint();
        return;
      case WireType.Fixed64:
        this.advance(8, header.offset);
        return;
      case WireType.Fixed32:
        this.advance(4, header.offset);
        return;
      case WireType.LengthDelimited: {
        const len = await this.readLength();
        this.advance(len, header.offset);
        return;
      }
      default:
        throw new ProtobufError(`cannot skip wire type ${header.wireType}`, header.offset);
    }
  }

  /** Reads the elements of a repeated varint field, packed or not. */
  async readRepeatedVarint(header: FieldHeader, into: bigint[], max = 1 << 16): Promise<void> {
    if (header.wireType === WireType.Varint) {
      into.push(await this.readVarint());
      return;
    }
    if (header.wireType !== WireType.LengthDelimited) {
      throw new ProtobufError(`field ${header.field} should be a varint`, header.offset);
    }
    await this.withMessage(async () => {
      while (!this.atEnd()) {
        if (into.length >= max) throw new ProtobufError(`more than ${max} values in field ${header.field}`, header.offset);
        into.push(await this.readVarint());
      }
    });
  }

  /** Expects a given wire type, so a field of the right number but wrong shape is reported. */
  expect(header: FieldHeader, wireType: number, what: string): void {
    if (header.wireType !== wireType) {
      throw new ProtobufError(`${what} (field ${header.field}) has wire type ${header.wireType}, expected ${wireType}`, header.offset);
    }
  }

  private advance(n: number, from: number): void {
    if (n > this.limit - this.pos) throw new ProtobufError('field runs past the end of its message', from);
    this.pos += n;
  }

  private async readByte(): Promise<number> {
    if (this.pos >= this.limit) {
      throw new ProtobufError(this.limit === this.size ? 'unexpected end of file' : 'unexpected end of message', this.pos);
    }
    const i = this.pos - this.bufStart;
    if (i < 0 || i >= this.buf.length) await this.fill(this.pos);
    const b = this.buf[this.pos - this.bufStart]!;
    this.pos++;
    return b;
  }

  private async readBytes(n: number): Promise<Uint8Array> {
    if (n > this.limit - this.pos) throw new ProtobufError('field runs past the end of its message', this.pos);
    const i = this.pos - this.bufStart;
    if (i >= 0 && i + n <= this.buf.length) {
      const out = this.buf.slice(i, i + n);
      this.pos += n;
      return out;
    }
    const out = new Uint8Array(n);
    const { bytesRead } = await this.fh.read(out, 0, n, this.pos);
    this.readFromFile += bytesRead;
    if (bytesRead !== n) throw new ProtobufError('unexpected end of file', this.pos + bytesRead);
    this.pos += n;
    return out;
  }

  private async fill(at: number): Promise<void> {
    const want = Math.min(WINDOW, this.size - at);
    const buf = new Uint8Array(want);
    const { bytesRead } = await this.fh.read(buf, 0, want, at);
    this.readFromFile += bytesRead;
    if (bytesRead <= 0) throw new ProtobufError('unexpected end of file', at);
    this.buf = buf.subarray(0, bytesRead);
    this.bufStart = at;
  }
}

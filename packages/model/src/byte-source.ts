/**
 * Random-access byte sources. Zip archives must be read from their end (the central directory),
 * so the zip walker takes one of these instead of a stream: a file read by positional reads, a
 * window of another source (a stored zip inside a zip, without copying), or a small buffer
 * (a deflated nested zip that was inflated within the size bound).
 */
import { readSync } from 'node:fs';

/** Bytes that can be read at any position. */
export interface ByteSource {
  readonly size: number;
  /** Reads up to `length` bytes at `position`; shorter only at the end of the source. */
  read(position: number, length: number): Promise<Uint8Array>;
  /** Bytes handed out so far (for the honest bytes-read count in the report). */
  bytesRead(): number;
}

/** A file descriptor read with positional reads (no shared file offset). */
export class FileByteSource implements ByteSource {
  private count = 0;
  constructor(
    private readonly fd: number,
    readonly size: number,
  ) {}

  async read(position: number, length: number): Promise<Uint8Array> {
    const len = Math.max(0, Math.min(length, this.size - position));
    const buf = new Uint8Array(len);
    let got = 0;
    while (got < len) {
      const bytesRead = readSync(this.fd, buf, got, len - got, position + got);
      if (bytesRead === 0) break; // the file shrank under us: callers see a short read
      got += bytesRead;
    }
    this.count += got;
    return got === len ? buf : buf.subarray(0, got);
  }

  bytesRead(): number {
    return this.count;
  }
}

/** A window [start, start+size) of another source. */
export class SliceByteSource implements ByteSource {
  constructor(
    private readonly inner: ByteSource,
    private readonly start: number,
    readonly size: number,
  ) {}

  read(position: number, length: number): Promise<Uint8Array> {
    const len = Math.max(0, Math.min(length, this.size - position));
    return this.inner.read(this.start + position, len);
  }

  bytesRead(): number {
    return 0; // counted by the inner source
  }
}

/** An in-memory buffer. */
export class BufferByteSource implements ByteSource {
  constructor(private readonly buf: Uint8Array) {}

  get size(): number {
    return this.buf.length;
  }

  async read(position: number, length: number): Promise<Uint8Array> {
    return this.buf.subarray(position, Math.min(this.buf.length, position + length));
  }

  bytesRead(): number {
    return 0;
  }
}

import { isAscii } from 'node:buffer';
import { type FileHandle, open, stat } from 'node:fs/promises';

/** Where reading stopped: the file (by inode), the byte offset after the last whole line, and that line's number. */
export interface LogCursor {
  inode: number;
  offset: number;
  lineNo: number;
}

/** Whole lines as one text (each ending in `\n`), for readers that scan it themselves. */
export interface LineBlock {
  text: string;
  /** Number of the block's first line (1-based); the block holds `lineCount` lines. */
  firstLineNo: number;
  lineCount: number;
  /** The cursor after the block's last line. */
  cursor: LogCursor;
}

/** {@link LineBlock} as bytes, not yet decoded. */
export interface ByteBlock extends Omit<LineBlock, 'text'> {
  bytes: Buffer;
}

/** The text of whole lines read as bytes: pure ASCII (the usual log) decodes much faster as latin1, to the same text. */
export function decodeLines(bytes: Uint8Array): string {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return isAscii(b) ? b.toString('latin1') : b.toString('utf8');
}

export interface LineChunk {
  lines: { text: string; lineNo: number }[];
  /** The cursor after the last line of this chunk: persist it together with what the lines produced. */
  cursor: LogCursor;
}

// 1 MiB by default: small enough that a chunk's parsed calls die young (cheap GC), large enough to amortise a
// transaction; a bulk import asks for more (see importQueueLog).
const CHUNK_BYTES = 1024 * 1024;

/**
 * Reads whole lines of a growing log file in chunks, from a saved cursor. A trailing line without its
 * newline is left for the next read (the writer may be mid-line). Rotation — the path now names another
 * file (new inode) or the file shrank (truncated in place) — is detected by {@link LogFollower.rotated};
 * the caller reads the old file to its end first, then starts the new one at offset 0.
 */
export class LogFollower {
  private handle: FileHandle | null = null;
  private cursor: LogCursor;
  private pending = Buffer.alloc(0);

  private constructor(
    private readonly path: string,
    cursor: LogCursor,
  ) {
    this.cursor = { ...cursor };
  }

  /** Opens `path`; a saved cursor of another inode (the file was rotated since) starts the new file at 0. */
  static async open(path: string, saved: LogCursor | null): Promise<LogFollower> {
    const st = await stat(path);
    const cursor = saved && saved.inode === st.ino && saved.offset <= st.size ? saved : { inode: st.ino, offset: 0, lineNo: 0 };
    const f = new LogFollower(path, cursor);
    f.handle = await open(path, 'r');
    return f;
  }

  get position(): LogCursor {
    return { ...this.cursor };
  }

  /** Reads the next chunk of whole lines; empty when nothing new is there yet. */
  async read(): Promise<LineChunk> {
    const block = await this.readBlock();
    const texts = block.text.split('\n');
    texts.pop(); // the empty string after the final newline
    const lines = texts.map((t, i) => ({ text: t.endsWith('\r') ? t.slice(0, -1) : t, lineNo: block.firstLineNo + i }));
    return { lines, cursor: block.cursor };
  }

  /** {@link read} without an object per line: the whole lines as one text (lines end in `\n`, maybe `\r\n`). */
  async readBlock(maxBytes = CHUNK_BYTES): Promise<LineBlock> {
    const { bytes, ...block } = await this.readBytes(maxBytes);
    return { text: decodeLines(bytes), ...block };
  }

  /** {@link readBlock} before decoding: the bytes of the whole lines (for a reader that decodes them elsewhere). */
  async readBytes(maxBytes = CHUNK_BYTES): Promise<ByteBlock> {
    if (!this.handle) throw new Error('follower closed');
    const firstLineNo = this.cursor.lineNo + 1;
    const buf = Buffer.allocUnsafe(this.pending.length + maxBytes);
    this.pending.copy(buf, 0);
    const start = this.cursor.offset + this.pending.length;
    const { bytesRead } = await this.handle.read(buf, this.pending.length, maxBytes, start);
    const data = buf.subarray(0, this.pending.length + bytesRead);
    const lastNl = data.lastIndexOf(0x0a);
    if (lastNl < 0) {
      this.pending = Buffer.from(data);
      return { bytes: Buffer.alloc(0), firstLineNo, lineCount: 0, cursor: this.position };
    }
    this.pending = Buffer.from(data.subarray(lastNl + 1));
    let lineCount = 0;
    for (let i = data.indexOf(0x0a); i >= 0 && i <= lastNl; i = data.indexOf(0x0a, i + 1)) lineCount++;
    this.cursor = { inode: this.cursor.inode, offset: this.cursor.offset + lastNl + 1, lineNo: this.cursor.lineNo + lineCount };
    return { bytes: data.subarray(0, lastNl + 1), firstLineNo, lineCount, cursor: this.position };
  }

  /** True when the path now names a different file or the file was truncated below our offset. */
  async rotated(): Promise<boolean> {
    try {
      const st = await stat(this.path);
      return st.ino !== this.cursor.inode || st.size < this.cursor.offset;
    } catch {
      return false; // between rename and re-create: keep reading the old handle
    }
  }

  /** Switches to the file now at the path, from its start. */
  async reopen(): Promise<void> {
    await this.close();
    const st = await stat(this.path);
    this.cursor = { inode: st.ino, offset: 0, lineNo: 0 };
    this.pending = Buffer.alloc(0);
    this.handle = await open(this.path, 'r');
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
  }
}

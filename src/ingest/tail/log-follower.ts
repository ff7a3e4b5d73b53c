import { type FileHandle, open, stat } from 'node:fs/promises';

/** Where reading stopped: the file (by inode), the byte offset after the last whole line, and that line's number. */
export interface LogCursor {
  inode: number;
  offset: number;
  lineNo: number;
}

export interface LineChunk {
  lines: { text: string; lineNo: number }[];
  /** The cursor after the last line of this chunk: persist it together with what the lines produced. */
  cursor: LogCursor;
}

const CHUNK_BYTES = 4 * 1024 * 1024;

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
    if (!this.handle) throw new Error('follower closed');
    const buf = Buffer.alloc(CHUNK_BYTES);
    const start = this.cursor.offset + this.pending.length;
    const { bytesRead } = await this.handle.read(buf, 0, CHUNK_BYTES, start);
    const data = Buffer.concat([this.pending, buf.subarray(0, bytesRead)]);
    const lastNl = data.lastIndexOf(0x0a);
    if (lastNl < 0) {
      this.pending = data;
      return { lines: [], cursor: this.position };
    }
    const whole = data.subarray(0, lastNl + 1);
    this.pending = Buffer.from(data.subarray(lastNl + 1));
    const texts = whole.toString('utf8').split('\n');
    texts.pop(); // the empty string after the final newline
    const lines = texts.map((t, i) => ({ text: t.endsWith('\r') ? t.slice(0, -1) : t, lineNo: this.cursor.lineNo + i + 1 }));
    this.cursor = { inode: this.cursor.inode, offset: this.cursor.offset + whole.length, lineNo: this.cursor.lineNo + lines.length };
    return { lines, cursor: this.position };
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

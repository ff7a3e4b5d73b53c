import { parentPort, workerData } from 'node:worker_threads';
import { decodeLines } from '../tail/log-follower.ts';
import { blockEncoder, type KeyedCellSettings, type WireBlock } from './block-codec.ts';
import { createQueueLogParser } from './parser.ts';
import type { QueueLogParserState } from './parser-state.ts';

/** Messages in: a block of whole lines. Out: its {@link WireBlock}, in the order the blocks came. */
export interface ParseRequest {
  bytes: Uint8Array;
  firstLineNo: number;
  /** Count the block's cells too, with these settings. */
  cellSettings?: KeyedCellSettings;
}
export type ParseReply = { ok: true; wire: WireBlock } | { ok: false; error: string };

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread (block-parser.ts starts it)');
const parser = createQueueLogParser({ state: (workerData as { state?: QueueLogParserState }).state });
const encode = blockEncoder();
port.on('message', ({ bytes, firstLineNo, cellSettings }: ParseRequest) => {
  try {
    parser.pushBlock(decodeLines(bytes), firstLineNo);
    const out = parser.drain();
    const { wire, transfer } = encode({ ...out, stateJson: JSON.stringify(parser.state()) }, cellSettings);
    port.postMessage({ ok: true, wire } satisfies ParseReply, transfer);
  } catch (e) {
    port.postMessage({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies ParseReply);
  }
});

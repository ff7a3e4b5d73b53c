import { Worker } from 'node:worker_threads';
import { decodeLines } from '../tail/log-follower.ts';
import { blockDecoder, blockEncoder, type KeyedCellSettings, type ParsedBlock } from './block-codec.ts';
import type { ParseReply, ParseRequest } from './parse-worker.ts';
import { createQueueLogParser } from './parser.ts';
import type { QueueLogParserState } from './parser-state.ts';

/** Parses a queue_log block by block, each with the parser's state after it; blocks are parsed in the order given. */
export interface BlockParser {
  /** True when the parsing runs in a worker thread: the caller may hand in the next block before the last is done. */
  readonly threaded: boolean;
  /** `cellSettings`: also count the block's cells (in the records), as the store would. */
  parse(bytes: Uint8Array, firstLineNo: number, cellSettings?: KeyedCellSettings): Promise<ParsedBlock>;
  close(): Promise<void>;
}

/**
 * A {@link BlockParser}, resuming from `state`. With `thread`, the parsing runs in a worker thread while the
 * caller stores the previous block (an import's two stages on two cores); the worker's young generation is
 * large because an open call lives for thousands of lines — in the default one it is copied twice and promoted.
 */
export function createBlockParser(options: { state?: QueueLogParserState; thread?: boolean } = {}): BlockParser {
  if (!options.thread) {
    const parser = createQueueLogParser({ state: options.state });
    const encode = blockEncoder();
    const decode = blockDecoder();
    return {
      threaded: false,
      async parse(bytes, firstLineNo, cellSettings) {
        parser.pushBlock(decodeLines(bytes), firstLineNo);
        return decode(encode({ ...parser.drain(), stateJson: JSON.stringify(parser.state()) }, cellSettings).wire);
      },
      async close() {},
    };
  }
  const worker = new Worker(new URL('./parse-worker.mjs', import.meta.url), {
    workerData: { state: options.state },
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  const decode = blockDecoder();
  const waiting: { resolve: (b: ParsedBlock) => void; reject: (e: Error) => void }[] = [];
  let failure: Error | null = null;
  const fail = (e: Error) => {
    failure ??= e;
    for (const w of waiting.splice(0)) w.reject(e);
  };
  worker.on('message', (m: ParseReply) => {
    const w = waiting.shift();
    if (!w) return;
    if (m.ok) w.resolve(decode(m.wire));
    else {
      w.reject(new Error(`queue_log parser: ${m.error}`));
      fail(new Error('queue_log parser: an earlier block failed'));
    }
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`queue_log parser thread ended (exit code ${code})`)));
  return {
    threaded: true,
    parse(bytes, firstLineNo, cellSettings) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.postMessage({ bytes, firstLineNo, cellSettings } satisfies ParseRequest);
      });
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}

const YOUNG_GENERATION_MB = 96;

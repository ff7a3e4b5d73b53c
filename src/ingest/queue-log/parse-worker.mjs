// Starts parse-worker.ts in a worker thread: a worker does not inherit the TypeScript loader (tsx) of the thread
// that made it, so it registers its own.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time under a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * The browser tests need the built web UI; build it once before the run when it is missing or older
 * than its sources, so `npm test` works on a fresh clone.
 */
export function buildWebIfStale(): void {
  const index = 'dist/web/index.html';
  if (!existsSync('src/web/index.html')) return;
  if (existsSync(index) && statSync(index).mtimeMs >= newest('src/web')) return;
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}

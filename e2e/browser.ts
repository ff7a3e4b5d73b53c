import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildWebIfStale } from './build-web.ts';

/** Debian's Chromium; no browser is downloaded. CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface RunningServer {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts `zuoxi serve` over a new SQLite file, exactly as `npm start` does, and waits for it. The port is 0 (the
 * system's choice, read back from the server's output): a port picked at random here could be taken meanwhile.
 */
export async function startServer(): Promise<RunningServer> {
  buildWebIfStale();
  const dir = mkdtempSync(join(tmpdir(), 'zuoxi-e2e-'));
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['bin/zuoxi.js', 'serve', '--port', '0', '--host', '127.0.0.1'], {
    env: { ...process.env, ZUOXI_DB: join(dir, 'zuoxi.db'), DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode != null) throw new Error(`server exited: ${out}`);
    if (out.includes('Zuoxi is running')) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const port = /Zuoxi is running: http:\/\/localhost:(\d+)/.exec(out)?.[1];
  if (!port) throw new Error(`server did not start in time: ${out}`);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    output: () => out,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new page signed in as a demo user (password `zuoxi-demo`) through the login form, Chinese locale. */
export async function signIn(
  browser: Browser,
  url: string,
  username: string,
  viewport = { width: 1400, height: 900 },
): Promise<Page> {
  const page = await browser.newPage({ locale: 'zh-CN', viewport });
  await page.goto(url);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill('zuoxi-demo');
  await page.locator('button[type="submit"]').click();
  await page.locator('[data-testid="sign-out"]').waitFor({ timeout: 15_000 });
  return page;
}

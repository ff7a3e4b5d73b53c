import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, type RunningServer, signIn as signInAs, startServer } from './browser.ts';

// The report pages over the demo center's call history: the numbers on screen are the API's, the totals
// row agrees with the server's own total (summed from stored cells), an agent sees their own days, and an
// admin's upload lists the bad lines by number.
describe('report pages', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signIn = (username: string) => signInAs(browser, server.url, username, { width: 1440, height: 1000 });

  test('a manager reads yesterday by half hour: KPIs and totals row equal the server total', async () => {
    const page = await signIn('manager');
    const answer = page.waitForResponse((r) => r.url().includes('/api/v1/reports/intervals') && r.status() === 200);
    await page.goto(`${server.url}/reports/intervals`);
    const body = (await (await answer).json()) as {
      items: unknown[];
      total: { offered: number; serviceLevel: number; ahtSeconds: number };
    };
    expect(body.items.length).toBeGreaterThan(20); // three skill groups over a day of half hours
    const fmt = new Intl.NumberFormat('zh-CN');
    await expect.poll(() => page.locator('[data-kpi="offered"]').textContent()).toBe(fmt.format(body.total.offered));
    const pct = new Intl.NumberFormat('zh-CN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    await expect.poll(() => page.locator('[data-kpi="serviceLevel"]').textContent()).toBe(pct.format(body.total.serviceLevel));
    // AHT as m:ss, worked out here from the server's seconds.
    const aht = Math.round(body.total.ahtSeconds);
    await expect
      .poll(() => page.locator('[data-kpi="ahtSeconds"]').textContent())
      .toBe(`${Math.floor(aht / 60)}:${String(aht % 60).padStart(2, '0')}`);
    const foot = page.locator('tfoot tr td');
    await expect.poll(() => foot.nth(2).textContent()).toBe(fmt.format(body.total.offered));
    await expect.poll(() => page.locator('canvas').first().isVisible()).toBe(true);
    await page.waitForTimeout(1200); // let the chart's entry animation finish before the screenshot
    await page.screenshot({ path: 'test-results/reports-intervals.png', fullPage: false });
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '导出 Excel' }).click();
    expect((await download).suggestedFilename()).toBe('intervals.xlsx');

    // Last week by day and by agent: the quick pick refetches, rows per agent and day appear.
    await page.getByRole('button', { name: '上周' }).click();
    await page.locator('select[name="interval"]').selectOption('day');
    await page.locator('select[name="by"]').selectOption('agent');
    await expect.poll(() => page.locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(100);

    await page.goto(`${server.url}/reports/agent-time`);
    await expect.poll(() => page.locator('tbody tr').count(), { timeout: 45_000 }).toBeGreaterThan(50);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: 'test-results/reports-agent-time.png' });
    await page.goto(`${server.url}/reports/repeat-contacts`);
    // The repeat-contact table needs a week of calls and their 72-hour windows: allow it a few seconds.
    await expect.poll(() => page.locator('tbody tr').count(), { timeout: 15_000 }).toBe(3);
    await expect.poll(() => page.locator('tbody').getByText(/n=/).first().isVisible()).toBe(true);
    await page.screenshot({ path: 'test-results/reports-repeat.png' });
  });

  test('an agent sees their own days', async () => {
    const page = await signIn('agent');
    await page.goto(`${server.url}/reports/mine`);
    await expect.poll(() => page.locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(5);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: 'test-results/reports-mine.png' });
  });

  test('an admin uploads a queue_log with a bad line and sees its number', async () => {
    const page = await signIn('admin');
    await page.goto(`${server.url}/reports/import`);
    const t0 = Math.floor(Date.UTC(2025, 0, 6, 1, 0, 0) / 1000);
    const log = [
      `${t0}|e2e-1|e2e-queue|NONE|ENTERQUEUE||13800000009|1`,
      `${t0 + 8}|e2e-1|e2e-queue|PJSIP/9001|CONNECT|8|e2e-1b|2`,
      'this is not a queue_log line',
      `${t0 + 128}|e2e-1|e2e-queue|PJSIP/9001|COMPLETECALLER|8|120|1`,
    ].join('\n');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'queue_log', mimeType: 'text/plain', buffer: Buffer.from(log) });
    await expect
      .poll(() => page.locator('[data-testid="import-result"]').textContent(), { timeout: 15_000 })
      .toContain('1 通来电');
    await expect
      .poll(() => page.locator('tbody tr').first().locator('td').first().textContent(), { timeout: 15_000 })
      .toBe('3');
    await expect.poll(() => page.getByText('尚未映射').isVisible(), { timeout: 15_000 }).toBe(true);
    await page.screenshot({ path: 'test-results/reports-import.png' });
    await page.goto(`${server.url}/reports/mappings`);
    await expect.poll(() => page.getByText('e2e-queue').first().isVisible(), { timeout: 15_000 }).toBe(true);
  });
});

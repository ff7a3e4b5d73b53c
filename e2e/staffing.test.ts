import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, type RunningServer, startServer } from './browser.ts';

// A planner on the demo center: the reference case in the calculator, Erlang A's abandonment trap,
// the requirement curve of the last full week of demo calls, and a two-skill simulation.
describe('staffing pages', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
    await page.locator('input[name="username"]').fill('planner');
    await page.locator('input[name="password"]').fill('zuoxi-demo');
    await page.locator('button[type="submit"]').click();
    await page.locator('[data-testid="sign-out"]').waitFor({ timeout: 15_000 });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the calculator: 14 agents, 20 positions, SL 88.84 %; Erlang A warns when SL hides abandonment', async () => {
    await page.goto(`${server.url}/staffing/calculator`);
    await page.getByRole('button', { name: '计算' }).click();
    await expect.poll(() => page.getByTestId('kpi-agents').locator('.kpi-value').textContent()).toBe('14');
    expect(await page.getByTestId('kpi-positions').locator('.kpi-value').textContent()).toBe('20');
    expect(await page.getByTestId('kpi-sl').locator('.kpi-value').textContent()).toBe('88.84%');
    // n − 5 … n + 5; 9 and 10 agents cannot carry 10 Erlangs under Erlang C.
    expect(await page.locator('.staffing-what-if tbody tr').count()).toBe(11);
    expect(await page.locator('.staffing-what-if tbody tr').first().textContent()).toContain('无定义');
    await page.screenshot({ path: 'test-results/staffing-calculator.png', fullPage: true });

    await page.locator('select[name="model"]').selectOption('a');
    await page.locator('input[name="calls"]').fill('3000');
    await page.locator('input[name="ahtSeconds"]').fill('300');
    await page.locator('input[name="patienceSeconds"]').fill('60');
    await page.locator('input[name="agents"]').fill('425');
    await page.getByRole('button', { name: '计算' }).click();
    await expect.poll(() => page.locator('.alert-warn').first().textContent()).toContain('服务水平达标');
    await page.screenshot({ path: 'test-results/staffing-calculator-erlang-a.png', fullPage: false });
  });

  test('the staffing plan shows every half hour of the last full week with its requirement', async () => {
    await page.goto(`${server.url}/staffing/plan`);
    await expect.poll(() => page.locator('.data-table tbody tr').count(), { timeout: 15_000 }).toBe(7 * 48);
    await expect.poll(() => page.getByTestId('plan-summary').textContent()).toMatch(/需求峰值 [1-9]\d* 坐席/);
    const week = await page.locator('input[name="week"]').inputValue();
    expect(new Date(`${week}T00:00:00Z`).getUTCDay()).toBe(1); // a Monday
    await page.screenshot({ path: 'test-results/staffing-plan.png', fullPage: false });
  });

  test('the simulation of two skill groups returns per-interval results with confidence intervals', async () => {
    await page.goto(`${server.url}/staffing/simulation`);
    await page.getByRole('button', { name: '运行仿真' }).click();
    await expect.poll(() => page.locator('canvas').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // 2 skill groups × 8 half hours.
    await expect.poll(() => page.locator('.data-table tbody tr').count()).toBe(2 + 16);
    expect(await page.locator('.data-table tbody').first().textContent()).toContain('±');
    await page.screenshot({ path: 'test-results/staffing-simulation.png', fullPage: true });
  });
});

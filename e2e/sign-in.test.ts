import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, type RunningServer, signIn as signInAs, startServer } from './browser.ts';

// The product as a newcomer meets it: `zuoxi serve` on an empty database seeds the demo center,
// and each demo user signs in through the login page and sees the pages of its role.
describe('signing in through the browser', () => {
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

  const signIn = (username: string) => signInAs(browser, server.url, username);

  test('the server printed the URL and the demo logins', () => {
    expect(server.output()).toContain('Demo logins');
    expect(server.output()).toMatch(/admin\s+admin/);
  });

  test('the admin sees the organisation pages with the demo center', async () => {
    const page = await signIn('admin');
    const nav = page.locator('nav');
    await expect.poll(() => nav.innerText()).toContain('审计');
    await page.goto(`${server.url}/organisation/agents`);
    await expect.poll(() => page.locator('body').innerText(), { timeout: 10_000 }).toContain('一组');
    await page.screenshot({ path: 'test-results/admin-agents.png', fullPage: false });
    await page.close();
  });

  test("the manager's home shows yesterday's numbers of the demo center", async () => {
    const page = await signIn('manager');
    const tile = page.locator('.kpi').first();
    await expect.poll(() => tile.locator('.kpi-value').textContent(), { timeout: 10_000 }).toMatch(/\d/);
    await page.close();
  });

  test('the interval report shows yesterday per half hour with a total', async () => {
    const page = await signIn('manager');
    await page.goto(`${server.url}/reports/intervals`);
    await expect.poll(() => page.locator('table tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(40);
    await expect.poll(() => page.locator('.kpi-value').first().textContent()).toMatch(/\d/);
    await page.close();
  });

  test('the planner forecasts a skill group and turns it into agents needed', async () => {
    const page = await signIn('planner');
    await page.goto(`${server.url}/forecast`);
    await page.getByText(/所用模型/).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '按预测计算所需坐席' }).click();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: 'test-results/forecast.png', fullPage: true });
    await page.close();
  });

  test("QA sees an agent's control chart from the demo evaluations", async () => {
    const page = await signIn('qa');
    await page.goto(`${server.url}/quality/charts`);
    await page.getByText(/次评估。\s*中心线/).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(800);
    await page.screenshot({ path: 'test-results/quality-charts.png', fullPage: true });
    await page.close();
  });

  test('the planner builds and publishes next week, and the agent then sees their shifts', async () => {
    const page = await signIn('planner');
    await page.goto(`${server.url}/schedule`);
    await page.getByRole('button', { name: '按预测生成排班' }).click();
    // The demo's published fortnight is on the page from the start: wait for the new draft, the one with 发布.
    await page.getByRole('button', { name: '发布' }).waitFor({ timeout: 90_000 });
    await page.locator('.schedule-grid').waitFor({ timeout: 90_000 });
    await expect.poll(() => page.locator('.kpi-value').nth(3).textContent()).toBe('0');
    await page.waitForTimeout(1500); // let the chart finish drawing
    await page.screenshot({ path: 'test-results/schedule.png' });
    await page.getByRole('button', { name: '发布' }).click();
    await page.waitForTimeout(1000);
    await page.close();
    const agent = await signIn('agent');
    await agent.goto(`${server.url}/schedule/mine`);
    await expect.poll(() => agent.locator('table tbody tr').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await agent.close();
  }, 120_000);

  test('an agent sees neither the audit log nor the users page', async () => {
    const page = await signIn('agent');
    const navText = await page.locator('nav').innerText();
    expect(navText).not.toContain('审计');
    expect(navText).not.toContain('用户');
    await page.locator('[data-testid="sign-out"]').click();
    await page.locator('input[name="username"]').waitFor();
    await page.close();
  });
});

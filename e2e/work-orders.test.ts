import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, type RunningServer, startServer } from './browser.ts';

// An agent registers a complaint during a call and dispatches it; the handling unit accepts and replies;
// the agent calls the caller back and the order closes — all through the pages.
describe('a work order from the call to its close', () => {
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

  async function signIn(username: string): Promise<Page> {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill('zuoxi-demo');
    await page.locator('button[type="submit"]').click();
    await page.locator('[data-testid="sign-out"]').waitFor();
    return page;
  }

  test('register, dispatch, accept, reply, callback', async () => {
    const agent = await signIn('agent');
    await agent.goto(`${server.url}/work-orders/new`);
    await agent.locator('select[name="category"]').selectOption('complaint');
    await agent.locator('input[name="location"]').fill('幸福小区');
    await agent.locator('input[name="title"]').fill('幸福小区 夜间施工噪音扰民');
    await agent.locator('textarea[name="time"]').fill('每晚23点后');
    await agent.locator('textarea[name="place"]').fill('3号楼北侧');
    await agent.locator('textarea[name="what"]').fill('工地夜间施工，噪音很大');
    await agent.locator('textarea[name="demand"]').fill('要求停止夜间施工');
    await agent.locator('input[name="callerPhone"]').fill('13812345678');
    await agent.keyboard.press('Control+Enter');
    await agent.waitForURL(/\/work-orders\/\d+$/);
    const url = agent.url();
    await agent.locator('.wo-actions select').selectOption({ label: '市人力资源和社会保障局' });
    await agent.getByRole('button', { name: '派单' }).click();
    await expect.poll(() => agent.locator('.wo-layout .badge').first().textContent()).toBe('已派单');

    const unit = await signIn('unit');
    await unit.goto(url);
    // This unit may see personal data (demo: 人社局), so the number shows in full.
    await expect.poll(() => unit.locator('dl').textContent()).toContain('13812345678');
    await unit.getByRole('button', { name: '签收' }).click();
    await expect.poll(() => unit.locator('.wo-layout .badge').first().textContent()).toBe('已签收');
    await unit.locator('.wo-actions textarea').fill('已责令施工单位22点后停工');
    await unit.getByRole('button', { name: '回复' }).click();
    await expect.poll(() => unit.locator('.wo-layout .badge').first().textContent()).toBe('已回复');

    await agent.reload();
    await agent.getByRole('button', { name: '满意', exact: true }).click();
    await expect.poll(() => agent.locator('.wo-layout .badge').first().textContent()).toBe('已办结');
    await agent.screenshot({ path: 'test-results/work-order-closed.png', fullPage: true });
    const history = await agent.locator('.timeline li').count();
    expect(history).toBe(5);
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, type RunningServer, signIn as signInAs, startServer } from './browser.ts';

// An agent registers a complaint during a call; the team lead dispatches it from the board; the unit accepts and
// replies from its inbox; the agent calls the caller back from the callback list and the order closes — all
// through the pages.
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

  const signIn = (username: string) => signInAs(browser, server.url, username);

  test('register, dispatch from the board, the unit replies from its inbox, the callback closes it', async () => {
    const agent = await signIn('agent');
    await agent.goto(`${server.url}/work-orders/new`);
    // Keyboard first: the channel field has focus, Ctrl+Enter saves.
    await expect.poll(() => agent.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('channel');
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
    await expect.poll(() => agent.locator('h1').textContent()).toMatch(/\d{8}-\d{6}/);
    const number = /\d{8}-\d{6}/.exec((await agent.locator('h1').textContent()) ?? '')?.[0] ?? '';

    // The team lead dispatches it from the board's list of registered orders.
    const lead = await signIn('lead');
    await lead.goto(`${server.url}/work-orders/board`);
    await lead.locator('[data-testid="board-registered"] a', { hasText: number }).click();
    await lead.waitForURL(url);
    await lead.getByLabel('市人力资源和社会保障局').check();
    await lead.getByRole('button', { name: '派单', exact: true }).click();
    await expect.poll(() => lead.locator('.wo-layout .badge').first().textContent()).toBe('已派单');

    // The unit accepts and replies from its inbox; replied orders leave the inbox.
    const unit = await signIn('unit');
    await unit.goto(`${server.url}/work-orders/inbox`);
    const row = unit.locator('tr', { hasText: number });
    await row.getByRole('button', { name: '签收' }).click();
    await expect.poll(() => row.textContent()).toContain('已签收');
    await row.getByRole('button', { name: '办理' }).click();
    const panel = unit.locator('[data-testid="inbox-actions"]');
    await panel.locator('textarea').fill('已责令施工单位22点后停工');
    await panel.getByRole('button', { name: '回复', exact: true }).click();
    await expect.poll(() => unit.locator('tr', { hasText: number }).count()).toBe(0);
    // This unit may see personal data (demo: 人社局), so the number shows in full.
    await unit.goto(url);
    await expect.poll(() => unit.locator('dl').textContent()).toContain('13812345678');

    // The agent calls back from the callback list: 满意 closes it.
    await agent.goto(`${server.url}/work-orders/callbacks`);
    await agent.locator('tr', { hasText: number }).getByRole('button', { name: '满意', exact: true }).click();
    await expect.poll(() => agent.locator('tr', { hasText: number }).count()).toBe(0);
    await agent.goto(url);
    await expect.poll(() => agent.locator('.wo-layout .badge').first().textContent()).toBe('已办结');
    await expect.poll(() => agent.locator('[data-testid="unit-status"]').textContent()).toContain('已回复');
    await agent.screenshot({ path: 'test-results/work-order-closed.png', fullPage: true });
    const history = await agent.locator('.timeline li').allTextContents();
    expect(history.map((h) => /(受理|派单|签收|回复|回访)/.exec(h)?.[1])).toEqual(['受理', '派单', '签收', '回复', '回访']);
  });
});

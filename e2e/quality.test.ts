import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, type RunningServer, signIn as signInAs, startServer } from './browser.ts';

// The QA workflow on the demo center: an evaluator scores a demo contact while listening to its recording
// and pins a comment to a moment of it; the agent finds the evaluation and disputes one item; a second
// evaluator (质检组长) accepts, and the evaluation is re-scored.
describe('quality evaluation in the browser', () => {
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

  test('qa scores with a timed comment → the agent disputes → a second evaluator accepts', async () => {
    const agent = await signIn('agent');
    const me = await agent.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.json()));
    const agentId = me.user.agentId as number;
    expect(agentId).toBeGreaterThan(0);

    // 1. QA picks one of the agent's recent contacts, which has the demo recording.
    const qa = await signIn('qa');
    await qa.goto(`${server.url}/quality/evaluate?agent=${agentId}`);
    await qa.locator('button[data-contact]').first().click({ timeout: 15_000 });
    const audio = qa.locator('audio[data-testid="recording"]');
    await audio.waitFor();
    await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.duration), { timeout: 10_000 }).toBeCloseTo(12, 0);
    // Full marks to start; the live total follows the inputs (greeting 6 of 10: (3·26/30·100 + 400 + 300)/10 = 96).
    await expect.poll(() => qa.getByTestId('live-total').innerText()).toContain('100');
    await qa.locator('input[name="item-greeting"]').fill('6');
    await expect.poll(() => qa.getByTestId('live-total').innerText()).toContain('96');
    await audio.evaluate((a: HTMLAudioElement) => {
      a.currentTime = 3;
    });
    await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeCloseTo(3, 0);
    await qa.locator('input[name="note-text"]').fill('开头语缺少工号');
    await qa.getByRole('button', { name: '在当前时间添加评语' }).click();
    await qa.getByRole('button', { name: '0:03' }).waitFor();
    await qa.getByRole('button', { name: '提交评分' }).click();
    await qa.waitForURL(/\/quality\/evaluations\/\d+$/);
    const url = qa.url();
    await expect.poll(() => qa.getByTestId('evaluation-score').innerText()).toBe('96.0');
    // The comment's timestamp moves the player to that moment.
    const player = qa.locator('audio[data-testid="recording"]');
    await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.duration), { timeout: 10_000 }).toBeCloseTo(12, 0);
    await qa.getByRole('button', { name: '0:03' }).click();
    await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThanOrEqual(3);
    await qa.screenshot({ path: 'test-results/qa-evaluation.png', fullPage: true });

    // 2. The agent sees it among their own and disputes the greeting.
    await agent.goto(`${server.url}/quality/evaluations`);
    await agent.getByRole('link', { name: '查看' }).first().waitFor({ timeout: 10_000 });
    await agent.goto(url);
    await agent.getByText('开头语缺少工号').waitFor();
    await agent.getByRole('button', { name: '申诉', exact: true }).click();
    await agent.locator('input[name="item-greeting"]').fill('10');
    await expect.poll(() => agent.getByTestId('live-total').innerText()).toContain('100');
    await agent.locator('textarea[name="dispute-reason"]').fill('0:03 处已报工号');
    await agent.getByRole('button', { name: '提交申诉' }).click();
    await expect.poll(() => agent.getByTestId('evaluation-status').innerText()).toBe('申诉中');

    // 3. The evaluator who scored may not decide; the QA lead accepts and the evaluation is re-scored.
    await qa.reload();
    await qa.getByText('这是您评的分，申诉需由另一名质检员处理。').waitFor();
    const lead = await signIn('qalead');
    await lead.goto(url);
    await lead.getByRole('button', { name: '提交处理结果' }).click();
    await expect.poll(() => lead.getByTestId('evaluation-score').innerText()).toBe('100.0');
    await expect.poll(() => lead.getByTestId('evaluation-status').innerText()).toBe('申诉已处理');
    await lead.screenshot({ path: 'test-results/qa-dispute-decided.png', fullPage: true });
    for (const p of [agent, qa, lead]) await p.close();
  }, 120_000);

  test('QA edits a scorecard into version 2, draws a sample, and runs a blind calibration to its statistics', async () => {
    const qa = await signIn('qa');
    const errors: string[] = [];
    qa.on('pageerror', (e) => errors.push(e.message));
    // Scorecard editor: editing v1 and saving makes v2; v1 stays in the list.
    await qa.goto(`${server.url}/quality/scorecards`);
    await qa.getByRole('button', { name: '以此版本为底稿编辑' }).first().click({ timeout: 10_000 });
    await qa.locator('input[name="card-name"]').fill('12345热线通话质检表（第二版）');
    await qa.getByRole('button', { name: '保存为新版本' }).click();
    await qa.getByText('已保存为第 2 版').waitFor();
    await expect.poll(() => qa.locator('table tbody tr').count()).toBe(2);

    // Sampling: a week's plan with a complaint target draws contacts per agent.
    await qa.goto(`${server.url}/quality/sampling`);
    await qa.locator('input[name="quota"]').fill('1');
    await qa.getByRole('button', { name: '抽样', exact: true }).click();
    await qa.getByText(/抽中 \d+ 通/).waitFor({ timeout: 20_000 });
    await expect.poll(() => qa.locator('table tbody tr').count()).toBeGreaterThan(3);

    // Calibration on two sampled contacts, scored by qa and qalead, then closed.
    await qa.goto(`${server.url}/quality/calibration`);
    await qa.getByRole('button', { name: '新建校准会' }).click();
    await qa.locator('input[name="session-name"]').fill('e2e 校准');
    const boxes = qa.locator('.qa-pick-list input[type="checkbox"]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await qa.getByRole('button', { name: '创建' }).click();
    const score = async (page: Page, greeting: string) => {
      for (const n of [0, 1]) {
        await page.locator('.qa-pick-list button').nth(n).click();
        await page.locator('input[name="item-greeting"]').fill(n === 0 ? greeting : '8');
        await page.getByRole('button', { name: '保存评分' }).click();
        await page.locator('.qa-pick-list .badge').nth(n).waitFor();
      }
    };
    await qa.getByText('盲评：结束前只能看到自己的评分').waitFor();
    await score(qa, '6');
    const lead = await signIn('qalead');
    await lead.goto(`${server.url}/quality/calibration`);
    await lead.locator('select[name="session"]').selectOption({ index: 1 });
    await score(lead, '10');
    await qa.reload();
    await qa.locator('select[name="session"]').selectOption({ index: 1 });
    await qa.getByRole('button', { name: '结束校准会并公布结果' }).click();
    const stats = qa.getByTestId('calibration-stats');
    await stats.waitFor({ timeout: 10_000 });
    await expect.poll(() => stats.innerText()).toContain('n = 4 个值，2 通，2 人');
    await qa.screenshot({ path: 'test-results/qa-calibration.png', fullPage: true });
    for (const path of ['/quality/coaching', '/quality/reports']) {
      await qa.goto(`${server.url}${path}`);
      await qa.locator('table').first().waitFor({ timeout: 10_000 });
    }
    expect(errors).toEqual([]);
    await qa.close();
    await lead.close();
  }, 120_000);
});

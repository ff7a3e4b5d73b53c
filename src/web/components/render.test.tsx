import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { expect, test } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import LoginPage from '../pages/login-page.tsx';
import { StatusPage } from '../pages/status-page.tsx';
import { SessionProvider } from '../session/session-context.tsx';
import { DataTable } from './data-table.tsx';
import { MetricLabel } from './metric-label.tsx';
import { Sidebar } from './sidebar.tsx';

// Server-side rendering checks the markup the Playwright tests and screen readers rely on, without a DOM.
function render(node: React.ReactNode, lang: 'zh-CN' | 'en' = 'zh-CN', path = '/') {
  void i18n.changeLanguage(lang);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter initialEntries={[path]}>{node}</MemoryRouter>
    </I18nextProvider>,
  );
}

test('MetricLabel shows the label with the definition as title and in a popover', () => {
  const html = render(<MetricLabel k="serviceLevel" />);
  expect(html).toContain('服务水平');
  expect(html).toContain('title="T 秒内接起的来话 ÷ 进入队列的来话');
  expect(html).toContain('role="tooltip"');
  expect(render(<MetricLabel k="serviceLevel" />, 'en')).toContain('Service level');
});

test('the sidebar is a labelled nav with links only to permitted pages', () => {
  const agent = render(<Sidebar roles={['agent']} />);
  expect(agent).toMatch(/<nav class="sidebar" aria-label="主导航">/);
  const hrefs = [...agent.matchAll(/<a [^>]*href="([^"]+)"/g)].map((m) => m[1]).sort();
  expect(hrefs).toEqual([
    '/',
    '/quality/charts',
    '/quality/coaching',
    '/quality/evaluate',
    '/quality/evaluations',
    '/reports/mine',
    '/schedule/mine',
    '/work-orders',
    '/work-orders/board',
    '/work-orders/callbacks',
    '/work-orders/new',
  ]);
  expect(agent).not.toContain('href="/audit"');
  const manager = render(<Sidebar roles={['manager']} />);
  expect(manager).toContain('href="/audit"');
  expect(manager).toContain('href="/organisation/agents"');
  expect(manager).not.toContain('href="/admin/users"');
});

test('DataTable right-aligns numeric columns and offers sort buttons and CSV export', () => {
  const html = render(
    <DataTable
      caption="职场"
      exportName="sites"
      rowKey={(r) => r.id}
      rows={[{ id: 1, name: '一号职场', seats: 120 }]}
      columns={[
        { key: 'name', header: '名称', value: (r) => r.name },
        { key: 'seats', header: '座席数', value: (r) => r.seats, numeric: true },
      ]}
    />,
  );
  expect(html).toContain('<td class="num">120</td>');
  expect(html).toContain('<th scope="col" class="num">');
  expect(html).toContain('aria-label="按座席数排序"');
  expect(html).toContain('导出 CSV');
  expect(html).toContain('<caption class="visually-hidden">职场</caption>');
  expect(
    render(
      <DataTable
        caption="x"
        rowKey={(r: { id: number }) => r.id}
        rows={[]}
        columns={[{ key: 'id', header: 'id', value: (r) => r.id }]}
      />,
    ),
  ).toContain('暂无数据');
});

test('the login form has the named inputs and a submit button the e2e tests use', () => {
  const html = render(
    <SessionProvider fetchImpl={(() => new Promise(() => undefined)) as typeof fetch}>
      <LoginPage />
    </SessionProvider>,
    'zh-CN',
    '/login',
  );
  expect(html).toMatch(/<input[^>]*name="username"/);
  expect(html).toMatch(/<input[^>]*type="password"[^>]*name="password"/);
  expect(html).toMatch(/<button type="submit"/);
  expect(html).toContain('<label for="login-username">用户名</label>');
  expect(html).toContain('English');
});

test('403 and 404 pages say what happened', () => {
  expect(render(<StatusPage kind="forbidden" />)).toContain('无权访问');
  expect(render(<StatusPage kind="notFound" />, 'en')).toContain('Page not found');
});

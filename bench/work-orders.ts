import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/server/app.ts';
import { hashPassword } from '../src/server/auth/passwords.ts';
import { defaultConfig } from '../src/server/context.ts';
import { openDatabase } from '../src/store/database.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { insertUser } from '../src/store/users.ts';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;

/**
 * Creates, dispatches, accepts, replies to and closes (callback) work orders through the HTTP API on a SQLite
 * file, then searches them. BENCH_WORK_ORDERS sets the count (default 100,000; the issue's figure).
 */
export async function run(): Promise<void> {
  const n = Number(process.env.BENCH_WORK_ORDERS ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'zuoxi-bench-wo-'));
  const h = openDatabase(join(dir, 'bench.db'));
  await migrateToLatest(h.db);
  await h.db.insertInto('center').values({ name: 'bench', time_zone: 'Asia/Shanghai', business_hours: '[]' }).execute();
  const unit = (
    await h.db
      .insertInto('handling_unit')
      .values({ code: 'U', name: '住建局', head_name: null, can_see_personal_data: 1 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const hash = await hashPassword('bench-pass-1');
  await insertUser(h.db, { username: 'lead', displayName: 'lead', passwordHash: hash, roles: ['manager'] }, 0);
  await insertUser(h.db, { username: 'unit', displayName: 'unit', passwordHash: hash, roles: ['unit_handler'], unitId: unit }, 0);
  let clock = Date.UTC(2026, 10, 24, 1);
  // The fake clock moves 1 ms a call, so the 12-hour sessions outlive 100,000 orders of fake time.
  const app = await buildApp({
    db: h.db,
    dialect: 'sqlite',
    now: () => (clock += 1),
    config: { ...defaultConfig, loginRateLimit: 1000 },
  });
  await app.ready();
  const login = async (u: string) => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u, password: 'bench-pass-1' } });
    return {
      cookie: `zuoxi_session=${r.cookies.find((c) => c.name === 'zuoxi_session')?.value}`,
      'x-csrf-token': r.json().csrfToken as string,
    };
  };
  const lead = await login('lead');
  const unitH = await login('unit');
  const places = ['幸福小区', '人民路', '滨江花园', '工业园区', '老城区菜市场'];
  const matters = ['夜间施工噪音扰民', '路灯不亮', '小区停水', '占道经营', '垃圾清运不及时'];
  const latency: number[] = [];
  const timed = async (fn: () => Promise<{ statusCode: number; body: string }>) => {
    const t = performance.now();
    const r = await fn();
    latency.push(performance.now() - t);
    if (r.statusCode >= 400) throw new Error(`${r.statusCode} ${r.body}`);
    return r;
  };
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const place = places[i % places.length]!;
    const matter = matters[(i * 7) % matters.length]!;
    const created = await timed(() =>
      app.inject({
        method: 'POST',
        url: '/api/v1/work-orders',
        headers: lead,
        payload: {
          channel: 'phone',
          category: 'complaint',
          title: `${place} ${matter}`,
          location: place,
          content: { time: '昨晚', place, what: matter, demand: '尽快处理' },
          callerPhone: `138${String(i).padStart(8, '0')}`,
        },
      }),
    );
    const id = JSON.parse(created.body).id as number;
    const act = (headers: Record<string, string>, payload: object) =>
      timed(() => app.inject({ method: 'POST', url: `/api/v1/work-orders/${id}/actions`, headers, payload }));
    await act(lead, { type: 'dispatch', unitIds: [unit] });
    await act(unitH, { type: 'accept' });
    await act(unitH, { type: 'reply', reply: '已处理' });
    await act(lead, { type: 'callback', satisfaction: 'satisfied' });
    if ((i + 1) % Math.max(1, Math.floor(n / 10)) === 0) process.stderr.write(`\r${i + 1}/${n} orders…`);
  }
  const secs = (performance.now() - t0) / 1000;
  process.stderr.write('\n');
  const searches: number[] = [];
  for (const q of ['施工噪音', '路灯', '停水', '垃圾']) {
    const t = performance.now();
    const r = await app.inject({ method: 'GET', url: `/api/v1/work-orders?q=${encodeURIComponent(q)}&limit=50`, headers: lead });
    searches.push(performance.now() - t);
    if (r.statusCode !== 200) throw new Error(r.body);
  }
  console.log(
    `work orders: ${n.toLocaleString()} orders × 5 requests (create, dispatch, accept, reply, callback) in ${secs.toFixed(1)} s = ${((5 * n) / secs).toFixed(0)} requests/s; p50 ${pct(latency, 0.5).toFixed(2)} ms, p99 ${pct(latency, 0.99).toFixed(2)} ms`,
  );
  console.log(
    `search over ${n.toLocaleString()} orders (first page of 50): ${searches.map((s) => `${s.toFixed(0)} ms`).join(', ')}`,
  );
  await app.close();
  await h.close();
  rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

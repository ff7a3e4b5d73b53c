import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource.ts';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';

interface Shift { date: string; shift: string; segments: { start: string; end: string }[]; breaks: { start: string; end: string; paid: boolean }[]; payRate: number }

/** 我的排班: the agent's own published shifts with their breaks. */
export default function MySchedulePage() {
  const { t } = useTranslation();
  const mine = useResource<{ items: Shift[] }>('/schedules/mine');
  const hm = (iso: string) => iso.slice(11, 16);
  return (
    <section>
      <PageHeader title={t('nav.mySchedule')} description={t('navDesc.mySchedule')} />
      <ProblemAlert error={mine.error} />
      <DataTable caption={t('nav.mySchedule')} rows={mine.data?.items ?? []} rowKey={(s) => s.date} loading={mine.loading} exportName="my-schedule"
        columns={[
          { key: 'date', header: t('sched.date'), value: (s) => s.date },
          { key: 'shift', header: t('sched.shift'), value: (s) => s.shift },
          { key: 'time', header: t('sched.time'), value: (s) => s.segments.map((g) => `${hm(g.start)}–${hm(g.end)}`).join('，') },
          { key: 'breaks', header: t('sched.breaks'), value: (s) => s.breaks.map((b) => `${hm(b.start)}–${hm(b.end)}`).join('，') },
          { key: 'pay', header: t('sched.payRate'), numeric: true, value: (s) => s.payRate, render: (s) => (s.payRate > 1 ? `${s.payRate * 100}%` : '') },
        ]} />
    </section>
  );
}

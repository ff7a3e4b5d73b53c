/**
 * Replacing or removing a selected sample (换样 / 撤样), always with the reason recorded: a sample that
 * turns out unusable (recording missing, wrong agent, personal call) is swapped for another random contact
 * of the same agent and period, or removed when none is left. The audit trail keeps what was dropped and why,
 * so the quota cannot be quietly steered toward easy calls.
 *
 * @example
 * replaceSample(selection, 'c17', '录音缺失', candidates, plan, rng)
 * // → c17 leaves the sample, a random unsampled contact of the same agent and day takes its place,
 * //   and changes gains { key: 'c17', action: 'replaced', replacedBy: 'c42', reason: '录音缺失' }
 */
import {
  drawWithoutReplacement,
  passesFilters,
  periodOf,
  type SampleCandidate,
  type SampledContact,
  type SampleSelection,
  type SamplingPlan,
} from './sampling.ts';

export interface SampleChange {
  key: string;
  action: 'replaced' | 'removed';
  replacedBy: string | null;
  reason: string;
}

export interface SampleRecord extends SampleSelection {
  changes: SampleChange[];
}

function locate(selection: SampleSelection, key: string, reason: string): { index: number; sample: SampledContact } {
  if (reason.trim() === '') throw new RangeError('a reason is required to change a sample');
  const index = selection.samples.findIndex((s) => s.key === key);
  if (index < 0) throw new RangeError(`${key} is not in the sample`);
  return { index, sample: selection.samples[index] };
}

/** Removes a sample without replacement, recording why. */
export function removeSample(selection: SampleRecord, key: string, reason: string): SampleRecord {
  const { index } = locate(selection, key, reason);
  return {
    ...selection,
    samples: selection.samples.filter((_, i) => i !== index),
    changes: [...selection.changes, { key, action: 'removed', replacedBy: null, reason }],
  };
}

/**
 * Replaces a sample by a random contact of the same agent and period that passes the plan's filters and was
 * never sampled nor dropped; removes it when there is none. The replacement keeps the original's reason.
 */
export function replaceSample(
  selection: SampleRecord,
  key: string,
  reason: string,
  candidates: readonly SampleCandidate[],
  plan: SamplingPlan,
  rng: () => number,
): SampleRecord {
  const { index, sample } = locate(selection, key, reason);
  const used = new Set([...selection.samples.map((s) => s.key), ...selection.changes.map((c) => c.key)]);
  const pool = candidates
    .filter(
      (c) =>
        !used.has(c.key) &&
        c.agent === sample.agent &&
        periodOf(c.at, plan.period, plan.zone) === sample.period &&
        passesFilters(c, plan.filters ?? {}),
    )
    // Sorted so the draw depends on the seed only, not on the order the candidates arrive in.
    .sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const [next] = drawWithoutReplacement(pool, 1, rng);
  if (!next) return removeSample(selection, key, reason);
  const samples = [...selection.samples];
  samples[index] = { ...sample, key: next.key };
  return { ...selection, samples, changes: [...selection.changes, { key, action: 'replaced', replacedBy: next.key, reason }] };
}

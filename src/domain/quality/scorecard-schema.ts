/**
 * The scorecard (评分表) definition and the answers of one evaluation, as zod schemas (the HTTP API and the
 * import reuse them) with the TypeScript types inferred from them.
 *
 * A scorecard has sections with weights; a section has items. An item is worth `maxPoints`, given either as
 * points 0..maxPoints or by choosing a scale option (e.g. 优 5 / 良 3 / 差 0). `naAllowed` lets the evaluator
 * mark it 不适用 (N/A), which removes its points from the points possible. A critical item (致命项) that
 * earns less than its pass mark (`passPoints`, by default all its points) zeroes its section (`'section'`)
 * or the whole evaluation (`'form'`). A bonus item (加分项) adds points without adding to the points possible.
 * Scorecards are versioned: editing one makes a new version and past evaluations keep the version they used.
 */
import { z } from 'zod';

const id = z.string().trim().min(1, 'required').max(64);

export const scaleOptionSchema = z.object({
  label: z.string().trim().min(1, 'required').max(40),
  points: z.number().min(0),
});

export const scorecardItemSchema = z
  .object({
    id,
    label: z.string().trim().min(1, 'required').max(200),
    maxPoints: z.number().positive(),
    scale: z.array(scaleOptionSchema).min(2).optional(),
    naAllowed: z.boolean().default(false),
    critical: z.enum(['section', 'form']).nullable().default(null),
    passPoints: z.number().min(0).optional(),
    bonus: z.boolean().default(false),
  })
  .superRefine((item, ctx) => {
    if (item.scale) {
      const points = item.scale.map((o) => o.points);
      if (Math.max(...points) !== item.maxPoints)
        ctx.addIssue({ code: 'custom', path: ['scale'], message: `the best option must be worth maxPoints (${item.maxPoints})` });
      if (new Set(item.scale.map((o) => o.label)).size !== item.scale.length)
        ctx.addIssue({ code: 'custom', path: ['scale'], message: 'option labels must be unique' });
    }
    if (item.bonus && item.critical !== null)
      ctx.addIssue({ code: 'custom', path: ['critical'], message: 'a bonus item cannot be critical' });
    if (item.passPoints !== undefined && item.critical === null)
      ctx.addIssue({ code: 'custom', path: ['passPoints'], message: 'only critical items have a pass mark' });
    if (item.passPoints !== undefined && item.passPoints > item.maxPoints)
      ctx.addIssue({ code: 'custom', path: ['passPoints'], message: 'cannot exceed maxPoints' });
  });

export const scorecardSectionSchema = z
  .object({
    id,
    label: z.string().trim().min(1, 'required').max(200),
    weight: z.number().positive(),
    items: z.array(scorecardItemSchema).min(1),
  })
  .refine((s) => s.items.some((i) => !i.bonus), {
    path: ['items'],
    message: 'a section needs at least one item that is not a bonus',
  });

export const scorecardSchema = z
  .object({
    id,
    version: z.number().int().min(1),
    name: z.string().trim().min(1, 'required').max(200),
    sections: z.array(scorecardSectionSchema).min(1),
  })
  .superRefine((card, ctx) => {
    const seen = new Set<string>();
    card.sections.forEach((s, si) => {
      if (card.sections.findIndex((t) => t.id === s.id) !== si)
        ctx.addIssue({ code: 'custom', path: ['sections', si, 'id'], message: `duplicate section id ${s.id}` });
      s.items.forEach((item, ii) => {
        if (seen.has(item.id))
          ctx.addIssue({ code: 'custom', path: ['sections', si, 'items', ii, 'id'], message: `duplicate item id ${item.id}` });
        seen.add(item.id);
      });
    });
  });

/** One item's answer: points, a scale option, or N/A. */
export const answerSchema = z.union([
  z.object({ na: z.literal(true) }).strict(),
  z.object({ points: z.number().min(0) }).strict(),
  z.object({ option: z.string().min(1) }).strict(),
]);

/** Answers of one evaluation by item id. Unanswered bonus items earn nothing; every other item needs an answer. */
export const answersSchema = z.record(z.string(), answerSchema);

export type ScaleOption = z.output<typeof scaleOptionSchema>;
export type ScorecardItem = z.output<typeof scorecardItemSchema>;
export type ScorecardSection = z.output<typeof scorecardSectionSchema>;
export type Scorecard = z.output<typeof scorecardSchema>;
/** The definition as written (defaults not yet applied), e.g. in a JSON request body. */
export type ScorecardInput = z.input<typeof scorecardSchema>;
export type Answer = z.output<typeof answerSchema>;
export type Answers = z.output<typeof answersSchema>;

/** Values of a form, by field name; custom fields keep whatever their editor produces. */
export type FormValues = Record<string, unknown>;

export interface Option {
  value: string;
  label: string;
}

/** One input of a generic form. Labels and hints are already translated. */
export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'number' | 'integer' | 'date' | 'password' | 'select' | 'checkbox' | 'checkboxes';
  required?: boolean;
  min?: number;
  max?: number;
  /** For number inputs: the step (0.1, 1 …). */
  step?: number;
  options?: readonly Option[];
  hint?: string;
  autoComplete?: string;
}

type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * Checks a form before it is sent, with the same limits as the API, so most mistakes show at once beside
 * the field; the server still validates (and its `errors[].path` messages show the same way).
 * Returns field name → message for the fields in error.
 */
export function validateFields(fields: readonly FieldSpec[], values: FormValues, t: T): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const v = values[f.name];
    const empty =
      v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
    if (empty) {
      if (f.required) errors[f.name] = t('common.required');
      continue;
    }
    if (f.kind === 'number' || f.kind === 'integer') {
      const n = Number(String(v).trim());
      if (!Number.isFinite(n)) errors[f.name] = t('common.mustBeNumber');
      else if (f.kind === 'integer' && !Number.isInteger(n)) errors[f.name] = t('common.mustBeInteger');
      else if ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max))
        errors[f.name] = t('common.outOfRange', { min: f.min ?? '−∞', max: f.max ?? '∞' });
    }
    if (f.kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(String(v))) errors[f.name] = t('common.required');
  }
  return errors;
}

/** Form text → number, or null when empty (the API's nullable numbers). */
export function numberOrNull(v: unknown): number | null {
  const s = v == null ? '' : String(v).trim();
  return s === '' ? null : Number(s);
}

/** Form text → text, or null when empty. */
export function textOrNull(v: unknown): string | null {
  const s = v == null ? '' : String(v).trim();
  return s === '' ? null : s;
}

/** A value shown in an input: numbers and null to text. */
export function asText(v: unknown): string {
  return v == null ? '' : String(v);
}

import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import { fieldErrors } from '../api/problem.ts';
import { type FieldSpec, type FormValues, validateFields } from '../lib/field-spec.ts';
import { FormField } from './form-field.tsx';
import { ProblemAlert } from './problem-alert.tsx';

export interface ResourceFormProps {
  title: string;
  fields: readonly FieldSpec[];
  initial: FormValues;
  /** Sends the form; throws the ApiError of a refusal, whose field errors then show beside the inputs. */
  onSubmit: (values: FormValues) => Promise<void>;
  onCancel: () => void;
  /** Extra editors below the fields (a skills list); they read and write `values` through the callbacks. */
  extra?: (values: FormValues, set: (name: string, v: unknown) => void, errors: Record<string, string>) => ReactNode;
}

/**
 * A create/edit form over {@link FieldSpec}s: checks limits before sending, then maps the server's
 * problem+json `errors[].path` back onto the fields. Focus moves into the form when it opens.
 */
export function ResourceForm({ title, fields, initial, onSubmit, onCancel, extra }: ResourceFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const set = (name: string, v: unknown) => setValues((old) => ({ ...old, [name]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = validateFields(fields, values, t);
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length) return;
    setSaving(true);
    try {
      await onSubmit(values);
    } catch (err) {
      setErrors(err instanceof ApiError ? fieldErrors(err.problem) : {});
      setFailure(err);
    } finally {
      setSaving(false);
    }
  };

  // Server errors on fields the form does not show (rare) still need to be read somewhere.
  const unshown = Object.entries(errors).filter(
    ([k]) => !fields.some((f) => f.name === k) && k !== 'skills' && k !== 'businessHours',
  );
  return (
    <form className="panel form" onSubmit={submit} noValidate>
      <h2 ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <ProblemAlert error={failure} />
      {unshown.length > 0 && (
        <ul className="field-error">
          {unshown.map(([k, m]) => (
            <li key={k}>
              {k}: {m}
            </li>
          ))}
        </ul>
      )}
      <div className="form-grid">
        {fields.map((f) => (
          <FormField key={f.name} spec={f} value={values[f.name]} error={errors[f.name]} onChange={(v) => set(f.name, v)} />
        ))}
      </div>
      {extra?.(values, set, errors)}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={saving}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

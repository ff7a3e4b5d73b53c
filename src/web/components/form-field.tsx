import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldSpec } from '../lib/field-spec.ts';

export interface FormFieldProps {
  spec: FieldSpec;
  value: unknown;
  error?: string;
  onChange: (value: unknown) => void;
}

/** A labelled input with its hint and error, wired with aria-describedby / aria-invalid. */
export function FormField({ spec, value, error, onChange }: FormFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [spec.hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, name: spec.name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };

  let input: React.ReactNode;
  if (spec.kind === 'checkbox') {
    input = <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
  } else if (spec.kind === 'select') {
    input = (
      <select {...common} value={String(value ?? '')} required={spec.required} onChange={(e) => onChange(e.target.value)}>
        {!spec.required && <option value="">{t('common.none')}</option>}
        {spec.required && value === '' && (
          <option value="" disabled>
            —
          </option>
        )}
        {spec.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (spec.kind === 'checkboxes') {
    const selected = Array.isArray(value) ? (value as string[]) : [];
    return (
      <fieldset className={`field field-checkboxes${error ? ' has-error' : ''}`} aria-describedby={describedBy}>
        <legend>
          {spec.label}
          {spec.required && (
            <span className="req" aria-hidden="true">
              {' '}
              *
            </span>
          )}
        </legend>
        <div className="checkbox-row">
          {spec.options?.map((o) => (
            <label key={o.value} className="checkbox-label">
              <input
                type="checkbox"
                name={spec.name}
                value={o.value}
                checked={selected.includes(o.value)}
                onChange={(e) => onChange(e.target.checked ? [...selected, o.value] : selected.filter((s) => s !== o.value))}
              />
              {o.label}
            </label>
          ))}
        </div>
        {spec.hint && (
          <p id={hintId} className="hint">
            {spec.hint}
          </p>
        )}
        {error && (
          <p id={errorId} className="field-error">
            {error}
          </p>
        )}
      </fieldset>
    );
  } else {
    const type = spec.kind === 'integer' ? 'number' : spec.kind;
    input = (
      <input
        {...common}
        type={type}
        value={String(value ?? '')}
        required={spec.required}
        min={spec.min}
        max={spec.max}
        step={spec.step ?? (spec.kind === 'integer' ? 1 : spec.kind === 'number' ? 'any' : undefined)}
        autoComplete={spec.autoComplete}
        inputMode={spec.kind === 'integer' ? 'numeric' : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className={`field${spec.kind === 'checkbox' ? ' field-inline' : ''}${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {spec.label}
        {spec.required && (
          <span className="req" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {input}
      {spec.hint && (
        <p id={hintId} className="hint">
          {spec.hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

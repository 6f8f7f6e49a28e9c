/**
 * Form parts in the manner of the GOV.UK Design System: a label for every input, hints and
 * errors tied to it with aria-describedby, and an error summary that takes focus.
 */
import { type ChangeEvent, type ReactNode, type Ref, useEffect, useRef } from 'react';
import { useI18n } from '../i18n.js';
import type { ErrorDetail } from '../types.js';

export interface FieldError {
  /** The id of the input the error is about (the summary links to it), or '' for the whole form. */
  field: string;
  message: string;
}

export type Errors = FieldError[];

export const errorFor = (errors: Errors, field: string) =>
  errors.find((e) => e.field === field)?.message;

/**
 * The errors of a failed request: the code's sentence, then the server's details (with the field
 * mapped to an input id when `fieldIds` knows it).
 */
export function apiErrors(
  error: unknown,
  errorText: (error: unknown) => string,
  fieldIds: Record<string, string> = {},
): Errors {
  const out: Errors = [{ field: '', message: errorText(error) }];
  const details = (error as { details?: ErrorDetail[] } | undefined)?.details ?? [];
  for (const detail of details) {
    const id = detail.field ? (fieldIds[detail.field] ?? '') : '';
    out.push({
      field: id,
      message: detail.field && !id ? `${detail.field}: ${detail.message}` : detail.message,
    });
  }
  return out;
}

export function ErrorSummary({ errors }: { errors: Errors }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((e) => e.message).join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again when the errors change
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [key]);
  if (errors.length === 0) return null;
  return (
    <div
      className="error-summary"
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
    >
      <h2 className="error-summary__title" id="error-summary-title">
        {t('app.errorSummaryTitle')}
      </h2>
      <ul className="error-summary__list">
        {errors.map((e, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat
          <li key={index}>
            {e.field ? (
              <a
                href={`#${e.field}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(e.field)?.focus();
                }}
              >
                {e.message}
              </a>
            ) : (
              e.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldShell {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  className?: string;
}

function describedBy(id: string, hint: unknown, error: unknown) {
  return (
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  );
}

function Shell({
  id,
  label,
  hint,
  error,
  optional,
  className,
  children,
}: FieldShell & { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <label className="label" htmlFor={id}>
        {label}
        {optional ? <span className="label__optional"> {t('app.optional')}</span> : null}
      </label>
      {hint ? (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

type TextFieldProps = FieldShell & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'date' | 'search' | 'datetime-local';
  autoComplete?: string;
  width?: 'short' | 'medium' | 'long';
  lang?: string;
  spellCheck?: boolean;
  inputMode?: 'text' | 'email' | 'numeric';
};

export function TextField({
  value,
  onChange,
  type = 'text',
  autoComplete,
  width,
  lang,
  spellCheck,
  inputMode,
  ...shell
}: TextFieldProps) {
  return (
    <Shell {...shell}>
      <input
        className={`input${width ? ` input--${width}` : ''}`}
        id={shell.id}
        name={shell.id}
        type={type}
        value={value}
        autoComplete={autoComplete}
        lang={lang}
        spellCheck={spellCheck}
        inputMode={inputMode}
        aria-invalid={shell.error ? true : undefined}
        aria-describedby={describedBy(shell.id, shell.hint, shell.error)}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      />
    </Shell>
  );
}

type SelectFieldProps = FieldShell & {
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  /** The label of an empty first option ("Choose…", "All"); none when absent. */
  placeholder?: string;
};

export function SelectField({ value, onChange, options, placeholder, ...shell }: SelectFieldProps) {
  return (
    <Shell {...shell}>
      <select
        className="select"
        id={shell.id}
        name={shell.id}
        value={value}
        aria-invalid={shell.error ? true : undefined}
        aria-describedby={describedBy(shell.id, shell.hint, shell.error)}
        onChange={(event) => onChange(event.target.value)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function CheckboxField({
  id,
  label,
  checked,
  onChange,
  hint,
}: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
}) {
  return (
    <div className="field checkbox">
      <input
        className="checkbox__input"
        type="checkbox"
        id={id}
        name={id}
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label className="checkbox__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="hint checkbox__hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

type FileFieldProps = FieldShell & {
  accept: string;
  onChange: (file: File | null) => void;
  inputRef?: Ref<HTMLInputElement>;
};

export function FileField({ accept, onChange, inputRef, ...shell }: FileFieldProps) {
  return (
    <Shell {...shell}>
      <input
        ref={inputRef}
        className="file-input"
        id={shell.id}
        name={shell.id}
        type="file"
        accept={accept}
        aria-invalid={shell.error ? true : undefined}
        aria-describedby={describedBy(shell.id, shell.hint, shell.error)}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
      />
    </Shell>
  );
}

/** A success message that screen readers announce. */
export function Notice({
  children,
  tone = 'success',
}: {
  children: ReactNode;
  tone?: 'success' | 'info' | 'warning';
}) {
  if (!children) return null;
  return (
    <div className={`notice notice--${tone}`} role={tone === 'success' ? 'status' : undefined}>
      {children}
    </div>
  );
}

export function TextAreaField({
  value,
  onChange,
  rows = 4,
  ...shell
}: FieldShell & { value: string; onChange: (value: string) => void; rows?: number }) {
  return (
    <Shell {...shell}>
      <textarea
        className="textarea"
        id={shell.id}
        name={shell.id}
        rows={rows}
        value={value}
        aria-invalid={shell.error ? true : undefined}
        aria-describedby={describedBy(shell.id, shell.hint, shell.error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </Shell>
  );
}

import { type FormEvent, useRef, useState } from 'react';
import { isMessageKey, type Lang, t } from '../../../platform/i18n/i18n.js';
import { api, isApiError } from '../../api.js';
import {
  apiErrors,
  ErrorSummary,
  type Errors,
  errorFor,
  FileField,
  Notice,
} from '../../components/forms.js';
import { useI18n } from '../../i18n.js';
import type { Edition, ErrorDetail, ImportReport } from '../../types.js';

const COLUMNS = [
  'family_name',
  'given_name',
  'family_name_ja',
  'given_name_ja',
  'title',
  'title_ja',
  'rank',
  'category',
  'email',
  'gender',
  'nationality',
  'date_of_birth',
  'passport_number',
  'consent_to_publish',
];

/**
 * A problem of an imported row in the reader's language: the server's sentence is English, so in
 * Japanese it is rebuilt from the stable code, with the offending value quoted from the sentence.
 */
function problemText(lang: Lang, error: ErrorDetail): string {
  if (lang === 'en') return error.message;
  const key = `importError.${error.code}`;
  if (!isMessageKey(key)) return error.message;
  const value = /"([^"]*)"/.exec(error.message)?.[1];
  return value ? `${t(lang, key)}（「${value}」）` : t(lang, key);
}

/** Bulk nomination: validate first, show the errors by line, then import all or the valid rows. */
export function ImportPanel({
  edition,
  code,
  onImported,
}: {
  edition: Edition;
  code: string;
  onImported: () => void;
}) {
  const { lang, errorText } = useI18n();
  const tr = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) =>
    t(lang, key, params);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [errors, setErrors] = useState<Errors>([]);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const run = async (mode: 'validate' | 'all-or-nothing' | 'valid-rows') => {
    if (!file) {
      setErrors([{ field: 'import-file', message: tr('import.missingFile') }]);
      return;
    }
    setBusy(true);
    setErrors([]);
    setNotice('');
    try {
      const result = await api.importMembers(edition.slug, code, file, mode);
      if (mode === 'validate') setReport(result);
      else {
        setNotice(tr('import.imported', { count: result.imported }));
        setReport(null);
        setFile(null);
        if (input.current) input.current.value = '';
        onImported();
      }
    } catch (error) {
      if (isApiError(error) && error.code === 'import_has_errors' && report) {
        setReport({ ...report, errors: error.details });
      }
      setErrors(apiErrors(error, errorText).slice(0, 1));
    } finally {
      setBusy(false);
    }
  };

  const validate = (event: FormEvent) => {
    event.preventDefault();
    void run('validate');
  };

  const invalidRows = report ? report.total - report.valid : 0;
  return (
    <section aria-labelledby="import-title">
      <h2 className="heading-l" id="import-title">
        {tr('import.title')}
      </h2>
      <p>{tr('import.intro')}</p>
      <details className="details">
        <summary>{tr('import.columns')}</summary>
        <p className="code-list">
          {COLUMNS.map((c) => (
            <code key={c}>{c}</code>
          ))}
        </p>
      </details>
      <form onSubmit={validate} noValidate>
        <ErrorSummary errors={errors} />
        <Notice>{notice}</Notice>
        <FileField
          id="import-file"
          label={tr('import.file')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          inputRef={input}
          onChange={(next) => {
            setFile(next);
            setReport(null);
            setNotice('');
          }}
          error={errorFor(errors, 'import-file')}
        />
        <button type="submit" className="button button--secondary" disabled={busy}>
          {tr('import.validate')}
        </button>
      </form>
      {report ? (
        <div className="import-report" aria-live="polite">
          <p className="lead">
            {tr('import.summary', {
              total: report.total,
              valid: report.valid,
              invalid: invalidRows,
            })}
          </p>
          {report.errors.length === 0 ? (
            <Notice>{tr('import.noErrors')}</Notice>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <caption className="table__caption">{tr('import.errorsTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="numeric">
                      {tr('import.line')}
                    </th>
                    <th scope="col">{tr('import.field')}</th>
                    <th scope="col">{tr('import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.errors.map((e, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: one line may have several errors
                    <tr key={index}>
                      <td className="numeric">{e.line ?? '—'}</td>
                      <td>
                        <code>{e.field ?? '—'}</code>
                      </td>
                      <td>{problemText(lang, e)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {report.errors.length > 0 ? <p className="hint">{tr('import.allDisabled')}</p> : null}
          <div className="button-group">
            <button
              type="button"
              className="button"
              disabled={busy || report.errors.length > 0 || report.valid === 0}
              onClick={() => void run('all-or-nothing')}
            >
              {tr('import.importAll')}
            </button>
            {report.errors.length > 0 ? (
              <button
                type="button"
                className="button button--secondary"
                disabled={busy || report.valid === 0}
                onClick={() => void run('valid-rows')}
              >
                {tr('import.importValid', { count: report.valid })}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}

import { type FormEvent, useRef, useState } from 'react';
import { formatBytes, formatDateTime } from '../../../platform/i18n/i18n.js';
import { api } from '../../api.js';
import {
  apiErrors,
  ErrorSummary,
  type Errors,
  errorFor,
  FileField,
  Notice,
} from '../../components/forms.js';
import { useI18n } from '../../i18n.js';
import type { Delegation, Edition, FileInfo } from '../../types.js';

const MAX_BYTES = 10 * 1024 * 1024;

export function CredentialsList({ files, timeZone }: { files: FileInfo[]; timeZone: string }) {
  const { lang, t } = useI18n();
  if (files.length === 0) return <p>{t('credentials.none')}</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">{t('credentials.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('credentials.fileName')}</th>
          <th scope="col" className="numeric">
            {t('credentials.size')}
          </th>
          <th scope="col">{t('credentials.uploadedAt')}</th>
        </tr>
      </thead>
      <tbody>
        {files.map((f) => (
          <tr key={f.id}>
            <th scope="row">
              <a href={api.fileUrl(f.id)}>{f.fileName}</a>
            </th>
            <td className="numeric">{formatBytes(lang, f.byteSize)}</td>
            <td>{formatDateTime(lang, f.uploadedAt, timeZone)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CredentialsPanel({
  edition,
  delegation,
  onChanged,
}: {
  edition: Edition;
  delegation: Delegation;
  onChanged: () => void;
}) {
  const { t, errorText } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Errors>([]);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice('');
    const found: Errors = [];
    if (!file) found.push({ field: 'credentials-file', message: t('credentials.missingFile') });
    else if (file.type && file.type !== 'application/pdf')
      found.push({ field: 'credentials-file', message: t('credentials.notPdf') });
    else if (file.size > MAX_BYTES)
      found.push({ field: 'credentials-file', message: t('credentials.tooLarge') });
    setErrors(found);
    if (found.length > 0 || !file) return;
    setBusy(true);
    try {
      const info = await api.uploadCredentials(edition.slug, delegation.code, file);
      setNotice(t('credentials.uploaded', { file: info.fileName }));
      setFile(null);
      if (input.current) input.current.value = '';
      onChanged();
    } catch (error) {
      setErrors(apiErrors(error, errorText, { file: 'credentials-file' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="credentials-title">
      <h2 className="heading-l" id="credentials-title">
        {t('credentials.title')}
      </h2>
      <p>{t('credentials.intro')}</p>
      <CredentialsList files={delegation.credentials} timeZone={edition.timeZone} />
      <form onSubmit={submit} noValidate className="upload-form">
        <ErrorSummary errors={errors} />
        <Notice>{notice}</Notice>
        <FileField
          id="credentials-file"
          label={t('credentials.file')}
          accept="application/pdf,.pdf"
          inputRef={input}
          onChange={setFile}
          error={errorFor(errors, 'credentials-file')}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('credentials.upload')}
        </button>
      </form>
    </section>
  );
}

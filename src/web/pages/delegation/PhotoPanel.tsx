import { type FormEvent, useEffect, useRef, useState } from 'react';
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
import type { Participant } from '../../types.js';

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * The member's photograph. The preview is drawn on a canvas from createImageBitmap: a blob: or
 * data: URL in an <img> would be refused by the Content-Security-Policy (img-src 'self').
 */
export function PhotoPanel({
  participant,
  onUploaded,
}: {
  participant: Participant;
  onUploaded: (p: Participant) => void;
}) {
  const { t, errorText } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Errors>([]);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const target = canvas.current;
    if (!file || !target) return;
    let cancelled = false;
    createImageBitmap(file)
      .then((bitmap) => {
        if (cancelled) return;
        const scale = Math.min(1, 240 / bitmap.height, 180 / bitmap.width);
        target.width = Math.round(bitmap.width * scale);
        target.height = Math.round(bitmap.height * scale);
        target.getContext('2d')?.drawImage(bitmap, 0, 0, target.width, target.height);
      })
      .catch(() => {
        if (!cancelled) setErrors([{ field: 'photo', message: t('member.photoWrongType') }]);
      });
    return () => {
      cancelled = true;
    };
  }, [file, t]);

  const choose = (next: File | null) => {
    setNotice('');
    setFile(next);
    const found: Errors = [];
    if (next && !['image/jpeg', 'image/png'].includes(next.type))
      found.push({ field: 'photo', message: t('member.photoWrongType') });
    else if (next && next.size > MAX_BYTES)
      found.push({ field: 'photo', message: t('member.photoTooLarge') });
    setErrors(found);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setErrors([{ field: 'photo', message: t('member.photoMissingFile') }]);
      return;
    }
    if (errors.length > 0) return;
    setBusy(true);
    try {
      const updated = await api.uploadPhoto(participant.id, file);
      setNotice(t('member.photoUploaded'));
      setFile(null);
      if (input.current) input.current.value = '';
      onUploaded(updated);
    } catch (error) {
      setErrors(apiErrors(error, errorText, { file: 'photo' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="photo-panel" aria-labelledby="photo-title">
      <h2 className="heading-m" id="photo-title">
        {t('member.photoTitle')}
      </h2>
      <p>{participant.photoRequired ? t('member.photoRequired') : t('member.photoNotRequired')}</p>
      <div className="photo-panel__images">
        <figure className="photo">
          {participant.hasPhoto ? (
            <img
              src={api.photoUrl(participant.id, participant.version)}
              alt={t('member.photoCurrent')}
              width={150}
              height={200}
            />
          ) : (
            <div className="photo__empty">{t('member.photoNone')}</div>
          )}
          <figcaption>{t('member.photoCurrent')}</figcaption>
        </figure>
        {file && errors.length === 0 ? (
          <figure className="photo">
            <canvas ref={canvas} role="img" aria-label={t('member.photoPreview')} />
            <figcaption>{t('member.photoPreview')}</figcaption>
          </figure>
        ) : null}
      </div>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors.length > 1 || errors[0]?.field !== 'photo' ? errors : []} />
        <Notice>{notice}</Notice>
        <FileField
          id="photo"
          label={t('member.photoChoose')}
          hint={t('member.photoHint')}
          accept="image/jpeg,image/png"
          inputRef={input}
          onChange={choose}
          error={errorFor(errors, 'photo')}
        />
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t('member.photoUpload')}
        </button>
      </form>
    </section>
  );
}

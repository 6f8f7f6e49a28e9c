import { type FormEvent, useState } from 'react';
import { t as translate } from '../../../../platform/i18n/i18n.js';
import { Dialog } from '../../../components/common.js';
import {
  apiErrors,
  ErrorSummary,
  type Errors,
  errorFor,
  SelectField,
  TextField,
} from '../../../components/forms.js';
import { useI18n } from '../../../i18n.js';
import type { SessionInput } from '../../../types.js';
import { codeFromTitle, type Placement, SESSION_KIND_CODES } from './geometry.js';

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The small form that a drag on an empty slot opens: what the new session is called. */
export function SessionDialog({
  placement,
  where,
  onCancel,
  onCreate,
}: {
  placement: Placement | null;
  /** "Hall E1, 17 October 2013, 10:00–11:00" */
  where: string;
  onCancel: () => void;
  onCreate: (input: SessionInput) => Promise<void>;
}) {
  const { t } = useI18n();
  return (
    <Dialog open={placement !== null} title={t('timetable.create.title')} onClose={onCancel}>
      {placement ? (
        <NewSessionForm
          placement={placement}
          where={where}
          onCancel={onCancel}
          onCreate={onCreate}
        />
      ) : null}
    </Dialog>
  );
}

function NewSessionForm({
  placement,
  where,
  onCancel,
  onCreate,
}: {
  placement: Placement;
  where: string;
  onCancel: () => void;
  onCreate: (input: SessionInput) => Promise<void>;
}) {
  const { lang, t, errorText } = useI18n();
  const [draft, setDraft] = useState({
    code: '',
    kind: 'side_event',
    titleEn: '',
    titleJa: '',
    themeEn: '',
    themeJa: '',
  });
  const [codeTouched, setCodeTouched] = useState(false);
  const [errors, setErrors] = useState<Errors>([]);
  const [busy, setBusy] = useState(false);
  const code = codeTouched ? draft.code : codeFromTitle(draft.titleEn);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = [];
    if (!draft.titleEn.trim())
      found.push({ field: 'tt-new-title-en', message: t('timetable.error.titleRequired') });
    if (!CODE.test(code))
      found.push({ field: 'tt-new-code', message: t('timetable.error.codeFormat') });
    setErrors(found);
    if (found.length > 0) return;
    const localized = (en: string, ja: string) => ({
      en: en.trim(),
      ...(ja.trim() ? { ja: ja.trim() } : {}),
    });
    setBusy(true);
    try {
      await onCreate({
        code,
        kind: draft.kind,
        title: localized(draft.titleEn, draft.titleJa),
        ...(draft.themeEn.trim() || draft.themeJa.trim()
          ? { theme: localized(draft.themeEn, draft.themeJa) }
          : {}),
        roomCode: placement.roomCode,
        startsAt: placement.startsAt,
        endsAt: placement.endsAt,
      });
    } catch (error) {
      setErrors(
        apiErrors(error, errorText, {
          code: 'tt-new-code',
          'title.en': 'tt-new-title-en',
        }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="tt-dialog-form" onSubmit={submit} noValidate>
      <p className="tt-dialog-form__where">{where}</p>
      <ErrorSummary errors={errors} />
      <TextField
        id="tt-new-title-en"
        label={t('timetable.field.titleEn')}
        lang="en"
        value={draft.titleEn}
        error={errorFor(errors, 'tt-new-title-en')}
        onChange={(value) => setDraft((d) => ({ ...d, titleEn: value }))}
      />
      <TextField
        id="tt-new-title-ja"
        label={t('timetable.field.titleJa')}
        lang="ja"
        optional
        value={draft.titleJa}
        onChange={(value) => setDraft((d) => ({ ...d, titleJa: value }))}
      />
      <div className="field-row">
        <TextField
          id="tt-new-code"
          label={t('timetable.field.code')}
          hint={t('timetable.field.codeHint')}
          spellCheck={false}
          value={code}
          error={errorFor(errors, 'tt-new-code')}
          onChange={(value) => {
            setCodeTouched(true);
            setDraft((d) => ({ ...d, code: value.trim() }));
          }}
        />
        <SelectField
          id="tt-new-kind"
          label={t('timetable.field.kind')}
          options={SESSION_KIND_CODES.map((kind) => ({
            value: kind,
            label: translate(lang, `programme.kind.${kind}`),
          }))}
          value={draft.kind}
          onChange={(value) => setDraft((d) => ({ ...d, kind: value }))}
        />
      </div>
      <div className="field-row">
        <TextField
          id="tt-new-theme-en"
          label={t('timetable.field.themeEn')}
          lang="en"
          optional
          value={draft.themeEn}
          onChange={(value) => setDraft((d) => ({ ...d, themeEn: value }))}
        />
        <TextField
          id="tt-new-theme-ja"
          label={t('timetable.field.themeJa')}
          lang="ja"
          optional
          value={draft.themeJa}
          onChange={(value) => setDraft((d) => ({ ...d, themeJa: value }))}
        />
      </div>
      <div className="button-group">
        <button type="submit" className="button" disabled={busy}>
          {t('timetable.create.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}

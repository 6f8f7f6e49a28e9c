import { type FormEvent, useState } from 'react';
import {
  formatDate,
  formatTime,
  localizedText,
  t as translate,
  venueDate,
  venueInstant,
} from '../../../../platform/i18n/i18n.js';
import {
  apiErrors,
  ErrorSummary,
  type Errors,
  errorFor,
  SelectField,
  TextField,
} from '../../../components/forms.js';
import { useI18n } from '../../../i18n.js';
import type { ProgrammeRoom, ProgrammeSession, SessionInput } from '../../../types.js';
import { type Placement, SESSION_KIND_CODES } from './geometry.js';

export type SessionChange = Partial<Omit<SessionInput, 'code'>>;

/**
 * The form alternative to dragging: every field of the selected session, times typed in the
 * venue's time zone. `check` says why a placement cannot be saved (a room clash), before sending.
 */
export function SessionEditForm({
  session,
  rooms,
  days,
  timeZone,
  check,
  onSave,
}: {
  session: ProgrammeSession;
  rooms: ProgrammeRoom[];
  days: string[];
  timeZone: string;
  check: (placement: Placement) => string | null;
  onSave: (change: SessionChange) => Promise<void>;
}) {
  const { lang, t, errorText } = useI18n();
  const hhmm = (instant: string) => formatTime('en', instant, timeZone);
  const [draft, setDraft] = useState({
    titleEn: session.title.en ?? '',
    titleJa: session.title.ja ?? '',
    kind: session.kind,
    roomCode: session.roomCode,
    day: venueDate(session.startsAt, timeZone),
    start: hhmm(session.startsAt),
    end: hhmm(session.endsAt),
  });
  const [errors, setErrors] = useState<Errors>([]);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  const prefix = `tt-edit-${session.code}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const startsAt = venueInstant(draft.day, `${draft.start}:00`, timeZone);
    const endsAt = venueInstant(draft.day, `${draft.end}:00`, timeZone);
    const found: Errors = [];
    if (!draft.titleEn.trim())
      found.push({ field: `${prefix}-title-en`, message: t('timetable.error.titleRequired') });
    if (!draft.start || !draft.end || endsAt <= startsAt)
      found.push({ field: `${prefix}-end`, message: t('timetable.error.endBeforeStart') });
    else {
      const clash = check({ code: session.code, roomCode: draft.roomCode, startsAt, endsAt });
      if (clash) found.push({ field: `${prefix}-start`, message: clash });
    }
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await onSave({
        kind: draft.kind,
        title: {
          ...session.title,
          en: draft.titleEn.trim(),
          ...(draft.titleJa.trim() ? { ja: draft.titleJa.trim() } : {}),
        },
        roomCode: draft.roomCode,
        startsAt,
        endsAt,
      });
    } catch (error) {
      setErrors(apiErrors(error, errorText, { 'title.en': `${prefix}-title-en` }));
    } finally {
      setBusy(false);
    }
  };

  const timeField = (key: 'start' | 'end', label: string) => {
    const id = `${prefix}-${key}`;
    const error = errorFor(errors, id);
    return (
      <div className={`field${error ? ' field--error' : ''}`}>
        <label className="label" htmlFor={id}>
          {label}
        </label>
        {error ? (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <input
          className="input input--short"
          type="time"
          step={900}
          id={id}
          name={id}
          value={draft[key]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => set({ [key]: event.target.value })}
        />
      </div>
    );
  };

  return (
    <form
      className="tt-edit"
      onSubmit={submit}
      noValidate
      aria-label={localizedText(lang, session.title)}
    >
      <p className="tt-edit__code">
        <code>{session.code}</code>
      </p>
      <ErrorSummary errors={errors} />
      <TextField
        id={`${prefix}-title-en`}
        label={t('timetable.field.titleEn')}
        lang="en"
        value={draft.titleEn}
        error={errorFor(errors, `${prefix}-title-en`)}
        onChange={(value) => set({ titleEn: value })}
      />
      <TextField
        id={`${prefix}-title-ja`}
        label={t('timetable.field.titleJa')}
        lang="ja"
        optional
        value={draft.titleJa}
        onChange={(value) => set({ titleJa: value })}
      />
      <SelectField
        id={`${prefix}-kind`}
        label={t('timetable.field.kind')}
        options={SESSION_KIND_CODES.map((kind) => ({
          value: kind,
          label: translate(lang, `programme.kind.${kind}`),
        }))}
        value={draft.kind}
        onChange={(value) => set({ kind: value })}
      />
      <SelectField
        id={`${prefix}-room`}
        label={t('timetable.field.room')}
        options={rooms.map((r) => ({ value: r.code, label: localizedText(lang, r.name) }))}
        value={draft.roomCode}
        onChange={(value) => set({ roomCode: value })}
      />
      <SelectField
        id={`${prefix}-day`}
        label={t('timetable.field.day')}
        options={days.map((d) => ({ value: d, label: formatDate(lang, d, timeZone) }))}
        value={draft.day}
        onChange={(value) => set({ day: value })}
      />
      <div className="tt-edit__times">
        {timeField('start', t('timetable.field.start'))}
        {timeField('end', t('timetable.field.end'))}
      </div>
      {session.people.length > 0 ? (
        <div className="tt-edit__people">
          <h4 className="heading-s">{t('timetable.edit.people')}</h4>
          <ul>
            {session.people.map((p) => (
              <li key={`${p.participantId}:${p.role}`}>
                {localizedText(lang, p.name)}{' '}
                <span className="secondary">
                  {translate(lang, `programme.role.${p.role}` as 'programme.role.chair')}
                  {p.attendance !== 'present'
                    ? ` · ${translate(lang, `agenda.attendance.${p.attendance}` as 'agenda.attendance.present')}`
                    : ''}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        {t('timetable.edit.submit')}
      </button>
    </form>
  );
}

/**
 * The secretariat's timetable: one day of the venue's calendar as rooms × time. A change is
 * checked here first against the programme as loaded (the block turns red with the reason while
 * it is dragged), then sent with the session's `version`; the database has the last word (a 409
 * puts the block back and shows the server's message).
 */
import { useEffect, useMemo, useState } from 'react';
import { formatDate, formatTime, localizedText, venueDate } from '../../../platform/i18n/i18n.js';
import { api, isApiError } from '../../api.js';
import { LoadError, Loading } from '../../components/common.js';
import { CheckboxField } from '../../components/forms.js';
import { useLoad } from '../../hooks.js';
import { useI18n } from '../../i18n.js';
import { useSearchParams } from '../../router.js';
import type { Edition, ProgrammeSession, SessionInput } from '../../types.js';
import { ConflictsPanel } from './timetable/ConflictsPanel.js';
import {
  dayWindow,
  editionDays,
  type Placement,
  personClash,
  roomClash,
  timetableRooms,
  venueMidnight,
} from './timetable/geometry.js';
import { SessionDialog } from './timetable/SessionDialog.js';
import { type SessionChange, SessionEditForm } from './timetable/SessionEditForm.js';
import { TimetableGrid } from './timetable/TimetableGrid.js';

type Message = { tone: 'success' | 'error'; text: string; detail?: string } | null;

export function TimetablePage({ edition }: { edition: Edition }) {
  const { lang, t, errorText } = useI18n();
  const slug = edition.slug;
  const programme = useLoad(() => api.programme(slug), [slug]);
  const conflicts = useLoad(() => api.conflicts(slug), [slug]);
  const [params, setParams] = useSearchParams();
  const zone = programme.data?.edition.timeZone ?? edition.timeZone;
  const days = useMemo(
    () =>
      editionDays(
        programme.data?.edition.startDate ?? edition.startDate,
        programme.data?.edition.endDate ?? edition.endDate,
      ),
    [programme.data, edition.startDate, edition.endDate],
  );
  const day = days.includes(params.get('day') ?? '') ? (params.get('day') ?? '') : (days[0] ?? '');
  const withBooths = params.get('booths') === '1';

  // The programme as edited here: answers of PATCH and POST replace or add sessions in place.
  const [sessions, setSessions] = useState<ProgrammeSession[]>([]);
  useEffect(() => {
    if (programme.data) setSessions(programme.data.sessions);
  }, [programme.data]);

  const [preview, setPreview] = useState<Placement | null>(null);
  const [creating, setCreating] = useState<Placement | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>(null);

  if (programme.error) return <LoadError error={programme.error} />;
  if (!programme.data) return <Loading />;

  const rooms = timetableRooms(programme.data.rooms, withBooths);
  const allRooms = timetableRooms(programme.data.rooms, true);
  const midnight = venueMidnight(day, zone);
  const ofDay = sessions.filter((s) => venueDate(s.startsAt, zone) === day);
  const hours = dayWindow(midnight, ofDay);
  const time = (instant: string) => formatTime(lang, instant, zone);
  const dayLabel = (d: string) => formatDate(lang, d, zone);
  const roomName = (code: string) =>
    localizedText(lang, programme.data?.rooms.find((r) => r.code === code)?.name) || code;

  /** Why a placement cannot be saved, in words: the session already holding the room. */
  const clashOf = (placement: Placement): string | null => {
    const other = roomClash(sessions, placement);
    return other
      ? t('timetable.roomBooked', {
          from: time(other.startsAt),
          to: time(other.endsAt),
          title: localizedText(lang, other.title),
        })
      : null;
  };
  const warningOf = (placement: Placement): string | null => {
    const found = personClash(sessions, placement);
    return found
      ? t('timetable.personBusy', {
          name: localizedText(lang, found.name),
          title: localizedText(lang, found.other.title),
        })
      : null;
  };

  const replace = (saved: ProgrammeSession) =>
    setSessions((list) =>
      list.some((s) => s.code === saved.code)
        ? list.map((s) => (s.code === saved.code ? saved : s))
        : [...list, saved],
    );

  const describe = (s: ProgrammeSession) => ({
    title: localizedText(lang, s.title),
    day: dayLabel(venueDate(s.startsAt, zone)),
    from: time(s.startsAt),
    to: time(s.endsAt),
    room: localizedText(lang, s.roomName) || s.roomCode,
  });

  /** A refusal: the block goes back, and the reason stays on screen. */
  const refuse = (error: unknown) => {
    const code = isApiError(error) ? error.code : '';
    const reason =
      code === 'room_double_booked' ? t('timetable.error.roomDoubleBooked') : errorText(error);
    setMessage({
      tone: 'error',
      text: t('timetable.serverRefused', { reason }),
      ...(isApiError(error) && error.message ? { detail: error.message } : {}),
    });
    // Someone else's change (or a booking made elsewhere) is what the server knew and we did not.
    if (code === 'version_conflict' || code === 'room_double_booked') programme.reload();
  };

  const save = async (code: string, change: SessionChange) => {
    const session = sessions.find((s) => s.code === code);
    if (!session) return;
    setBusy(code);
    setMessage(null);
    try {
      const saved = await api.updateSession(slug, code, { ...change, version: session.version });
      replace(saved);
      setMessage({ tone: 'success', text: t('timetable.saved', describe(saved)) });
      conflicts.reload();
    } catch (error) {
      refuse(error);
      throw error;
    } finally {
      setBusy(null);
      setPreview(null);
    }
  };

  const commit = (placement: Placement) => {
    const reason = clashOf(placement);
    if (placement.code === null) {
      if (reason) {
        setPreview(null);
        setMessage({ tone: 'error', text: t('timetable.refused', { reason }) });
        return;
      }
      setPreview(placement);
      setCreating(placement);
      return;
    }
    const session = sessions.find((s) => s.code === placement.code);
    if (!session) return;
    if (reason) {
      setPreview(null);
      setMessage({ tone: 'error', text: t('timetable.refused', { reason }) });
      return;
    }
    if (
      placement.roomCode === session.roomCode &&
      placement.startsAt === session.startsAt &&
      placement.endsAt === session.endsAt
    ) {
      setPreview(null);
      return;
    }
    setPreview(placement);
    setSelected(session.code);
    save(session.code, {
      ...(placement.roomCode !== session.roomCode ? { roomCode: placement.roomCode } : {}),
      startsAt: placement.startsAt,
      endsAt: placement.endsAt,
    }).catch(() => undefined); // refuse() has said why
  };

  const create = async (input: SessionInput) => {
    const created = await api.createSession(slug, input);
    replace(created);
    setCreating(null);
    setPreview(null);
    setSelected(created.code);
    setMessage({ tone: 'success', text: t('timetable.created', describe(created)) });
    conflicts.reload();
  };

  const show = (code: string) => {
    const found = sessions.find((s) => s.code === code);
    if (!found) return;
    const needsBooths = allRooms.find((r) => r.code === found.roomCode)?.kind === 'bilateral_booth';
    setParams({
      day: venueDate(found.startsAt, zone),
      ...(withBooths || needsBooths ? { booths: '1' } : {}),
    });
    setSelected(code);
    window.requestAnimationFrame(() => document.getElementById(`tt-block-${code}`)?.focus());
  };

  const selectedSession = sessions.find((s) => s.code === selected) ?? null;
  const moving = preview?.code ? sessions.find((s) => s.code === preview.code) : undefined;
  const clash = preview ? clashOf(preview) : null;
  const warning = preview && !clash ? warningOf(preview) : null;

  return (
    <section aria-labelledby="timetable-title" className="tt">
      <h2 className="heading-l" id="timetable-title">
        {t('timetable.title')}
      </h2>
      <p className="tt-intro">{t('timetable.intro')}</p>
      <details className="details">
        <summary>{t('timetable.keyboardTitle')}</summary>
        <p>{t('timetable.keyboardHint')}</p>
      </details>
      <div className="tt-toolbar">
        <nav aria-label={t('timetable.days')}>
          <ul className="tt-days">
            {days.map((d) => (
              <li key={d}>
                <button
                  type="button"
                  className="tt-days__day"
                  aria-pressed={d === day}
                  onClick={() => {
                    setPreview(null);
                    setParams({ day: d, ...(withBooths ? { booths: '1' } : {}) });
                  }}
                >
                  {dayLabel(d)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <CheckboxField
          id="tt-booths"
          label={t('timetable.showBooths')}
          checked={withBooths}
          onChange={(checked) => setParams({ day, ...(checked ? { booths: '1' } : {}) })}
        />
      </div>
      <p className="hint">{t('programme.timesIn', { zone })}</p>
      {/* Messages stay put while a block is dragged: the grid must not move under the pointer. */}
      <div className="tt-status">
        {message ? (
          <div
            className={`notice notice--${message.tone} tt-message`}
            role={message.tone === 'error' ? 'alert' : 'status'}
          >
            <p>{message.text}</p>
            {message.detail ? <p className="secondary">{message.detail}</p> : null}
          </div>
        ) : null}
      </div>
      <p id="tt-live" className="visually-hidden" role="status" aria-live="polite">
        {busy ? t('timetable.saving') : null}
        {!busy && preview && moving
          ? (clash ??
            t('timetable.moving', {
              title: localizedText(lang, moving.title),
              from: time(preview.startsAt),
              to: time(preview.endsAt),
              room: roomName(preview.roomCode),
            }))
          : null}
      </p>
      <div className="tt-layout">
        <div className="tt-main">
          {rooms.length === 0 ? (
            <p>{t('timetable.noRooms')}</p>
          ) : (
            <TimetableGrid
              day={day}
              dayLabel={dayLabel(day)}
              midnight={midnight}
              window={hours}
              timeZone={zone}
              rooms={rooms}
              sessions={ofDay}
              preview={creating ?? preview}
              clash={clash}
              warning={warning}
              selected={selected}
              busy={busy}
              onSelect={setSelected}
              onPreview={setPreview}
              onCommit={commit}
              onEdit={(code) => {
                setSelected(code);
                window.requestAnimationFrame(() =>
                  document.getElementById(`tt-edit-${code}-title-en`)?.focus(),
                );
              }}
            />
          )}
        </div>
        <aside className="tt-side">
          <section className="tt-selected" aria-labelledby="tt-selected-title">
            <h3 className="heading-m" id="tt-selected-title">
              {t('timetable.edit.title')}
            </h3>
            {selectedSession ? (
              <SessionEditForm
                key={`${selectedSession.code}:${selectedSession.version}`}
                session={selectedSession}
                rooms={allRooms}
                days={days}
                timeZone={zone}
                check={clashOf}
                onSave={(change) => save(selectedSession.code, change)}
              />
            ) : (
              <p className="hint">{t('timetable.edit.none')}</p>
            )}
          </section>
          <ConflictsPanel conflicts={conflicts} sessions={sessions} timeZone={zone} onShow={show} />
        </aside>
      </div>
      <SessionDialog
        placement={creating}
        where={
          creating
            ? t('timetable.create.where', {
                room: roomName(creating.roomCode),
                day: dayLabel(day),
                from: time(creating.startsAt),
                to: time(creating.endsAt),
              })
            : ''
        }
        onCancel={() => {
          setCreating(null);
          setPreview(null);
        }}
        onCreate={create}
      />
    </section>
  );
}

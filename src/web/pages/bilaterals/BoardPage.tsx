/**
 * The secretariat's planning board for bilateral meetings: booths × slots of one day, meetings as
 * blocks (confirmed, provisional, tentative; flagged ones carry their reason). A block is dragged
 * (or moved with the arrow keys, Enter to save) to another booth or slot; the API re-checks every
 * rule and a refused move shows its reasons while the block goes back. The planner's proposal is
 * compared with the current plan (moved, added, dropped, with reasons; ghosts on the grid) before
 * it is applied. Publication (provisional, final) and the email outbox sit below.
 */
import { type KeyboardEvent, type PointerEvent, useRef, useState } from 'react';
import {
  formatDate,
  formatDateTime,
  formatShortDate,
  formatTime,
  venueDate,
} from '../../../platform/i18n/i18n.js';
import { LoadError, Loading } from '../../components/common.js';
import { ErrorSummary, Notice } from '../../components/forms.js';
import { useLoad } from '../../hooks.js';
import { useI18n } from '../../i18n.js';
import type { Edition } from '../../types.js';
import {
  type Board,
  bilaterals,
  type MeetingView,
  type Placement,
  type Proposal,
  reasonsOf,
} from './bilaterals.client.js';
import './bilaterals.css';
import { label, Tag, useBilateralsError, useReasonText } from './bilaterals.shared.js';

/** Pixels per slot row. */
const SLOT_PX = 56;
const DRAG_THRESHOLD = 4;
const MINUTE = 60_000;

interface Drag {
  pointerId: number;
  x: number;
  y: number;
  moved: boolean;
  meeting: MeetingView;
  /** Minutes between the block's start and the pointer. */
  offset: number;
}

interface Preview extends Placement {
  id: string;
}

interface Refusal {
  id: string;
  at: Placement;
  reasons: string[];
}

/** "Egypt – Singapore" for a request, from the meetings and the unscheduled requests. */
function requestNames(board: Board): Map<string, string> {
  const names = new Map<string, string>();
  for (const m of board.meetings) names.set(m.requestId, m.parties.map((p) => p.name).join(' – '));
  for (const r of board.unscheduled)
    names.set(r.id, [r.requester, ...r.counterparts].map((p) => p.name).join(' – '));
  return names;
}

export function BoardPage({ edition }: { edition: Edition }) {
  const { lang, t } = useI18n();
  const failure = useBilateralsError();
  const reasonText = useReasonText();
  const slug = edition.slug;
  const board = useLoad(() => bilaterals.board(slug, lang), [slug]);
  const [day, setDay] = useState(0);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [notice, setNotice] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [timeLimit, setTimeLimit] = useState('2');
  const [seed, setSeed] = useState('1');
  const [selected, setSelected] = useState<string | null>(null);
  const grid = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);

  if (board.error) return <LoadError error={board.error} />;
  if (!board.data) return <Loading />;
  const b = board.data;
  const tz = b.timeZone;
  const dayIso = b.days[day] ?? b.days[0] ?? edition.startDate;
  const slots = b.slots.filter((s) => s.day === day + 1);
  const first = slots[0];
  const dayStart = first ? Date.parse(first.startsAt) : 0;
  const last = slots.at(-1);
  const dayEnd = last ? Date.parse(last.endsAt) : dayStart;
  const pxPerMinute = SLOT_PX / b.slotMinutes;
  const rooms = b.rooms;
  const roomIndex = new Map(rooms.map((r, i) => [r.code, i]));
  const onDay = (iso: string) => venueDate(iso, tz) === dayIso;
  const meetings = b.meetings.filter((m) => onDay(m.startsAt) && roomIndex.has(m.room.code));
  const names = requestNames(b);
  const nameOf = (requestId: string) => names.get(requestId) ?? requestId.slice(0, 8);
  const roomName = (code: string) => rooms.find((r) => r.code === code)?.name ?? code;
  const where = (p: Placement) =>
    `${roomName(p.room)}, ${formatShortDate(lang, p.startsAt, tz)} ${formatTime(lang, p.startsAt, tz)}`;

  const place = (room: string, startsAt: string, minutes: number) => {
    const index = roomIndex.get(room) ?? 0;
    return {
      top: `${((Date.parse(startsAt) - dayStart) / MINUTE) * pxPerMinute}px`,
      height: `${Math.max(minutes * pxPerMinute, 18) - 2}px`,
      left: `calc(${(index * 100) / rooms.length}% + 3px)`,
      width: `calc(${100 / rooms.length}% - 6px)`,
    };
  };
  const lengthOf = (m: { startsAt: string; endsAt: string }) =>
    (Date.parse(m.endsAt) - Date.parse(m.startsAt)) / MINUTE;

  // ------------------------------------------------------------------ moving a block

  const snapped = (meeting: MeetingView, roomI: number, startMinute: number): Placement | null => {
    const room = rooms[Math.min(rooms.length - 1, Math.max(0, roomI))];
    if (!room || slots.length === 0) return null;
    const index = Math.min(slots.length - 1, Math.max(0, Math.round(startMinute / b.slotMinutes)));
    const slot = slots[index];
    if (!slot) return null;
    void meeting;
    return { room: room.code, startsAt: slot.startsAt };
  };

  const pointAt = (clientX: number, clientY: number) => {
    const rect = grid.current?.getBoundingClientRect();
    if (!rect) return { room: 0, minute: 0 };
    return {
      room: Math.floor(((clientX - rect.left) / rect.width) * rooms.length),
      minute: (clientY - rect.top) / pxPerMinute,
    };
  };

  const commit = async (meeting: MeetingView, to: Placement) => {
    if (to.room === meeting.room.code && to.startsAt === meeting.startsAt) {
      setPreview(null);
      return;
    }
    setPreview({ id: meeting.id, ...to });
    setBusy(meeting.id);
    setRefusal(null);
    setErrors([]);
    setNotice('');
    try {
      const moved = await bilaterals.move(slug, lang, meeting.id, {
        ...to,
        version: meeting.version,
      });
      setNotice(
        t('bilaterals.board.moved', {
          meeting: moved.parties.map((p) => p.name).join(' – '),
          to: where({ room: moved.room.code, startsAt: moved.startsAt }),
        }),
      );
      board.reload();
    } catch (error) {
      const reasons = reasonsOf(error);
      setRefusal({ id: meeting.id, at: to, reasons: reasons.length > 0 ? reasons : ['unknown'] });
      if (reasons.length === 0) setErrors(failure(error));
    } finally {
      setBusy('');
      setPreview(null);
    }
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || busy) return;
    const block = (event.target as HTMLElement).closest<HTMLElement>('[data-meeting]');
    const meeting = block ? meetings.find((m) => m.id === block.dataset.meeting) : undefined;
    if (!meeting) return;
    const at = pointAt(event.clientX, event.clientY);
    drag.current = {
      pointerId: event.pointerId,
      x: event.clientX,
      y: event.clientY,
      moved: false,
      meeting,
      offset: at.minute - (Date.parse(meeting.startsAt) - dayStart) / MINUTE,
    };
    event.currentTarget.setPointerCapture(event.pointerId);
  };

  const placementFor = (d: Drag, clientX: number, clientY: number) => {
    const at = pointAt(clientX, clientY);
    return snapped(d.meeting, at.room, at.minute - d.offset);
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    if (!d.moved && Math.hypot(event.clientX - d.x, event.clientY - d.y) < DRAG_THRESHOLD) return;
    d.moved = true;
    const next = placementFor(d, event.clientX, event.clientY);
    if (next && (preview?.room !== next.room || preview.startsAt !== next.startsAt))
      setPreview({ id: d.meeting.id, ...next });
  };

  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    drag.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
    if (!d.moved) {
      setSelected(d.meeting.id);
      document.getElementById(`bil-block-${d.meeting.id}`)?.focus();
      return;
    }
    const to = placementFor(d, event.clientX, event.clientY);
    if (to) void commit(d.meeting, to);
    else setPreview(null);
  };

  const onPointerCancel = () => {
    if (!drag.current) return;
    drag.current = null;
    setPreview(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, meeting: MeetingView) => {
    if (busy) return;
    const current: Placement =
      preview && preview.id === meeting.id
        ? preview
        : { room: meeting.room.code, startsAt: meeting.startsAt };
    const roomI = roomIndex.get(current.room) ?? 0;
    const minute = (Date.parse(current.startsAt) - dayStart) / MINUTE;
    let next: Placement | null = null;
    switch (event.key) {
      case 'ArrowUp':
        next = snapped(meeting, roomI, minute - b.slotMinutes);
        break;
      case 'ArrowDown':
        next = snapped(meeting, roomI, minute + b.slotMinutes);
        break;
      case 'ArrowLeft':
        next = snapped(meeting, roomI - 1, minute);
        break;
      case 'ArrowRight':
        next = snapped(meeting, roomI + 1, minute);
        break;
      case 'Enter':
        if (preview && preview.id === meeting.id) {
          event.preventDefault();
          void commit(meeting, preview);
        }
        return;
      case 'Escape':
        setPreview(null);
        return;
      default:
        return;
    }
    event.preventDefault();
    if (next) setPreview({ id: meeting.id, ...next });
  };

  // ------------------------------------------------------------------ planner, publication

  const run = async (key: string, action: () => Promise<void>) => {
    setBusy(key);
    setErrors([]);
    setNotice('');
    setRefusal(null);
    try {
      await action();
    } catch (error) {
      setErrors(failure(error));
    } finally {
      setBusy('');
    }
  };

  const plan = () =>
    run('plan', async () => {
      const limit = Number(timeLimit);
      const seedNumber = Number.parseInt(seed, 10);
      setProposal(
        await bilaterals.plan(slug, {
          timeLimitSeconds:
            Number.isFinite(limit) && limit > 0 ? Math.min(60, Math.max(0.1, limit)) : 5,
          ...(Number.isInteger(seedNumber) && seedNumber >= 0 ? { seed: seedNumber } : {}),
        }),
      );
    });

  const apply = () =>
    run('apply', async () => {
      if (!proposal) return;
      try {
        const applied = await bilaterals.apply(slug, lang, proposal);
        setNotice(
          t('bilaterals.board.applied', {
            added: applied.added,
            moved: applied.moved,
            dropped: applied.dropped,
            unchanged: applied.unchanged,
          }),
        );
        setProposal(null);
      } finally {
        board.reload();
      }
    });

  const publish = (stage: 'provisional' | 'final') =>
    run(`publish-${stage}`, async () => {
      if (stage === 'final' && !window.confirm(t('bilaterals.board.publishFinalConfirm'))) return;
      const result = await bilaterals.publish(slug, stage);
      setNotice(
        t('bilaterals.board.published', {
          count: result.published,
          stage: label(t, 'published', result.stage),
        }),
      );
      board.reload();
    });

  const flag = () =>
    run('flag', async () => {
      const result = await bilaterals.flagConflicts(slug);
      setNotice(t('bilaterals.board.flagged', { ...result }));
      board.reload();
    });

  // ------------------------------------------------------------------ what the proposal changes

  const diff = proposal?.diff;
  const movedTo = new Map((diff?.moved ?? []).map((m) => [m.requestId, m]));
  const dropped = new Set((diff?.dropped ?? []).map((d) => d.requestId));
  const ghosts = proposal
    ? proposal.meetings.filter(
        (p) =>
          onDay(p.startsAt) &&
          roomIndex.has(p.room) &&
          (movedTo.has(p.requestId) || diff?.added.some((a) => a.requestId === p.requestId)),
      )
    : [];
  const unchanged = proposal
    ? proposal.meetings.length - (diff?.added.length ?? 0) - (diff?.moved.length ?? 0)
    : 0;

  const hours: { top: number; text: string }[] = slots.map((s, i) => ({
    top: i * SLOT_PX,
    text: formatTime(lang, s.startsAt, tz),
  }));
  const dayCounts = b.days.map(
    (d) => b.meetings.filter((m) => venueDate(m.startsAt, tz) === d).length,
  );
  const refusedMeeting = refusal ? b.meetings.find((m) => m.id === refusal.id) : undefined;

  return (
    <div className="bil-board-page">
      <h2 className="heading-l">{t('bilaterals.board.title')}</h2>
      <p className="bil-intro">{t('bilaterals.board.intro', { zone: tz })}</p>

      <div className="bil-toolbar">
        <form
          className="bil-plan-form"
          onSubmit={(event) => {
            event.preventDefault();
            void plan();
          }}
        >
          <div className="field">
            <label className="label" htmlFor="bil-time-limit">
              {t('bilaterals.board.timeLimit')}
            </label>
            <input
              id="bil-time-limit"
              className="input input--number"
              type="number"
              min={0.1}
              max={60}
              step={0.1}
              value={timeLimit}
              onChange={(event) => setTimeLimit(event.target.value)}
            />
          </div>
          <div className="field">
            <label className="label" htmlFor="bil-seed">
              {t('bilaterals.board.seed')}
            </label>
            <input
              id="bil-seed"
              className="input input--number"
              type="number"
              min={0}
              step={1}
              value={seed}
              onChange={(event) => setSeed(event.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={busy !== ''} data-action="plan">
            {busy === 'plan' ? t('bilaterals.board.planning') : t('bilaterals.board.plan')}
          </button>
        </form>
        <div className="button-group bil-publish">
          <button
            type="button"
            className="button button--secondary"
            disabled={busy !== '' || proposal !== null}
            data-action="publish-provisional"
            onClick={() => publish('provisional')}
          >
            {t('bilaterals.board.publishProvisional')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={busy !== '' || proposal !== null}
            data-action="publish-final"
            onClick={() => publish('final')}
          >
            {t('bilaterals.board.publishFinal')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={busy !== ''}
            onClick={flag}
          >
            {t('bilaterals.board.flagConflicts')}
          </button>
        </div>
      </div>

      <div className="bil-status" aria-live="polite">
        <ErrorSummary errors={errors.map((message) => ({ field: '', message }))} />
        {notice ? <Notice>{notice}</Notice> : null}
        {refusal ? (
          <div className="notice notice--error bil-refusal" role="alert">
            <p>
              <strong>
                {t('bilaterals.board.refused', {
                  meeting: refusedMeeting
                    ? refusedMeeting.parties.map((p) => p.name).join(' – ')
                    : '',
                  to: where(refusal.at),
                })}
              </strong>
            </p>
            <ul>
              {refusal.reasons.map((r) => (
                <li key={r} data-reason={r}>
                  {reasonText(r)}
                </li>
              ))}
            </ul>
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => setRefusal(null)}
            >
              {t('app.close')}
            </button>
          </div>
        ) : null}
      </div>

      <div className="bil-layout">
        <div>
          <fieldset className="bil-days" aria-label={t('bilaterals.board.days')}>
            {b.days.map((d, i) => (
              <button
                key={d}
                type="button"
                className="tt-days__day"
                aria-pressed={i === day}
                onClick={() => {
                  setDay(i);
                  setPreview(null);
                }}
              >
                {formatDate(lang, d, tz)}{' '}
                <span className="bil-days__count">{dayCounts[i] ?? 0}</span>
              </button>
            ))}
          </fieldset>
          <ul className="bil-legend" aria-label={t('bilaterals.board.legend')}>
            {(['confirmed', 'provisional', 'tentative'] as const).map((s) => (
              <li key={s}>
                <span className={`bil-swatch bil-block--${s}`} aria-hidden="true" />
                {label(t, 'status', s)}
              </li>
            ))}
            <li>
              <span className="bil-swatch bil-block--flagged" aria-hidden="true" />⚠{' '}
              {t('bilaterals.board.flaggedLegend')}
            </li>
            {proposal ? (
              <li>
                <span className="bil-swatch bil-ghost" aria-hidden="true" />
                {t('bilaterals.board.ghostLegend')}
              </li>
            ) : null}
          </ul>
          <div className="tt-scroll bil-scroll">
            <section
              className="bil-grid"
              aria-label={t('bilaterals.board.gridLabel', { day: formatDate(lang, dayIso, tz) })}
            >
              <div
                className="bil-head"
                style={{ gridTemplateColumns: `4rem repeat(${rooms.length}, minmax(7.5rem, 1fr))` }}
              >
                <div className="bil-head__corner">{t('bilaterals.schedule.time')}</div>
                {rooms.map((room) => (
                  <div key={room.code} className="bil-head__room" data-room={room.code}>
                    {room.name}
                    <span className="secondary">
                      {room.zone ?? ''} · {room.capacity}
                    </span>
                  </div>
                ))}
              </div>
              <div
                className="bil-body"
                style={{ gridTemplateColumns: `4rem repeat(${rooms.length}, minmax(7.5rem, 1fr))` }}
              >
                <div
                  className="bil-times"
                  aria-hidden="true"
                  style={{ height: `${slots.length * SLOT_PX}px` }}
                >
                  {hours.map((h) => (
                    <span key={h.top} className="bil-times__label" style={{ top: `${h.top}px` }}>
                      {h.text}
                    </span>
                  ))}
                </div>
                <div
                  ref={grid}
                  className="bil-board"
                  data-day={dayIso}
                  style={{
                    height: `${slots.length * SLOT_PX}px`,
                    gridTemplateColumns: `repeat(${rooms.length}, 1fr)`,
                    backgroundSize: `100% ${SLOT_PX}px`,
                  }}
                  onPointerDown={onPointerDown}
                  onPointerMove={onPointerMove}
                  onPointerUp={onPointerUp}
                  onPointerCancel={onPointerCancel}
                  onLostPointerCapture={onPointerCancel}
                >
                  {rooms.map((room) => (
                    <div
                      key={room.code}
                      className="bil-col"
                      data-room={room.code}
                      style={{ backgroundSize: `100% ${SLOT_PX}px` }}
                    />
                  ))}
                  {ghosts.map((g) => (
                    <div
                      key={`ghost-${g.requestId}`}
                      className="bil-ghost"
                      data-ghost={g.requestId}
                      style={place(g.room, g.startsAt, lengthOf(g))}
                    >
                      <span className="bil-block__time">
                        {formatTime(lang, g.startsAt, tz)}–{formatTime(lang, g.endsAt, tz)}
                      </span>
                      <span className="bil-block__title">{nameOf(g.requestId)}</span>
                      <span className="bil-block__mark">
                        {movedTo.has(g.requestId)
                          ? t('bilaterals.board.ghostMoved')
                          : t('bilaterals.board.ghostAdded')}
                      </span>
                    </div>
                  ))}
                  {refusal && refusedMeeting && onDay(refusal.at.startsAt) ? (
                    <div
                      className="bil-refused-spot"
                      aria-hidden="true"
                      style={place(refusal.at.room, refusal.at.startsAt, lengthOf(refusedMeeting))}
                    >
                      ✕ {t('bilaterals.board.refusedSpot')}
                    </div>
                  ) : null}
                  {meetings.map((m) => {
                    const moving = preview && preview.id === m.id ? preview : null;
                    const at = moving ?? { room: m.room.code, startsAt: m.startsAt };
                    const classes = [
                      'bil-block',
                      `bil-block--${m.status}`,
                      m.flaggedReason ? 'bil-block--flagged' : '',
                      moving ? 'bil-block--moving' : '',
                      busy === m.id ? 'bil-block--busy' : '',
                      selected === m.id ? 'bil-block--selected' : '',
                      refusal?.id === m.id ? 'bil-block--refused' : '',
                      dropped.has(m.requestId) ? 'bil-block--dropping' : '',
                      movedTo.has(m.requestId) ? 'bil-block--leaving' : '',
                    ];
                    return (
                      <button
                        key={m.id}
                        id={`bil-block-${m.id}`}
                        type="button"
                        className={classes.filter(Boolean).join(' ')}
                        data-meeting={m.id}
                        data-request={m.requestId}
                        data-status={m.status}
                        style={place(at.room, at.startsAt, lengthOf(m))}
                        aria-describedby="bil-block-help"
                        title={[
                          m.parties.map((p) => p.name).join(' – '),
                          m.flaggedReason ? reasonText(m.flaggedReason) : '',
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                        onKeyDown={(event) => onKeyDown(event, m)}
                        onFocus={() => setSelected(m.id)}
                      >
                        <span className="bil-block__time">
                          {formatTime(lang, at.startsAt, tz)}–
                          {formatTime(
                            lang,
                            new Date(Date.parse(at.startsAt) + lengthOf(m) * MINUTE).toISOString(),
                            tz,
                          )}
                          {m.flaggedReason ? ' ⚠' : ''}
                        </span>
                        <span className="bil-block__title">
                          {m.parties.map((p) => p.name).join(' – ')}
                        </span>
                        <span className="bil-block__mark">
                          {label(t, 'status', m.status)}
                          {m.published !== 'no' ? ` · ${label(t, 'published', m.published)}` : ''}
                        </span>
                        {m.flaggedReason ? (
                          <span className="bil-block__flag">{reasonText(m.flaggedReason)}</span>
                        ) : null}
                      </button>
                    );
                  })}
                </div>
              </div>
            </section>
          </div>
          <p id="bil-block-help" className="visually-hidden">
            {t('bilaterals.board.blockHelp')}
          </p>
          {dayEnd > dayStart ? null : <p>{t('bilaterals.board.noSlots')}</p>}
        </div>

        <aside className="bil-side">
          {proposal && diff ? (
            <section className="bil-proposal" aria-labelledby="bil-proposal-title">
              <h3 className="heading-m" id="bil-proposal-title">
                {t('bilaterals.board.proposalTitle')}
              </h3>
              <p className="secondary">
                {t(
                  proposal.mode === 'replan'
                    ? 'bilaterals.board.modeReplan'
                    : 'bilaterals.board.modeSolve',
                )}{' '}
                {t('bilaterals.board.score', {
                  score: proposal.score,
                  max: proposal.maxScore,
                  scheduled: proposal.scheduled,
                  requests: proposal.requests,
                  ms: proposal.elapsedMs,
                })}
              </p>
              <ul className="bil-diff-counts">
                <li data-count="added">
                  <span className="bil-diff-counts__n">{diff.added.length}</span>
                  {t('bilaterals.board.added')}
                </li>
                <li data-count="moved">
                  <span className="bil-diff-counts__n">{diff.moved.length}</span>
                  {t('bilaterals.board.movedCount')}
                </li>
                <li data-count="dropped">
                  <span className="bil-diff-counts__n">{diff.dropped.length}</span>
                  {t('bilaterals.board.dropped')}
                </li>
                <li data-count="unchanged">
                  <span className="bil-diff-counts__n">{Math.max(0, unchanged)}</span>
                  {t('bilaterals.board.unchanged')}
                </li>
                <li data-count="unscheduled">
                  <span className="bil-diff-counts__n">{proposal.unscheduled.length}</span>
                  {t('bilaterals.board.unscheduledCount')}
                </li>
              </ul>
              <div className="button-group">
                <button
                  type="button"
                  className="button"
                  disabled={busy !== ''}
                  data-action="apply"
                  onClick={apply}
                >
                  {t('bilaterals.board.apply')}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy !== ''}
                  onClick={() => setProposal(null)}
                >
                  {t('bilaterals.board.discard')}
                </button>
              </div>
              <ol className="bil-diff">
                {diff.moved.map((m) => (
                  <li key={`m-${m.requestId}`} className="bil-diff__item bil-diff__item--moved">
                    <Tag tone="moved">{t('bilaterals.board.diffMoved')}</Tag>{' '}
                    <strong>{nameOf(m.requestId)}</strong>
                    <span className="bil-block-line">
                      {where(m.from)} → {where(m.to)}
                    </span>
                    <span className="secondary bil-block-line">{reasonText(m.reason)}</span>
                  </li>
                ))}
                {diff.dropped.map((d) => (
                  <li key={`d-${d.requestId}`} className="bil-diff__item bil-diff__item--dropped">
                    <Tag tone="dropped">{t('bilaterals.board.diffDropped')}</Tag>{' '}
                    <strong>{nameOf(d.requestId)}</strong>
                    <span className="bil-block-line">{where(d.from)}</span>
                    <span className="secondary bil-block-line">{reasonText(d.reason)}</span>
                  </li>
                ))}
                {diff.added.map((a) => (
                  <li key={`a-${a.requestId}`} className="bil-diff__item bil-diff__item--added">
                    <Tag tone="added">{t('bilaterals.board.diffAdded')}</Tag>{' '}
                    <strong>{nameOf(a.requestId)}</strong>
                    <span className="bil-block-line">{where(a.to)}</span>
                    <span className="secondary bil-block-line">{reasonText(a.reason)}</span>
                  </li>
                ))}
                {proposal.unscheduled.map((u) => (
                  <li key={`u-${u.requestId}`} className="bil-diff__item">
                    <Tag tone="unscheduled">{t('bilaterals.board.diffUnscheduled')}</Tag>{' '}
                    <strong>{nameOf(u.requestId)}</strong>
                    <span className="secondary bil-block-line">{reasonText(u.reason)}</span>
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
          <section aria-labelledby="bil-unscheduled-title">
            <h3 className="heading-m" id="bil-unscheduled-title">
              {t('bilaterals.board.unscheduledTitle')}{' '}
              <span className="secondary">{b.unscheduled.length}</span>
            </h3>
            {b.unscheduled.length === 0 ? (
              <p className="secondary">{t('bilaterals.board.unscheduledNone')}</p>
            ) : (
              <ul className="bil-unscheduled">
                {b.unscheduled.map((r) => (
                  <li key={r.id}>
                    <strong>{nameOf(r.id)}</strong>
                    <span className="secondary bil-block-line">
                      {label(t, 'kind', r.kind)} ·{' '}
                      {t('bilaterals.requests.minutes', { minutes: r.lengthMinutes })} ·{' '}
                      {t('bilaterals.requests.priority', { priority: r.priority })}
                    </span>
                    {r.flags.map((f) => (
                      <span key={f} className="bil-warning">
                        ⚠ {label(t, 'flag', f)}
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
      <Outbox slug={slug} timeZone={tz} />
    </div>
  );
}

function Outbox({ slug, timeZone }: { slug: string; timeZone: string }) {
  const { lang, t } = useI18n();
  const failure = useBilateralsError();
  const [pending, setPending] = useState(true);
  const outbox = useLoad(() => bilaterals.outbox(slug, pending), [slug, pending]);
  const [busy, setBusy] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const markSent = async (id: string) => {
    setBusy(id);
    setErrors([]);
    try {
      await bilaterals.markSent(slug, id);
      outbox.reload();
    } catch (error) {
      setErrors(failure(error));
    } finally {
      setBusy('');
    }
  };
  return (
    <section className="bil-outbox" aria-labelledby="bil-outbox-title">
      <h2 className="heading-l" id="bil-outbox-title">
        {t('bilaterals.outbox.title')}{' '}
        {outbox.data ? <span className="secondary">{outbox.data.items.length}</span> : null}
      </h2>
      <p className="secondary">{t('bilaterals.outbox.intro')}</p>
      <div className="checkbox field">
        <input
          className="checkbox__input"
          type="checkbox"
          id="bil-outbox-pending"
          checked={pending}
          onChange={(event) => setPending(event.target.checked)}
        />
        <label className="checkbox__label" htmlFor="bil-outbox-pending">
          {t('bilaterals.outbox.pendingOnly')}
        </label>
      </div>
      <ErrorSummary errors={errors.map((message) => ({ field: '', message }))} />
      {outbox.error ? <LoadError error={outbox.error} /> : null}
      {outbox.data && outbox.data.items.length === 0 ? <p>{t('bilaterals.outbox.none')}</p> : null}
      {outbox.data && outbox.data.items.length > 0 ? (
        <div className="table-wrap bil-outbox__table">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('bilaterals.outbox.to')}</th>
                <th scope="col">{t('bilaterals.outbox.subject')}</th>
                <th scope="col">{t('bilaterals.outbox.created')}</th>
                <th scope="col">{t('bilaterals.outbox.state')}</th>
              </tr>
            </thead>
            <tbody>
              {outbox.data.items.map((item) => (
                <tr key={item.id}>
                  <td className="bil-break">{item.to}</td>
                  <td>
                    <details>
                      <summary>{item.subject}</summary>
                      <pre className="bil-mail">{item.body}</pre>
                    </details>
                  </td>
                  <td className="bil-nowrap">{formatDateTime(lang, item.createdAt, timeZone)}</td>
                  <td>
                    {item.sentAt ? (
                      <span className="secondary">
                        {t('bilaterals.outbox.sentAt', {
                          at: formatDateTime(lang, item.sentAt, timeZone),
                        })}
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="button button--small button--secondary"
                        disabled={busy !== ''}
                        onClick={() => markSent(item.id)}
                      >
                        {t('bilaterals.outbox.markSent')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

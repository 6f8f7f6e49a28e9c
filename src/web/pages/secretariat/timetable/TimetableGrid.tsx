/**
 * The rooms × time grid of one day. Pointer events (mouse, pen, touch alike): a drag on an empty
 * slot draws a new session, a drag on a session moves it (across rooms too), a drag on its
 * bottom edge moves its end. The grid only reports where things would go; the page checks and
 * saves. Sessions are one layer of absolutely placed buttons over the columns, so a block keeps
 * its element (and the keyboard focus) when it moves to another room.
 */
import { type KeyboardEvent, type PointerEvent, useRef } from 'react';
import { formatTime, localizedText } from '../../../../platform/i18n/i18n.js';
import { useI18n } from '../../../i18n.js';
import type { ProgrammeRoom, ProgrammeSession } from '../../../types.js';
import {
  instantAt,
  minutesFrom,
  type Placement,
  SLOT_MINUTES,
  snap,
  snapDown,
  snapUp,
} from './geometry.js';

/** Pixels per 15-minute slot; the stylesheet's row lines assume the same. */
export const SLOT_PX = 16;
/** Movement (px) before a press becomes a drag; a shorter press selects. */
const DRAG_THRESHOLD = 4;

interface Drag {
  mode: 'move' | 'resize' | 'create';
  pointerId: number;
  x: number;
  y: number;
  moved: boolean;
  /** move, resize: the session; create: null. */
  session: ProgrammeSession | null;
  /** move: minutes between the block's start and the pointer. create: the pressed minute. */
  offset: number;
  roomIndex: number;
  last: Placement | null;
}

export interface GridProps {
  day: string;
  dayLabel: string;
  midnight: number;
  window: { from: number; to: number };
  timeZone: string;
  rooms: ProgrammeRoom[];
  sessions: ProgrammeSession[];
  /** Where a session (or a new one) would go while it is dragged or moved with the keys. */
  preview: Placement | null;
  /** Why the preview cannot be saved (a room clash), shown on the block. */
  clash: string | null;
  /** A warning that does not stop the save (someone due elsewhere). */
  warning: string | null;
  selected: string | null;
  busy: string | null;
  onSelect: (code: string | null) => void;
  onPreview: (placement: Placement | null) => void;
  onCommit: (placement: Placement) => void;
  onEdit: (code: string) => void;
}

export function TimetableGrid(props: GridProps) {
  const { lang, t } = useI18n();
  const { rooms, midnight, window: hours, timeZone, preview } = props;
  const board = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const slots = (hours.to - hours.from) / SLOT_MINUTES;
  const roomIndex = new Map(rooms.map((r, i) => [r.code, i]));
  const time = (minutes: number) => formatTime(lang, instantAt(midnight, minutes), timeZone);

  /** The room column and the minute under the pointer. */
  const pointAt = (clientX: number, clientY: number) => {
    const rect = board.current?.getBoundingClientRect();
    if (!rect || rooms.length === 0) return { room: 0, minute: hours.from };
    const room = Math.floor(((clientX - rect.left) / rect.width) * rooms.length);
    return {
      room: Math.min(rooms.length - 1, Math.max(0, room)),
      minute: hours.from + ((clientY - rect.top) / SLOT_PX) * SLOT_MINUTES,
    };
  };

  const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

  const placementFor = (d: Drag, clientX: number, clientY: number): Placement | null => {
    const at = pointAt(clientX, clientY);
    const room = rooms[at.room];
    if (!room) return null;
    if (d.mode === 'create') {
      const start = clamp(snapDown(Math.min(d.offset, at.minute)), hours.from, hours.to);
      const end = clamp(snapUp(Math.max(d.offset, at.minute)), hours.from, hours.to);
      const startRoom = rooms[d.roomIndex] ?? room;
      return {
        code: null,
        roomCode: startRoom.code,
        startsAt: instantAt(midnight, Math.min(start, hours.to - SLOT_MINUTES)),
        endsAt: instantAt(midnight, Math.max(end, start + SLOT_MINUTES)),
      };
    }
    const s = d.session;
    if (!s) return null;
    const start = minutesFrom(midnight, s.startsAt);
    const length = minutesFrom(midnight, s.endsAt) - start;
    if (d.mode === 'resize') {
      const end = clamp(snap(at.minute), start + SLOT_MINUTES, hours.to);
      return {
        code: s.code,
        roomCode: s.roomCode,
        startsAt: s.startsAt,
        endsAt: instantAt(midnight, end),
      };
    }
    const moved = clamp(snap(at.minute - d.offset), hours.from, hours.to - length);
    return {
      code: s.code,
      roomCode: room.code,
      startsAt: instantAt(midnight, moved),
      endsAt: instantAt(midnight, moved + length),
    };
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || props.busy) return;
    const target = event.target as HTMLElement;
    const block = target.closest<HTMLElement>('[data-session]');
    const session = block
      ? (props.sessions.find((s) => s.code === block.dataset.session) ?? null)
      : null;
    const at = pointAt(event.clientX, event.clientY);
    let mode: Drag['mode'] = 'create';
    if (session) mode = target.closest('.tt-block__resize') ? 'resize' : 'move';
    if (session?.status === 'cancelled' && mode !== 'move') return;
    drag.current = {
      mode,
      pointerId: event.pointerId,
      x: event.clientX,
      y: event.clientY,
      moved: false,
      session,
      offset: session ? at.minute - minutesFrom(midnight, session.startsAt) : at.minute,
      roomIndex: at.room,
      last: null,
    };
    event.currentTarget.setPointerCapture(event.pointerId);
    if (!session) event.preventDefault(); // no text selection while drawing
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    if (!d.moved && Math.hypot(event.clientX - d.x, event.clientY - d.y) < DRAG_THRESHOLD) return;
    d.moved = true;
    const next = placementFor(d, event.clientX, event.clientY);
    const last = d.last;
    if (
      next &&
      (!last ||
        last.roomCode !== next.roomCode ||
        last.startsAt !== next.startsAt ||
        last.endsAt !== next.endsAt)
    ) {
      d.last = next;
      props.onPreview(next);
    }
  };

  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    drag.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
    if (!d.moved) {
      props.onSelect(d.session?.code ?? null);
      if (d.session) document.getElementById(`tt-block-${d.session.code}`)?.focus();
      return;
    }
    const placement = placementFor(d, event.clientX, event.clientY) ?? d.last;
    if (placement) props.onCommit(placement);
    else props.onPreview(null);
  };

  const onPointerCancel = () => {
    if (!drag.current) return;
    drag.current = null;
    props.onPreview(null);
  };

  /** The keyboard's way to do what a drag does: the preview moves, Enter commits it. */
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, session: ProgrammeSession) => {
    if (props.busy) return;
    const current =
      preview && preview.code === session.code
        ? preview
        : {
            code: session.code,
            roomCode: session.roomCode,
            startsAt: session.startsAt,
            endsAt: session.endsAt,
          };
    const start = minutesFrom(midnight, current.startsAt);
    const end = minutesFrom(midnight, current.endsAt);
    const room = roomIndex.get(current.roomCode) ?? 0;
    const shift = (delta: number) => {
      const length = end - start;
      const moved = clamp(start + delta, hours.from, hours.to - length);
      return {
        ...current,
        startsAt: instantAt(midnight, moved),
        endsAt: instantAt(midnight, moved + length),
      };
    };
    let next: Placement | null = null;
    switch (event.key) {
      case 'ArrowUp':
        next = event.shiftKey
          ? {
              ...current,
              endsAt: instantAt(midnight, Math.max(start + SLOT_MINUTES, end - SLOT_MINUTES)),
            }
          : shift(-SLOT_MINUTES);
        break;
      case 'ArrowDown':
        next = event.shiftKey
          ? { ...current, endsAt: instantAt(midnight, Math.min(hours.to, end + SLOT_MINUTES)) }
          : shift(SLOT_MINUTES);
        break;
      case 'ArrowLeft':
      case 'ArrowRight': {
        const to = rooms[clamp(room + (event.key === 'ArrowLeft' ? -1 : 1), 0, rooms.length - 1)];
        if (to) next = { ...current, roomCode: to.code };
        break;
      }
      case 'Enter':
        event.preventDefault();
        if (preview && preview.code === session.code) props.onCommit(preview);
        else props.onEdit(session.code);
        return;
      case 'Escape':
        if (preview) {
          event.preventDefault();
          props.onPreview(null);
        }
        return;
      case 'e':
      case 'E':
        event.preventDefault();
        props.onEdit(session.code);
        return;
      default:
        return;
    }
    event.preventDefault();
    props.onSelect(session.code);
    if (next) props.onPreview(next);
  };

  const drawn = preview && preview.code === null ? preview : null;
  const columns = `repeat(${rooms.length}, minmax(8.5rem, 1fr))`;
  const hoursShown: number[] = [];
  for (let m = hours.from; m < hours.to; m += 60) hoursShown.push(m);

  const place = (p: Placement) => {
    const top = ((minutesFrom(midnight, p.startsAt) - hours.from) / SLOT_MINUTES) * SLOT_PX;
    const height =
      ((minutesFrom(midnight, p.endsAt) - minutesFrom(midnight, p.startsAt)) / SLOT_MINUTES) *
      SLOT_PX;
    const index = roomIndex.get(p.roomCode) ?? 0;
    return {
      top: `${top}px`,
      height: `${Math.max(height, SLOT_PX)}px`,
      left: `calc(${(index * 100) / rooms.length}% + 3px)`,
      width: `calc(${100 / rooms.length}% - 6px)`,
    };
  };

  return (
    <div className="tt-scroll">
      <section className="tt-grid" aria-label={t('timetable.gridLabel', { day: props.dayLabel })}>
        <div className="tt-head" style={{ gridTemplateColumns: `4.5rem ${columns}` }}>
          <div className="tt-head__corner">{t('timetable.time')}</div>
          {rooms.map((room) => (
            <div key={room.code} className="tt-head__room" data-room={room.code}>
              {localizedText(lang, room.name)}
              <span className="secondary">{room.capacity > 0 ? `${room.capacity}` : ''}</span>
            </div>
          ))}
        </div>
        <div className="tt-body" style={{ gridTemplateColumns: `4.5rem ${columns}` }}>
          <div className="tt-times" aria-hidden="true" style={{ height: `${slots * SLOT_PX}px` }}>
            {hoursShown.map((m) => (
              <span
                key={m}
                className="tt-times__label"
                style={{ top: `${((m - hours.from) / SLOT_MINUTES) * SLOT_PX}px` }}
              >
                {time(m)}
              </span>
            ))}
          </div>
          <div
            ref={board}
            className="tt-board"
            data-day={props.day}
            data-from={hours.from}
            style={{
              height: `${slots * SLOT_PX}px`,
              gridTemplateColumns: `repeat(${rooms.length}, 1fr)`,
            }}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerCancel}
            onLostPointerCapture={onPointerCancel}
          >
            {rooms.map((room) => (
              <div key={room.code} className="tt-col" data-room={room.code} />
            ))}
            {props.sessions.map((s) => {
              const moving = preview && preview.code === s.code ? preview : null;
              const at = moving ?? {
                code: s.code,
                roomCode: s.roomCode,
                startsAt: s.startsAt,
                endsAt: s.endsAt,
              };
              if (!roomIndex.has(at.roomCode)) return null;
              const clash = moving ? props.clash : null;
              const classes = [
                'tt-block',
                `tt-block--${s.kind}`,
                s.status === 'cancelled' ? 'tt-block--cancelled' : '',
                moving ? 'tt-block--moving' : '',
                clash ? 'tt-block--clash' : '',
                props.selected === s.code ? 'tt-block--selected' : '',
                props.busy === s.code ? 'tt-block--busy' : '',
              ];
              const title = localizedText(lang, s.title);
              const from = formatTime(lang, at.startsAt, timeZone);
              const to = formatTime(lang, at.endsAt, timeZone);
              return (
                <button
                  key={s.code}
                  id={`tt-block-${s.code}`}
                  type="button"
                  className={classes.filter(Boolean).join(' ')}
                  data-session={s.code}
                  data-clash={clash ? 'true' : undefined}
                  style={place(at)}
                  aria-describedby="tt-block-help"
                  onKeyDown={(event) => onKeyDown(event, s)}
                  onFocus={() => props.onSelect(s.code)}
                >
                  <span className="tt-block__body">
                    <span className="tt-block__time">
                      {from}–{to}
                    </span>
                    <span className="tt-block__title">{title}</span>
                  </span>
                  {clash ? <strong className="tt-block__reason">{clash}</strong> : null}
                  {!clash && moving && props.warning ? (
                    <span className="tt-block__reason tt-block__reason--warning">
                      {props.warning}
                    </span>
                  ) : null}
                  {s.status !== 'cancelled' ? (
                    <span className="tt-block__resize" aria-hidden="true" />
                  ) : null}
                </button>
              );
            })}
            {drawn && roomIndex.has(drawn.roomCode) ? (
              <div
                className={`tt-block tt-block--new${props.clash ? ' tt-block--clash' : ''}`}
                data-clash={props.clash ? 'true' : undefined}
                style={place(drawn)}
              >
                <span className="tt-block__time">
                  {formatTime(lang, drawn.startsAt, timeZone)}–
                  {formatTime(lang, drawn.endsAt, timeZone)}
                </span>
                {props.clash ? <strong className="tt-block__reason">{props.clash}</strong> : null}
              </div>
            ) : null}
          </div>
        </div>
      </section>
      <p id="tt-block-help" className="visually-hidden">
        {t('timetable.blockHelp')}
      </p>
    </div>
  );
}

import { type ReactNode, useEffect, useRef } from 'react';
import { statusLabel } from '../../platform/i18n/i18n.js';
import { useI18n } from '../i18n.js';

export function StatusTag({ status }: { status: string }) {
  const { lang } = useI18n();
  return (
    <strong className={`status-tag status-tag--${status}`}>{statusLabel(lang, status)}</strong>
  );
}

export function CategorySwatch({ colour }: { colour: string }) {
  return (
    <svg
      className="swatch"
      width="14"
      height="14"
      viewBox="0 0 14 14"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="0.5" y="0.5" width="13" height="13" rx="2" fill={colour} stroke="#0b0c0c" />
    </svg>
  );
}

export function Pager({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <button
        type="button"
        className="button button--secondary"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        ← {t('pager.previous')}
      </button>
      <span className="pager__status">{t('pager.status', { page, pages, total })}</span>
      <button
        type="button"
        className="button button--secondary"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t('pager.next')} →
      </button>
    </nav>
  );
}

/**
 * Previous/next through a keyset-paged list. Without page numbers, it says how many rows match
 * ("more than 10,000" past the count's cap) and offers the first page once away from it.
 */
export function CursorPager({
  total,
  totalCapped,
  previous,
  next,
  atStart,
  onMove,
}: {
  total: number;
  totalCapped: boolean;
  previous: string | null;
  next: string | null;
  /** True on the first page (no cursor in the address). */
  atStart: boolean;
  onMove: (cursor: { after?: string; before?: string }) => void;
}) {
  const { t, lang } = useI18n();
  const count = total.toLocaleString(lang);
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <button
        type="button"
        className="button button--secondary"
        disabled={atStart}
        onClick={() => onMove({})}
      >
        {t('pager.first')}
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={previous === null}
        onClick={() => previous && onMove({ before: previous })}
      >
        ← {t('pager.previous')}
      </button>
      <span className="pager__status">
        {totalCapped ? t('pager.matchingMore', { count }) : t('pager.matching', { count })}
      </span>
      <button
        type="button"
        className="button button--secondary"
        disabled={next === null}
        onClick={() => next && onMove({ after: next })}
      >
        {t('pager.next')} →
      </button>
    </nav>
  );
}

/** A modal dialog on <dialog>: the browser keeps focus inside and Escape closes it. */
export function Dialog({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="dialog-title" onClose={onClose}>
      <h2 className="heading-m" id="dialog-title">
        {title}
      </h2>
      {open ? children : null}
    </dialog>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

/** A failed load, as a sentence in the reader's language. */
export function LoadError({ error }: { error: unknown }) {
  const { errorText } = useI18n();
  return (
    <div className="notice notice--error" role="alert">
      {errorText(error)}
    </div>
  );
}

export function Counts({ counts }: { counts: Record<string, number> }) {
  const { lang } = useI18n();
  return (
    <ul className="counts">
      {(['nominated', 'approved', 'rejected', 'withdrawn'] as const).map((status) => (
        <li key={status} className={`counts__item counts__item--${status}`}>
          <span className="counts__number">{counts[status] ?? 0}</span>
          <span className="counts__label">{statusLabel(lang, status)}</span>
        </li>
      ))}
    </ul>
  );
}

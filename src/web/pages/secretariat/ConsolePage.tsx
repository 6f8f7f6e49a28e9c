import { type FormEvent, useState } from 'react';
import { localizedText } from '../../../platform/i18n/i18n.js';
import { LoadError, Loading } from '../../components/common.js';
import { TextField } from '../../components/forms.js';
import { SectionNav } from '../../components/Shell.js';
import { useEdition, useEditionSlug } from '../../hooks.js';
import { useI18n } from '../../i18n.js';
import { BoardPage } from '../bilaterals/BoardPage.js';
import { AuditPage } from './AuditPage.js';
import { BadgesPage } from './BadgesPage.js';
import { CategoriesPage } from './CategoriesPage.js';
import { DelegationDetail, DelegationsPage } from './DelegationsPage.js';
import { ExportsPage } from './ExportsPage.js';
import { QueuePage } from './QueuePage.js';
import { TimetablePage } from './TimetablePage.js';

export type ConsoleView =
  | 'queue'
  | 'delegations'
  | 'delegation'
  | 'categories'
  | 'badges'
  | 'exports'
  | 'audit'
  | 'timetable'
  | 'bilaterals';

/** The secretariat's console: one conference at a time, its sections as tabs. */
export function ConsolePage({ view, code }: { view: ConsoleView; code?: string }) {
  const { lang, t } = useI18n();
  const [slug, setSlug] = useEditionSlug();
  const edition = useEdition(slug);
  const [draft, setDraft] = useState(slug);

  const nav: { href: string; label: string; current: boolean }[] = (
    [
      ['queue', '/secretariat', 'console.tabs.queue'],
      ['delegations', '/secretariat/delegations', 'console.tabs.delegations'],
      ['categories', '/secretariat/categories', 'console.tabs.categories'],
      ['badges', '/secretariat/badges', 'console.tabs.badges'],
      ['exports', '/secretariat/exports', 'console.tabs.exports'],
      ['timetable', '/secretariat/timetable', 'timetable.tab'],
      ['bilaterals', '/secretariat/bilaterals', 'bilaterals.tab'],
      ['audit', '/secretariat/audit', 'console.tabs.audit'],
    ] as const
  ).map(([key, href, label]) => ({
    href,
    label: t(label),
    current: view === key || (key === 'delegations' && view === 'delegation'),
  }));
  nav.push({ href: '/secretariat/documents', label: t('documents.tab'), current: false });
  // The chair's desk runs the lists of speakers of this edition's sessions.
  nav.push({
    href: `/chair/${encodeURIComponent(slug)}/opening`,
    label: t('console.tabs.chair'),
    current: false,
  });

  const choose = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim()) setSlug(draft.trim());
  };

  return (
    <div>
      <div className="console-heading">
        <div>
          <p className="caption">{t('nav.secretariat')}</p>
          <h1 className="heading-xl">
            {edition.data ? localizedText(lang, edition.data.name) : slug}
          </h1>
        </div>
        <form className="edition-chooser" onSubmit={choose}>
          <TextField
            id="edition-slug"
            label={t('app.edition')}
            width="medium"
            spellCheck={false}
            value={draft}
            onChange={setDraft}
          />
          <button type="submit" className="button button--secondary">
            {t('console.showEdition')}
          </button>
        </form>
      </div>
      <SectionNav label={t('console.sectionNav')} items={nav} />
      {edition.error ? <LoadError error={edition.error} /> : null}
      {!edition.data && !edition.error ? <Loading /> : null}
      {edition.data ? (
        <>
          {view === 'queue' ? <QueuePage edition={edition.data} /> : null}
          {view === 'delegations' ? <DelegationsPage edition={edition.data} /> : null}
          {view === 'delegation' && code ? (
            <DelegationDetail edition={edition.data} code={code} />
          ) : null}
          {view === 'categories' ? (
            <CategoriesPage edition={edition.data} onSaved={edition.reload} />
          ) : null}
          {view === 'badges' ? <BadgesPage edition={edition.data} /> : null}
          {view === 'exports' ? <ExportsPage edition={edition.data} /> : null}
          {view === 'audit' ? <AuditPage edition={edition.data} /> : null}
          {view === 'timetable' ? <TimetablePage edition={edition.data} /> : null}
          {view === 'bilaterals' ? <BoardPage edition={edition.data} /> : null}
        </>
      ) : null}
    </div>
  );
}

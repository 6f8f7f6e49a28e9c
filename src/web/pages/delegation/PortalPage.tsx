import { useEffect, useState } from 'react';
import { localizedText } from '../../../platform/i18n/i18n.js';
import { api } from '../../api.js';
import { Counts, LoadError, Loading } from '../../components/common.js';
import { Notice } from '../../components/forms.js';
import { SectionNav } from '../../components/Shell.js';
import { useEdition, useLoad } from '../../hooks.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { AgendaPage } from './AgendaPage.js';
import { CredentialsPanel } from './CredentialsPanel.js';
import { DeadlineBanner } from './DeadlineBanner.js';
import { ImportPanel } from './ImportPanel.js';
import { MemberForm } from './MemberForm.js';
import { MemberPage } from './MemberPage.js';
import { MembersList } from './MembersList.js';
import { ReadoutPanel } from './ReadoutPanel.js';

export type PortalView =
  | 'members'
  | 'nominate'
  | 'import'
  | 'credentials'
  | 'member'
  | 'agenda'
  | 'readout';

/** The focal point's portal: the delegation, its deadlines, and its members' nominations. */
export function PortalPage({ view, memberId }: { view: PortalView; memberId?: string }) {
  const { lang, t } = useI18n();
  const { user } = useSession();
  const own = user?.delegation;
  const slug = own?.editionSlug ?? '';
  const code = own?.code ?? '';
  const edition = useEdition(slug);
  const delegation = useLoad(
    () => (code ? api.delegation(slug, code) : Promise.reject(new Error('none'))),
    [slug, code],
  );
  const [notice, setNotice] = useState('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: a message belongs to the view it was shown in
  useEffect(() => setNotice(''), [view, memberId]);

  if (!own) return <p>{t('portal.noDelegation')}</p>;
  if (edition.error) return <LoadError error={edition.error} />;
  if (delegation.error) return <LoadError error={delegation.error} />;
  if (!edition.data || !delegation.data) return <Loading />;
  const d = delegation.data;
  const e = edition.data;

  const nav = [
    {
      href: '/portal',
      label: t('portal.tabs.members'),
      current: view === 'members' || view === 'member',
    },
    { href: '/portal/nominate', label: t('portal.tabs.nominate'), current: view === 'nominate' },
    { href: '/portal/import', label: t('portal.tabs.import'), current: view === 'import' },
    {
      href: '/portal/credentials',
      label: t('portal.tabs.credentials'),
      current: view === 'credentials',
    },
    { href: '/portal/agenda', label: t('agenda.tab'), current: view === 'agenda' },
    { href: '/portal/speakers', label: t('portal.tabs.speakers'), current: false },
    { href: '/portal/bilaterals', label: t('bilaterals.portalTab'), current: false },
    { href: '/portal/documents', label: t('documents.tab'), current: false },
    { href: '/portal/readout', label: t('readout.tab'), current: view === 'readout' },
  ];

  return (
    <div>
      <p className="caption">{localizedText(lang, e.name)}</p>
      <h1 className="heading-xl">{t('portal.title', { delegation: d.name })}</h1>
      <div className="delegation-header">
        <dl className="summary-list summary-list--compact">
          <div className="summary-list__row">
            <dt>{t('portal.head')}</dt>
            <dd>
              {d.head ? (
                <>
                  {d.head.displayName}
                  {d.head.title ? (
                    <span className="secondary">{localizedText(lang, d.head.title)}</span>
                  ) : null}
                </>
              ) : (
                t('portal.noHead')
              )}
            </dd>
          </div>
          {typeof d.composition === 'string' && d.composition ? (
            <div className="summary-list__row">
              <dt>{t('portal.composition')}</dt>
              <dd>{d.composition}</dd>
            </div>
          ) : null}
        </dl>
        <div>
          <h2 className="visually-hidden">{t('portal.counts')}</h2>
          <Counts counts={d.counts} />
        </div>
      </div>
      <DeadlineBanner edition={e} reopenedUntil={d.reopenedUntil} />
      <SectionNav label={t('nav.portal')} items={nav} />
      <Notice>{notice}</Notice>
      {view === 'members' ? <MembersList edition={e} code={code} /> : null}
      {view === 'member' && memberId ? (
        <MemberPage edition={e} id={memberId} onChanged={delegation.reload} />
      ) : null}
      {view === 'nominate' ? (
        <section aria-labelledby="nominate-title">
          <h2 className="heading-l" id="nominate-title">
            {t('member.nominateTitle')}
          </h2>
          <MemberForm
            categories={e.categories}
            submitLabel={t('member.submitNominate')}
            onSubmit={async (input) => {
              const created = await api.nominate(slug, code, input);
              setNotice(t('member.nominated', { name: created.displayName }));
              delegation.reload();
              window.scrollTo(0, 0);
            }}
          />
        </section>
      ) : null}
      {view === 'import' ? (
        <ImportPanel edition={e} code={code} onImported={delegation.reload} />
      ) : null}
      {view === 'agenda' ? <AgendaPage edition={e} delegation={d} /> : null}
      {view === 'readout' ? <ReadoutPanel slug={slug} code={code} /> : null}
      {view === 'credentials' ? (
        <CredentialsPanel edition={e} delegation={d} onChanged={delegation.reload} />
      ) : null}
    </div>
  );
}

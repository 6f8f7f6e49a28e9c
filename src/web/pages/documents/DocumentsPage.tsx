/**
 * Negotiating an outcome document, for focal points (`/portal/documents…`) and the secretariat as
 * facilitator (`/secretariat/documents…`): the documents of the edition; one document's current
 * text with its brackets; amendments (proposed by delegations, decided by the facilitator into
 * the next version); versions compared word by word; adoption by consensus or silence procedure.
 * The silence deadline is shown in the venue's time zone.
 */
import { type FormEvent, useState } from 'react';
import { formatDateTime, localizedText } from '../../../platform/i18n/i18n.js';
import { LoadError, Loading } from '../../components/common.js';
import { Notice, SelectField, TextAreaField, TextField } from '../../components/forms.js';
import { useEdition, useEditionSlug, useLoad } from '../../hooks.js';
import { useI18n } from '../../i18n.js';
import { Link } from '../../router.js';
import { useSession } from '../../session.js';
import type { Edition } from '../../types.js';
import { ComparisonView, DocumentText } from './DocumentText.js';
import {
  type AmendmentKind,
  type AmendmentView,
  aknHref,
  type Decision,
  type DocumentView,
  documents,
  exportHref,
  type VersionParagraph,
} from './documents.client.js';
import './documents.css';

type Audience = 'portal' | 'secretariat';

function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const key = (
    {
      draft: 'documents.status.draft',
      under_negotiation: 'documents.status.under_negotiation',
      adopted: 'documents.status.adopted',
      published: 'documents.status.published',
      proposed: 'documents.amendmentStatus.proposed',
      accepted: 'documents.amendmentStatus.accepted',
      rejected: 'documents.amendmentStatus.rejected',
      merged: 'documents.amendmentStatus.merged',
      bracketed: 'documents.amendmentStatus.bracketed',
      withdrawn: 'documents.amendmentStatus.withdrawn',
    } as const
  )[status];
  return <strong className={`doc-status doc-status--${status}`}>{key ? t(key) : status}</strong>;
}

/** The edition's slug for either audience: the focal point's own, the secretariat's choice. */
function useSlug(): string {
  const [slug] = useEditionSlug();
  return slug;
}

export function DocumentsListPage({ audience }: { audience: Audience }) {
  const { lang, t } = useI18n();
  const slug = useSlug();
  const list = useLoad(() => documents.list(slug), [slug]);
  const base = audience === 'portal' ? '/portal/documents' : '/secretariat/documents';
  return (
    <div className="documents">
      <p className="caption">{slug}</p>
      <h1 className="heading-xl">{t('documents.title')}</h1>
      {audience === 'portal' ? (
        <p>
          <Link href="/portal">{t('documents.backToPortal')}</Link>
        </p>
      ) : (
        <p>
          <Link href="/secretariat">{t('documents.backToConsole')}</Link>
        </p>
      )}
      {list.error ? <LoadError error={list.error} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && list.data.length === 0 ? <p>{t('documents.none')}</p> : null}
      {list.data && list.data.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('documents.col.title')}</th>
              <th scope="col">{t('documents.col.status')}</th>
              <th scope="col" className="numeric">
                {t('documents.col.version')}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((d) => (
              <tr key={d.code}>
                <th scope="row">
                  <Link href={`${base}/${encodeURIComponent(d.code)}`}>
                    {localizedText(lang, d.title)}
                  </Link>
                </th>
                <td>
                  <StatusBadge status={d.status} />
                </td>
                <td className="numeric">{d.currentVersion}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

export function DocumentPage({ audience, code }: { audience: Audience; code: string }) {
  const { lang, t, errorText } = useI18n();
  const slug = useSlug();
  const { user } = useSession();
  const own = user?.delegation?.code ?? null;
  const edition = useEdition(slug);
  const document = useLoad(() => documents.get(slug, code, lang), [slug, code]);
  const amendments = useLoad(() => documents.amendments(slug, code), [slug, code]);
  const [proposingOn, setProposingOn] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');

  const reload = () => {
    document.reload();
    amendments.reload();
  };
  const act = async (run: () => Promise<unknown>, done: string) => {
    setError('');
    setNotice('');
    try {
      await run();
      setNotice(done);
      reload();
    } catch (caught) {
      setError(errorText(caught));
    }
  };

  if (document.error) return <LoadError error={document.error} />;
  if (!document.data || !edition.data) return <Loading />;
  const d = document.data;
  const e = edition.data;
  const negotiable = d.status === 'draft' || d.status === 'under_negotiation';
  const silenceRunning =
    Boolean(d.silenceDeadline) && !d.silenceBrokenAt && d.status === 'under_negotiation';
  const canPropose = audience === 'portal' && d.status === 'under_negotiation' && !silenceRunning;
  const back = audience === 'portal' ? '/portal/documents' : '/secretariat/documents';

  return (
    <div className="documents">
      <p>
        <Link href={back}>{t('documents.backToList')}</Link>
      </p>
      <p className="caption">{localizedText(lang, e.name)}</p>
      <h1 className="heading-xl">{localizedText(lang, d.title)}</h1>
      <p className="doc-meta">
        <StatusBadge status={d.status} />{' '}
        <span>{t('documents.versionN', { n: d.currentVersion })}</span>
        {d.adoptedAt ? (
          <span>
            {' · '}
            {t(
              d.adoptionMethod === 'silence'
                ? 'documents.adoptedBySilence'
                : 'documents.adoptedByConsensus',
              {
                at: formatDateTime(lang, d.adoptedAt, e.timeZone),
              },
            )}
          </span>
        ) : null}
      </p>
      <ExportLinks slug={slug} document={d} />
      {silenceRunning && d.silenceDeadline ? (
        <div className="notice notice--warning doc-silence" role="status">
          <p>
            {t('documents.silenceRunning', {
              deadline: formatDateTime(lang, d.silenceDeadline, e.timeZone),
              zone: e.timeZone,
            })}
          </p>
          {audience === 'portal' ? (
            <ObjectForm
              onObject={(reason) =>
                act(() => documents.object(slug, code, reason), t('documents.objected'))
              }
            />
          ) : null}
        </div>
      ) : null}
      {d.silenceBrokenAt ? (
        <p className="notice notice--info">
          {t('documents.silenceBroken', {
            at: formatDateTime(lang, d.silenceBrokenAt, e.timeZone),
          })}
          {d.objections && d.objections.length > 0
            ? ` ${d.objections.map((o) => `${o.delegation}${o.reason ? `: ${o.reason}` : ''}`).join('; ')}`
            : ''}
        </p>
      ) : null}
      <Notice>{notice}</Notice>
      {error ? (
        <div className="notice notice--error" role="alert">
          {error}
        </div>
      ) : null}
      {audience === 'secretariat' ? (
        <FacilitatorActions
          document={d}
          onAct={(run, done) => act(run, done)}
          slug={slug}
          silenceRunning={silenceRunning}
        />
      ) : null}

      <div className="doc-layout">
        <section aria-labelledby="doc-current" className="doc-current">
          <h2 className="heading-l" id="doc-current">
            {t('documents.currentText')}
          </h2>
          {d.current ? (
            <DocumentText
              version={d.current}
              actions={
                canPropose
                  ? (paragraphId) =>
                      proposingOn === paragraphId ? null : (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => setProposingOn(paragraphId)}
                        >
                          {t('documents.propose')}
                        </button>
                      )
                  : undefined
              }
            />
          ) : (
            <p>{t('documents.noText')}</p>
          )}
          {canPropose && proposingOn && d.current ? (
            <AmendmentForm
              key={proposingOn}
              paragraph={d.current.paragraphs.find((p) => p.id === proposingOn)}
              paragraphId={proposingOn}
              own={own}
              onCancel={() => setProposingOn(null)}
              onSubmit={async (input) => {
                await documents.propose(slug, code, input);
                setProposingOn(null);
                setNotice(t('documents.proposed'));
                amendments.reload();
              }}
            />
          ) : null}
        </section>
      </div>

      <AmendmentsSection
        audience={audience}
        own={own}
        document={d}
        amendments={amendments.data}
        loadError={amendments.error}
        negotiable={negotiable && !silenceRunning}
        onAct={act}
        slug={slug}
      />
      <VersionsSection slug={slug} document={d} edition={e} />
    </div>
  );
}

function ExportLinks({ slug, document: d }: { slug: string; document: DocumentView }) {
  const { lang, t } = useI18n();
  const n = d.currentVersion;
  return (
    <p className="doc-exports">
      <span className="secondary">{t('documents.export')}</span>{' '}
      <a href={exportHref(slug, d.code, n, 'html', lang)} target="_blank" rel="noopener">
        HTML
      </a>{' '}
      <a href={exportHref(slug, d.code, n, 'pdf', lang)}>PDF</a>{' '}
      <a href={exportHref(slug, d.code, n, 'docx', lang)}>DOCX</a>
      {d.status === 'adopted' || d.status === 'published' ? (
        <>
          {' '}
          <a href={aknHref(slug, d.code, lang)}>Akoma Ntoso</a>
        </>
      ) : null}
    </p>
  );
}

function ObjectForm({ onObject }: { onObject: (reason: string) => Promise<void> }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onObject(reason);
  };
  return (
    <form onSubmit={submit} className="doc-object">
      <TextField
        id="objection-reason"
        label={t('documents.objectionReason')}
        value={reason}
        onChange={setReason}
      />
      <button type="submit" className="button button--warning">
        {t('documents.object')}
      </button>
    </form>
  );
}

function FacilitatorActions({
  document: d,
  slug,
  silenceRunning,
  onAct,
}: {
  document: DocumentView;
  slug: string;
  silenceRunning: boolean;
  onAct: (run: () => Promise<unknown>, done: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [hours, setHours] = useState('72');
  return (
    <div className="panel doc-facilitator">
      <h2 className="heading-m">{t('documents.facilitator')}</h2>
      <div className="button-group">
        {d.status === 'draft' ? (
          <button
            type="button"
            className="button"
            onClick={() =>
              onAct(() => documents.openNegotiation(slug, d.code), t('documents.opened'))
            }
          >
            {t('documents.openNegotiation')}
          </button>
        ) : null}
        {d.status === 'under_negotiation' ? (
          <button
            type="button"
            className="button"
            onClick={() => onAct(() => documents.adopt(slug, d.code), t('documents.adopted'))}
          >
            {t('documents.adoptConsensus')}
          </button>
        ) : null}
        {d.status === 'adopted' ? (
          <button
            type="button"
            className="button"
            onClick={() =>
              onAct(() => documents.publish(slug, d.code), t('documents.publishedNotice'))
            }
          >
            {t('documents.publish')}
          </button>
        ) : null}
      </div>
      {d.status === 'under_negotiation' && !silenceRunning ? (
        <form
          className="doc-silence-form"
          onSubmit={(event) => {
            event.preventDefault();
            void onAct(
              () => documents.startSilence(slug, d.code, Number(hours) || undefined),
              t('documents.silenceStarted'),
            );
          }}
        >
          <TextField
            id="silence-hours"
            label={t('documents.silenceHours')}
            width="short"
            inputMode="numeric"
            value={hours}
            onChange={setHours}
          />
          <button type="submit" className="button button--secondary">
            {t('documents.startSilence')}
          </button>
        </form>
      ) : null}
    </div>
  );
}

interface ProposalInput {
  paragraphId: string;
  kind: AmendmentKind;
  change: Record<string, unknown>;
  reason?: string;
  cosponsors?: string[];
}

/** Offsets of `words` in the paragraph's printed text; null when the words are not found. */
function spanOf(text: string, words: string): { start: number; end: number } | null {
  const start = text.indexOf(words);
  return start < 0 ? null : { start, end: start + words.length };
}

function AmendmentForm({
  paragraph,
  paragraphId,
  own,
  onSubmit,
  onCancel,
}: {
  paragraph: VersionParagraph | undefined;
  paragraphId: string;
  own: string | null;
  onSubmit: (input: ProposalInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, errorText } = useI18n();
  const [kind, setKind] = useState<AmendmentKind>('replace');
  const [words, setWords] = useState('');
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [cosponsors, setCosponsors] = useState('');
  const [paragraphKind, setParagraphKind] = useState('operative');
  const [error, setError] = useState('');
  const printed = paragraph?.text ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError('');
    let change: Record<string, unknown>;
    const span = words ? spanOf(printed, words) : null;
    if (words && !span) {
      setError(t('documents.wordsNotFound'));
      return;
    }
    if (kind === 'replace') change = { text, ...(span ?? {}) };
    else if (kind === 'insert') change = { text, at: span ? span.end : printed.length };
    else if (kind === 'delete') change = { ...(span ?? {}) };
    else change = { text, paragraphKind };
    const codes = cosponsors
      .split(/[\s,、]+/u)
      .map((c) => c.trim().toUpperCase())
      .filter((c) => c && c !== own);
    try {
      await onSubmit({
        paragraphId,
        kind,
        change,
        ...(reason ? { reason } : {}),
        ...(codes.length > 0 ? { cosponsors: codes } : {}),
      });
    } catch (caught) {
      setError(errorText(caught));
    }
  };

  const wordsLabel =
    kind === 'insert'
      ? t('documents.form.after')
      : kind === 'delete'
        ? t('documents.form.deleteWords')
        : t('documents.form.replaceWords');
  return (
    <form className="panel doc-amend" onSubmit={submit} aria-labelledby="amend-title">
      <h3 className="heading-m" id="amend-title">
        {t('documents.form.title', { n: paragraph?.number || paragraphId })}
      </h3>
      {printed ? <blockquote className="doc-amend__original">{printed}</blockquote> : null}
      {error ? (
        <div className="notice notice--error" role="alert">
          {error}
        </div>
      ) : null}
      <SelectField
        id="amend-kind"
        label={t('documents.form.kind')}
        value={kind}
        onChange={(value) => setKind(value as AmendmentKind)}
        options={(['replace', 'insert', 'delete', 'new_paragraph'] as const).map((value) => ({
          value,
          label: t(`documents.kind.${value}`),
        }))}
      />
      {kind !== 'new_paragraph' ? (
        <TextField
          id="amend-words"
          label={wordsLabel}
          hint={t('documents.form.wordsHint')}
          value={words}
          onChange={setWords}
        />
      ) : (
        <SelectField
          id="amend-paragraph-kind"
          label={t('documents.form.paragraphKind')}
          value={paragraphKind}
          onChange={setParagraphKind}
          options={[
            { value: 'operative', label: t('documents.form.operative') },
            { value: 'preambular', label: t('documents.form.preambular') },
          ]}
        />
      )}
      {kind !== 'delete' ? (
        <TextAreaField
          id="amend-text"
          label={t('documents.form.text')}
          rows={3}
          value={text}
          onChange={setText}
        />
      ) : null}
      <TextAreaField
        id="amend-reason"
        label={t('documents.form.reason')}
        rows={2}
        value={reason}
        onChange={setReason}
      />
      <TextField
        id="amend-cosponsors"
        label={t('documents.form.cosponsors')}
        hint={t('documents.form.cosponsorsHint')}
        value={cosponsors}
        onChange={setCosponsors}
      />
      <div className="button-group">
        <button type="submit" className="button">
          {t('documents.form.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('documents.form.cancel')}
        </button>
      </div>
    </form>
  );
}

function changeText(amendment: AmendmentView, t: ReturnType<typeof useI18n>['t']): string {
  const c = amendment.change;
  switch (amendment.kind) {
    case 'replace':
      return c.original ? `“${c.original}” → “${c.text ?? ''}”` : `→ “${c.text ?? ''}”`;
    case 'insert':
      return `+ “${c.text ?? ''}”`;
    case 'delete':
      return c.original ? `− “${c.original}”` : t('documents.deleteParagraph');
    default:
      return `+¶ “${c.text ?? ''}”`;
  }
}

function AmendmentsSection({
  audience,
  own,
  document: d,
  amendments,
  loadError,
  negotiable,
  onAct,
  slug,
}: {
  audience: Audience;
  own: string | null;
  document: DocumentView;
  amendments: AmendmentView[] | undefined;
  loadError: unknown;
  negotiable: boolean;
  onAct: (run: () => Promise<unknown>, done: string) => Promise<void>;
  slug: string;
}) {
  const { t } = useI18n();
  const [decisions, setDecisions] = useState<Record<string, Decision | ''>>({});
  const [merge, setMerge] = useState<Record<string, boolean>>({});
  const [mergeText, setMergeText] = useState('');
  const [mergeBracket, setMergeBracket] = useState(false);
  const [label, setLabel] = useState('');
  const numbers = new Map((d.current?.paragraphs ?? []).map((p) => [p.id, p.number]));
  const facilitator = audience === 'secretariat' && negotiable;

  if (loadError) return <LoadError error={loadError} />;
  if (!amendments) return <Loading />;
  const merging = amendments.filter((a) => merge[a.id]);

  const issue = (event: FormEvent) => {
    event.preventDefault();
    const chosen = Object.entries(decisions).filter(
      (entry): entry is [string, Decision] => entry[1] !== '' && !merge[entry[0]],
    );
    const first = merging[0];
    const input = {
      label: { en: label || `Version ${d.currentVersion + 1}` },
      decisions: chosen.map(([amendmentId, decision]) => ({ amendmentId, decision })),
      ...(first
        ? {
            merges: [
              {
                amendmentIds: merging.map((a) => a.id),
                paragraphId: first.paragraphId,
                ...(mergeText ? { text: mergeText } : {}),
                ...(mergeBracket ? { bracket: true } : {}),
              },
            ],
          }
        : {}),
    };
    void onAct(
      async () => {
        await documents.issueVersion(slug, d.code, input);
        setDecisions({});
        setMerge({});
        setMergeText('');
        setLabel('');
      },
      t('documents.versionIssued', { n: d.currentVersion + 1 }),
    );
  };

  return (
    <section aria-labelledby="doc-amendments" className="doc-amendments">
      <h2 className="heading-l" id="doc-amendments">
        {t('documents.amendments')}
      </h2>
      {amendments.length === 0 ? <p>{t('documents.noAmendments')}</p> : null}
      {amendments.length > 0 ? (
        <form onSubmit={issue}>
          <div className="table-wrap">
            <table className="table doc-amendments__table">
              <thead>
                <tr>
                  <th scope="col">{t('documents.col.paragraph')}</th>
                  <th scope="col">{t('documents.col.change')}</th>
                  <th scope="col">{t('documents.col.proposer')}</th>
                  <th scope="col">{t('documents.col.status')}</th>
                  <th scope="col">{t('documents.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {amendments.map((a) => (
                  <tr key={a.id} data-amendment={a.id}>
                    <td>{numbers.get(a.paragraphId) || a.paragraphId}</td>
                    <td>
                      <span className="doc-change-text">{changeText(a, t)}</span>
                      <span className="secondary doc-kind">{t(`documents.kind.${a.kind}`)}</span>
                      {a.reason ? <span className="secondary doc-reason">{a.reason}</span> : null}
                    </td>
                    <td>
                      {a.proposer}
                      {a.cosponsors.length > 0 ? (
                        <span className="secondary"> + {a.cosponsors.join(', ')}</span>
                      ) : null}
                    </td>
                    <td>
                      <StatusBadge status={a.status} />
                      {a.appliedInVersion ? (
                        <span className="secondary">
                          {' '}
                          {t('documents.inVersion', { n: a.appliedInVersion })}
                        </span>
                      ) : null}
                    </td>
                    <td className="doc-actions">
                      {facilitator && a.status === 'proposed' ? (
                        <>
                          <SelectField
                            id={`decision-${a.id}`}
                            label={t('documents.decision')}
                            value={decisions[a.id] ?? ''}
                            placeholder={t('documents.decide.none')}
                            onChange={(value) =>
                              setDecisions((all) => ({ ...all, [a.id]: value as Decision | '' }))
                            }
                            options={(['accept', 'reject', 'bracket', 'options'] as const).map(
                              (value) => ({
                                value,
                                label: t(`documents.decide.${value}`),
                              }),
                            )}
                          />
                          <label className="doc-merge">
                            <input
                              type="checkbox"
                              checked={merge[a.id] ?? false}
                              onChange={(event) =>
                                setMerge((all) => ({ ...all, [a.id]: event.target.checked }))
                              }
                            />{' '}
                            {t('documents.mergeThis')}
                          </label>
                        </>
                      ) : null}
                      {audience === 'portal' &&
                      negotiable &&
                      a.status === 'proposed' &&
                      a.proposer === own ? (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() =>
                            onAct(
                              () => documents.withdraw(slug, d.code, a.id),
                              t('documents.withdrawn'),
                            )
                          }
                        >
                          {t('documents.withdraw')}
                        </button>
                      ) : null}
                      {audience === 'portal' &&
                      negotiable &&
                      a.status === 'proposed' &&
                      own &&
                      a.proposer !== own &&
                      !a.cosponsors.includes(own) ? (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() =>
                            onAct(
                              () => documents.cosponsor(slug, d.code, a.id),
                              t('documents.cosponsored'),
                            )
                          }
                        >
                          {t('documents.cosponsor')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {facilitator ? (
            <div className="panel doc-issue">
              <h3 className="heading-m">
                {t('documents.issueTitle', { n: d.currentVersion + 1 })}
              </h3>
              {merging.length > 0 ? (
                <>
                  <p>{t('documents.merging', { n: merging.length })}</p>
                  <TextAreaField
                    id="merge-text"
                    label={t('documents.mergeText')}
                    hint={t('documents.mergeTextHint')}
                    rows={3}
                    value={mergeText}
                    onChange={setMergeText}
                  />
                  <label className="doc-merge">
                    <input
                      type="checkbox"
                      checked={mergeBracket}
                      onChange={(event) => setMergeBracket(event.target.checked)}
                    />{' '}
                    {t('documents.mergeBracket')}
                  </label>
                </>
              ) : null}
              <TextField
                id="version-label"
                label={t('documents.versionLabel')}
                value={label}
                onChange={setLabel}
              />
              <button type="submit" className="button">
                {t('documents.issue', { n: d.currentVersion + 1 })}
              </button>
            </div>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}

function VersionsSection({
  slug,
  document: d,
  edition,
}: {
  slug: string;
  document: DocumentView;
  edition: Edition;
}) {
  const { lang, t, errorText } = useI18n();
  const numbers = d.versions.map((v) => v.number);
  const [from, setFrom] = useState(String(Math.max(1, d.currentVersion - 1)));
  const [to, setTo] = useState(String(d.currentVersion));
  const [shown, setShown] = useState<{ from: number; to: number } | null>(null);
  const comparison = useLoad(
    () =>
      shown
        ? // Compared in the negotiating language, the one amendments change.
          documents.compare(slug, d.code, shown.from, shown.to, d.current?.content.language ?? lang)
        : Promise.resolve(null),
    [slug, d.code, shown?.from, shown?.to],
  );
  const options = numbers.map((n) => ({ value: String(n), label: t('documents.versionN', { n }) }));
  return (
    <section aria-labelledby="doc-versions" className="doc-versions">
      <h2 className="heading-l" id="doc-versions">
        {t('documents.versions')}
      </h2>
      <ol className="doc-version-list">
        {d.versions.map((v) => (
          <li key={v.number}>
            <strong>{t('documents.versionN', { n: v.number })}</strong>{' '}
            {localizedText(lang, v.label)}{' '}
            <span className="secondary">{formatDateTime(lang, v.createdAt, edition.timeZone)}</span>{' '}
            <a href={exportHref(slug, d.code, v.number, 'pdf', lang)}>PDF</a>
          </li>
        ))}
      </ol>
      {numbers.length > 1 ? (
        <form
          className="doc-compare-form"
          onSubmit={(event) => {
            event.preventDefault();
            setShown({ from: Number(from), to: Number(to) });
          }}
        >
          <SelectField
            id="compare-from"
            label={t('documents.compareFrom')}
            value={from}
            onChange={setFrom}
            options={options}
          />
          <SelectField
            id="compare-to"
            label={t('documents.compareTo')}
            value={to}
            onChange={setTo}
            options={options}
          />
          <button type="submit" className="button button--secondary">
            {t('documents.compare')}
          </button>
        </form>
      ) : null}
      {comparison.error ? (
        <p className="notice notice--error">{errorText(comparison.error)}</p>
      ) : null}
      {comparison.data ? <ComparisonView comparison={comparison.data} /> : null}
    </section>
  );
}

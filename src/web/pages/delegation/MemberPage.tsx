import { useState } from 'react';
import { formatDate, formatDateTime } from '../../../platform/i18n/i18n.js';
import { api } from '../../api.js';
import { LoadError, Loading, StatusTag } from '../../components/common.js';
import { apiErrors, ErrorSummary, type Errors, Notice } from '../../components/forms.js';
import { useLoad } from '../../hooks.js';
import { useI18n } from '../../i18n.js';
import { Link } from '../../router.js';
import type { Edition, Participant } from '../../types.js';
import { MemberForm } from './MemberForm.js';
import { PhotoPanel } from './PhotoPanel.js';

export function MemberPage({
  edition,
  id,
  onChanged,
}: {
  edition: Edition;
  id: string;
  onChanged: () => void;
}) {
  const { lang, t, errorText } = useI18n();
  const loaded = useLoad(() => api.participant(id), [id]);
  const [participant, setParticipant] = useState<Participant | null>(null);
  const [notice, setNotice] = useState('');
  const [errors, setErrors] = useState<Errors>([]);
  const current = participant?.id === id ? participant : loaded.data;
  if (!current) return loaded.error ? <LoadError error={loaded.error} /> : <Loading />;
  const zone = edition.timeZone;

  const update = (next: Participant, message: string) => {
    setParticipant(next);
    setNotice(message);
    onChanged();
  };

  const withdraw = async () => {
    if (!window.confirm(t('member.withdrawConfirm', { name: current.displayName }))) return;
    try {
      update(await api.withdraw(current.id), t('member.withdrawn'));
      setErrors([]);
    } catch (error) {
      setErrors(apiErrors(error, errorText));
    }
  };
  const makeHead = async () => {
    try {
      await api.setHead(edition.slug, current.delegationCode, current.id);
      setNotice(t('portal.headSet', { name: current.displayName }));
      setErrors([]);
      onChanged();
    } catch (error) {
      setErrors(apiErrors(error, errorText));
    }
  };

  return (
    <div>
      <p>
        <Link href="/portal" className="back-link">
          {t('member.back')}
        </Link>
      </p>
      <ErrorSummary errors={errors} />
      <Notice>{notice}</Notice>
      <h2 className="heading-l">{current.displayName}</h2>
      <div className="member-layout">
        <div>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{t('member.state')}</dt>
              <dd>
                <StatusTag status={current.status} />
                {current.decidedAt ? (
                  <span className="secondary">
                    {t('member.decidedAt', { date: formatDate(lang, current.decidedAt, zone) })}
                  </span>
                ) : null}
                {current.status === 'rejected' && current.decisionReason ? (
                  <p className="reason">
                    {t('member.rejectedBecause', { reason: current.decisionReason })}
                  </p>
                ) : null}
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('nav.checkIn')}</dt>
              <dd>
                {current.checkedInAt
                  ? t('member.checkedInAt', {
                      time: formatDateTime(lang, current.checkedInAt, zone),
                    })
                  : t('member.notCheckedIn')}
              </dd>
            </div>
            {current.status === 'approved' ? (
              <div className="summary-list__row">
                <dt>{t('member.badge')}</dt>
                <dd>
                  <a href={api.badgeUrl(current.id)}>{t('member.badge')}</a>
                </dd>
              </div>
            ) : null}
          </dl>
          <div className="button-group">
            {current.status !== 'withdrawn' && current.status !== 'rejected' ? (
              <button type="button" className="button button--secondary" onClick={makeHead}>
                {t('portal.setHead')}
              </button>
            ) : null}
            {current.status !== 'withdrawn' ? (
              <button type="button" className="button button--warning" onClick={withdraw}>
                {t('member.withdraw')}
              </button>
            ) : null}
          </div>
        </div>
        <PhotoPanel
          participant={current}
          onUploaded={(p) => update(p, t('member.photoUploaded'))}
        />
      </div>
      <h2 className="heading-l">{t('member.editTitle', { name: current.displayName })}</h2>
      {current.status === 'approved' ? (
        <Notice tone="warning">{t('member.editAfterApproval')}</Notice>
      ) : null}
      <MemberForm
        key={`${current.id}:${current.version}`}
        participant={current}
        categories={edition.categories}
        submitLabel={t('member.submitSave')}
        onSubmit={async (input) => {
          update(
            await api.updateParticipant(current.id, { ...input, version: current.version }),
            t('member.updated'),
          );
          window.scrollTo(0, 0);
        }}
      />
    </div>
  );
}

import { type FormEvent, useState } from 'react';
import { formatDateTime, roleLabel } from '../../../platform/i18n/i18n.js';
import { api, isApiError } from '../../api.js';
import { LoadError, Loading } from '../../components/common.js';
import {
  apiErrors,
  ErrorSummary,
  type Errors,
  errorFor,
  TextField,
} from '../../components/forms.js';
import { useLoad } from '../../hooks.js';
import { useI18n } from '../../i18n.js';
import { navigate } from '../../router.js';
import { useSession } from '../../session.js';
import { homeOf } from './SignInPage.js';

const MIN_PASSWORD = 12;

export function InvitationPage({ token }: { token: string }) {
  const { lang, t, errorText } = useI18n();
  const { signedIn } = useSession();
  const invitation = useLoad(() => api.invitation(token), [token]);
  const [displayName, setDisplayName] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>([]);
  const [busy, setBusy] = useState(false);

  if (invitation.loading && !invitation.data) return <Loading />;
  if (invitation.error || !invitation.data) {
    return (
      <div className="narrow">
        <h1 className="heading-xl">{t('invitation.title')}</h1>
        {/* A malformed token (400), an unknown one (404) and a used or expired one (410) are all
            the same to the person holding the link. */}
        {isApiError(invitation.error) && [400, 404, 410].includes(invitation.error.status) ? (
          <div className="notice notice--error" role="alert">
            {t('invitation.invalid')}
          </div>
        ) : (
          <LoadError error={invitation.error} />
        )}
      </div>
    );
  }
  const data = invitation.data;
  const name = displayName ?? data.displayName;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = [];
    if (password.length < MIN_PASSWORD)
      found.push({ field: 'password', message: t('invitation.passwordTooShort') });
    else if (password !== confirm)
      found.push({ field: 'confirm', message: t('invitation.passwordMismatch') });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const result = await api.acceptInvitation(token, password, name.trim() || undefined);
      signedIn(result.user, result.csrfToken);
      navigate(homeOf(result.user));
    } catch (error) {
      setErrors(apiErrors(error, errorText, { password: 'password', displayName: 'displayName' }));
    } finally {
      setBusy(false);
    }
  };

  const role = roleLabel(lang, data.role);
  const editionName = data.edition?.name ?? '';
  return (
    <div className="narrow">
      <ErrorSummary errors={errors} />
      <h1 className="heading-xl">{t('invitation.title')}</h1>
      <div className="panel">
        <p>
          {data.delegation
            ? t('invitation.invitedAs', {
                role,
                delegation: data.delegation.name,
                edition: editionName,
              })
            : t('invitation.invitedAsNoDelegation', { role, edition: editionName })}
        </p>
        <p>{t('invitation.email', { email: data.email })}</p>
        <p className="secondary">
          {t('invitation.expires', {
            date: formatDateTime(
              lang,
              data.expiresAt,
              Intl.DateTimeFormat().resolvedOptions().timeZone,
            ),
          })}
        </p>
      </div>
      <form onSubmit={submit} noValidate>
        <TextField
          id="displayName"
          label={t('invitation.displayName')}
          autoComplete="name"
          value={name}
          onChange={setDisplayName}
          error={errorFor(errors, 'displayName')}
        />
        <TextField
          id="password"
          label={t('invitation.password')}
          hint={t('invitation.passwordHint')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errorFor(errors, 'password')}
        />
        <TextField
          id="confirm"
          label={t('invitation.passwordConfirm')}
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={setConfirm}
          error={errorFor(errors, 'confirm')}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('invitation.submit')}
        </button>
      </form>
    </div>
  );
}

import { type FormEvent, useState } from 'react';
import { api } from '../../api.js';
import {
  apiErrors,
  ErrorSummary,
  type Errors,
  errorFor,
  TextField,
} from '../../components/forms.js';
import { useI18n } from '../../i18n.js';
import { navigate } from '../../router.js';
import { useSession } from '../../session.js';
import type { User } from '../../types.js';

export function homeOf(user: User): string {
  if (user.role === 'secretariat') return '/secretariat';
  if (user.role === 'focal_point') return '/portal';
  return '/';
}

export function SignInPage() {
  const { t, errorText } = useI18n();
  const { user, signedIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = [];
    if (!email.trim()) found.push({ field: 'email', message: t('signIn.emailMissing') });
    if (!password) found.push({ field: 'password', message: t('signIn.passwordMissing') });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const result = await api.signIn(email.trim(), password);
      signedIn(result.user, result.csrfToken);
      const next = new URLSearchParams(window.location.search).get('next');
      navigate(next?.startsWith('/') && !next.startsWith('//') ? next : homeOf(result.user));
    } catch (error) {
      setErrors(apiErrors(error, errorText));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <ErrorSummary errors={errors} />
      <h1 className="heading-xl">{t('signIn.title')}</h1>
      {user ? (
        <p>
          {t('signIn.already', { name: user.displayName })}{' '}
          <a
            href={homeOf(user)}
            onClick={(event) => {
              event.preventDefault();
              navigate(homeOf(user));
            }}
          >
            {t('signIn.continue')}
          </a>
        </p>
      ) : null}
      <p className="lead">{t('signIn.intro')}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          id="email"
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={errorFor(errors, 'email')}
        />
        <TextField
          id="password"
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errorFor(errors, 'password')}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </div>
  );
}

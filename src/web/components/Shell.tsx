import type { ReactNode } from 'react';
import { LANGS, roleLabel, t as translate } from '../../platform/i18n/i18n.js';
import { useI18n } from '../i18n.js';
import { Link, navigate } from '../router.js';
import { useSession } from '../session.js';

/** Header (name, navigation for the role, the user, sign-out, language), main, footer. */
export function Shell({ children }: { children: ReactNode }) {
  const { lang, setLang, t } = useI18n();
  const { user, signOut } = useSession();
  const links: { href: string; label: string }[] = [];
  if (user?.role === 'focal_point') links.push({ href: '/portal', label: t('nav.portal') });
  if (user?.role === 'secretariat') {
    links.push({ href: '/secretariat', label: t('nav.secretariat') });
    links.push({ href: '/check-in', label: t('nav.checkIn') });
  }
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <a className="app-header__name" href="/">
            {t('app.name')}
          </a>
          <div className="app-header__tools">
            <ul className="language-switch" aria-label={t('app.language')}>
              {LANGS.map((code) => (
                <li key={code}>
                  <button
                    type="button"
                    className="link-button"
                    lang={code}
                    aria-pressed={code === lang}
                    onClick={() => setLang(code)}
                  >
                    {translate(code, `app.languageName.${code}`)}
                  </button>
                </li>
              ))}
            </ul>
            {user ? (
              <div className="app-header__user">
                <span>
                  {t('app.signedInAs', {
                    name: user.displayName,
                    role: roleLabel(lang, user.role),
                  })}
                </span>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    void signOut().then(() => navigate('/sign-in'));
                  }}
                >
                  {t('app.signOut')}
                </button>
              </div>
            ) : null}
          </div>
        </div>
        {links.length > 0 ? (
          <nav className="app-nav" aria-label={t('app.mainNav')}>
            <ul className="app-nav__list">
              {links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href}>{link.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}

/** Tabs between the sections of one area (a navigation, not an ARIA tablist: each is a page). */
export function SectionNav({
  label,
  items,
}: {
  label: string;
  items: { href: string; label: string; current: boolean }[];
}) {
  return (
    <nav className="section-nav" aria-label={label}>
      <ul>
        {items.map((item) => (
          <li
            key={item.href}
            className={
              item.current ? 'section-nav__item section-nav__item--current' : 'section-nav__item'
            }
          >
            <Link href={item.href} aria-current={item.current ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

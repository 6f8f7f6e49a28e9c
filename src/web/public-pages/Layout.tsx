import type { ReactNode } from 'react';
import { LANGS, type Lang, t } from '../../platform/i18n/i18n.js';
import { publicPaths } from './paths.js';

export interface LayoutProps {
  lang: Lang;
  /** The page's own title; the document title adds "– Plenary". */
  title: string;
  children: ReactNode;
}

/** The whole HTML document of a public page: no scripts, one external stylesheet (CSP default-src 'self'). */
export function Layout({ lang, title, children }: LayoutProps) {
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t(lang, 'app.name')}`}</title>
        <link rel="stylesheet" href={publicPaths.stylesheet} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t(lang, 'app.skipToContent')}
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <a className="site-header__name" href={publicPaths.home()}>
              {t(lang, 'app.name')}
            </a>
            <span className="site-header__tagline">{t(lang, 'app.tagline')}</span>
            <nav className="language-switch" aria-label={t(lang, 'app.language')}>
              <ul>
                {LANGS.map((code) => (
                  <li key={code}>
                    {code === lang ? (
                      <span aria-current="true" lang={code}>
                        {t(code, `app.languageName.${code}`)}
                      </span>
                    ) : (
                      <a href={`?lang=${code}`} hrefLang={code} lang={code}>
                        {t(code, `app.languageName.${code}`)}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="page">
          {children}
        </main>
        <footer className="site-footer">
          <div className="site-footer__inner">
            <p>{t(lang, 'app.footer')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

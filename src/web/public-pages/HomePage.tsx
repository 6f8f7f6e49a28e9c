import { t } from '../../platform/i18n/i18n.js';
import { EditionTable } from './EditionTable.js';
import { Layout } from './Layout.js';
import { text } from './parts.js';
import { publicPaths } from './paths.js';
import type { HomePageProps } from './types.js';

export function HomePage({ lang, series }: HomePageProps) {
  return (
    <Layout lang={lang} title={t(lang, 'public.series')}>
      <h1 className="heading-xl">{t(lang, 'public.series')}</h1>
      <p className="lead">{t(lang, 'app.tagline')}</p>
      {series.length === 0 ? <p>{t(lang, 'public.noSeries')}</p> : null}
      {series.map((s) => {
        const name = text(lang, s.name);
        return (
          <section key={s.slug} aria-labelledby={`series-${s.slug}`}>
            <h2 className="heading-l" id={`series-${s.slug}`}>
              <a href={publicPaths.series(s.slug)}>{name}</a>
            </h2>
            {s.description ? <p>{text(lang, s.description)}</p> : null}
            <EditionTable
              lang={lang}
              editions={s.editions}
              caption={t(lang, 'public.editionsOfSeries', { series: name })}
            />
          </section>
        );
      })}
      <section aria-labelledby="sign-in" className="panel">
        <h2 className="heading-m" id="sign-in">
          {t(lang, 'public.forDelegations')}
        </h2>
        <p>{t(lang, 'public.signInPrompt')}</p>
        <p>
          <a className="button" href={publicPaths.signIn()}>
            {t(lang, 'app.signIn')}
          </a>
        </p>
      </section>
    </Layout>
  );
}

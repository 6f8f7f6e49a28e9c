import { t } from '../../platform/i18n/i18n.js';
import { EditionTable } from './EditionTable.js';
import { Layout } from './Layout.js';
import { text } from './parts.js';
import { publicPaths } from './paths.js';
import type { SeriesPageProps } from './types.js';

export function SeriesPage({ lang, series }: SeriesPageProps) {
  const name = text(lang, series.name);
  return (
    <Layout lang={lang} title={name}>
      <p className="caption">
        <a href={publicPaths.home()}>{t(lang, 'public.series')}</a>
      </p>
      <h1 className="heading-xl">{name}</h1>
      {series.description ? <p className="lead">{text(lang, series.description)}</p> : null}
      <h2 className="heading-l">{t(lang, 'public.editions')}</h2>
      <EditionTable
        lang={lang}
        editions={series.editions}
        caption={t(lang, 'public.editionsOfSeries', { series: name })}
      />
    </Layout>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { ApiError, request } from '../../api.js';
import { Loading } from '../../components/common.js';
import { Notice, TextAreaField } from '../../components/forms.js';
import { useI18n } from '../../i18n.js';

interface ReadoutItem {
  kind: 'paragraph' | 'caption';
  text: string;
  numbered: boolean;
  points?: string[];
  photoFileIds?: string[];
}

interface Readout {
  status: string;
  version: number;
  publishedAt: string | null;
  content: {
    title: string;
    dateline: string;
    sections: { id: string; heading: string; items: ReadoutItem[] }[];
  };
}

/**
 * The delegation's readout of the edition: composed from Plenary's records, edited here before
 * it is published (the public page then shows it), downloadable as Markdown, HTML or PDF.
 */
export function ReadoutPanel({ slug, code }: { slug: string; code: string }) {
  const { t } = useI18n();
  const [lang, setLang] = useState<'ja' | 'en'>('ja');
  const [readout, setReadout] = useState<Readout | null | undefined>(undefined);
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState('');
  const base = `/api/editions/${encodeURIComponent(slug)}/delegations/${encodeURIComponent(code)}/readouts/${lang}`;

  const load = useCallback(async () => {
    setReadout(undefined);
    try {
      setReadout(await request<Readout>('GET', base, { cache: 'no-store' }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setReadout(null);
      else setProblem(error instanceof Error ? error.message : String(error));
    }
  }, [base]);

  useEffect(() => {
    void load();
  }, [load]);

  async function act(work: () => Promise<Readout>, done: string) {
    setProblem('');
    setNotice('');
    try {
      setReadout(await work());
      setNotice(done);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  const edit = (section: number, item: number, text: string) =>
    setReadout((current) => {
      if (!current) return current;
      const sections = current.content.sections.map((s, i) =>
        i !== section
          ? s
          : { ...s, items: s.items.map((it, j) => (j === item ? { ...it, text } : it)) },
      );
      return { ...current, content: { ...current.content, sections } };
    });

  return (
    <section aria-labelledby="readout-heading">
      <h2 className="heading-l" id="readout-heading">
        {t('readout.heading')}
      </h2>
      <p>{t('readout.intro')}</p>
      <p>
        <label htmlFor="readout-lang">{t('readout.language')} </label>
        <select
          id="readout-lang"
          className="select"
          value={lang}
          onChange={(event) => setLang(event.target.value === 'en' ? 'en' : 'ja')}
        >
          <option value="ja">日本語</option>
          <option value="en">English</option>
        </select>
      </p>
      <Notice>{notice}</Notice>
      {problem ? <Notice tone="warning">{problem}</Notice> : null}
      {readout === undefined ? <Loading /> : null}
      {readout === null ? (
        <button
          type="button"
          className="button"
          onClick={() =>
            act(() => request<Readout>('POST', base, { json: {} }), t('readout.composed'))
          }
        >
          {t('readout.compose')}
        </button>
      ) : null}
      {readout ? (
        <form
          className="readout-editor"
          onSubmit={(event) => {
            event.preventDefault();
            void act(
              () =>
                request<Readout>('PATCH', `${base}/sections`, {
                  json: { version: readout.version, sections: readout.content.sections },
                }),
              t('app.saved'),
            );
          }}
        >
          <p className="secondary">
            {t(readout.status === 'published' ? 'readout.published' : 'readout.draft')} ·{' '}
            {readout.content.dateline}
          </p>
          <h3 className="heading-m">{readout.content.title}</h3>
          {readout.content.sections.map((section, s) => (
            <fieldset key={section.id} className="readout-editor__section">
              <legend className="heading-s">{section.heading}</legend>
              {section.items.map((item, i) => (
                <TextAreaField
                  // biome-ignore lint/suspicious/noArrayIndexKey: items have no ids; their order is their identity
                  key={i}
                  id={`readout-${section.id}-${i}`}
                  label={
                    item.kind === 'caption'
                      ? t('readout.caption')
                      : t('readout.paragraph', { n: i + 1 })
                  }
                  rows={item.kind === 'caption' ? 1 : 4}
                  value={item.text}
                  onChange={(text) => edit(s, i, text)}
                />
              ))}
            </fieldset>
          ))}
          <div className="button-group">
            <button type="submit" className="button">
              {t('app.save')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                act(
                  () => request<Readout>('POST', base, { json: { version: readout.version } }),
                  t('readout.composed'),
                )
              }
            >
              {t('readout.recompose')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                act(
                  () =>
                    request<Readout>('POST', `${base}/publish`, {
                      json: { version: readout.version },
                    }),
                  t('readout.publishedNow'),
                )
              }
            >
              {t('readout.publish')}
            </button>
          </div>
          <p>
            {t('readout.download')}: <a href={`${base}?format=md`}>Markdown</a> ·{' '}
            <a href={`${base}?format=html`}>HTML</a> · <a href={`${base}?format=pdf`}>PDF</a>
            {readout.status === 'published' ? (
              <>
                {' · '}
                <a
                  href={`/editions/${encodeURIComponent(slug)}/delegations/${encodeURIComponent(code)}/readout?lang=${lang}`}
                >
                  {t('readout.publicPage')}
                </a>
              </>
            ) : null}
          </p>
        </form>
      ) : null}
    </section>
  );
}

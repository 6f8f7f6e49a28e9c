import { useI18n } from '../../i18n.js';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="narrow">
      <h1 className="heading-xl">{t('app.notFound.title')}</h1>
      <p>{t('app.notFound.body')}</p>
      <p>
        <a href="/">{t('app.home')}</a>
      </p>
    </div>
  );
}

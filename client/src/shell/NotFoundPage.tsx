import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../ui/PageTitle';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="not-found-heading">
      <PageTitle>{t('notFound.title')}</PageTitle>
      <h1 id="not-found-heading">{t('notFound.title')}</h1>
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </section>
  );
}

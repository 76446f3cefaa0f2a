import { useTranslation } from 'react-i18next';

/** A polite, announced placeholder while something loads. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {t('common.loading')}
    </p>
  );
}

import type { Category } from '@roundtable/shared';
import { useTranslation } from 'react-i18next';

/**
 * "Japan · Government": where a person sits, as the seed lists participants (side and category).
 * Empty for people outside any delegation (organizers, invited chairs).
 */
export function useDelegationLabel(): (who: { side: string | null; category: Category | null }) => string {
  const { t } = useTranslation();
  return ({ side, category }) =>
    [side, category ? t(`categories.${category}`) : null].filter((part) => part !== null).join(' · ');
}

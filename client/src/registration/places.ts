import type { Venue } from '@roundtable/shared';
import { useTranslation } from 'react-i18next';
import { useTextIn } from '../i18n/Localized';

/** The place value for attending online when the event lists no online venue of its own. */
export const ONLINE_PLACE = 'online';

export interface PlaceOption {
  id: string;
  name: string;
}

/**
 * The places a person can attend from: the event's venues, plus "Online" unless a venue already is
 * an online one (the registration schema accepts a venue id or `online`).
 */
export function usePlaceOptions(venues: readonly Venue[]): PlaceOption[] {
  const { t } = useTranslation();
  const textIn = useTextIn();
  const options: PlaceOption[] = venues.map(({ id, name }) => ({ id, name: textIn(name) }));
  if (!venues.some((venue) => venue.kind === 'online'))
    options.push({ id: ONLINE_PLACE, name: t('register.online') });
  return options;
}

/** A registrant's or member's place as people read it: the venue's name, or "Online". */
export function usePlaceName(venues: readonly Venue[]): (place: string | null) => string {
  const options = usePlaceOptions(venues);
  return (place) => {
    if (!place) return '—';
    return options.find((option) => option.id === place)?.name ?? place;
  };
}

import { EMPTY_TEXT, type Venue } from '@roundtable/shared';
import { useTranslation } from 'react-i18next';
import { Field } from '../ui/Field';
import { BilingualField } from './BilingualField';
import { newDraftId } from './eventDraft';

interface VenuesEditorProps {
  venues: Venue[];
  fieldErrors: Record<string, string>;
  onChange: (venues: Venue[]) => void;
}

/** Where people can attend from (the seed: Tokyo, Osaka, online); registrants pick one. */
export function VenuesEditor({ venues, fieldErrors, onChange }: VenuesEditorProps) {
  const { t } = useTranslation();

  function handleEdit(index: number, patch: Partial<Venue>) {
    onChange(venues.map((venue, i) => (i === index ? { ...venue, ...patch } : venue)));
  }

  function handleAdd() {
    onChange([...venues, { id: newDraftId('venue'), name: EMPTY_TEXT, kind: 'in_person' }]);
  }

  function handleRemove(index: number) {
    onChange(venues.filter((_, i) => i !== index));
  }

  return (
    <fieldset>
      <legend>{t('eventForm.venues')}</legend>
      <p className="field-hint">{t('eventForm.venuesHint')}</p>
      {venues.map((venue, index) => {
        const number = index + 1;
        return (
          <fieldset key={venue.id} className="row-group">
            <legend>{t('eventForm.venueNumber', { number })}</legend>
            <BilingualField
              label={t('eventForm.venueName')}
              name={`venues.${index}.name`}
              fieldErrors={fieldErrors}
              required
              value={venue.name}
              onChange={(name) => handleEdit(index, { name })}
            />
            <Field label={t('eventForm.venueKind')} name={`venue-${number}-kind`}>
              {(control) => (
                <select
                  {...control}
                  value={venue.kind}
                  onChange={(event) =>
                    handleEdit(index, { kind: event.target.value === 'online' ? 'online' : 'in_person' })
                  }
                >
                  <option value="in_person">{t('eventForm.inPerson')}</option>
                  <option value="online">{t('eventForm.online')}</option>
                </select>
              )}
            </Field>
            <button type="button" onClick={() => handleRemove(index)}>
              {t('eventForm.removeVenue', { number })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" onClick={handleAdd}>
        {t('eventForm.addVenue')}
      </button>
    </fieldset>
  );
}

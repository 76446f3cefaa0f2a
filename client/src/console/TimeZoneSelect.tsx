import { useMemo } from 'react';
import type { ControlProps } from '../ui/Field';

interface TimeZoneSelectProps extends ControlProps {
  value: string;
  onChange: (timeZone: string) => void;
}

/** Every IANA zone the browser knows, with the current value kept even if the list lacks it. */
export function TimeZoneSelect({ value, onChange, ...control }: TimeZoneSelectProps) {
  const zones = useMemo(() => {
    const known = Intl.supportedValuesOf('timeZone');
    // Some engines list "UTC" nowhere, and an event saved elsewhere may use a zone this one lacks.
    return [...new Set([...known, 'UTC', value])].sort();
  }, [value]);
  return (
    <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll('_', ' ')}
        </option>
      ))}
    </select>
  );
}

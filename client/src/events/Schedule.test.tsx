import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { renderWithApp } from '../test/render';
import { Schedule } from './Schedule';

const sessions = [
  {
    id: 's2',
    label: 'Stakeholder dialogue',
    startsAt: '2025-05-13T01:00:00Z',
    endsAt: '2025-05-13T03:00:00Z',
  },
  {
    id: 's1',
    label: 'Government dialogue',
    startsAt: '2025-05-12T01:00:00Z',
    endsAt: '2025-05-12T03:00:00Z',
  },
];

describe('schedule', () => {
  it('shows each session in the event time zone and in the viewer time zone, both labelled', () => {
    renderWithApp(<Schedule sessions={sessions} timeZone="Asia/Tokyo" viewerZone="America/New_York" />);

    expect(screen.getByRole('columnheader', { name: 'Event time (Asia/Tokyo)' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Your time (America/New_York)' })).toBeTruthy();
    const row = screen.getByRole('row', { name: /Government dialogue/ });
    const [eventTime, viewerTime] = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent ?? '');
    expect(eventTime).toMatch(/May 12, 2025.*10:00.*12:00.*GMT\+9/);
    expect(viewerTime).toMatch(/May 11, 2025.*9:00.*11:00.*GMT-4/);
  });

  it('lists sessions in the order they happen', () => {
    renderWithApp(<Schedule sessions={sessions} timeZone="Asia/Tokyo" viewerZone="Europe/Berlin" />);
    const headers = screen.getAllByRole('rowheader').map((cell) => cell.textContent);
    expect(headers).toEqual(['Government dialogue', 'Stakeholder dialogue']);
  });

  it('shows one time column when the viewer is in the event zone', () => {
    renderWithApp(<Schedule sessions={sessions} timeZone="Asia/Tokyo" viewerZone="Asia/Tokyo" />);
    expect(screen.queryByRole('columnheader', { name: /Your time/ })).toBeNull();
    expect(screen.getByText("The event's time zone is also yours.")).toBeTruthy();
  });

  it('formats dates in the interface language', async () => {
    await i18n.changeLanguage('ja');
    renderWithApp(<Schedule sessions={sessions} timeZone="Asia/Tokyo" viewerZone="Europe/London" />);
    expect(screen.getByRole('columnheader', { name: '開催地の時刻（Asia/Tokyo）' })).toBeTruthy();
    expect(screen.getByRole('row', { name: /Government dialogue/ }).textContent).toContain('2025/5/12');
  });
});

import { screen, within } from '@testing-library/react';
import type { Report } from '@roundtable/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi, renderWithApp } from '../test/render';
import ReportPage from './ReportPage';

const report: Report = {
  eventId: 'evt-1',
  language: 'en',
  visibility: 'public',
  title: 'Japan-U.S. Task Force',
  seriesTitle: null,
  theme: 'Human rights in supply chains',
  description: '',
  timeZone: 'Asia/Tokyo',
  sessions: [{ label: 'Day 1', startsAt: '2026-03-01T01:00:00.000Z', endsAt: '2026-03-01T03:00:00.000Z' }],
  publishedAt: '2026-03-10T00:00:00.000Z',
  rooms: [
    {
      roomId: 'room-1',
      name: 'Government-to-government dialogue',
      status: 'published',
      approvedAt: '2026-03-09T00:00:00.000Z',
      publishedAt: '2026-03-10T00:00:00.000Z',
      minutes: [
        { type: 'heading', level: 2, content: [{ text: 'Opening remarks' }] },
        {
          type: 'speaker',
          name: 'KASHIWABARA Kyoko',
          delegation: 'Japan — Government',
          content: [{ text: 'Reported on the ' }, { text: 'national action plan', bold: true }],
        },
        { type: 'paragraph', content: [{ text: 'evil', link: 'javascript:alert(1)' }] },
      ],
      decisions: ['Meet again in June'],
      actions: [{ text: 'Share the case studies', owner: 'USTR', due: '2026-04-30' }],
      attendance: [
        {
          side: 'Japan',
          categories: [
            { category: 'government', organizations: ['Ministry of Foreign Affairs'], people: ['K'] },
          ],
        },
        {
          side: 'United States',
          categories: [
            { category: 'government', organizations: ['Department of State'], people: ['J'] },
            { category: 'private', organizations: ['Acme Corporation'], people: ['A'] },
          ],
        },
      ],
    },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe('the report page', () => {
  it('shows each room’s minutes, decisions, actions and attendance by side then category, with downloads', async () => {
    mockApi({ 'GET /api/events/evt-1/report?lang=en': () => jsonResponse(200, report) });
    renderWithApp(<ReportPage />, { path: '/events/evt-1/report', route: '/events/:eventId/report' });

    const room = await screen.findByRole('region', { name: 'Government-to-government dialogue' });
    expect(within(room).getByRole('heading', { name: 'Opening remarks' })).toBeTruthy();
    expect(within(room).getByText('national action plan').tagName).toBe('STRONG');
    expect(within(room).getByText('evil').closest('a')).toBeNull();
    expect(within(room).getByRole('cell', { name: 'USTR' })).toBeTruthy();
    const sides = within(room)
      .getAllByRole('listitem')
      .filter((li) => li.querySelector(':scope > strong'));
    expect(sides.map((li) => li.querySelector('strong')?.textContent)).toEqual(['Japan', 'United States']);
    expect(
      within(sides[1]!)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['(Government) Department of State', '(Private) Acme Corporation']);

    const downloads = screen.getByRole('navigation', { name: 'Download the report' });
    expect(within(downloads).getByRole('link', { name: 'Word (DOCX)' }).getAttribute('href')).toBe(
      '/api/events/evt-1/report.docx?lang=en',
    );
    expect(within(downloads).getByRole('link', { name: 'Print / PDF' }).getAttribute('href')).toBe(
      '/api/events/evt-1/report.html?lang=en&print=1',
    );
  });

  it('says when nothing is published yet', async () => {
    mockApi({
      'GET /api/events/evt-1/report?lang=en': () =>
        jsonResponse(404, { error: { code: 'not_found', message: 'Report not found.' } }),
    });
    renderWithApp(<ReportPage />, { path: '/events/evt-1/report', route: '/events/:eventId/report' });
    expect(await screen.findByText('No report has been published for this event yet.')).toBeTruthy();
  });
});

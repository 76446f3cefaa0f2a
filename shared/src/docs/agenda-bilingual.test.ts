import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAgendaItem, agendaItems, moveAgendaItem, readAgenda, updateAgendaItem } from './agenda.js';
import { AgendaItemField as F } from './names.js';

describe('agenda items in two languages', () => {
  it('keeps both titles and each presenter’s affiliation, and a one-string title for older readers', () => {
    const doc = new Y.Doc();
    const item = addAgendaItem(doc, {
      titles: { en: 'Reports on initiatives', ja: '取組の報告' },
      presenters: ['KASHIWABARA Kyoko', 'Katy Mastman'],
      affiliations: [
        { en: 'Ministry of Economy, Trade and Industry', ja: '経済産業省' },
        { en: 'USTR', ja: '' },
      ],
    });
    const [read] = readAgenda(doc);
    expect(read).toMatchObject({
      id: item.id,
      title: 'Reports on initiatives',
      titles: { en: 'Reports on initiatives', ja: '取組の報告' },
      affiliations: [
        { en: 'Ministry of Economy, Trade and Industry', ja: '経済産業省' },
        { en: 'USTR', ja: '' },
      ],
    });
    // What a client written before the pair reads from the same map.
    expect(agendaItems(doc).get(0).get(F.Title)).toBe('Reports on initiatives');
  });

  it('reads an item written with one string as the pair of its script', () => {
    const doc = new Y.Doc();
    addAgendaItem(doc, { title: '開会挨拶', presenters: ['共同議長'] });
    expect(readAgenda(doc)[0]).toMatchObject({
      title: '開会挨拶',
      titles: { en: '', ja: '開会挨拶' },
      affiliations: [{ en: '', ja: '' }],
    });
  });

  it('lets an older client’s one-string edit win over a pair it could not see', () => {
    const doc = new Y.Doc();
    const item = addAgendaItem(doc, { titles: { en: 'Draft', ja: '草案' } });
    updateAgendaItem(doc, item.id, { title: 'Final' });
    expect(readAgenda(doc)[0]).toMatchObject({ title: 'Final', titles: { en: 'Final', ja: '' } });
  });

  it('keeps the pair and the affiliations through a move', () => {
    const doc = new Y.Doc();
    addAgendaItem(doc, { id: 'a', title: 'Opening' });
    addAgendaItem(doc, {
      id: 'b',
      titles: { en: '', ja: '意見交換' },
      presenters: ['RENGO'],
      affiliations: [{ en: 'Japanese Trade Union Confederation', ja: '日本労働組合総連合会' }],
    });
    moveAgendaItem(doc, 'b', 0);
    expect(readAgenda(doc)[0]).toMatchObject({
      id: 'b',
      title: '意見交換',
      titles: { en: '', ja: '意見交換' },
      affiliations: [{ en: 'Japanese Trade Union Confederation', ja: '日本労働組合総連合会' }],
    });
  });

  it('falls back to empty values for a malformed pair written by a client', () => {
    const doc = new Y.Doc();
    addAgendaItem(doc, { id: 'x', title: 'Closing', presenters: ['A'] });
    doc.transact(() => {
      agendaItems(doc).get(0).set(F.Titles, { en: 42 });
      agendaItems(doc).get(0).set(F.Affiliations, 'nonsense');
    });
    expect(readAgenda(doc)[0]).toMatchObject({
      titles: { en: 'Closing', ja: '' },
      affiliations: [{ en: '', ja: '' }],
    });
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AGENDA_ITEM_ATTRIBUTE, minutesFragment, minutesPlainText, type Poll } from '@roundtable/shared';
import { insertPollResult } from './minutes-block.js';

function heading(doc: Y.Doc, text: string, itemId: string | null): void {
  const el = new Y.XmlElement('heading');
  el.setAttribute('level', 2 as unknown as string);
  if (itemId) el.setAttribute(AGENDA_ITEM_ATTRIBUTE, itemId);
  const t = new Y.XmlText();
  t.insert(0, text);
  el.insert(0, [t]);
  minutesFragment(doc).push([el]);
}
function para(doc: Y.Doc, text: string): void {
  const el = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text);
  el.insert(0, [t]);
  minutesFragment(doc).push([el]);
}

const poll: Poll = {
  id: 'p1',
  question: 'Adopt the text?',
  kind: 'yes_no_abstain',
  options: [],
  anonymous: false,
  voting: 'delegation',
  status: 'published',
  createdBy: 'c',
  openedAt: 0,
  closedAt: 1,
  publishedAt: 2,
  agendaItemId: 'item-1',
  ballots: {},
  result: null,
};
const tally = { counts: [2, 1, 0], ballots: 3, named: [['Japan', 'Canada'], ['United States'], []] };

describe('poll results in the minutes', () => {
  it('land at the end of the current agenda item, before the next item', () => {
    const doc = new Y.Doc();
    heading(doc, 'Opening', 'item-1');
    para(doc, 'Notes on the opening');
    heading(doc, 'Trade', 'item-2');
    para(doc, 'Notes on trade');
    insertPollResult(doc, poll, tally, 'en');
    expect(minutesPlainText(doc).split('\n')).toEqual([
      'Opening',
      'Notes on the opening',
      'Poll result: Adopt the text?',
      '3 ballots · one per delegation · named',
      'Yes: 2 (Japan, Canada)No: 1 (United States)Abstain: 0',
      'Trade',
      'Notes on trade',
    ]);
  });

  it('land at the end without a current item, in Japanese when asked', () => {
    const doc = new Y.Doc();
    heading(doc, 'Opening', 'item-1');
    insertPollResult(doc, { ...poll, agendaItemId: null, anonymous: true }, { ...tally, named: null }, 'ja');
    const lines = minutesPlainText(doc).split('\n');
    expect(lines.slice(1)).toEqual([
      '投票結果：Adopt the text?',
      '投票数 3・1代表団1票・無記名',
      '賛成：2反対：1棄権：0',
    ]);
  });
});

import * as Y from 'yjs';
import {
  AGENDA_ITEM_ATTRIBUTE,
  MinutesMark,
  MinutesNode,
  minutesFragment,
  optionsOf,
  type Poll,
  type PollTally,
} from '@roundtable/shared';

/* A published poll's results as a block of the minutes: pure over a Y.Doc, tested without a server. */

export type ResultLanguage = 'en' | 'ja';

const LABELS = {
  en: {
    title: 'Poll result: ',
    yes: 'Yes',
    no: 'No',
    abstain: 'Abstain',
    ballots: (n: number) => `${n} ${n === 1 ? 'ballot' : 'ballots'}`,
    person: 'one per person',
    delegation: 'one per delegation',
    anonymous: 'anonymous',
    named: 'named',
    sep: ': ',
  },
  ja: {
    title: '投票結果：',
    yes: '賛成',
    no: '反対',
    abstain: '棄権',
    ballots: (n: number) => `投票数 ${n}`,
    person: '1人1票',
    delegation: '1代表団1票',
    anonymous: '無記名',
    named: '記名',
    sep: '：',
  },
} as const;

/** The lines of the block: the summary, then one per option (with names in a named poll). */
export function resultLines(
  poll: Poll,
  tally: PollTally,
  language: ResultLanguage,
): { title: string; summary: string; options: string[] } {
  const l = LABELS[language];
  const names = optionsOf(poll).map((o) =>
    poll.kind === 'yes_no_abstain' ? l[o as 'yes' | 'no' | 'abstain'] : o,
  );
  const listSep = language === 'ja' ? '、' : ', ';
  return {
    title: `${l.title}${poll.question}`,
    summary: [
      l.ballots(tally.ballots),
      poll.voting === 'delegation' ? l.delegation : l.person,
      poll.anonymous ? l.anonymous : l.named,
    ].join(language === 'ja' ? '・' : ' · '),
    options: names.map((name, i) => {
      const voters = tally.named?.[i] ?? [];
      const who = voters.length > 0 ? ` (${voters.join(listSep)})` : '';
      return `${name}${l.sep}${tally.counts[i] ?? 0}${who}`;
    }),
  };
}

function paragraph(text: string, bold = false): Y.XmlElement {
  const el = new Y.XmlElement(MinutesNode.Paragraph);
  const content = new Y.XmlText();
  content.insert(0, text, bold ? { [MinutesMark.Bold]: {} } : undefined);
  el.insert(0, [content]);
  return el;
}

/**
 * Where the results go: after the last block of the agenda item's section (the blocks up to the
 * next agenda heading), or at the end when the item has no section or none is current.
 */
export function sectionEnd(fragment: Y.XmlFragment, agendaItemId: string | null): number {
  const nodes = fragment.toArray();
  const isAgendaHeading = (n: (typeof nodes)[number]) =>
    n instanceof Y.XmlElement &&
    n.nodeName === MinutesNode.Heading &&
    n.getAttribute(AGENDA_ITEM_ATTRIBUTE) !== undefined;
  const start =
    agendaItemId === null
      ? -1
      : nodes.findIndex(
          (n) =>
            isAgendaHeading(n) && (n as Y.XmlElement).getAttribute(AGENDA_ITEM_ATTRIBUTE) === agendaItemId,
        );
  if (start === -1) return nodes.length;
  const next = nodes.findIndex((n, i) => i > start && isAgendaHeading(n));
  return next === -1 ? nodes.length : next;
}

/**
 * Inserts the results under the poll's agenda item, as ordinary minutes blocks (a bold title, the
 * summary, a bullet per option), so editors show them and reports export them unchanged. Call
 * inside the document's transaction.
 */
export function insertPollResult(doc: Y.Doc, poll: Poll, tally: PollTally, language: ResultLanguage): void {
  const lines = resultLines(poll, tally, language);
  const fragment = minutesFragment(doc);
  const list = new Y.XmlElement(MinutesNode.BulletList);
  list.insert(
    0,
    lines.options.map((line) => {
      const item = new Y.XmlElement(MinutesNode.ListItem);
      item.insert(0, [paragraph(line)]);
      return item;
    }),
  );
  doc.transact(() => {
    fragment.insert(sectionEnd(fragment, poll.agendaItemId), [
      paragraph(lines.title, true),
      paragraph(lines.summary),
      list,
    ]);
  });
}

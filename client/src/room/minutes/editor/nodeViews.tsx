import {
  NodeViewContent,
  NodeViewWrapper,
  ReactNodeViewRenderer,
  type ReactNodeViewProps,
} from '@tiptap/react';
import { createContext, useContext, useId, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { ActionItem, Decision, SpeakerLine } from '../schema/nodes';
import { MinutesNode } from '@roundtable/shared';
import type { MinutesBlocks } from '../schema/extensions';

const textAttr = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Whether the viewer may write now. Node views render inside the editor's React tree, so they read
 * it from here: the editor does not redraw its node views when only its editability changes.
 */
export const WritableContext = createContext(false);

/*
 * Views of the structured blocks. Labels are not part of the document (the report prints its own),
 * so they are `contentEditable={false}` and translated here; the block's text is the NodeViewContent.
 */
function BlockFrame({ type, label, children }: { type: string; label: ReactNode; children?: ReactNode }) {
  return (
    <NodeViewWrapper className={`minutes-block minutes-${type}`} data-type={type}>
      <span className="minutes-block-label" contentEditable={false}>
        {label}
      </span>
      <NodeViewContent className="minutes-block-text" />
      {children}
    </NodeViewWrapper>
  );
}

function DecisionView() {
  const { t } = useTranslation();
  return <BlockFrame type={MinutesNode.Decision} label={t('minutes.blocks.decision')} />;
}

function ActionItemView({ node, updateAttributes }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const writable = useContext(WritableContext);
  const id = useId();
  const owner = textAttr(node.attrs['owner']);
  const due = textAttr(node.attrs['due']);
  const handleOwner = (event: ChangeEvent<HTMLInputElement>) =>
    updateAttributes({ owner: event.target.value });
  const handleDue = (event: ChangeEvent<HTMLInputElement>) => updateAttributes({ due: event.target.value });
  return (
    <BlockFrame type={MinutesNode.ActionItem} label={t('minutes.blocks.actionItem')}>
      {writable ? (
        <span className="minutes-action-fields" contentEditable={false}>
          <label htmlFor={`${id}-owner`}>{t('minutes.blocks.owner')}</label>
          <input
            id={`${id}-owner`}
            type="text"
            value={owner}
            maxLength={200}
            onChange={handleOwner}
            autoComplete="off"
          />
          <label htmlFor={`${id}-due`}>{t('minutes.blocks.due')}</label>
          <input id={`${id}-due`} type="date" value={due} onChange={handleDue} />
        </span>
      ) : (
        <span className="minutes-action-fields" contentEditable={false}>
          {t('minutes.blocks.owner')}: {owner || t('minutes.blocks.noOwner')} · {t('minutes.blocks.due')}:{' '}
          {/* A due date is a calendar day: read and shown in UTC so no zone moves it. */}
          {DAY.test(due) ? format.date(`${due}T00:00:00Z`, 'UTC') : due || t('minutes.blocks.noDue')}
        </span>
      )}
    </BlockFrame>
  );
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function SpeakerLineView({ node }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const name = textAttr(node.attrs['name']);
  const delegation = textAttr(node.attrs['delegation']);
  const label = (
    <>
      <span className="visually-hidden">{t('minutes.blocks.speaker')}: </span>
      {delegation ? t('minutes.blocks.speakerName', { name, delegation }) : name}
    </>
  );
  return <BlockFrame type={MinutesNode.SpeakerLine} label={label} />;
}

/** The structured blocks with their views: the same schema as `minutesSchemaExtensions()`. */
export const BLOCKS_WITH_VIEWS: MinutesBlocks = {
  decision: Decision.extend({ addNodeView: () => ReactNodeViewRenderer(DecisionView) }),
  actionItem: ActionItem.extend({ addNodeView: () => ReactNodeViewRenderer(ActionItemView) }),
  speakerLine: SpeakerLine.extend({ addNodeView: () => ReactNodeViewRenderer(SpeakerLineView) }),
};

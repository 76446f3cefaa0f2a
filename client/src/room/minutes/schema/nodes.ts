import { AGENDA_ITEM_ATTRIBUTE, MinutesNode } from '@roundtable/shared';
import { Extension, mergeAttributes, Node, type Attribute } from '@tiptap/core';

/*
 * The minutes' structured blocks. Their names and attributes are the wire contract with the server
 * (`shared/src/docs/minutes-schema.ts`): the report reads the Y.XmlFragment by exactly these, so
 * nothing here may be renamed without the server's reader.
 */

/** A string attribute kept in the document and mirrored as `data-<kebab-name>` for copy and paste. */
function textAttribute(key: string, fallback: string | null = ''): Attribute {
  const dataName = `data-${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  return {
    default: fallback,
    parseHTML: (element: HTMLElement) => element.getAttribute(dataName) ?? fallback,
    renderHTML: (attributes: Record<string, unknown>) => {
      const value = attributes[key];
      return typeof value === 'string' && value !== '' ? { [dataName]: value } : {};
    },
  };
}

/**
 * A block of inline text with attributes, rendered as `<div data-type="<name>">` so copy and paste
 * between editors keeps it what it is.
 */
function structuredBlock(name: string, attributes: Record<string, Attribute> = {}) {
  return Node.create({
    name,
    group: 'block',
    content: 'inline*',
    defining: true,
    addAttributes: () => attributes,
    parseHTML: () => [{ tag: `div[data-type="${name}"]` }],
    renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes(HTMLAttributes, { 'data-type': name }), 0],
  });
}

/** A decision taken; its inline content is the decision. */
export const Decision = structuredBlock(MinutesNode.Decision);

/** An action item: what (inline content), who (`owner`) and by when (`due`, `YYYY-MM-DD`). */
export const ActionItem = structuredBlock(MinutesNode.ActionItem, {
  owner: textAttribute('owner'),
  due: textAttribute('due'),
});

/** Who spoke (`name`, `delegation`, `personId`); the inline content summarizes what they said. */
export const SpeakerLine = structuredBlock(MinutesNode.SpeakerLine, {
  name: textAttribute('name'),
  delegation: textAttribute('delegation'),
  // Absent (null) rather than '' when unknown: y-prosemirror stores no attribute for null.
  personId: textAttribute('personId', null),
});

/**
 * Declares the template's `agendaItemId` on headings. Without it the editor would drop the
 * attribute on load, and y-prosemirror would then delete it from the shared document at the first
 * edit of that heading, cutting the section loose from its agenda item.
 */
export const AgendaHeadingAttribute = Extension.create({
  name: 'agendaHeadingAttribute',
  addGlobalAttributes: () => [
    {
      types: [MinutesNode.Heading],
      attributes: {
        [AGENDA_ITEM_ATTRIBUTE]: {
          default: null,
          parseHTML: (element: HTMLElement) => element.getAttribute('data-agenda-item-id'),
          renderHTML: (attributes: Record<string, unknown>) => {
            const id = attributes[AGENDA_ITEM_ATTRIBUTE];
            return typeof id === 'string' ? { 'data-agenda-item-id': id } : {};
          },
        },
      },
    },
  ],
});

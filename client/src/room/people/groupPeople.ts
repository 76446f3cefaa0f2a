import { CategorySchema, type Category, type PresenceEntry } from '@roundtable/shared';

export interface CategoryGroup {
  category: Category | null;
  people: PresenceEntry[];
}

export interface SideGroup {
  side: string | null;
  categories: CategoryGroup[];
}

/** Categories in the contract's order (government first), people outside any delegation last. */
const CATEGORY_ORDER: readonly (Category | null)[] = [...CategorySchema.options, null];

/**
 * Present people by side, then by category, as the seed lists participants ("Japan — Government").
 * Sides in alphabetical order, people outside any delegation (organizers) last; within a group,
 * the order of arrival.
 */
export function groupBySideAndCategory(people: readonly PresenceEntry[]): SideGroup[] {
  const sides = new Map<string | null, Map<Category | null, PresenceEntry[]>>();
  for (const person of people) {
    const categories = sides.get(person.side) ?? new Map<Category | null, PresenceEntry[]>();
    sides.set(person.side, categories);
    const list = categories.get(person.category) ?? [];
    categories.set(person.category, list);
    list.push(person);
  }
  return [...sides.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([side, categories]) => ({
      side,
      categories: [...categories.entries()]
        .sort(([a], [b]) => CATEGORY_ORDER.indexOf(a) - CATEGORY_ORDER.indexOf(b))
        .map(([category, list]) => ({ category, people: list })),
    }));
}

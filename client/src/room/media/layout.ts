/** The minimum a tile needs to be placed: whose it is and what it shows. */
export interface Placeable {
  participant: { identity: string };
  source: string;
}

export interface Arrangement<T> {
  /** Shown large, first: shared screens, then the camera of whoever holds the floor. */
  spotlight: T[];
  /** Everyone else, in LiveKit's order (which keeps tiles from jumping around). */
  others: T[];
}

/**
 * Puts what the room is looking at in the spotlight: a shared screen (a presentation) and the
 * person who holds the floor. Everything else keeps its place in the grid.
 */
export function arrangeTiles<T extends Placeable>(
  tiles: readonly T[],
  floorHolderId: string | null,
): Arrangement<T> {
  const screens = tiles.filter((tile) => tile.source === 'screen_share');
  const floor = tiles.filter(
    (tile) => tile.source !== 'screen_share' && tile.participant.identity === floorHolderId,
  );
  const spotlit = new Set<T>([...screens, ...floor]);
  return { spotlight: [...spotlit], others: tiles.filter((tile) => !spotlit.has(tile)) };
}

import type { AppModule, ModuleContext } from './module.js';

/**
 * Every domain module, in creation order (shutdown runs in reverse). A module may look up the ones
 * before it in `context.modules`.
 */
export const MODULE_FACTORIES: ReadonlyArray<(context: ModuleContext) => Promise<AppModule> | AppModule> = [];

import { zodToOpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import express from 'express';
import { ReportBlockSchema } from '@roundtable/shared';
import { minutesOf } from '../minutes/module.js';
import type { AppModule, ModuleContext } from '../module.js';
import { presenceOf } from '../presence/module.js';
import type { ReportSources } from './build.js';
import { mountReportRoutes } from './routes.js';

export const REPORTS_MODULE = 'reports';

/**
 * An event's report: the published (for organizers also the approved) minutes of its rooms with
 * decisions, action items and attendance, as JSON and as Markdown, HTML (print → PDF) and DOCX.
 */
export function createReportsModule(context: ModuleContext): AppModule {
  // Blocks nest (lists, quotes, tables): the OpenAPI generator needs a name to refer back to.
  // The registry is process-wide and several apps share one process in tests.
  if (!zodToOpenAPIRegistry.has(ReportBlockSchema)) {
    zodToOpenAPIRegistry.add(ReportBlockSchema, { _internal: { refId: 'ReportBlock' } });
  }
  const minutes = minutesOf(context.modules);
  const sources: ReportSources = {
    db: context.store.db,
    modules: context.modules,
    attendance: minutes?.attendance ?? {
      db: context.store.db,
      get presence() {
        return presenceOf(context.modules);
      },
    },
  };
  const router = express.Router();
  mountReportRoutes(router, context, sources);
  return { name: REPORTS_MODULE, router };
}

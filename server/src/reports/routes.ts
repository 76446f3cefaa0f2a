import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import {
  ReportExportQuerySchema,
  ReportQuerySchema,
  ReportSchema,
  type Report,
  type ReportLanguage,
} from '@roundtable/shared';
import { EventParams } from '../events/params.js';
import { requireEvent } from '../events/store.js';
import { HttpError, parseOr400 } from '../http/errors.js';
import { defineRoute, documentRoute, mountRoute } from '../http/route.js';
import type { ModuleContext } from '../module.js';
import { buildReport, toReportModel, type ReportSources } from './build.js';
import { renderDocx } from './export/docx.js';
import { renderHtml } from './export/html.js';
import { renderMarkdown } from './export/markdown.js';
import { reportScope } from './visibility.js';

const tags = ['reports'];
const ERRORS = {
  400: 'Invalid query.',
  401: 'The report is not public and nobody is signed in.',
  403: 'The report’s visibility does not include the caller.',
  404: 'No such event, or nothing of it is published yet (for readers outside the event).',
} as const;
const ACCESS =
  'Visibility per event (`reportVisibility`): `public` anyone, `participants` members of the event ' +
  '(rooms they may enter), `organizers` organizers only. In the JSON, organizers also see approved ' +
  'minutes not yet published; files hold published rooms only. `?lang=en|ja` picks the labels and ' +
  'date formats.';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const exportRoute = <const P extends string, const T extends string>(path: P, contentType: T, what: string) =>
  defineRoute({
    method: 'get',
    path,
    summary: `The event’s report as ${what}`,
    description: ACCESS,
    tags,
    access: 'public',
    params: EventParams,
    query: ReportExportQuerySchema,
    response: z.string(),
    contentType,
    errors: ERRORS,
  });

export const ReportRoutes = {
  json: defineRoute({
    method: 'get',
    path: '/events/:eventId/report',
    summary: 'The event’s report: details, approved minutes, decisions, actions and attendance',
    description: ACCESS,
    tags,
    access: 'public',
    params: EventParams,
    query: ReportQuerySchema,
    response: ReportSchema,
    errors: ERRORS,
  }),
  markdown: exportRoute('/events/:eventId/report.md', 'text/markdown; charset=utf-8', 'Markdown'),
  html: exportRoute(
    '/events/:eventId/report.html',
    'text/html; charset=utf-8',
    'a standalone HTML page with a print stylesheet (the PDF export: print it, or pass `print=1`)',
  ),
  docx: exportRoute('/events/:eventId/report.docx', DOCX_TYPE, 'a Word document (DOCX)'),
} as const;

/** `attachment` with an ASCII fallback name and the real one per RFC 5987 (titles may be Japanese). */
function attachment(res: Response, title: string, extension: string): void {
  const name = `${title.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim() || 'report'}.${extension}`;
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="report.${extension}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
}

/** Opens the print dialog once the page has laid out: "Save as PDF" is the PDF export. */
const PRINT_SCRIPT = "<script>window.addEventListener('load',function(){window.print();});</script>";

export function mountReportRoutes(router: Router, context: ModuleContext, sources: ReportSources): void {
  const { db } = context.store;

  /**
   * The report `req` may read. Files (`preview: false`) hold published rooms only, whoever asks:
   * a file leaves the platform, and approved minutes are not public until an organizer says so.
   */
  const readReport = async (
    req: Request,
    eventId: string,
    language: ReportLanguage,
    { preview }: { preview: boolean },
  ): Promise<Report> => {
    const [event, actor] = await Promise.all([requireEvent(db, eventId), context.sessions.actorOf(req)]);
    const scope = reportScope(actor, event);
    if (scope.kind === 'refused') {
      throw scope.status === 401 ? HttpError.unauthenticated() : HttpError.forbidden();
    }
    const report = await buildReport(
      sources,
      event,
      { ...scope, preview: scope.preview && preview },
      language,
    );
    // Outside the event, an event with nothing published has no report to show (nor to reveal).
    const insider = actor !== null && (actor.isOrganizer || actor.memberships.has(event.id));
    if (!insider && report.rooms.length === 0) throw HttpError.notFound('Report');
    return report;
  };
  const noStore = (res: Response): void => {
    // What a report shows depends on who asks: never let a shared cache answer for someone else.
    res.setHeader('Cache-Control', 'private, no-store');
  };

  mountRoute(router, ReportRoutes.json, async ({ params, query, req, res }) => {
    noStore(res);
    return readReport(req, params.eventId, query.lang, { preview: true });
  });
  mountRoute(router, ReportRoutes.markdown, async ({ params, query, req, res }) => {
    const report = await readReport(req, params.eventId, query.lang, { preview: false });
    noStore(res);
    attachment(res, report.title, 'md');
    return renderMarkdown(toReportModel(report));
  });
  mountRoute(router, ReportRoutes.html, async ({ params, query, req, res }) => {
    const report = await readReport(req, params.eventId, query.lang, { preview: false });
    noStore(res);
    const html = renderHtml(toReportModel(report));
    return query.print === '1' ? html.replace('</body>', `${PRINT_SCRIPT}\n</body>`) : html;
  });
  // Binary: answered here rather than by `mountRoute`, which sends what the handler returns as text.
  documentRoute(router, ReportRoutes.docx);
  router.get(ReportRoutes.docx.path, async (req, res) => {
    const params = parseOr400(EventParams, req.params);
    const query = parseOr400(ReportExportQuerySchema, req.query);
    const report = await readReport(req, params.eventId, query.lang, { preview: false });
    const docx = await renderDocx(toReportModel(report));
    noStore(res);
    attachment(res, report.title, 'docx');
    res.status(200).type(DOCX_TYPE).send(docx);
  });
}

import {
  MinutesVersionSchema,
  MinutesWorkflowViewSchema,
  ReportSchema,
  RoomAttendanceSchema,
  type ReportFormat,
  type ReportLanguage,
} from '@roundtable/shared';
import { z } from 'zod';
import { apiPath, apiRequest, getJson } from '../api/http';

export const reportKeys = {
  report: (eventId: string, language: ReportLanguage) => ['events', eventId, 'report', language] as const,
  workflow: (roomId: string) => ['rooms', roomId, 'minutes', 'workflow'] as const,
  versions: (roomId: string) => ['rooms', roomId, 'minutes', 'versions'] as const,
  attendance: (roomId: string) => ['rooms', roomId, 'attendance'] as const,
};

export function fetchReport(eventId: string, language: ReportLanguage, signal?: AbortSignal) {
  return getJson(`${apiPath('events', eventId, 'report')}?lang=${language}`, ReportSchema, signal);
}

/** Where a report file downloads from; `print` opens the browser's print dialog (Save as PDF). */
export function reportFileUrl(
  eventId: string,
  format: ReportFormat,
  language: ReportLanguage,
  print = false,
): string {
  return `${apiPath('events', eventId, `report.${format}`)}?lang=${language}${print ? '&print=1' : ''}`;
}

export type WorkflowCommand = 'submit' | 'approve' | 'reopen' | 'publish';

export function fetchWorkflow(roomId: string, signal?: AbortSignal) {
  return getJson(apiPath('rooms', roomId, 'minutes'), MinutesWorkflowViewSchema, signal);
}

export function runWorkflowCommand(roomId: string, command: WorkflowCommand) {
  return apiRequest('POST', apiPath('rooms', roomId, 'minutes', command), {
    schema: MinutesWorkflowViewSchema,
  });
}

export function fetchVersions(roomId: string, signal?: AbortSignal) {
  return getJson(apiPath('rooms', roomId, 'minutes', 'versions'), z.array(MinutesVersionSchema), signal);
}

export function saveVersion(roomId: string, name: string) {
  return apiRequest('POST', apiPath('rooms', roomId, 'minutes', 'versions'), {
    body: { name },
    schema: MinutesVersionSchema,
  });
}

export function restoreVersion(roomId: string, versionId: string) {
  return apiRequest('POST', apiPath('rooms', roomId, 'minutes', 'versions', versionId, 'restore'), {
    schema: MinutesVersionSchema,
  });
}

export function fetchAttendance(roomId: string, signal?: AbortSignal) {
  return getJson(apiPath('rooms', roomId, 'attendance'), RoomAttendanceSchema, signal);
}

/** `included` true/false records an organizer's decision; null forgets it. */
export function setAttendance(roomId: string, personId: string, included: boolean | null) {
  const path = apiPath('rooms', roomId, 'attendance', personId);
  return included === null
    ? apiRequest('DELETE', path, { schema: RoomAttendanceSchema })
    : apiRequest('PUT', path, { body: { included }, schema: RoomAttendanceSchema });
}

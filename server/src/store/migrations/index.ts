import type { Migration } from 'kysely';
import type { Dialect } from '../db.js';
import { initial } from './001_initial.js';
import { attendance } from './002_attendance.js';
import { minutes } from './003_minutes.js';
import { mail } from './005_mail.js';
import { chat } from './006_chat.js';
import { bilingual } from './007_bilingual.js';

/**
 * The one migration set for both backends, in order. Add new migrations at the end with the
 * next number; never edit one that has shipped.
 */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '001_initial': initial(dialect),
    '002_attendance': attendance(dialect),
    '003_minutes': minutes(dialect),
    '005_mail': mail(dialect),
    '006_chat': chat(dialect),
    '007_bilingual': bilingual(),
  };
}

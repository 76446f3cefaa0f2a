/** Test settings for mail: fast polling and retries, a sender; everything else as in production. */
export const FAST_MAIL = {
  MAIL_POLL_MS: '50',
  MAIL_RETRY_BASE_SECONDS: '0.05',
  MAIL_MAX_ATTEMPTS: '30',
  MAIL_FROM: 'Task Force Secretariat <secretariat@taskforce.example>',
  REGISTRATION_RATE_LIMIT: '1000',
};

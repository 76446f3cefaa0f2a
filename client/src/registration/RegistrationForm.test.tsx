import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi, renderWithApp, sentBody } from '../test/render';
import { RegistrationForm } from './RegistrationForm';

const venues = [
  { id: 'tokyo', name: { en: 'Tokyo', ja: '東京' }, kind: 'in_person' as const },
  { id: 'osaka', name: { en: 'Osaka', ja: '' }, kind: 'in_person' as const },
];

async function fillForm() {
  // No delay between keystrokes: jsdom on a busy machine is slow enough already.
  const user = userEvent.setup({ delay: null });
  await user.type(screen.getByLabelText('Name'), 'Aiko Tanaka');
  await user.type(screen.getByLabelText('Organization'), 'Ministry of Economy');
  await user.type(screen.getByLabelText('Email'), 'aiko@example.org');
  await user.type(screen.getByLabelText('Phone'), '0312345678');
  await user.click(screen.getByRole('radio', { name: 'Osaka' }));
  await user.click(screen.getByRole('button', { name: 'Register' }));
}

/** The text of the elements that describe a control (its hint and its error). */
function descriptionOf(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('registration form', () => {
  it('shows each field error from a 400 beside its field', async () => {
    mockApi({
      'POST /api/events/evt-1/registrations': () =>
        jsonResponse(400, {
          error: {
            code: 'validation_failed',
            message: 'The request has invalid fields.',
            details: [
              { path: 'phone', message: 'Too small: expected string to have >=3 characters' },
              { path: 'email', message: 'Invalid email address' },
            ],
          },
        }),
    });
    renderWithApp(<RegistrationForm eventId="evt-1" venues={venues} />);
    await fillForm();

    const email = await screen.findByLabelText('Email');
    await screen.findByText('Invalid email address');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(email)).toContain('Invalid email address');
    expect(descriptionOf(screen.getByLabelText('Phone'))).toContain('expected string to have >=3 characters');
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBeNull();
    expect(within(screen.getByRole('alert')).getByText('Some fields need attention.')).toBeTruthy();
  });

  it('sends the chosen place, the language and an empty honeypot, then says the registration awaits approval and links the status page', async () => {
    const fetchMock = mockApi({
      'POST /api/events/evt-1/registrations': () =>
        jsonResponse(201, {
          eventId: 'evt-1',
          status: 'pending',
          statusUrl: 'https://rt.example/registration-status?token=tok-123',
        }),
    });
    renderWithApp(<RegistrationForm eventId="evt-1" venues={venues} />);
    await fillForm();

    expect(await screen.findByText(/pending approval/)).toBeTruthy();
    const body: unknown = sentBody(fetchMock.mock.calls[0]?.[1]);
    expect(body).toEqual({
      name: 'Aiko Tanaka',
      organization: 'Ministry of Economy',
      email: 'aiko@example.org',
      phone: '0312345678',
      place: 'osaka',
      language: 'en',
      website: '',
    });
    const link = screen.getByRole('link', { name: 'See or change your registration' });
    expect(link.getAttribute('href')).toBe('/registration-status?token=tok-123');
  });

  it('says so when the email is already registered', async () => {
    mockApi({
      'POST /api/events/evt-1/registrations': () =>
        jsonResponse(409, { error: { code: 'duplicate_registration', message: 'Already registered.' } }),
    });
    renderWithApp(<RegistrationForm eventId="evt-1" venues={venues} />);
    await fillForm();

    expect((await screen.findByRole('alert')).textContent).toContain(
      'This email address is already registered for this event.',
    );
  });

  it('offers online attendance and hides the honeypot from assistive tech', () => {
    renderWithApp(<RegistrationForm eventId="evt-1" venues={venues} />);
    expect(screen.getByRole('radio', { name: 'Online' })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: /website/i })).toBeNull();
    const honeypot = document.querySelector<HTMLInputElement>('input[name="website"]');
    expect(honeypot?.tabIndex).toBe(-1);
  });
});

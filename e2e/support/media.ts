import type { Locator, Page, Response } from '@playwright/test';
import { expect } from '@playwright/test';
import { MediaTokenSchema, type MediaToken } from '@roundtable/shared';

/** The room's audio and video region as one actor sees it. */
export class MediaPanelScreen {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Audio and video', exact: true });
  }

  get joinButton(): Locator {
    return this.region.getByRole('button', { name: 'Join audio and video' });
  }

  /** The sentence saying there is no audio/video, and why. */
  get offNotice(): Locator {
    return this.region.getByTestId('media-off');
  }

  /** What the viewer will be able to do once joined. */
  get publishNote(): Locator {
    return this.region.getByTestId('media-publish-note');
  }

  deviceSelect(label: 'Microphone' | 'Camera'): Locator {
    return this.region.getByRole('combobox', { name: label, exact: true });
  }

  /** Clicks "Join audio and video" and returns the join token the page fetched for it. */
  async joinAndReadToken(): Promise<MediaToken> {
    const tokenResponse = this.page.waitForResponse(isMediaTokenResponse);
    await this.joinButton.click();
    const response = await tokenResponse;
    expect(response.status(), 'POST …/media/token').toBe(200);
    return MediaTokenSchema.parse(await response.json());
  }
}

function isMediaTokenResponse(response: Response): boolean {
  return (
    response.request().method() === 'POST' &&
    /^\/api\/rooms\/[^/]+\/media\/token$/.test(new URL(response.url()).pathname)
  );
}

/**
 * Every script the page downloads from now on: LiveKit's code lives in the media panel's chunk,
 * which must be fetched only when a room shows the panel.
 */
export function recordScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

/** Whether one of the recorded scripts is the media panel's chunk (Vite names chunks after their module). */
export function loadedMediaChunk(scripts: readonly string[]): boolean {
  return scripts.some((script) => /\/MediaPanel-[\w-]+\.js$/.test(script));
}

import { useEffect, useRef, useState } from 'react';

const SOUND_KEY = 'roundtable.sound';

/** Whether the short floor and time-up sound is on (on unless the person turned it off). */
export function soundEnabled(): boolean {
  try {
    return window.localStorage.getItem(SOUND_KEY) !== 'off';
  } catch {
    return true;
  }
}

/** The person's sound choice, kept in this browser. */
export function useSoundSetting(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(soundEnabled);
  function set(next: boolean) {
    setOn(next);
    try {
      window.localStorage.setItem(SOUND_KEY, next ? 'on' : 'off');
    } catch {
      // Private windows may refuse storage: the choice then lasts for this page only.
    }
  }
  return [on, set];
}

/** Asked when a person raises their hand, the moment they have a reason to want to be told. */
export function askNotificationPermission(): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
  Notification.requestPermission().catch(() => undefined);
}

let audio: AudioContext | null = null;

/** Two short tones, made on the spot (no sound file to download). */
function chime(): void {
  try {
    audio ??= new AudioContext();
    const start = audio.currentTime;
    for (const [offset, frequency] of [
      [0, 660],
      [0.18, 880],
    ] as const) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.15, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.16);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.17);
    }
  } catch {
    // No audio output (or blocked until a click): the announcement and the title still tell.
  }
}

/**
 * Tells the person `text` every way the page can, once per occasion: the returned text goes to an
 * `aria-live` region; a short sound (if on); a browser notification while the page is hidden (if
 * allowed). `key` names the occasion (a turn's id): a new key tells again, null ends it.
 */
export function useNotice(key: string | null, text: string): string {
  const lastKey = useRef<string | null>(null);
  useEffect(() => {
    const fresh = key !== null && lastKey.current !== key;
    lastKey.current = key;
    if (!fresh) return;
    if (soundEnabled()) chime();
    if (
      document.visibilityState === 'hidden' &&
      typeof Notification !== 'undefined' &&
      Notification.permission === 'granted'
    ) {
      new Notification(text, { tag: 'roundtable-floor' });
    }
  }, [key, text]);
  return key === null ? '' : text;
}

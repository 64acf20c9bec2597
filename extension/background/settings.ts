/** The server URL and API token, kept in extension storage (the worker keeps nothing in memory). */
import { storage } from '#imports';

export interface Settings {
  serverUrl: string;
  token: string;
}

const item = storage.defineItem<Settings | null>('local:settings', { fallback: null });

export const loadSettings = () => item.getValue();
export const saveSettings = (s: Settings) => item.setValue(s);

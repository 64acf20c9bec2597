import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { EXTENSION_PUBLIC_KEY, FIREFOX_ID } from './shared/extension-id';

const SITES = ['https://www.linkedin.com/*', 'https://*.linkedin.com/*', 'https://mail.google.com/*'];

/**
 * Firefox asks the user's consent at install for what leaves the browser (required of new add-ons since
 * November 2025, from Firefox 140): what is sent to the team's server is people's names, titles and
 * e-mail addresses (personally identifying), who wrote to whom about what (personal communications),
 * and what the LinkedIn and Gmail pages show (website content).
 */
const FIREFOX_GECKO = {
  id: FIREFOX_ID,
  strict_min_version: '140.0',
  data_collection_permissions: { required: ['personallyIdentifyingInfo', 'personalCommunications', 'websiteContent'] },
};

export default defineConfig({
  srcDir: 'extension',
  // icons (16-128 px) live with the extension's code, not at the top level
  publicDir: 'extension/public',
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'phase-crm',
    // a stable id: Chrome derives it from the public key (the server allows exactly that origin);
    // Firefox takes a named id (its moz-extension:// origin is still random per install: see EXTENSION_ORIGINS)
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: FIREFOX_GECKO } } : { key: EXTENSION_PUBLIC_KEY }),
    description: 'Your CRM beside LinkedIn and Gmail: capture in one click, and see every phase of the sale.',
    permissions: ['storage', 'alarms'],
    // the background talks to the team's server; loopback for a local server,
    // other servers are asked for at save time in the options page
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    web_accessible_resources: [
      {
        // the frame's own scripts and styles load from the same dynamic origin as its page
        resources: ['sidebar.html', 'chunks/*', 'assets/*'],
        matches: SITES,
        // Chrome: loadable only at a per-session URL, so no site can probe for the extension.
        // Firefox has no such key; its moz-extension:// host is already random per install.
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    action: { default_title: 'phase-crm' },
    commands: {
      'toggle-sidebar': { suggested_key: { default: 'Alt+Shift+S' }, description: 'Fold or unfold the phase-crm sidebar' },
      'capture-page': { suggested_key: { default: 'Alt+Shift+C' }, description: 'Capture the LinkedIn person or company on this page' },
    },
  }),
  zip: {
    // the sources zip Firefox review asks for: everything needed to rebuild, nothing generated
    excludeSources: ['.output/**', 'data/**', 'tests/**', 'node_modules/**'],
  },
});

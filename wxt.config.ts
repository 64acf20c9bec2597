import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { EXTENSION_PUBLIC_KEY } from './shared/extension-id';

const SITES = ['https://www.linkedin.com/*', 'https://*.linkedin.com/*', 'https://mail.google.com/*'];

export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'phase-crm',
    // a stable id for unpacked and self-hosted builds: the server allows exactly this origin
    key: EXTENSION_PUBLIC_KEY,
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
        use_dynamic_url: true,
      },
    ],
    action: { default_title: 'phase-crm' },
    commands: {
      'toggle-sidebar': { suggested_key: { default: 'Alt+Shift+S' }, description: 'Fold or unfold the phase-crm sidebar' },
      'capture-page': { suggested_key: { default: 'Alt+Shift+C' }, description: 'Capture the LinkedIn person or company on this page' },
    },
  },
});

/**
 * `node server/launch.mjs <entry> [args…]`: runs a server entry point (start,
 * admin) from its bundle (bundle.mjs) in this process, with the arguments
 * after the entry's name, as if the entry itself had been run.
 */
import { pathToFileURL } from 'node:url';
import { serverBundle } from './bundle.mjs';

const [entry] = process.argv.splice(2, 1);
try {
  await import(pathToFileURL(await serverBundle(entry ?? '')).href);
} catch (e) {
  // a build error names the file and line; a stack trace of the launcher helps no one
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}

/**
 * The server's entry points (`npm start`, `npm run admin`) bundled into one
 * file each with esbuild, rebuilt only when a file they are built from changed.
 *
 * Why: run from source through tsx, every start loaded ~400 modules through
 * tsx's loader thread: an admin command took 1.6 s (2.5 CPU-s), most of it
 * loading; from the bundle it takes ~0.5 s. Packages stay outside the bundle
 * (node_modules is what they are resolved from, as before), so only our own
 * code is in it, and an edit shows on the next start as it did with tsx.
 *
 * Plain JavaScript: it runs before anything can load TypeScript.
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, '.output/server');
const META = join(OUT, 'meta.json');
export const ENTRIES = { start: 'server/start.ts', admin: 'server/cli/admin.ts' };
/** besides the bundled sources: what changes how they are built */
const BUILD_INPUTS = ['package.json', 'tsconfig.json', 'server/bundle.mjs'];

/** The bundle is fresh when every file it was built from is older than the build's start. */
function isFresh() {
  try {
    const meta = JSON.parse(readFileSync(META, 'utf8'));
    return [...meta.inputs, ...BUILD_INPUTS].every((f) => statSync(join(ROOT, f)).mtimeMs < meta.startedAt);
  } catch {
    return false; // not built yet, or a file it was built from is gone
  }
}

/** Writes a file whole or not at all: two processes may build at the same time (the same output). */
function writeAtomically(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/** The bundled entry point's path, built first if a source changed since the last build. */
export async function serverBundle(entry) {
  if (!(entry in ENTRIES)) throw new Error(`No server entry point "${entry}" (one of ${Object.keys(ENTRIES).join(', ')})`);
  if (!isFresh()) {
    const startedAt = Date.now();
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: ENTRIES,
      outdir: OUT,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
    mkdirSync(OUT, { recursive: true });
    for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
    // written last: a bundle is used only once all of its files are there
    writeAtomically(META, JSON.stringify({ startedAt, inputs: Object.keys(result.metafile.inputs) }));
  }
  return join(OUT, `${entry}.mjs`);
}

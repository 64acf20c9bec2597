/**
 * A LinkedIn page as captured after the rep corrected it in place: corrected
 * fields replace what the page showed, are marked as edited in the capture's
 * extraction record, and no longer count as missing.
 */
import type { LinkedInPage } from '../../shared/schemas';
import { splitName } from '../../shared/names';
import type { CaptureEdits } from '../messaging/protocol';

const FIELD_OF: Record<keyof CaptureEdits, string> = { name: 'name', companyName: 'company', headline: 'headline' };

export function withEdits(page: LinkedInPage, edits: CaptureEdits | undefined): LinkedInPage {
  if (!edits) return page;
  const changed = (Object.keys(edits) as (keyof CaptureEdits)[]).filter((k) => edits[k] !== undefined && edits[k] !== (page as Record<string, unknown>)[k]);
  if (!changed.length) return page;
  const out = { ...page } as LinkedInPage & Record<string, unknown>;
  for (const k of changed) {
    const v = edits[k]!;
    if (k === 'name') {
      out.name = v;
      if (out.kind === 'person') Object.assign(out, splitName(v));
    } else if (out.kind === 'person') {
      // an emptied field is a correction too: the page's value was wrong
      out[k] = v || undefined;
      if (k === 'companyName') out.companyUrl = undefined;
    }
  }
  if (out.extraction) {
    const sources = { ...out.extraction.sources };
    const missing = new Set(out.extraction.missing);
    for (const k of changed) {
      const field = FIELD_OF[k];
      if (edits[k]) {
        sources[field] = 'edited';
        missing.delete(field);
      } else {
        delete sources[field];
        missing.add(field);
      }
    }
    out.extraction = { ...out.extraction, sources, missing: [...missing] };
  }
  return out;
}

/**
 * `plenary readout`: a delegation's readout of an edition, composed from the records now, as
 * Markdown or HTML (stdout, or --out) or PDF (--out required: it is binary).
 */
import { writeFile } from 'node:fs/promises';
import {
  type ReadoutLang,
  renderReadoutHtml,
  renderReadoutMarkdown,
} from '../features/publishing/readout.compose.js';
import { renderReadoutPdf } from '../features/publishing/readout.pdf.js';
import { type Io, UsageError } from './main.js';
import { openServices } from './open.js';
import { parseOptions } from './options.js';

const FORMATS = ['md', 'html', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

export async function runReadout(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    edition: { type: 'string' },
    delegation: { type: 'string' },
    lang: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
  if (!values.edition)
    throw new UsageError('--edition SLUG is required (e.g. --edition seoul-2013).');
  if (!values.delegation)
    throw new UsageError('--delegation CODE is required (e.g. --delegation JPN).');
  const lang = (values.lang ?? 'ja') as ReadoutLang;
  if (lang !== 'ja' && lang !== 'en') throw new UsageError('--lang is ja or en.');
  const format = (values.format ?? 'md') as Format;
  if (!FORMATS.includes(format)) throw new UsageError('--format is md, html or pdf.');
  if (format === 'pdf' && !values.out) throw new UsageError('PDF is binary: give --out FILE.');

  const services = await openServices('plenary readout');
  try {
    const content = await services.readouts.preview(values.edition, values.delegation, lang);
    const body: string | Uint8Array =
      format === 'pdf'
        ? await renderReadoutPdf(content)
        : format === 'html'
          ? renderReadoutHtml(content)
          : renderReadoutMarkdown(content);
    if (values.out) {
      await writeFile(values.out, body);
      const bytes = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
      io.stderr.write(`Wrote ${values.out} (${bytes} bytes).\n`);
    } else {
      io.stdout.write(body);
    }
    return 0;
  } finally {
    await services.database.close();
  }
}

/** Small charts in plain SVG: they need no library, print crisply and stay readable to screen readers. */
import type { ComponentChildren } from 'preact';
import { signal } from '@preact/signals';
import { formatNumber } from '../format';
import { t } from '../i18n';
import { downloadText, tableCsv, type CsvCell } from './download';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** an optional second value drawn lighter behind the first (e.g. the 90th percentile behind the median) */
  back?: number | null;
  text: string;
  attrs?: Record<string, string>;
}

export function HBars({ bars, unit = '' }: { bars: Bar[]; unit?: string }) {
  const max = Math.max(1, ...bars.map((b) => Math.max(b.value, b.back ?? 0)));
  return (
    <div class="hbars" role="list">
      {bars.map((b) => (
        <div class="hbar" role="listitem" key={b.key}>
          <span class="hbar-label">{b.label}</span>
          <span class="hbar-track">
            {b.back != null && <span class="hbar-fill back" style={{ width: `${(b.back / max) * 100}%` }} />}
            <span class="hbar-fill" style={{ width: `${(b.value / max) * 100}%` }} />
          </span>
          <span class="hbar-value" {...(b.attrs ?? {})}>
            {b.text}
            {unit}
          </span>
        </div>
      ))}
    </div>
  );
}

export interface TrendPoint {
  /** the x label (a week's first day) */
  x: string;
  y: number;
  /** a bucket with fewer days than the others (the period's last week): drawn at its pace, dashed, and said so */
  partialOf?: { days: number; of: number };
}

/** Rounds up to 1, 2 or 5 times a power of ten, so that the axis reads in round numbers. */
function niceMax(v: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(1, v)));
  return [1, 2, 5, 10].map((m) => m * p).find((m) => m >= v) ?? 10 * p;
}

/**
 * A weekly line with both axes labelled (a y scale in round numbers, the first,
 * middle and last week on x), a tooltip per point, and an accessible summary.
 * A partial last week is drawn at its pace over a full week, dashed, so that
 * it is not read as a drop. Drawn for a wide card (1000 units wide).
 */
export function Trend({
  points: all,
  label,
  unit,
  partialText,
}: {
  points: TrendPoint[];
  label: string;
  unit: string;
  partialText: (p: TrendPoint) => string;
}) {
  // a week under way for less than a day says nothing of its pace yet: left out of the drawing (not of the label)
  const points = all.filter((p) => !p.partialOf || p.partialOf.days >= 1);
  const w = 1000;
  const h = 220;
  const left = 44;
  const right = 12;
  const top = 28;
  const bottom = 30;
  const shown = points.map((p) => (p.partialOf ? (p.y * p.partialOf.of) / p.partialOf.days : p.y));
  const max = niceMax(Math.max(1, ...shown));
  const step = points.length > 1 ? (w - left - right) / (points.length - 1) : 0;
  const xy = shown.map((y, i) => [left + i * step, h - bottom - (y / max) * (h - top - bottom)] as const);
  const whole = xy.filter((_, i) => !points[i]!.partialOf);
  const last = xy.length - 1;
  const partialLast = last > 0 && points[last]!.partialOf;
  const xLabels = [...new Set([0, Math.floor(last / 2), last])].filter((i) => i >= 0 && points[i]);
  return (
    <svg class="trend" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${label}: ${all.map((p) => `${p.x} ${p.y}`).join(', ')}`}>
      <text x={4} y={14} class="tick unit">
        {unit}
      </text>
      {[0, max / 2, max].map((v) => {
        const y = h - bottom - (v / max) * (h - top - bottom);
        return (
          <g key={v}>
            <line x1={left} y1={y} x2={w - right} y2={y} class={v === 0 ? 'axis' : 'grid'} />
            <text x={left - 6} y={y + 4} class="tick" text-anchor="end">
              {formatNumber(v)}
            </text>
          </g>
        );
      })}
      {xLabels.map((i) => (
        <text key={i} x={xy[i]![0]} y={h - 8} class="tick" text-anchor={i === 0 ? 'start' : i === last ? 'end' : 'middle'}>
          {points[i]!.x}
        </text>
      ))}
      <polyline points={whole.map(([x, y]) => `${x},${y}`).join(' ')} class="line" />
      {partialLast && <polyline points={`${xy[last - 1]!.join(',')} ${xy[last]!.join(',')}`} class="line partial" />}
      {xy.map(([x, y], i) => (
        <circle key={i} cx={x} cy={y} r={4} class={points[i]!.partialOf ? 'dot partial' : 'dot'} data-partial={points[i]!.partialOf ? 'true' : undefined}>
          <title>{points[i]!.partialOf ? partialText(points[i]!) : `${points[i]!.x}: ${formatNumber(points[i]!.y)}`}</title>
        </circle>
      ))}
    </svg>
  );
}

/** The section the user opened by its title link (kept in the URL by the dashboard). */
export const openSection = signal<string | null>(null);

export interface CardCsv {
  header: string[];
  rows: CsvCell[][];
}

/**
 * A dashboard card. With `section`, its title links to it (the URL keeps it,
 * so a link or a reload opens the same place); with `csv`, a button downloads
 * its table as CSV.
 */
export function Card({
  title,
  children,
  wide,
  section,
  csv,
}: {
  title: string;
  children: ComponentChildren;
  wide?: boolean;
  section?: string;
  csv?: () => CardCsv;
}) {
  return (
    <section class={`dcard ${wide ? 'wide' : ''}`} data-section={section}>
      <div class="card-head">
        <h2>
          {section ? (
            <a
              href={`#section=${section}`}
              class="section-link"
              onClick={(e) => {
                e.preventDefault();
                openSection.value = section;
              }}
            >
              {title}
            </a>
          ) : (
            title
          )}
        </h2>
        {csv && section && (
          <button
            type="button"
            class="link csv"
            data-action="csv"
            data-table={section}
            title={t('downloadCsv')}
            aria-label={`${t('downloadCsv')}: ${title}`}
            onClick={() => {
              const { header, rows } = csv();
              downloadText(`phase-crm-${section}.csv`, tableCsv(header, rows), 'text/csv');
            }}
          >
            CSV
          </button>
        )}
      </div>
      {children}
    </section>
  );
}

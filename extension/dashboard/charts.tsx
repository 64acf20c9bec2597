/** Small charts in plain SVG: they need no library, print crisply and stay readable to screen readers. */
import type { ComponentChildren } from 'preact';

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

export function Trend({ points, label }: { points: { x: string; y: number }[]; label: string }) {
  const w = 560;
  const h = 140;
  const pad = 24;
  const max = Math.max(1, ...points.map((p) => p.y));
  const step = points.length > 1 ? (w - 2 * pad) / (points.length - 1) : 0;
  const xy = points.map((p, i) => [pad + i * step, h - pad - (p.y / max) * (h - 2 * pad)] as const);
  return (
    <svg class="trend" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label}>
      <line x1={pad} y1={h - pad} x2={w - pad} y2={h - pad} class="axis" />
      <polyline points={xy.map(([x, y]) => `${x},${y}`).join(' ')} class="line" />
      {xy.map(([x, y], i) => (
        <circle key={i} cx={x} cy={y} r={3} class="dot">
          <title>
            {points[i]!.x}: {points[i]!.y}
          </title>
        </circle>
      ))}
      <text x={pad} y={14} class="max">
        {max}
      </text>
    </svg>
  );
}

export function Card({ title, children, wide }: { title: string; children: ComponentChildren; wide?: boolean }) {
  return (
    <section class={`dcard ${wide ? 'wide' : ''}`}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

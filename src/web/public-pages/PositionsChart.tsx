/**
 * The positions of one edition as a heat-grid, rendered on the server as SVG: rows are the
 * delegations that made statements, columns the edition's themes, a filled cell a position
 * taken (darker for more statements). Colours and geometry are SVG attributes, which the CSP
 * allows (style attributes it does not); each cell has a <title>, and a table says the same.
 */
import type { PositionsMatrix } from '../../features/publishing/series.service.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { sm } from './series.messages.js';

const FONT = 14;
const CELL = 30;
const GAP = 3;
const PAD = 8;
/** Theme names are written upwards at this angle, so that long names do not widen the columns. */
const ANGLE = 40;
const EMPTY = '#f3f2f1';
const BORDER = '#b1b4b6';
/** Shades for 1, 2 and 3+ statements: blue enough for colour-blind readers to tell from grey. */
const SHADES = ['#8eb8dc', '#1d70b8', '#003078'];

/** Width of a label in pixels, estimated: full-width characters (CJK) count double. */
export function labelWidth(text: string, size = FONT): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uff60]/u.test(ch)
      ? size
      : size * 0.6;
  return Math.ceil(width);
}

/** Long theme names are shortened on the chart (the cells' titles and the table say them in full). */
const MAX_THEME_LABEL = 30;
export function shortLabel(text: string, max = MAX_THEME_LABEL): string {
  const chars = [...text];
  const limit = /[\u2e80-\ua4cf\uac00-\ud7af\uff00-\uff60]/u.test(text) ? Math.ceil(max / 2) : max;
  return chars.length > limit
    ? `${chars
        .slice(0, limit - 1)
        .join('')
        .trimEnd()}…`
    : text;
}

export function shade(count: number): string {
  if (count <= 0) return EMPTY;
  return SHADES[Math.min(count, SHADES.length) - 1]!;
}

export function PositionsChart({
  lang,
  matrix,
  delegationHref,
}: {
  lang: Lang;
  matrix: PositionsMatrix;
  delegationHref: (code: string) => string;
}) {
  const { rows, themes } = matrix;
  const rad = (ANGLE * Math.PI) / 180;
  const left = Math.max(...rows.map((r) => labelWidth(r.name)), 40) + PAD * 2;
  const longestTheme = Math.max(...themes.map((t) => labelWidth(shortLabel(t.name))), 40);
  const top = Math.ceil(longestTheme * Math.sin(rad)) + PAD * 2;
  const gridWidth = themes.length * (CELL + GAP);
  const right = Math.ceil(longestTheme * Math.cos(rad)) + PAD;
  const width = left + gridWidth + right;
  const legendTop = top + rows.length * (CELL + GAP) + PAD * 2;
  const height = legendTop + CELL + PAD;
  const titleId = `positions-title-${matrix.edition.slug}`;
  const descId = `positions-desc-${matrix.edition.slug}`;
  return (
    <svg
      className="positions-chart"
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      fontFamily="inherit"
      fontSize={FONT}
    >
      <title id={titleId}>
        {sm(lang, 'positionsChartTitle', { edition: matrix.edition.name })}
      </title>
      <desc id={descId}>
        {sm(lang, 'positionsChartDesc', { rows: rows.length, themes: themes.length })}
      </desc>
      <g>
        {themes.map((t, c) => {
          const x = left + c * (CELL + GAP) + CELL / 2;
          return (
            <text
              key={t.code}
              x={x}
              y={top - PAD}
              transform={`rotate(-${ANGLE} ${x} ${top - PAD})`}
              fill="#0b0c0c"
            >
              <title>{t.name}</title>
              {shortLabel(t.name)}
            </text>
          );
        })}
      </g>
      {rows.map((r, i) => {
        const y = top + i * (CELL + GAP);
        return (
          <g key={r.code}>
            <a href={delegationHref(r.code)}>
              <text
                x={left - PAD}
                y={y + CELL / 2}
                textAnchor="end"
                dominantBaseline="central"
                fill="#1d70b8"
              >
                {r.name}
              </text>
            </a>
            {themes.map((t, c) => {
              const count = r.positions[t.code] ?? 0;
              const label =
                count === 0
                  ? sm(lang, 'cellNot', { delegation: r.name, theme: t.name })
                  : count === 1
                    ? sm(lang, 'cellTookOne', { delegation: r.name, theme: t.name })
                    : sm(lang, 'cellTook', { delegation: r.name, theme: t.name, count });
              return (
                <rect
                  key={t.code}
                  x={left + c * (CELL + GAP)}
                  y={y}
                  width={CELL}
                  height={CELL}
                  rx={3}
                  fill={shade(count)}
                  stroke={count === 0 ? BORDER : 'none'}
                >
                  <title>{label}</title>
                </rect>
              );
            })}
          </g>
        );
      })}
      <g>
        {[1, 2, 3].map((n, i) => (
          <rect
            key={n}
            x={PAD + i * (CELL / 1.5 + 2)}
            y={legendTop}
            width={CELL / 1.5}
            height={CELL / 1.5}
            rx={2}
            fill={shade(n)}
          />
        ))}
        <text
          x={PAD + 3 * (CELL / 1.5 + 2) + 4}
          y={legendTop + CELL / 3}
          dominantBaseline="central"
        >
          {sm(lang, 'legendTook')}
        </text>
        <rect
          x={PAD + 3 * (CELL / 1.5 + 2) + 12 + labelWidth(sm(lang, 'legendTook'))}
          y={legendTop}
          width={CELL / 1.5}
          height={CELL / 1.5}
          rx={2}
          fill={EMPTY}
          stroke={BORDER}
        />
        <text
          x={PAD + 3 * (CELL / 1.5 + 2) + 16 + labelWidth(sm(lang, 'legendTook')) + CELL / 1.5}
          y={legendTop + CELL / 3}
          dominantBaseline="central"
        >
          {sm(lang, 'legendNot')}
        </text>
      </g>
    </svg>
  );
}

/**
 * The same as a table, for screen readers and for copying: one row per delegation, the positions
 * it took listed in one cell (a column per theme would not fit the page with a dozen themes).
 */
export function PositionsTable({ lang, matrix }: { lang: Lang; matrix: PositionsMatrix }) {
  return (
    <table className="table">
      <caption className="visually-hidden">
        {sm(lang, 'tableCaption', { edition: matrix.edition.name })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{sm(lang, 'delegation')}</th>
          <th scope="col" className="numeric">
            {sm(lang, 'statementsCount')}
          </th>
          <th scope="col">{sm(lang, 'positionsTaken')}</th>
        </tr>
      </thead>
      <tbody>
        {matrix.rows.map((r) => {
          const taken = matrix.themes.filter((t) => (r.positions[t.code] ?? 0) > 0);
          return (
            <tr key={r.code}>
              <th scope="row">{r.name}</th>
              <td className="numeric">{r.statements}</td>
              <td>
                {taken.length === 0
                  ? sm(lang, 'none')
                  : taken
                      .map((t) =>
                        sm(lang, 'positionWithCount', {
                          theme: t.name,
                          count: r.positions[t.code] ?? 0,
                        }),
                      )
                      .join(lang === 'ja' ? '、' : '; ')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

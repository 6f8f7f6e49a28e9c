/**
 * The words of the series pages (timeline, positions chart, a delegation across editions) and
 * of the one search, in English and Japanese. Kept beside the pages, as statements.messages.ts.
 */
import type { Lang } from '../../platform/i18n/i18n.js';

const en = {
  timeline: 'Editions on a timeline',
  dates: 'Dates',
  host: 'Host',
  chair: 'Chair',
  scale: 'Scale',
  outcome: 'Outcome',
  outcomeNone: 'No outcome document recorded',
  adopted: 'adopted',
  published: 'published',
  positions: 'Positions taken in statements',
  positionsLead:
    'Which delegation took a position on which theme in its published statements at one edition. A filled cell means the delegation took that position; the darker, the more statements.',
  positionsEdition: 'Edition',
  positionsNone: 'No positions have been recorded for this edition.',
  positionsChartTitle: 'Positions by delegation and theme, {edition}',
  positionsChartDesc:
    '{rows} delegations (rows) and {themes} themes (columns). A filled cell: the delegation took the position.',
  cellTook: '{delegation} – {theme}: taken in {count} statements',
  cellTookOne: '{delegation} – {theme}: taken in 1 statement',
  cellNot: '{delegation} – {theme}: not taken',
  legendTook: 'Position taken (1, 2, 3 or more statements)',
  legendNot: 'Not taken',
  tableAlternative: 'The chart as a table',
  tableCaption: 'Positions by delegation, {edition}, with the number of statements taking each',
  delegation: 'Delegation',
  statementsCount: 'Statements',
  positionsTaken: 'Positions taken (statements)',
  positionWithCount: '{theme} ({count})',
  none: 'None',
  downloadCsv: 'Download the positions as CSV',
  downloadCsvAll: 'all editions',
  delegationAcross: 'Statements by {name} across the {series}',
  delegationAcrossLead:
    'Published statements of the delegation at each edition of the series, with the positions they take.',
  noStatementsAtEdition: 'No statements published for this edition.',
  readInContext: 'Read it in its edition',
  statementPositions: 'Positions',
  summary: 'Summary',
  noSession: 'Not made in a session',
  seriesLink: 'The series',
  // The one search
  search: 'Search',
  searchLabel: 'Words to find',
  searchHint:
    'Statements, outcome documents and readouts, in every language. Every word must appear; a Japanese compound such as サイバー犯罪 is found as written.',
  kindsLegend: 'Search in',
  kind_statement: 'Statements',
  kind_document: 'Documents',
  kind_readout: 'Readouts',
  tag_statement: 'Statement',
  tag_document: 'Document',
  tag_readout: 'Readout',
  resultsCount: '{count} results for “{query}”.',
  resultsCountOne: '1 result for “{query}”.',
  resultsMore:
    'The first {count} results for “{query}” are shown. Add a word to narrow the search.',
  noResults: 'No published statement, document or readout matches “{query}”.',
  noTerms: 'Type at least one word.',
  version: 'Version {number}',
  status_draft: 'draft',
  status_under_negotiation: 'under negotiation',
  status_adopted: 'adopted',
  status_published: 'published',
  status_superseded: 'earlier version',
  status_amendment: 'amendment',
  amendmentBy: 'Amendment by {name} to paragraph {paragraph}',
  readoutIn: 'Readout in {language}',
  programme: 'Programme',
} as const;

export type SeriesMessageKey = keyof typeof en;

const ja: Record<SeriesMessageKey, string> = {
  timeline: '開催の歩み',
  dates: '日程',
  host: '主催',
  chair: '議長',
  scale: '規模',
  outcome: '成果',
  outcomeNone: '成果文書の記録なし',
  adopted: '採択',
  published: '公表',
  positions: '発言における立場',
  positionsLead:
    '各回の会議で、どの代表団がどのテーマについて公開済みの発言で立場を示したかを示します。塗られたセルはその立場を示したことを表し、色が濃いほど発言の数が多いことを表します。',
  positionsEdition: '会議',
  positionsNone: 'この会議について記録された立場はありません。',
  positionsChartTitle: '代表団・テーマ別の立場（{edition}）',
  positionsChartDesc:
    '行は{rows}の代表団、列は{themes}のテーマです。塗られたセルは、その代表団がその立場を示したことを表します。',
  cellTook: '{delegation}・{theme}：{count}件の発言で表明',
  cellTookOne: '{delegation}・{theme}：1件の発言で表明',
  cellNot: '{delegation}・{theme}：表明なし',
  legendTook: '表明あり（発言1件、2件、3件以上）',
  legendNot: '表明なし',
  tableAlternative: '図の内容を表で見る',
  tableCaption: '代表団別の立場（{edition}）と、各立場を示した発言の数',
  delegation: '代表団',
  statementsCount: '発言数',
  positionsTaken: '示した立場（発言数）',
  positionWithCount: '{theme}（{count}）',
  none: 'なし',
  downloadCsv: '立場の一覧をCSVでダウンロード',
  downloadCsvAll: '全会議',

  delegationAcross: '{series}における{name}の発言',
  delegationAcrossLead: '各回の会議で公開された代表団の発言と、発言で示した立場です。',
  noStatementsAtEdition: 'この会議で公開された発言はありません。',
  readInContext: '会議の発言一覧で読む',
  statementPositions: '立場',
  summary: '要旨',
  noSession: 'セッション外の発言',
  seriesLink: '会議シリーズ',
  search: '検索',
  searchLabel: '検索語',
  searchHint:
    '発言、成果文書、会議報告を、すべての言語で探します。入力した語のすべてを含むものが見つかります。「サイバー犯罪」のような複合語はそのままの並びで探します。',
  kindsLegend: '検索対象',
  kind_statement: '発言',
  kind_document: '文書',
  kind_readout: '会議報告',
  tag_statement: '発言',
  tag_document: '文書',
  tag_readout: '会議報告',
  resultsCount: '「{query}」の検索結果：{count}件',
  resultsCountOne: '「{query}」の検索結果：1件',
  resultsMore:
    '「{query}」の検索結果のうち、最初の{count}件を表示しています。語を加えて絞り込んでください。',
  noResults: '「{query}」に一致する公開済みの発言・文書・会議報告はありません。',
  noTerms: '語を一つ以上入力してください。',
  version: '第{number}版',
  status_draft: '草案',
  status_under_negotiation: '交渉中',
  status_adopted: '採択済み',
  status_published: '公表済み',
  status_superseded: '旧版',
  status_amendment: '修正案',
  amendmentBy: '{name}によるパラグラフ{paragraph}の修正案',
  readoutIn: '会議報告（{language}）',
  programme: 'プログラム',
};

const catalogues: Record<Lang, Record<SeriesMessageKey, string>> = { en, ja };

export function sm(lang: Lang, key: SeriesMessageKey, params?: Record<string, string | number>) {
  const template = catalogues[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number'
      ? new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB').format(value)
      : value;
  });
}

/** A message key from a value the server sends (a status, a kind), or the value itself. */
export function smOr(lang: Lang, key: string, fallback: string): string {
  return key in en ? sm(lang, key as SeriesMessageKey) : fallback;
}

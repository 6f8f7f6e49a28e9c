/**
 * The words of the public statements pages, in English and Japanese. Kept beside the pages
 * (rather than in platform/i18n) while the pages are new; `{name}` parameters as in t().
 */
import type { Lang } from '../../platform/i18n/i18n.js';

const en = {
  statements: 'Statements',
  sessionStatements: 'Statements in this session',
  delegationStatements: 'Statements by {name}',
  search: 'Search statements',
  searchLabel: 'Words to find',
  searchHint:
    'Every word must appear, in any language of the statement. A Japanese compound such as サイバー犯罪 is found as written; case, full-width and half-width forms do not matter.',
  searchButton: 'Search',
  resultsCount: '{count} statements found for “{query}”.',
  resultsMore:
    'The first {count} statements found for “{query}” are shown. Add a word to narrow the search.',
  noResults: 'No published statement matches “{query}”.',
  noTerms: 'Type at least one word.',
  noStatements: 'No statements have been published here yet.',
  summary: 'Summary',
  summaryNote: 'Summary written from a readout, not the words delivered.',
  video_message: 'Video message',
  live_link: 'Live link',
  present: 'In person',
  positions: 'Positions',
  session: 'Session',
  speaker: 'Speaker',
  delegation: 'Delegation',
  delivered: 'Delivered',
  original: 'Original ({language})',
  translation: 'Translation from {language}',
  noSession: 'Not made in a session',
  programme: 'Programme',
  allStatementsOf: 'All statements by {name}',
  inContext: 'Read it in its session',
  match: 'match',
} as const;

export type StatementsMessageKey = keyof typeof en;

const ja: Record<StatementsMessageKey, string> = {
  statements: '発言',
  sessionStatements: 'このセッションにおける発言',
  delegationStatements: '{name}の発言',
  search: '発言の検索',
  searchLabel: '検索語',
  searchHint:
    '入力した語のすべてを含む発言を、発言のいずれかの言語で探します。「サイバー犯罪」のような複合語はそのままの並びで探します。大文字・小文字、全角・半角の違いは区別しません。',
  searchButton: '検索',
  resultsCount: '「{query}」を含む発言が{count}件見つかりました。',
  resultsMore:
    '「{query}」を含む発言のうち、最初の{count}件を表示しています。語を加えて絞り込んでください。',
  noResults: '「{query}」を含む公開済みの発言はありません。',
  noTerms: '語を一つ以上入力してください。',
  noStatements: 'ここで公開されている発言はまだありません。',
  summary: '要旨',
  summaryNote: '発言そのものではなく、会議報告の記述から作成した要旨です。',
  video_message: 'ビデオメッセージ',
  live_link: '中継',
  present: '出席',
  positions: '立場',
  session: 'セッション',
  speaker: '発言者',
  delegation: '代表団',
  delivered: '発言日時',
  original: '原文（{language}）',
  translation: '{language}からの翻訳',
  noSession: 'セッション外の発言',
  programme: 'プログラム',
  allStatementsOf: '{name}の発言一覧',
  inContext: 'セッションの発言一覧で読む',
  match: '一致',
};

const catalogues: Record<Lang, Record<StatementsMessageKey, string>> = { en, ja };

export function st(
  lang: Lang,
  key: StatementsMessageKey,
  params?: Record<string, string | number>,
): string {
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

const languageNames = new Map<Lang, Intl.DisplayNames>();

/** The name of a language in the reader's language: languageName('ja', 'en') → 'Japanese'. */
export function languageName(code: string, lang: Lang): string {
  let names = languageNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' });
    languageNames.set(lang, names);
  }
  return names.of(code) ?? code;
}

/**
 * The statements of the Seoul 2013 demo: those the seed reports in its section 2 (会議における各国
 * 政府主要者の発言). The seed summarises them in Japanese, in the third person; each statement
 * here is that summary (isSummary), its Japanese text the seed's own sentences and its English a
 * translation of them — not the words delivered, which the seed does not give.
 *
 * The seed names the session only for Japan (the plenary 「国境を越えた協力の強化」) and the opening
 * (会議冒頭: the chair, then the heads the seed lists with him). It names no speaker for China and
 * Russia (「中国やロシアの会議参加者」): the demo gives their statements to the heads of their
 * delegations, in the plenary on international security and norms of state behaviour, and splits
 * the seed's shared paragraph: the first sentence for both, the rest for China alone.
 */
import type { AttendanceMode, Localized } from '../../../db/schema.js';

/** The themes Seoul 2013's statements took positions on, named as the seed and the chair's statement name them. */
export const DEMO_THEMES: { code: string; name: Localized }[] = [
  {
    code: 'international_rules',
    name: { en: 'International rule-making', ja: '国際的なルール作り' },
  },
  { code: 'international_cooperation', name: { en: 'International cooperation', ja: '国際連携' } },
  { code: 'capacity_building', name: { en: 'Capacity building', ja: '能力構築支援' } },
  {
    code: 'human_rights_online',
    name: { en: 'Human rights online', ja: 'オンラインにおける人権' },
  },
  {
    code: 'free_flow_of_information',
    name: { en: 'Free flow of information', ja: '情報の自由な流通' },
  },
  {
    code: 'state_sovereignty',
    name: { en: 'State sovereignty and non-interference', ja: '国家主権・内政不干渉' },
  },
  {
    code: 'un_as_forum',
    name: { en: 'The United Nations as the forum', ja: '議論の場としての国連' },
  },
  {
    code: 'norms_of_state_behaviour',
    name: { en: 'Norms of state behaviour', ja: '国家の行動規範' },
  },
  { code: 'cybercrime', name: { en: 'Cybercrime', ja: 'サイバー犯罪' } },
  { code: 'digital_divide', name: { en: 'Digital divide', ja: '情報格差' } },
  {
    code: 'multi_stakeholder',
    name: { en: 'Multi-stakeholder approach', ja: 'マルチステークホルダー・アプローチ' },
  },
  {
    code: 'code_of_conduct',
    name: {
      en: 'International Code of Conduct for Information Security',
      ja: '情報セキュリティ国際行動規範',
    },
  },
];

export interface DemoStatement {
  /** Where the seed reports it: section 2, paragraph n. */
  source: string;
  session: string;
  /** A participant the seed names, or the head of a delegation where it names none. */
  speaker: { participant: string } | { headOf: string };
  attendance: AttendanceMode;
  originalLanguage: 'ja';
  texts: { ja: string; en: string };
  isSummary: true;
  positions: string[];
}

/** In the order the opening heard them (the chair first), then the plenaries'. */
export const DEMO_STATEMENTS: DemoStatement[] = [
  {
    source: '2(2)',
    session: 'opening',
    speaker: { participant: 'KOR-YUN' },
    attendance: 'present',
    originalLanguage: 'ja',
    texts: {
      ja: '会議冒頭,ユン・ビョンセ長官は,情報通信技術の発展が経済的・社会的便益に貢献している一方,サイバー犯罪やサイバーセキュリティの課題が顕在化していることに触れ,課題解決のためには各プレーヤーが責任を持ち,相互理解を深めることが重要であると発言した。また,今回の会議により,サイバー空間における国際的な行動規範作りへの方向性を与えるとともに,能力構築支援を新たなテーマに取り上げることで先進国と途上国の間を繋ぎたいと発言した。',
      en: 'Opening the conference, Minister Yun Byung-se noted that while the development of information and communication technologies contributes economic and social benefits, the challenges of cybercrime and cybersecurity have come to the surface, and said that to meet them it is important that every player take responsibility and deepen mutual understanding. He also said that he hoped the conference would give direction to the making of international norms of behaviour in cyberspace and, by taking up capacity building as a new theme, bridge developed and developing countries.',
    },
    isSummary: true,
    positions: ['cybercrime', 'multi_stakeholder', 'norms_of_state_behaviour', 'capacity_building'],
  },
  {
    source: '2(3)',
    session: 'opening',
    speaker: { participant: 'KOR-PARK' },
    attendance: 'present',
    originalLanguage: 'ja',
    texts: {
      ja: 'パク・クネ大統領は,サイバー空間は様々な可能性をもたらす一方で,個人情報保護やマルウェア等の問題も存在するため,国際的なルール作りが必要であると発言した。また,世界では情報格差が存在しているため,格差を取り除くための能力構築支援が重要であるとも述べた。',
      en: 'President Park Geun-hye said that while cyberspace brings many possibilities, problems such as the protection of personal information and malware also exist, so international rule-making is needed. She also said that, as a digital divide exists in the world, capacity building to remove that divide is important.',
    },
    isSummary: true,
    positions: ['international_rules', 'digital_divide', 'capacity_building'],
  },
  {
    source: '2(4)',
    session: 'opening',
    speaker: { participant: 'GBR-HAGUE' },
    attendance: 'present',
    originalLanguage: 'ja',
    texts: {
      ja: 'ヘーグ英外相は,国家によるインターネットの統制は,情報の自由な流通や経済発展を損なうものであり,オンラインにおいてもオフラインと同様に人権は尊重されるべきであると発言した。また,サイバー空間の開放性と自由,民主主義を確保するために各国が協力することが重要であるとも述べた。',
      en: 'Foreign Secretary Hague said that state control of the internet harms the free flow of information and economic development, and that human rights should be respected online as they are offline. He also said that it is important for countries to work together to secure the openness and freedom of cyberspace, and democracy.',
    },
    isSummary: true,
    positions: ['free_flow_of_information', 'human_rights_online', 'international_cooperation'],
  },
  {
    source: '2(5)',
    session: 'opening',
    speaker: { participant: 'USA-KERRY' },
    attendance: 'video_message',
    originalLanguage: 'ja',
    texts: {
      ja: 'ケリー米国務長官は,ビデオ映像を通して,サイバー空間の各種課題への対応には国際連携が必要であり,サイバー空間における国家の行動規範が重要であること,インターネット上では表現の自由が守られるべきことについて言及した。',
      en: 'Secretary of State Kerry, in a video message, said that meeting the many challenges of cyberspace requires international cooperation, that norms of state behaviour in cyberspace are important, and that freedom of expression must be protected on the internet.',
    },
    isSummary: true,
    positions: ['international_cooperation', 'norms_of_state_behaviour', 'human_rights_online'],
  },
  {
    source: '2(1)',
    session: 'plenary-2',
    speaker: { participant: 'JPN-MITSUYA' },
    attendance: 'present',
    originalLanguage: 'ja',
    texts: {
      ja: '三ツ矢外務副大臣は,全体会合の「国境を越えた協力の強化」において,サイバー空間においても脅威が多様化していることから,安倍総理が掲げる「積極的平和主義」の方針の下,日本がサイバーセキュリティ強化のための国際連携に積極的に取り組んでいくことについて言及した。また,今月2日に決定した「サイバーセキュリティ国際連携取組方針」について触れ,安全で信頼できるサイバー空間構築のために,日本がサイバーセキュリティに関する国際的なルール作りへ積極的に関与していくこと,また,二国間や多国間の協議に積極的に参加することについて発言した。',
      en: 'In the plenary session "Strengthening cross-border cooperation", State Minister for Foreign Affairs Mitsuya said that, as threats are diversifying in cyberspace too, Japan will actively pursue international cooperation to strengthen cybersecurity under the policy of "Proactive Contribution to Peace" set out by Prime Minister Abe. Referring to the "International Strategy on Cybersecurity Cooperation" decided on the 2nd of this month, he said that, to build a safe and reliable cyberspace, Japan will take an active part in making international rules on cybersecurity and in bilateral and multilateral consultations.',
    },
    isSummary: true,
    positions: ['international_cooperation', 'international_rules'],
  },
  {
    source: '2(6)',
    session: 'plenary-4',
    speaker: { headOf: 'RUS' },
    attendance: 'present',
    originalLanguage: 'ja',
    texts: {
      ja: '中国やロシアの会議参加者からは,昨年開催されたブダペスト会議に引き続き,サイバー空間での国家主権・内政不干渉の尊重や規制実施の必要性が強調された。',
      en: "China's and Russia's participants in the conference stressed, as at last year's Budapest Conference, respect for state sovereignty and non-interference in internal affairs in cyberspace, and the need to put regulation into effect.",
    },
    isSummary: true,
    positions: ['state_sovereignty'],
  },
  {
    source: '2(6)',
    session: 'plenary-4',
    speaker: { headOf: 'CHN' },
    attendance: 'present',
    originalLanguage: 'ja',
    texts: {
      ja: '中国やロシアの会議参加者からは,昨年開催されたブダペスト会議に引き続き,サイバー空間での国家主権・内政不干渉の尊重や規制実施の必要性が強調された。また,中国は国連が国際的なサイバー問題を議論する最も適切な場であることを強調した。加えて,中国の会議参加者は,新たな規範を策定すべきであり,昨年に引き続き,国連事務総長宛に提出している「情報セキュリティ国際行動規範」を規範作りのたたき台とすべきであると主張した。',
      en: "China's and Russia's participants in the conference stressed, as at last year's Budapest Conference, respect for state sovereignty and non-interference in internal affairs in cyberspace, and the need to put regulation into effect. China also stressed that the United Nations is the most appropriate forum to discuss international cyber issues. In addition, China's participant argued that new norms should be drawn up, and that the \"International Code of Conduct for Information Security\", submitted to the UN Secretary-General as in the previous year, should be the starting point for drafting them.",
    },
    isSummary: true,
    positions: ['state_sovereignty', 'un_as_forum', 'norms_of_state_behaviour', 'code_of_conduct'],
  },
];

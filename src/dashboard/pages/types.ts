/** The API's answers, as far as the dashboard reads them. */

export interface TrendRow {
  period: string;
  volume: number;
  positive: number;
  neutral: number;
  negative: number;
  netSentiment: number;
  avgScore: number | null;
  avgStars: number | null;
  churnShare: number | null;
}

export interface Trend {
  interval: string;
  rows: TrendRow[];
  breakdown: (TrendRow & { key: string })[];
  total: TrendRow;
  previousTotal: TrendRow;
  change: { volume: number | null; netSentiment: number | null; avgStars: number | null; churnShare: number | null };
}

export interface ThemeRow {
  theme: string;
  volume: number;
  share: number;
  positive: number;
  negative: number;
  netSentiment: number;
  previousVolume: number;
  volumeChange: number | null;
  netSentimentChange: number | null;
  impact: number;
}

export interface Themes {
  mentions: number;
  netSentiment: number;
  themes: ThemeRow[];
}

export interface Person {
  name?: string;
  handle?: string;
  url?: string;
  followers?: number;
}

export interface QueueItem {
  _id: string;
  author: Person;
  churn: boolean;
  competitors: string[];
  engagement: number;
  priority: number;
  publishedAt: string;
  score: number;
  source: string;
  text: string;
  title?: string;
  url: string;
  /** The business's public reply, where the source shows one. */
  reply?: { text: string; at?: string };
}

export interface Advocacy {
  nps: { score: number | null; promoters: number; passives: number; detractors: number; total: number; rated: number; textOnly: number };
  advocates: { author: string; source: string; sourceKind: string; mentions: number; recommends: number; reach: number | null; profile: string | null; lastAt: string }[];
  moments: QueueItem[];
  recovery: QueueItem[];
}

export interface Sov {
  parties: { id: string; name: string; isBrand: boolean; volume: number; share: number; netSentiment: number; namedInBrandMentions: number | null; churnTowards: number | null }[];
  duels: { competitor: string; theme: string; brandVolume: number; competitorVolume: number; brandNet: number; competitorNet: number; gap: number; winner: string }[];
}

export interface Gaps {
  goals: { goal: string; metric: string; theme: string | null; target: number; direction: string; current: number | null; previous: number | null; gap: number | null; met: boolean; trend: string; series: { period: string; value: number | null }[] }[];
}

export interface Emerging {
  recentMentions: number;
  baselineMentions: number;
  terms: { term: string; recent: number; recentShare: number; baseline: number; baselineShare: number; lift: number; z: number; isNew: boolean; example?: { url: string; text: string } }[];
}

export interface MentionSummary {
  id: string;
  brand: string;
  source: { kind: string; name: string };
  url: string;
  author: Person;
  title?: string;
  text: string;
  stars?: number;
  publishedAt: string;
  sentiment: { score: number; label: string };
  themes: { theme: string; label: string; score: number }[];
  intents: string[];
  notAboutUs?: string;
  workflow?: { status: string; assignee?: string; tags: string[] };
}

export interface Workflow {
  status: string;
  assignee?: string;
  tags: string[];
  notes: { at: string; who: string; text: string }[];
  updatedAt: string | null;
  updatedBy: string | null;
  notAboutUs?: { at: string; by: string };
}

export interface MentionDetail extends MentionSummary {
  sentiment: { score: number; label: string; explain: { token: string; weight: number; rules: string[] }[] };
  themes: { theme: string; label: string; score: number; evidence: string }[];
  workflow: Workflow;
  competitors: string[];
}

export interface AlertDoc {
  _id: string;
  rule: string;
  kind: string;
  brand: string;
  severity: string;
  summary: string;
  state: 'open' | 'acknowledged';
  createdAt: string;
  window: { from: string; to: string };
  observed: number;
  expected: number;
  unit: string;
  acknowledgedBy?: string;
  ackNote?: string;
  escalatedFrom?: string;
}

export interface Rule {
  name: string;
  kind: string;
  brand: string;
  window: string;
  baseline: string;
  sensitivity: string;
  cooldown: string;
}

export interface Backtest {
  rule: Rule;
  evaluated: number;
  suppressed: number;
  firings: { at: string; observed: number; expected: number; unit: string }[];
  series: { at: string; observed: number; expected: number }[];
}

export interface SourceHealth {
  name: string;
  kind: string;
  schedule: string | null;
  next: string | null;
  lastRun: { status: string; startedAt: string; finishedAt?: string; itemsNew?: number; error?: string } | null;
  lastSuccess: { startedAt: string; status: string; itemsNew?: number } | null;
  failures: { blocked: number; broken: number; byClass: Record<string, number> };
}

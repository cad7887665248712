import { intBetween, pick, prng } from '../lib/prng.js';
import { ago, DAY_MS } from './time.js';

/** A fictional e-bike review channel; its uploads playlist is the channel id with `UU` for `UC`. */
export const YT_CHANNEL_ID = 'UCr1deTest0ebikeReviews1';
export const YT_UPLOADS_ID = `UU${YT_CHANNEL_ID.slice(2)}`;

export interface DemoYtComment {
  id: string;
  author: string;
  text: string;
  likes: number;
  publishedAt: Date;
  updatedAt: Date;
}

export interface DemoYtThread {
  top: DemoYtComment;
  replies: DemoYtComment[];
}

export interface DemoYtVideo {
  id: string;
  title: string;
  publishedAt: Date;
  commentsDisabled?: boolean;
  threads: DemoYtThread[];
}

const ON_BRAND = [
  'Bought the Brightline Commuter 7 after this video, best decision this year.',
  'My Brightline battery died after four months, warranty claim still open.',
  'The Brightline app pairing is a nightmare, took me an hour.',
  'Brightline support replaced my rack in three days, great service.',
  'Is the Brightline Cargo Duo worth the price compared to Voltaro?',
];
const OFF_BRAND = ['First!', 'What helmet is that?', 'Great editing as always', 'Voltaro all the way', 'Where was this filmed?'];
const NAMES = ['@ridewithkai', '@urbancommuter', '@mtb_maria', '@cargo.dad', '@bikegeek', '@lena_rides', '@tom.k'];

const cache = new Map<number, DemoYtVideo[]>();

/** The channel's uploads, newest first: a long-comment video (two pages), one with comments off, a short one. */
export function ytVideos(now: Date): DemoYtVideo[] {
  const hit = cache.get(now.getTime());
  if (hit) return hit;
  const rand = prng('youtube|ebike-reviews');
  const comment = (vid: string, n: number, at: Date, onBrand: boolean): DemoYtComment => ({
    id: `Ugz${vid.slice(0, 4)}${String(n).padStart(5, '0')}AaABAg`,
    author: pick(rand, NAMES),
    text: pick(rand, onBrand ? ON_BRAND : OFF_BRAND),
    likes: rand() < 0.7 ? 0 : intBetween(rand, 1, 50),
    publishedAt: at,
    updatedAt: at,
  });
  const videos: Array<Omit<DemoYtVideo, 'threads'> & { comments: number }> = [
    { id: 'bLr7cmT0r01', title: 'Brightline Commuter 7 – six months later', publishedAt: ago(now, 3 * DAY_MS), comments: 130 },
    { id: 'nOcmNtS0ff2', title: 'E-bike shop tour (comments off)', publishedAt: ago(now, 9 * DAY_MS), commentsDisabled: true, comments: 0 },
    { id: 'vLtVsBl0003', title: 'Voltaro V2 vs the field', publishedAt: ago(now, 20 * DAY_MS), comments: 12 },
  ];
  const list = videos.map(({ comments, ...v }) => {
    const span = now.getTime() - v.publishedAt.getTime();
    const threads = Array.from({ length: comments }, (_, i): DemoYtThread => {
      const at = new Date(now.getTime() - Math.round(((i + rand()) / comments) * span / 1000) * 1000);
      const top = comment(v.id, i, at, rand() < 0.6);
      const replies = i % 10 === 4 ? [comment(v.id, 1000 + i, new Date(at.getTime() + 60_000), i % 20 === 4)] : [];
      return { top, replies };
    });
    return { ...v, threads };
  });
  cache.clear();
  cache.set(now.getTime(), list);
  return list;
}

import { hnStories } from '../corpus/hackernews.js';
import type { CommentSeed, HnStorySeed } from '../corpus/types.js';
import { hash32 } from '../lib/prng.js';
import { ago, DAY_MS, HOUR_MS, ID_HORIZON_MS, newestFirst } from './time.js';
import type { DemoHnItem } from './types.js';

/** HN item ids grow with time: this base plus 10 per minute of posting (counted from `ID_HORIZON_MS` back). */
const ID_BASE = 42_000_000;

/** A fixed id for an item of the given age: later items get larger ids; `taken` keeps them unique. */
function itemId(ageMs: number, key: string, taken: Set<number>): number {
  let id = ID_BASE + Math.floor((ID_HORIZON_MS - ageMs) / 60_000) * 10 + (hash32(key) % 10);
  while (taken.has(id)) id += 1;
  taken.add(id);
  return id;
}

const countAll = (cs: CommentSeed[] = []): number => cs.reduce((n, c) => n + 1 + countAll(c.replies), 0);

function storyTags(s: HnStorySeed, id: number): string[] {
  const kind = /^Show HN:/.test(s.title) ? ['show_hn'] : /^Ask HN:/.test(s.title) ? ['ask_hn'] : [];
  return ['story', `author_${s.author}`, `story_${id}`, ...kind];
}

/** Every HN story and comment, newest first. Comments come `after` hours (default 2) after their parent. */
export function buildHnItems(now: Date): DemoHnItem[] {
  const taken = new Set<number>();
  const items: DemoHnItem[] = [];
  for (const s of hnStories) {
    const ageMs = s.daysAgo * DAY_MS;
    const id = itemId(ageMs, `story|${s.title}`, taken);
    const url = s.url ?? null;
    items.push({
      id, type: 'story', title: s.title, url, text: s.text ?? null, author: s.author, createdAt: ago(now, ageMs),
      points: s.points, numComments: countAll(s.comments), storyId: id, parentId: null, storyTitle: null, storyUrl: null,
      tags: storyTags(s, id),
    });
    const addComments = (seeds: CommentSeed[] = [], parentId: number, parentAgeMs: number, path: string) => {
      seeds.forEach((c, i) => {
        const key = `${path}/${i}`;
        const cAgeMs = Math.max(60_000, parentAgeMs - (c.after ?? 2) * HOUR_MS);
        const cid = itemId(cAgeMs, `comment|${key}`, taken);
        items.push({
          id: cid, type: 'comment', title: null, url: null, text: c.text, author: c.author, createdAt: ago(now, cAgeMs),
          points: null, numComments: null, storyId: id, parentId, storyTitle: s.title, storyUrl: url,
          tags: ['comment', `author_${c.author}`, `story_${id}`],
        });
        addComments(c.replies, cid, cAgeMs, key);
      });
    };
    addComments(s.comments, id, ageMs, s.title);
  }
  return items.sort(newestFirst((i) => i.createdAt, (i) => i.id));
}

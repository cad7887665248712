import { formatPath } from './issues.js';
import { loadThemePacks } from './nlp-data.js';

/** Problems (the config is refused) and warnings (printed, the config is used) found across the whole file. */
export interface CrossCheck {
  problems: string[];
  warnings: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The checks that look across entries: unique brand ids and rule names, rules naming a configured brand, source
 * and channels, theme packs that exist (`config/themes/<name>.yaml`, or a file path relative to the working
 * directory, read and validated as the analyzer would), competitors that are tracked as brands (a warning: share
 * of voice shows an untracked one with no volume). They read the raw (parsed YAML) config defensively, so they run
 * in the same pass as the schema check even where a brand has schema problems of its own.
 */
export function crossCheck(raw: Obj, opts: { themeDir?: string } = {}): CrossCheck {
  const problems: string[] = [];
  const warnings: string[] = [];
  const at = (path: Array<string | number>, message: string, to = problems) => to.push(`${formatPath(path)}: ${message}`);
  const brands = list(raw.brands);
  const brandIds = new Map<string, Obj>();
  const packErrors = new Map<string, string | null>();

  brands.forEach((b, i) => {
    if (!isObj(b)) return;
    const id = str(b.id);
    if (id !== undefined) {
      if (brandIds.has(id)) at(['brands', i, 'id'], `duplicate brand id "${id}"`);
      else brandIds.set(id, b);
    }
    list(b.themePacks).forEach((pack, j) => {
      if (typeof pack !== 'string' || !pack) return;
      if (!packErrors.has(pack)) packErrors.set(pack, themePackError(pack, opts.themeDir));
      const err = packErrors.get(pack);
      if (err) at(['brands', i, 'themePacks', j], err);
    });
  });

  brands.forEach((b, i) => {
    if (!isObj(b)) return;
    list(b.competitors).forEach((c, j) => {
      const cid = isObj(c) ? str(c.id) : undefined;
      if (cid !== undefined && !brandIds.has(cid)) {
        at(['brands', i, 'competitors', j, 'id'], `competitor "${cid}" is not tracked as a brand: share of voice shows no volume for it (add it under brands: to crawl it)`, warnings);
      }
    });
  });

  const channels = isObj(raw.channels) ? Object.keys(raw.channels) : [];
  const ruleNames = new Set<string>();
  list(raw.alerts).forEach((r, i) => {
    if (!isObj(r)) return;
    const name = str(r.name);
    if (name !== undefined) {
      if (ruleNames.has(name)) at(['alerts', i, 'name'], `duplicate rule name "${name}"`);
      ruleNames.add(name);
    }
    const brandId = str(r.brand);
    const brand = brandId === undefined ? undefined : brandIds.get(brandId);
    const source = isObj(r.filters) ? str(r.filters.source) : undefined;
    if (brandId !== undefined && !brand) {
      at(['alerts', i, 'brand'], `unknown brand "${brandId}" (configured: ${[...brandIds.keys()].join(', ')})`);
    } else if (brand && source !== undefined) {
      const names = list(brand.sources).map((s) => (isObj(s) ? (str(s.name) ?? str(s.kind)) : undefined));
      if (!names.includes(source)) at(['alerts', i, 'filters', 'source'], `brand "${brandId}" has no source "${source}"`);
    }
    list(r.channels).forEach((ch, j) => {
      if (typeof ch === 'string' && !channels.includes(ch)) {
        at(['alerts', i, 'channels', j], `unknown channel "${ch}" (${channels.length ? `configured: ${channels.join(', ')}` : 'no channels configured'})`);
      }
    });
  });
  return { problems, warnings };
}

/** Why a theme pack cannot be used (unknown name, missing or malformed file), or null. */
function themePackError(pack: string, dir: string | undefined): string | null {
  try {
    loadThemePacks([pack], dir ? { dir } : {});
    return null;
  } catch (err) {
    return (err as Error).message.split('\n')[0]!;
  }
}

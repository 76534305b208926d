/**
 * The fixed cast of the simulated world: brands, interest communities, named personas and the
 * one-off topics of idle posts. All names are fictional; every topic is a real Klout slug.
 * Prices, margins, topic weights and community sizes are assumptions (SCIENCE.md §2), stated here
 * once so the data page can show them.
 */

export type Goal = 'sales' | 'awareness';

export interface BrandSpec {
  slug: string;
  name: string;
  category: string;
  /** USD per purchase. */
  price: number;
  /** Gross margin, 0–1. */
  margin: number;
  goal: Goal;
  /** Customer interest profile: Klout slug → weight; weights sum to 1. */
  topics: Record<string, number>;
  /**
   * Share of the profile's weight a follower must cover to count as a full match. Low for a
   * mass-market product (any one of its broad interests will do), high for a niche one.
   */
  fitSaturation: number;
  /** Communities the brand's marketers search when they shortlist accounts (by niche topic, which they can see). */
  shortlist: string[];
}

/** Brand ids are 1-based positions in this list. */
export const BRANDS: readonly BrandSpec[] = [
  {
    slug: 'taskwise',
    name: 'Taskwise',
    category: 'project-management software for small teams (B2B, one seat for a year)',
    price: 240,
    margin: 0.85,
    goal: 'sales',
    topics: { 'project-management': 0.35, productivity: 0.2, saas: 0.15, startups: 0.15, leadership: 0.15 },
    fitSaturation: 0.5,
    shortlist: ['work-software', 'tech'],
  },
  {
    slug: 'silver-lotus',
    name: 'Silver Lotus',
    category: 'a weekend yoga workshop for people over 60',
    price: 120,
    margin: 0.6,
    goal: 'sales',
    topics: { yoga: 0.3, aging: 0.2, retirement: 0.15, meditation: 0.15, pilates: 0.1, fitness: 0.1 },
    fitSaturation: 0.5,
    shortlist: ['yoga-wellness', 'later-life', 'fitness'],
  },
  {
    slug: 'crown-and-confetti',
    name: 'Crown & Confetti',
    category: 'royal-wedding souvenir t-shirts (a novelty riding a news event)',
    price: 25,
    margin: 0.5,
    goal: 'sales',
    topics: { 'british-royal-family': 0.4, 'kate-middleton': 0.3, weddings: 0.2, fashion: 0.05, celebrities: 0.05 },
    fitSaturation: 0.5,
    shortlist: ['royals'],
  },
  {
    slug: 'voltra',
    name: 'Voltra',
    category: 'an energy drink (mass market, a 4-pack)',
    price: 8,
    margin: 0.45,
    goal: 'sales',
    topics: {
      'energy-drink': 0.15,
      'red-bull': 0.05,
      'extreme-sports': 0.15,
      'video-games': 0.2,
      music: 0.15,
      fitness: 0.15,
      'pop-music': 0.15,
    },
    fitSaturation: 0.15,
    shortlist: ['gaming', 'action-sports', 'fitness', 'pop-music'],
  },
  {
    slug: 'tuneloop',
    name: 'Tuneloop',
    category: 'a music-streaming app launch (awareness; a conversion is a first paid month)',
    price: 10,
    margin: 0.7,
    goal: 'awareness',
    topics: { music: 0.3, 'pop-music': 0.2, celebrities: 0.15, youtube: 0.15, movies: 0.1, television: 0.1 },
    fitSaturation: 0.15,
    shortlist: ['pop-music', 'screen', 'gaming'],
  },
];

export interface CommunitySpec {
  key: string;
  /** Topics an account of this community mostly posts about (its niche topic is one of these). */
  niche: string[];
  /** Interests of the community's followers: slug → relative weight. */
  topics: Record<string, number>;
  /** Relative share of accounts in the community. */
  share: number;
  /**
   * How popular the community's interests are in the general population, and how much more often
   * large accounts belong to it (celebrities, sports and screen draw the biggest audiences).
   */
  massAppeal: number;
}

export const COMMUNITIES: readonly CommunitySpec[] = [
  {
    key: 'work-software',
    niche: ['project-management', 'productivity', 'saas', 'startups', 'leadership'],
    topics: {
      'project-management': 3,
      productivity: 3,
      saas: 2,
      startups: 2,
      leadership: 2,
      'software-development': 2,
      entrepreneurship: 2,
      'time-management': 1,
      kanban: 1,
      jira: 1,
      'getting-things-done': 1,
      management: 1,
      'small-business': 1,
      marketing: 1,
    },
    share: 1,
    massAppeal: 0.3,
  },
  {
    key: 'tech',
    niche: ['smartphones', 'gadgets', 'software-development'],
    topics: { smartphones: 3, gadgets: 3, apple: 2, 'software-development': 2, 'video-games': 1, startups: 1, productivity: 0.5, saas: 0.5 },
    share: 1,
    massAppeal: 1,
  },
  {
    key: 'yoga-wellness',
    niche: ['yoga', 'meditation', 'pilates', 'mindfulness'],
    topics: {
      yoga: 4,
      'bikram-yoga': 1,
      meditation: 3,
      mindfulness: 2,
      pilates: 2,
      stretching: 1,
      fitness: 2,
      nutrition: 1,
      health: 1,
      aging: 1.5,
      retirement: 0.5,
    },
    share: 1,
    massAppeal: 0.6,
  },
  {
    key: 'later-life',
    niche: ['retirement', 'aging', 'grandparents'],
    topics: { retirement: 3, aging: 3, grandparents: 2, aarp: 1, health: 2, 'personal-finance': 1, travel: 1, books: 1, meditation: 0.5, yoga: 0.5 },
    share: 0.8,
    massAppeal: 0.3,
  },
  {
    key: 'fitness',
    niche: ['fitness', 'crossfit', 'running'],
    topics: { fitness: 4, crossfit: 2, 'strength-training': 2, running: 2, gyms: 1.5, nutrition: 2, 'energy-drink': 0.5, pilates: 0.5, yoga: 0.5 },
    share: 1,
    massAppeal: 1.5,
  },
  {
    key: 'royals',
    niche: ['british-royal-family', 'kate-middleton', 'royalty'],
    topics: { 'british-royal-family': 4, 'kate-middleton': 3, royalty: 2, weddings: 2, 'wedding-dresses': 1, celebrities: 2, fashion: 2 },
    share: 0.7,
    massAppeal: 1,
  },
  {
    key: 'fashion',
    niche: ['fashion'],
    topics: { fashion: 5, 'wedding-dresses': 1, celebrities: 1.5, photography: 0.5, weddings: 0.5 },
    share: 1,
    massAppeal: 2,
  },
  {
    key: 'pop-music',
    niche: ['pop-music', 'justin-bieber', 'celebrities'],
    topics: {
      'pop-music': 4,
      'justin-bieber': 2,
      'taylor-swift': 2,
      'one-direction': 1.5,
      celebrities: 3,
      music: 3,
      concerts: 1.5,
      'music-festivals': 1,
      youtube: 1,
    },
    share: 1,
    massAppeal: 4,
  },
  {
    key: 'gaming',
    niche: ['video-games', 'esports'],
    topics: { 'video-games': 4, xbox: 2, 'playstation-4': 2, esports: 2, anime: 1, youtube: 1.5, 'energy-drink': 1, music: 1, 'hip-hop': 0.5 },
    share: 1,
    massAppeal: 2,
  },
  {
    key: 'action-sports',
    niche: ['extreme-sports', 'skateboarding', 'snowboarding', 'surfing'],
    topics: {
      'extreme-sports': 3,
      skateboarding: 2,
      snowboarding: 2,
      surfing: 2,
      motocross: 1.5,
      'red-bull': 1.5,
      'energy-drink': 1,
      music: 1,
      fitness: 1,
    },
    share: 0.8,
    massAppeal: 1.5,
  },
  {
    key: 'food',
    niche: ['cooking', 'baking', 'coffee'],
    topics: { cooking: 4, recipes: 3, baking: 2, coffee: 2, wine: 1, beer: 1, pizza: 1, nutrition: 0.5 },
    share: 1.2,
    massAppeal: 1.5,
  },
  {
    key: 'travel',
    niche: ['travel', 'hiking'],
    topics: { travel: 4, backpacking: 2, hotels: 1.5, hiking: 2, camping: 1.5, photography: 1 },
    share: 1.2,
    massAppeal: 1.5,
  },
  {
    key: 'sports',
    niche: ['soccer', 'nfl', 'nba'],
    topics: { soccer: 4, nfl: 3, nba: 3, basketball: 2, golf: 1, tennis: 1, beer: 1 },
    share: 1.2,
    massAppeal: 3,
  },
  {
    key: 'politics',
    niche: ['politics', 'elections'],
    topics: { politics: 4, elections: 2, taxes: 1, books: 1, television: 0.5 },
    share: 1,
    massAppeal: 1.5,
  },
  {
    key: 'parenting',
    niche: ['parenting'],
    topics: { parenting: 4, books: 1, cooking: 1, grandparents: 0.5, dogs: 0.5 },
    share: 1,
    massAppeal: 0.8,
  },
  {
    key: 'pets',
    niche: ['dogs', 'cats'],
    topics: { dogs: 4, cats: 3, photography: 0.5 },
    share: 0.8,
    massAppeal: 1.5,
  },
  {
    key: 'finance',
    niche: ['personal-finance', 'investing', 'stock-market'],
    topics: { 'personal-finance': 3, investing: 3, 'stock-market': 3, retirement: 1, taxes: 1, 'small-business': 0.5 },
    share: 0.8,
    massAppeal: 0.6,
  },
  {
    key: 'screen',
    niche: ['movies', 'television', 'netflix'],
    topics: { movies: 4, television: 3, netflix: 3, celebrities: 1.5, books: 1 },
    share: 1,
    massAppeal: 3,
  },
  {
    key: 'photography',
    niche: ['photography'],
    topics: { photography: 4, cameras: 2, travel: 1 },
    share: 0.7,
    massAppeal: 0.8,
  },
];

/**
 * Topics of idle, one-off posts (Klout famously inferred "expertise" in homework, electricity
 * and the royal wedding from such mentions).
 */
export const ONE_OFF_TOPICS: readonly string[] = [
  'homework',
  'electricity',
  'weddings',
  'taxes',
  'weather',
  'traffic',
  'pizza',
  'coffee',
  'dogs',
  'golf',
  'wine',
  'elections',
];

export interface PersonaSpec {
  key: string;
  handle: string;
  community: string;
  niche: string;
  followers: number;
  fakeFollowerShare: number;
  /** Latent trust in standard deviations (drives engagement and conversation). */
  trust: number;
  inPod: boolean;
  /** One-off topics the persona is sure to mention once (the essay's wrong-topics examples). */
  oneOffs: string[];
  /** Interests of the followers it draws, when they differ from its community's (hidden). */
  audience?: Record<string, number>;
}

/** The essay's named accounts; they take influencer ids 1, 2, 3… in this order. */
export const PERSONAS: readonly PersonaSpec[] = [
  {
    key: 'pop-star',
    handle: 'velvetnova',
    community: 'pop-music',
    niche: 'pop-music',
    followers: 30_000_000,
    fakeFollowerShare: 0.3,
    trust: -0.5,
    inPod: false,
    oneOffs: ['electricity'],
  },
  {
    key: 'yoga-teacher',
    handle: 'mira.slowflow',
    community: 'yoga-wellness',
    niche: 'yoga',
    followers: 5_000,
    fakeFollowerShare: 0.03,
    trust: 1,
    inPod: false,
    oneOffs: [],
    // Her classes are full of retirees: yoga people, many of them over 60.
    audience: { yoga: 4, 'bikram-yoga': 0.5, meditation: 2, pilates: 1, stretching: 1, aging: 2, retirement: 2, grandparents: 1, health: 1 },
  },
  {
    key: 'pm-blogger',
    handle: 'ganttly.notes',
    community: 'work-software',
    niche: 'project-management',
    followers: 12_000,
    fakeFollowerShare: 0.05,
    trust: 0.5,
    inPod: false,
    oneOffs: ['homework', 'weddings'],
  },
  {
    key: 'follower-buyer',
    handle: 'luxe.kavira',
    community: 'fashion',
    niche: 'fashion',
    followers: 400_000,
    fakeFollowerShare: 0.7,
    trust: -1,
    inPod: true,
    oneOffs: [],
  },
  {
    key: 'royal-watcher',
    handle: 'tiaratattle',
    community: 'royals',
    niche: 'british-royal-family',
    followers: 40_000,
    fakeFollowerShare: 0.1,
    trust: 0.5,
    inPod: false,
    oneOffs: [],
  },
  {
    key: 'gamer',
    handle: 'pixelrook',
    community: 'gaming',
    niche: 'video-games',
    followers: 2_500_000,
    fakeFollowerShare: 0.25,
    trust: 0,
    inPod: false,
    oneOffs: [],
  },
];

/** Every Klout slug the world can use; the shipped topics are these and their ancestors. */
export function catalogSlugs(): string[] {
  const slugs = new Set<string>();
  for (const b of BRANDS) for (const s of Object.keys(b.topics)) slugs.add(s);
  for (const c of COMMUNITIES) {
    for (const s of c.niche) slugs.add(s);
    for (const s of Object.keys(c.topics)) slugs.add(s);
  }
  for (const s of ONE_OFF_TOPICS) slugs.add(s);
  for (const p of PERSONAS) {
    slugs.add(p.niche);
    for (const s of p.oneOffs) slugs.add(s);
    for (const s of Object.keys(p.audience ?? {})) slugs.add(s);
  }
  return [...slugs].sort();
}

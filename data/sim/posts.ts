import { binomial, normal, poisson, rng } from '../../src/lib/random.ts';
import type { Accounts } from './accounts.ts';
import { drawIndex } from './columns.ts';
import type { SimContext } from './context.ts';
import { PERSONAS } from './catalog.ts';
import { exp, log10 } from '../../src/lib/ieee754.ts';

/** Days of the scoring window (Klout scored a 90-day window, SCIENCE.md §5). */
export const WINDOW_DAYS = 90;
/** Chance an organic post is on the niche topic itself, else another topic of its community (assumption). */
export const ON_NICHE = 0.6;
/** Engagement of a sponsored post relative to an organic one (assumption). */
export const SPONSORED_ENGAGEMENT = 0.7;
/** Log-normal spread of engagement between one account's posts (assumption). */
export const POST_SPREAD = 0.6;
/** Chance a sharer or replier did not also like the post, counting once more among unique reactors (assumption). */
export const NOT_ALSO_LIKED = 0.35;
/** Chance a reaction lands on the post's day, the next day, or 2–6 days later (assumption). */
export const DELAY = { sameDay: 0.7, nextDay: 0.2 };
/** Pool sizes of reacting accounts per influencer: ordinary people and indiscriminate ones (assumption). */
export const PEOPLE_PER_ACCOUNT = 40;
export const INDISCRIMINATE_PER_ACCOUNT = 0.01;
/** Fewest indiscriminate reactors in any world (assumption). */
export const MIN_INDISCRIMINATE = 10;
/** Replies per pod like (assumption). */
export const POD_REPLY_RATE = 0.1;
/** Log-normal spread of posts per account around postsMedian (assumption). */
export const POSTS_SPREAD = 0.45;
const KINDS = ['like', 'share', 'reply'] as const;

export interface PostsAndReactions {
  posts: {
    post_id: Int32Array;
    influencer_id: Int32Array;
    day: Int32Array;
    topic: Int32Array;
    is_sponsored: Uint8Array;
    likes: Int32Array;
    shares: Int32Array;
    replies: Int32Array;
    unique_reactors: Int32Array;
  };
  reactions: {
    post_id: Int32Array;
    reactor_id: Int32Array;
    day: Int32Array;
    kind: string[];
    sample_weight: Float64Array;
  };
}

/** After an account's posts: posts[0, posts) and reactions[0, reactions) are final, in `columns` (allocated at their bound; read only the rows made). */
export interface Made {
  posts: number;
  reactions: number;
  columns: PostsAndReactions;
}

/**
 * Each account's posts over the 90 days (mostly on its niche, sometimes a one-off mention of an
 * unrelated topic), their likes, shares and replies from its engagement rate, and a bounded,
 * weighted sample of the reaction events. Reactors are ids from one shared space: 1…accounts are
 * the influencers themselves, then ordinary people, then a small pool of indiscriminate reactors
 * (like-farms and pods) who react to a great many posts a day.
 */
export function simulatePosts(ctx: SimContext, acc: Accounts, onAccount?: (i: number, made: Made) => void): PostsAndReactions {
  const p = ctx.params;
  const n = acc.n;
  const people = PEOPLE_PER_ACCOUNT * n;
  const indiscriminate = Math.max(MIN_INDISCRIMINATE, Math.round(INDISCRIMINATE_PER_ACCOUNT * n));
  const membersOf = ctx.communities.map(() => [] as number[]);
  for (let i = 0; i < n; i++) membersOf[acc.community[i]].push(i + 1);
  const personaOneOffs = new Map(PERSONAS.map((x) => [x.key, x.oneOffs.map((s) => ctx.space.indexOf(s))]));

  // Post counts first (each account's first draw), so every column is allocated once at its size.
  let totalPosts = 0;
  for (let i = 0; i < n; i++) totalPosts += postsOf(p, rng(p.seed, ctx.tag.posts, i + 1));
  const perPost = Math.max(3, p.reactionSampleCap);
  const post = {
    post_id: new Int32Array(totalPosts),
    influencer_id: new Int32Array(totalPosts),
    day: new Int32Array(totalPosts),
    topic: new Int32Array(totalPosts),
    is_sponsored: new Uint8Array(totalPosts),
    likes: new Int32Array(totalPosts),
    shares: new Int32Array(totalPosts),
    replies: new Int32Array(totalPosts),
    unique_reactors: new Int32Array(totalPosts),
  };
  const bound = totalPosts * perPost;
  const rx = {
    post_id: new Int32Array(bound),
    reactor_id: new Int32Array(bound),
    day: new Int32Array(bound),
    kind: new Array<string>(bound),
    sample_weight: new Float64Array(bound),
  };
  let events = 0;
  const dayBuf: number[] = [];
  let postId = 0;
  const alloc = [0, 0, 0];
  const counts = [0, 0, 0];
  const made: Made = { posts: 0, reactions: 0, columns: { posts: post, reactions: rx } };

  for (let i = 0; i < n; i++) {
    const id = i + 1;
    const u = rng(p.seed, ctx.tag.posts, id);
    const community = ctx.communities[acc.community[i]];
    const peers = membersOf[acc.community[i]];
    const G = acc.genuine[i];
    const F = acc.followers[i];
    const k = postsOf(p, u);
    dayBuf.length = 0;
    for (let j = 0; j < k; j++) dayBuf.push(Math.floor(u() * WINDOW_DAYS));
    dayBuf.sort((x, y) => x - y);
    const forced = personaOneOffs.get(acc.persona[i]) ?? [];
    const forcedAt = forced.map((_, f) => Math.floor(((f + 0.5 + 0.5 * u()) / (forced.length + 1)) * k));
    const sizeShare = Math.min(1, Math.max(0, (log10(F) - 3) / 3));
    const sponsoredShare = p.sponsoredShareNano + (p.sponsoredShareMega - p.sponsoredShareNano) * sizeShare;
    const likeShare = 1 - acc.shareShare[i] - acc.replyShare[i];

    for (let j = 0; j < k; j++) {
      const row = postId;
      const pid = ++postId;
      const day = dayBuf[j];
      let topic: number;
      if (u() < p.oneOffRate) topic = ctx.oneOffs[Math.floor(u() * ctx.oneOffs.length)];
      else if (u() < ON_NICHE) topic = acc.niche[i];
      else topic = community.interests.topics[drawIndex(community.interests.cum, u())];
      const f = forcedAt.indexOf(j);
      if (f >= 0) topic = forced[f];
      const sponsored = u() < sponsoredShare ? 1 : 0;
      const organic =
        G * acc.engagement[i] * exp(POST_SPREAD * normal(u) - (POST_SPREAD * POST_SPREAD) / 2) * (sponsored ? SPONSORED_ENGAGEMENT : 1);
      const organicLikes = poisson(u, organic * likeShare);
      const shares = poisson(u, organic * acc.shareShare[i]);
      const organicReplies = poisson(u, organic * acc.replyShare[i]);
      const podLikes = acc.inPod[i] ? poisson(u, p.podLikesBase + p.podLift * organic * likeShare) : 0;
      const podReplies = acc.inPod[i] ? poisson(u, POD_REPLY_RATE * podLikes) : 0;
      const likes = organicLikes + podLikes;
      const replies = organicReplies + podReplies;
      const unique = likes + binomial(u, shares + organicReplies, NOT_ALSO_LIKED);

      post.post_id[row] = pid;
      post.influencer_id[row] = id;
      post.day[row] = day;
      post.topic[row] = topic;
      post.is_sponsored[row] = sponsored;
      post.likes[row] = likes;
      post.shares[row] = shares;
      post.replies[row] = replies;
      post.unique_reactors[row] = unique;

      // The sample: every reaction when few, else at most reactionSampleCap events (at least one per
      // kind present), shared out by D'Hondt; each stands for count ÷ sampled reactions of its kind.
      counts[0] = likes;
      counts[1] = shares;
      counts[2] = replies;
      const total = likes + shares + replies;
      let left = p.reactionSampleCap;
      for (let q = 0; q < 3; q++) {
        alloc[q] = total <= p.reactionSampleCap ? counts[q] : counts[q] > 0 ? 1 : 0;
        left -= alloc[q];
      }
      while (total > p.reactionSampleCap && left > 0) {
        let best = -1;
        for (let q = 0; q < 3; q++) {
          if (alloc[q] < counts[q] && (best < 0 || counts[q] / (alloc[q] + 1) > counts[best] / (alloc[best] + 1))) best = q;
        }
        if (best < 0) break;
        alloc[best]++;
        left--;
      }
      const heavyLike = likes > 0 ? (podLikes + p.indiscriminateShare * organicLikes) / likes : 0;
      const heavyReply = replies > 0 ? podReplies / replies : 0;
      for (let q = 0; q < 3; q++) {
        const weight = alloc[q] > 0 ? counts[q] / alloc[q] : 0;
        for (let e = 0; e < alloc[q]; e++) {
          const heavy = q === 0 ? heavyLike : q === 2 ? heavyReply : 0;
          let reactor: number;
          if (u() < heavy) reactor = n + people + 1 + Math.floor(u() * indiscriminate);
          else if (u() < p.influencerReactorShare && peers.length > 1) {
            reactor = peers[Math.floor(u() * peers.length)];
            if (reactor === id) reactor = n + 1 + Math.floor(u() * people);
          } else reactor = n + 1 + Math.floor(u() * people);
          const r = u();
          const delay = r < DELAY.sameDay ? 0 : r < DELAY.sameDay + DELAY.nextDay ? 1 : 2 + Math.floor(u() * 5);
          rx.post_id[events] = pid;
          rx.reactor_id[events] = reactor;
          rx.day[events] = Math.min(WINDOW_DAYS - 1, day + delay);
          rx.kind[events] = KINDS[q];
          rx.sample_weight[events] = weight;
          events++;
        }
      }
    }
    if (onAccount) {
      made.posts = postId;
      made.reactions = events;
      onAccount(i, made);
    }
  }
  rx.kind.length = events;
  return {
    posts: post,
    reactions: {
      post_id: fit(rx.post_id, events),
      reactor_id: fit(rx.reactor_id, events),
      day: fit(rx.day, events),
      kind: rx.kind,
      sample_weight: fit(rx.sample_weight, events),
    },
  };
}

function postsOf(p: SimContext['params'], u: () => number): number {
  return Math.round(Math.min(p.postsMax, Math.max(p.postsMin, p.postsMedian * exp(POSTS_SPREAD * normal(u)))));
}

/** The first `length` values: a view when little is wasted, else a copy. */
function fit<T extends Int32Array | Float64Array>(a: T, length: number): T {
  return (length >= 0.95 * a.length ? a.subarray(0, length) : a.slice(0, length)) as T;
}

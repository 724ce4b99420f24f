/**
 * Hashtags Instagram hides or restricts ("Recent posts from #tag are currently hidden…").
 *
 * Where such lists come from: Instagram publishes no list and no API exposes a tag's status
 * (API.md §"not available"). Lists are kept by checking a tag in the Instagram app: a banned tag
 * shows no posts or a notice, a restricted tag shows Top posts only with Recent hidden. Statuses
 * change without notice, so the audit reports a hit as evidence, not a verdict, and this file must
 * be re-checked in the app on each review. Follow/like-for-like tags are listed because Instagram's
 * Community Guidelines name artificial engagement as inauthentic behaviour.
 */
export const BANNED_HASHTAGS_LAST_REVIEWED = '2026-12-03';

export const BANNED_HASHTAGS: Readonly<Record<string, 'banned' | 'restricted'>> = {
  // engagement bait (inauthentic behaviour)
  followforfollow: 'restricted',
  follow4follow: 'restricted',
  f4f: 'restricted',
  likeforlike: 'restricted',
  like4like: 'restricted',
  l4l: 'restricted',
  likeforlikes: 'restricted',
  followback: 'restricted',
  instafollow: 'restricted',
  tagsforlikes: 'restricted',
  // tags repeatedly reported hidden in app checks
  adulting: 'restricted',
  alone: 'restricted',
  beautyblogger: 'restricted',
  bikinibody: 'restricted',
  costumes: 'restricted',
  curvygirls: 'restricted',
  desk: 'restricted',
  dm: 'restricted',
  elevator: 'restricted',
  hardworkpaysoff: 'restricted',
  humpday: 'restricted',
  kissing: 'restricted',
  mustfollow: 'restricted',
  petite: 'restricted',
  pushups: 'restricted',
  saltwater: 'restricted',
  shower: 'restricted',
  snapchat: 'restricted',
  teens: 'restricted',
  todayimwearing: 'restricted',
  undies: 'restricted',
  // blocked outright (search shows no posts)
  brain: 'banned',
  sexy: 'banned',
  nudity: 'banned',
  porn: 'banned',
};

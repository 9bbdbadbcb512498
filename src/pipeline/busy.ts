import type { MediaSummary, User, UserConversationSummary } from '../genesys/types.js';

const MEDIA_TYPES = [
  'call',
  'callback',
  'email',
  'message',
  'chat',
  'socialExpression',
  'video',
] as const satisfies readonly (keyof UserConversationSummary)[];

function countsOf(media: MediaSummary | undefined): number {
  if (!media) {
    return 0;
  }
  const { contactCenter: cc, enterprise: ent } = media;
  return (cc?.active ?? 0) + (cc?.acw ?? 0) + (ent?.active ?? 0) + (ent?.acw ?? 0);
}

/**
 * Why a user must not be written to now, or undefined when they are free.
 *
 * Expands are best effort: a user returned without `conversationSummary` is treated as
 * busy, because "unknown" must never become "idle" for a write that ends a session.
 */
export function busyReason(user: User): string | undefined {
  const summary = user.conversationSummary;
  if (!summary) {
    return 'conversationSummary was not returned; treated as busy, try again later';
  }

  const busyMedia = MEDIA_TYPES.filter((type) => countsOf(summary[type]) > 0);
  if (busyMedia.length === 0) {
    return undefined;
  }
  return `in an interaction or after-call work (${busyMedia.join(', ')})`;
}

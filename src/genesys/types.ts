/**
 * The parts of Genesys Cloud's API models that the job reads and writes, written to the
 * official SDK's shapes (shared/reference/genesys/models.d.ts). Optional means the API may
 * leave it out; expands in particular are best effort.
 */

/** A user's lifecycle state; `deleted` users are only returned when asked for. */
export type UserState = 'active' | 'inactive' | 'deleted';

export interface EntityRef {
  id?: string;
  name?: string;
  selfUri?: string;
}

export interface MediaSummaryDetail {
  active?: number;
  acw?: number;
}

export interface MediaSummary {
  contactCenter?: MediaSummaryDetail;
  enterprise?: MediaSummaryDetail;
}

/** Per media type counts of a user's interactions (`expand=conversationSummary`). */
export interface UserConversationSummary {
  userId?: string;
  call?: MediaSummary;
  callback?: MediaSummary;
  email?: MediaSummary;
  message?: MediaSummary;
  chat?: MediaSummary;
  socialExpression?: MediaSummary;
  video?: MediaSummary;
}

export interface User {
  id: string;
  name?: string;
  email?: string;
  username?: string;
  state?: UserState;
  /** Required by the API on every update: the version the change is based on. */
  version: number;
  division?: EntityRef;
  department?: string;
  title?: string;
  manager?: EntityRef;
  conversationSummary?: UserConversationSummary;
  selfUri?: string;
}

export interface UserSearchCriteria {
  type: string;
  fields?: string[];
  value?: string;
  values?: string[];
  operator?: 'AND' | 'OR' | 'NOT';
  group?: UserSearchCriteria[];
}

export interface UserSearchRequest {
  pageSize?: number;
  pageNumber?: number;
  sortOrder?: string;
  sortBy?: string;
  expand?: string[];
  query?: UserSearchCriteria[];
}

export interface UsersSearchResponse {
  total: number;
  pageCount: number;
  pageSize: number;
  pageNumber: number;
  types?: string[];
  results?: User[];
}

export interface UserEntityListing {
  entities?: User[];
  pageSize?: number;
  pageNumber?: number;
  total?: number;
  pageCount?: number;
  nextUri?: string;
}

export interface ErrorBody {
  message?: string;
  code?: string;
  status?: number;
  messageParams?: Record<string, string>;
  contextId?: string;
  details?: { errorCode?: string; fieldName?: string }[];
  errors?: ErrorBody[];
}

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
}

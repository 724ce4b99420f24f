import { isJsonObject, readArray, type JsonObject, type JsonValue } from '../json.js';
import { parseFieldSpec, sendGraphError, sendJson } from './fake-http.js';
import { MEDIA_FIELD_NAMES, PROFILE_FIELD_NAMES, WEBHOOK_FIELDS } from './fake-metric-rules.js';
import { fakeUrl, type RouteContext } from './fake-route-context.js';
import type { FakeAccount, FakeMedia } from './fake-types.js';

// Nodes and edges of graph.instagram.com: /me, /<media-id>, /<ig-id>/media, /<ig-id>/subscribed_apps.

const DEFAULT_PAGE_SIZE = 25;

export function unsupportedRequest(context: RouteContext, objectId: string): void {
  sendGraphError(
    context.response,
    400,
    {
      message: `Unsupported get request. Object with ID '${objectId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      type: 'GraphMethodException',
      code: 100,
      subcode: 33,
    },
    context.headers,
  );
}

function nonexistingField(context: RouteContext, field: string, nodeType: string): void {
  sendGraphError(context.response, 400, { message: `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`, code: 100 }, context.headers);
}

function profileObject(context: RouteContext, account: FakeAccount, nodeId: string): JsonObject {
  const base: JsonObject = account.fixture
    ? { ...context.state.fixtures.me }
    : {
        id: account.appScopedId,
        user_id: account.igUserId,
        username: account.username,
        name: account.name,
        account_type: account.accountType,
        profile_picture_url: account.profilePictureUrl,
        followers_count: account.followersCount,
        follows_count: account.followsCount,
        media_count: account.mediaCount,
        biography: account.biography,
        website: account.website,
      };
  // Read through its IG id, the node's `id` is that id; through /me it is the app-scoped id.
  if (nodeId !== 'me') base['id'] = nodeId;
  return base;
}

/** Keeps the requested fields (always `id`), including `children{…}` sub-selections. */
function selectFields(source: JsonObject, fields: Map<string, string[] | null>): JsonObject {
  const selected: JsonObject = {};
  const id = source['id'];
  if (id !== undefined) selected['id'] = id;
  for (const [name, subFields] of fields) {
    const value = source[name];
    if (value === undefined) continue;
    if (subFields !== null && isJsonObject(value)) {
      const items = (readArray(value, 'data') ?? []).filter(isJsonObject).map((item) => selectFields(item, new Map(subFields.map((field) => [field, null]))));
      selected[name] = { data: items };
    } else {
      selected[name] = value;
    }
  }
  return selected;
}

function checkFields(context: RouteContext, fields: Map<string, string[] | null>, allowed: ReadonlySet<string>, nodeType: string): boolean {
  for (const field of fields.keys()) {
    if (!allowed.has(field)) {
      nonexistingField(context, field, nodeType);
      return false;
    }
  }
  return true;
}

/** GET /me, /<ig-id>, /<media-id> */
export function handleNode(context: RouteContext, account: FakeAccount, nodeId: string, media: FakeMedia | undefined): void {
  const fields = parseFieldSpec(context.request.query.get('fields') ?? 'id');
  if (media !== undefined) {
    if (!checkFields(context, fields, MEDIA_FIELD_NAMES, 'Media')) return;
    sendJson(context.response, 200, selectFields({ ...media.wire, username: account.username }, fields), context.headers);
    return;
  }
  if (!checkFields(context, fields, PROFILE_FIELD_NAMES, 'User')) return;
  sendJson(context.response, 200, selectFields(profileObject(context, account, nodeId), fields), context.headers);
}

function encodeCursor(offset: number): string {
  return Buffer.from(`fakecursor:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string): number | undefined {
  const match = /^fakecursor:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function unixParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/** GET /<ig-id>/media: cursor paging with `paging.next` carrying the access_token like the real API. */
export function handleMediaEdge(context: RouteContext, account: FakeAccount): void {
  const { query, path, token } = context.request;
  const fields = parseFieldSpec(query.get('fields') ?? 'id');
  if (!checkFields(context, fields, MEDIA_FIELD_NAMES, 'Media')) return;
  const requestedLimit = Number(query.get('limit') ?? DEFAULT_PAGE_SIZE);
  const limit = Number.isInteger(requestedLimit) && requestedLimit > 0 ? Math.min(requestedLimit, context.maxPageSize) : DEFAULT_PAGE_SIZE;
  const since = unixParam(query, 'since');
  const until = unixParam(query, 'until');
  const all = context.state.mediaOf(account).filter((media) => (since === undefined || media.createdAt >= since) && (until === undefined || media.createdAt <= until));

  const after = query.get('after');
  const before = query.get('before');
  let start = 0;
  if (after !== null || before !== null) {
    const offset = decodeCursor(after ?? before ?? '');
    if (offset === undefined) return sendGraphError(context.response, 400, { message: '(#100) Invalid cursor', code: 100 }, context.headers);
    start = after !== null ? offset : Math.max(0, offset - limit);
  }
  const page = all.slice(start, start + limit);
  const body: Record<string, JsonValue> = { data: page.map((media) => selectFields(media.wire, fields)) };
  if (page.length > 0) {
    const end = start + page.length;
    const paging: JsonObject = { cursors: { before: encodeCursor(start), after: encodeCursor(end) } };
    const base = new URLSearchParams(query);
    base.delete('after');
    base.delete('before');
    if (end < all.length) {
      const next = new URLSearchParams(base);
      next.set('after', encodeCursor(end));
      paging['next'] = fakeUrl(context, path, next, token);
    }
    if (start > 0) {
      const previous = new URLSearchParams(base);
      previous.set('before', encodeCursor(start));
      paging['previous'] = fakeUrl(context, path, previous, token);
    }
    body['paging'] = paging;
  }
  sendJson(context.response, 200, body, context.headers);
}

/** GET/POST/DELETE /<ig-id>/subscribed_apps (§7.1). */
export function handleSubscribedApps(context: RouteContext, account: FakeAccount): void {
  const { method, query, form } = context.request;
  const { subscriptions } = context.state;
  if (method === 'GET') {
    const fields = subscriptions.get(account.igUserId);
    sendJson(context.response, 200, { data: fields === undefined ? [] : [{ subscribed_fields: fields, id: context.state.settings.appId }] }, context.headers);
    return;
  }
  if (method === 'DELETE') {
    subscriptions.delete(account.igUserId);
    sendJson(context.response, 200, { success: true }, context.headers);
    return;
  }
  const raw = query.get('subscribed_fields') ?? form.get('subscribed_fields');
  if (raw === null || raw.trim() === '') return sendGraphError(context.response, 400, { message: '(#100) The parameter subscribed_fields is required', code: 100 }, context.headers);
  const fields = raw.split(',').map((field) => field.trim()).filter((field) => field !== '');
  const unknown = fields.find((field) => !WEBHOOK_FIELDS.has(field));
  if (unknown !== undefined) {
    return sendGraphError(context.response, 400, { message: `(#100) Param subscribed_fields[${fields.indexOf(unknown)}] must be one of {${[...WEBHOOK_FIELDS].join(', ')}} - got "${unknown}"`, code: 100 }, context.headers);
  }
  subscriptions.set(account.igUserId, fields);
  sendJson(context.response, 200, { success: true }, context.headers);
}

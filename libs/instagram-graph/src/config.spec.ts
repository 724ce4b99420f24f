import { InstagramClient } from './instagram-client.js';
import { INSTAGRAM_SCOPES, missingScopes } from './scopes.js';

const base = { appId: '990011', appSecret: 'secret-value', redirectUri: 'https://acme.instagrowth.test/cb' };

describe('client config', () => {
  it('applies the documented defaults', () => {
    const client = new InstagramClient(base);
    expect(client.config).toMatchObject({
      authorizeUrl: 'https://www.instagram.com/oauth/authorize',
      apiBaseUrl: 'https://api.instagram.com',
      graphBaseUrl: 'https://graph.instagram.com',
      graphVersion: 'v25.0',
      retries: 2,
      tokenTransport: 'header',
    });
    // The secret is not exposed on the public config object.
    expect(Object.values(client.config)).not.toContain('secret-value');
  });

  it('lists every bad field at once', () => {
    expect(() => new InstagramClient({ appId: '', appSecret: '', redirectUri: 'not a url', graphVersion: '25', retries: -1 })).toThrow(
      /appId is required; appSecret is required; redirectUri must be an http\(s\) URL; graphVersion must look like v25.0; retries must be a non-negative integer/,
    );
  });
});

describe('buildAuthorizeUrl', () => {
  it('asks for all five current scopes by default', () => {
    const url = new URL(new InstagramClient(base).buildAuthorizeUrl({ state: 'st-1' }));
    expect(`${url.origin}${url.pathname}`).toBe('https://www.instagram.com/oauth/authorize');
    expect(url.searchParams.get('client_id')).toBe('990011');
    expect(url.searchParams.get('redirect_uri')).toBe(base.redirectUri);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('scope')?.split(',')).toEqual([...INSTAGRAM_SCOPES]);
    expect(url.searchParams.get('state')).toBe('st-1');
    expect(url.searchParams.has('force_reauth')).toBe(false);
  });

  it('always includes instagram_business_basic and supports force_reauth', () => {
    const url = new URL(new InstagramClient(base).buildAuthorizeUrl({ state: 's', scopes: ['instagram_business_manage_insights'], forceReauth: true, enableFbLogin: false }));
    expect(url.searchParams.get('scope')).toBe('instagram_business_basic,instagram_business_manage_insights');
    expect(url.searchParams.get('force_reauth')).toBe('true');
    expect(url.searchParams.get('enable_fb_login')).toBe('0');
  });

  it('refuses an empty state', () => {
    expect(() => new InstagramClient(base).buildAuthorizeUrl({ state: '' })).toThrow(TypeError);
  });
});

describe('missingScopes', () => {
  it('names the scopes the user unticked', () => {
    expect(missingScopes(['instagram_business_basic', 'instagram_business_manage_insights'])).toEqual([
      'instagram_business_manage_comments',
      'instagram_business_manage_messages',
      'instagram_business_content_publish',
    ]);
  });
});

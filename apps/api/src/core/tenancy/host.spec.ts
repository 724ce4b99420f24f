import { classifyHost } from './host.js';

describe('classifyHost', () => {
  it('recognises the root, admin and workspace hosts with or without port', () => {
    expect(classifyHost('instagrowth.test', 'instagrowth.test')).toEqual({ realm: 'root' });
    expect(classifyHost('admin.instagrowth.test:3000', 'instagrowth.test')).toEqual({ realm: 'admin' });
    expect(classifyHost('Acme.InstaGrowth.test', 'instagrowth.test')).toEqual({ realm: 'workspace', slug: 'acme' });
    expect(classifyHost('demo.localhost:3000', 'localhost')).toEqual({ realm: 'workspace', slug: 'demo' });
  });

  it('treats other names as custom domains and IPs as unknown', () => {
    expect(classifyHost('growth.agency.com', 'instagrowth.test')).toEqual({ realm: 'custom-domain', hostname: 'growth.agency.com' });
    expect(classifyHost('127.0.0.1:3000', 'localhost')).toEqual({ realm: 'unknown', hostname: '127.0.0.1' });
    expect(classifyHost('a.b.instagrowth.test', 'instagrowth.test').realm).toBe('unknown');
    expect(classifyHost(undefined, 'localhost').realm).toBe('unknown');
  });
});
